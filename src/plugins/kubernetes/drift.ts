import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import type { ObjectClient } from './client.js';
import { apiStatus, toOperationError } from './errors.js';
import type { K8sObject } from './health.js';

/*
 * Drift of Kubernetes objects: the fields a desired object sets, compared with the live object.
 * Fields the server adds (status, defaults, managed fields) are not drift; a field the definition
 * sets and the live object lacks or holds differently is. Shared by the Kubernetes plugin's
 * check_drift and the Helm plugin's (a release's manifest against the cluster).
 */

/** `Kind namespace/name`, as messages name an object. */
export const describeObject = (o: { kind: string; name: string; namespace?: string | null }) => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;

/** The live object, or undefined when the server says it does not exist. */
export async function readLive(objects: ObjectClient, ref: K8sObject): Promise<K8sObject | undefined> {
  try {
    return JSON.parse(JSON.stringify(await objects.read(ref as never))) as K8sObject;
  } catch (err) {
    if (apiStatus(err) === 404) return undefined;
    throw toOperationError(err, `reading ${describeObject({ kind: ref.kind, name: ref.metadata.name ?? '', namespace: ref.metadata.namespace ?? null })}`);
  }
}

/** The paths of the fields `want` sets that `have` does not hold the same way. */
export function fieldDifferences(want: YamlValue, have: YamlValue | undefined, at = ''): string[] {
  if (isYamlMap(want)) {
    if (!isYamlMap(have ?? null)) return [at || '.'];
    return Object.entries(want).flatMap(([k, v]) => fieldDifferences(v, (have as YamlMap)[k], at ? `${at}.${k}` : k));
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(have) || have.length !== want.length) return [at];
    return want.flatMap((v, i) => fieldDifferences(v, have[i], `${at}[${i}]`));
  }
  // Quantities and ports may come back as numbers or strings.
  return String(want) === String(have ?? '') ? [] : [at];
}

/**
 * The desired object as the server stores it, where the two differ by design: a Secret's
 * write-only `stringData` is merged into `data` (base64) and never read back.
 */
export function asStored(o: K8sObject): K8sObject {
  if (o.kind !== 'Secret' || !isYamlMap((o as unknown as YamlMap)['stringData'] ?? null)) return o;
  const { stringData, ...rest } = o as unknown as YamlMap & { stringData: YamlMap; data?: YamlMap };
  const data: YamlMap = { ...(isYamlMap(rest['data'] ?? null) ? (rest['data'] as YamlMap) : {}) };
  for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64');
  return { ...rest, data } as unknown as K8sObject;
}

/** Per object that drifted (`Kind ns/name`): the differing fields, or `missing`. In sync objects are left out. */
export async function objectsDrift(objects: ObjectClient, desired: K8sObject[]): Promise<YamlMap> {
  const drift: YamlMap = {};
  for (const wanted of desired) {
    const o = asStored(wanted);
    const live = await readLive(objects, o);
    const name = describeObject({ kind: o.kind, name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? null });
    if (!live) drift[name] = ['missing'];
    else {
      const diffs = fieldDifferences(o as unknown as YamlValue, live as unknown as YamlValue);
      if (diffs.length > 0) drift[name] = diffs;
    }
  }
  return drift;
}
