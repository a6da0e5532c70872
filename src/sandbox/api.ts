import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { apiVersionOf, ResourceCatalog, splitApiVersion, type ResourceType } from './catalog.js';
import { alreadyExists, ApiError, invalid, notFound } from './errors.js';
import { clone, isPlainObject, type KubeObject } from './objects.js';
import { fieldSet, jsonPatch, mergePatch, PatchError, pruneDropped, strategicMerge } from './patch.js';
import { matchesFields, matchesRequirements, parseFieldSelector, parseLabelSelector, type SelectorError } from './selectors.js';
import { crdSchemaFrom, schemaCauses } from './openapi.js';
import { validateObject } from './validation.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  resourceVersion: number;
  /** `group/plural` of the object. */
  resource: string;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';

export interface WriteOptions {
  fieldManager?: string;
  force?: boolean;
  dryRun?: boolean;
  subresource?: 'status' | 'scale';
}

export interface DeleteOptions {
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

/** Objects are stored under `group/plural` → `namespace/name`. */
const resourceKey = (type: ResourceType) => `${type.group}/${type.plural}`;
const objectKey = (ns: string | undefined, name: string) => `${ns ?? ''}/${name}`;

const HISTORY = 10_000;

/**
 * The API server's storage and write semantics, without HTTP: metadata (uid, resourceVersion,
 * generation, timestamps, managedFields), validation, optimistic concurrency, the patch
 * flavours, server-side apply, finalizers and foreground deletion, admission defaults
 * (Service IPs and node ports, default StorageClass, Secret stringData), CRDs registering kinds.
 */
export class SandboxApi {
  readonly catalog = new ResourceCatalog();
  /** CRDs' version schemas, read from the stored CustomResourceDefinitions. */
  private readonly crdSchemas = crdSchemaFrom((name) => {
    const crdType = this.catalog.byKind('apiextensions.k8s.io', 'CustomResourceDefinition');
    try {
      return crdType ? this.get(crdType, undefined, name) : undefined;
    } catch {
      return undefined;
    }
  });
  private readonly store = new Map<string, Map<string, KubeObject>>();
  private readonly history: WatchEvent[] = [];
  private readonly listeners = new Set<(e: WatchEvent) => void>();
  /** What each field manager last applied, for server-side apply's removal of dropped fields. */
  private readonly applied = new Map<string, unknown>();
  private revision = 1;
  private nextServiceIp = 10;
  private nextNodePort = 30000;

  get resourceVersion(): number {
    return this.revision;
  }

  onChange(listener: (e: WatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events after `rv` (undefined when history no longer reaches back that far). */
  eventsSince(rv: number): WatchEvent[] | undefined {
    const first = this.history[0];
    if (first && rv < first.resourceVersion - 1) return undefined;
    return this.history.filter((e) => e.resourceVersion > rv);
  }

  typeOf(apiVersion: string, kind: string): ResourceType {
    const { group, version } = splitApiVersion(apiVersion);
    const type = this.catalog.byKind(group, kind);
    if (!type?.versions.includes(version))
      throw new ApiError(404, `the server could not find the requested resource (kind ${kind} in version "${apiVersion}")`, 'NotFound');
    return type;
  }

  // ---- reads ----

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const obj = this.bucket(type).get(objectKey(type.namespaced ? namespace : undefined, name));
    if (!obj) throw notFound(type.kind, type.plural, type.group, name);
    return clone(obj);
  }

  find(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const obj = this.bucket(type).get(objectKey(type.namespaced ? namespace : undefined, name));
    return obj ? clone(obj) : undefined;
  }

  list(type: ResourceType, namespace: string | undefined, options: ListOptions = {}): KubeObject[] {
    let labels: ReturnType<typeof parseLabelSelector> = [];
    let fields: ReturnType<typeof parseFieldSelector> = [];
    try {
      if (options.labelSelector) labels = parseLabelSelector(options.labelSelector);
      if (options.fieldSelector) fields = parseFieldSelector(options.fieldSelector);
    } catch (err) {
      throw new ApiError(400, (err as SelectorError).message);
    }
    const out: KubeObject[] = [];
    for (const obj of this.bucket(type).values()) {
      if (namespace !== undefined && type.namespaced && obj.metadata.namespace !== namespace) continue;
      if (!matchesRequirements(obj.metadata.labels, labels) || !matchesFields(obj, fields)) continue;
      out.push(clone(obj));
    }
    return out.sort((a, b) => `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace ?? ''}/${b.metadata.name}`));
  }

  /** Every stored object of a kind, for controllers (not cloned: callers must not mutate). */
  peek(group: string, kind: string): KubeObject[] {
    const type = this.catalog.byKind(group, kind);
    return type ? [...this.bucket(type).values()] : [];
  }

  // ---- writes ----

  create(type: ResourceType, namespace: string | undefined, body: unknown, options: WriteOptions = {}, operation: 'Update' | 'Apply' = 'Update'): KubeObject {
    const obj = this.checkBody(type, namespace, body);
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = `${obj.metadata.generateName}${randomUUID().replace(/-/g, '').slice(0, 5)}`;
    const ns = type.namespaced ? (obj.metadata.namespace ?? namespace ?? 'default') : undefined;
    if (type.namespaced) {
      obj.metadata.namespace = ns;
      const nsObj = this.bucket(this.catalog.byKind('', 'Namespace')!).get(objectKey(undefined, ns!));
      if (!nsObj) throw notFound('Namespace', 'namespaces', '', ns!);
      if (nsObj.metadata.deletionTimestamp)
        throw new ApiError(
          403,
          `${type.plural} "${obj.metadata.name ?? ''}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
          'Forbidden',
        );
    } else delete obj.metadata.namespace;
    // The status subresource is written separately; a create carries none.
    if (type.status && obj.kind !== 'Node') delete obj.status;
    this.admit(type, obj, undefined);
    this.mustBeValid(type, obj);
    if (this.bucket(type).has(objectKey(ns, obj.metadata.name!))) throw alreadyExists(type.plural, type.group, obj.metadata.name!);
    const now = new Date().toISOString();
    obj.metadata.uid = randomUUID();
    obj.metadata.creationTimestamp = now.replace(/\.\d+Z$/, 'Z');
    obj.metadata.generation = 1;
    obj.metadata.managedFields = [managedEntry(options.fieldManager ?? 'unknown', operation, obj)];
    if (options.dryRun) return obj;
    return this.commit(type, obj, 'ADDED');
  }

  replace(type: ResourceType, namespace: string | undefined, name: string, body: unknown, options: WriteOptions = {}): KubeObject {
    const current = this.get(type, namespace, name);
    const obj = this.checkBody(type, namespace, body);
    if (obj.metadata.name !== name) throw new ApiError(400, `the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`);
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== current.metadata.resourceVersion) throw conflict(type, name);
    return this.update(type, current, obj, options, 'Update');
  }

  patch(type: ResourceType, namespace: string | undefined, name: string, patchType: PatchType, body: unknown, options: WriteOptions = {}): KubeObject {
    const existing = this.find(type, namespace, name);
    if (patchType === 'apply') {
      if (!options.fieldManager) throw new ApiError(400, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
      const applied = this.checkBody(type, namespace, body);
      if (applied.metadata.name !== name)
        throw new ApiError(400, `the name of the object (${applied.metadata.name ?? ''}) does not match the name on the URL (${name})`);
      const memo = `${resourceKey(type)}|${namespace ?? ''}/${name}|${options.fieldManager}|${options.subresource ?? ''}`;
      if (!existing) {
        const created = this.create(type, namespace, applied, options, 'Apply');
        if (!options.dryRun) this.applied.set(memo, clone(applied));
        return created;
      }
      const base = pruneDropped(existing, this.applied.get(memo), applied) as KubeObject;
      const merged = strategicMerge(base, stripServerFields(applied)) as KubeObject;
      const result = this.update(type, existing, merged, options, 'Apply', applied);
      if (!options.dryRun) this.applied.set(memo, clone(applied));
      return result;
    }
    if (!existing) throw notFound(type.kind, type.plural, type.group, name);
    let patched: unknown;
    try {
      patched = patchType === 'json' ? jsonPatch(existing, body) : patchType === 'merge' ? mergePatch(existing, body) : strategicMerge(existing, body);
    } catch (err) {
      if (err instanceof PatchError) throw new ApiError(err.code, err.message);
      throw err;
    }
    if (!isPlainObject(patched)) throw new ApiError(422, 'the patch produced something that is not an object');
    const obj = patched as KubeObject;
    const rv = obj.metadata?.resourceVersion;
    if (rv && rv !== existing.metadata.resourceVersion) throw conflict(type, name);
    return this.update(type, existing, obj, options, 'Update');
  }

  delete(type: ResourceType, namespace: string | undefined, name: string, options: DeleteOptions = {}): { object: KubeObject; gone: boolean } {
    const obj = this.get(type, namespace, name);
    if (options.preconditions?.uid && options.preconditions.uid !== obj.metadata.uid)
      throw new ApiError(
        409,
        `Precondition failed: UID in precondition: ${options.preconditions.uid}, UID in object meta: ${obj.metadata.uid ?? ''}`,
        'Conflict',
      );
    if (options.preconditions?.resourceVersion && options.preconditions.resourceVersion !== obj.metadata.resourceVersion) throw conflict(type, name);
    if (options.dryRun) return { object: obj, gone: false };
    const finalizers = new Set(obj.metadata.finalizers ?? []);
    const policy = options.propagationPolicy ?? (obj.kind === 'Namespace' ? 'Foreground' : 'Background');
    if (obj.kind === 'Namespace') finalizers.add('kubernetes');
    else if (policy === 'Foreground' && this.hasDependents(obj)) finalizers.add('foregroundDeletion');
    else if (policy === 'Orphan') finalizers.add('orphan');
    if (finalizers.size === 0) {
      this.remove(type, obj);
      return { object: obj, gone: true };
    }
    if (!obj.metadata.deletionTimestamp) obj.metadata.deletionTimestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    obj.metadata.deletionGracePeriodSeconds = 0;
    obj.metadata.finalizers = [...finalizers].filter((f) => f !== 'kubernetes');
    if (obj.kind === 'Namespace') obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
    return { object: this.commit(type, obj, 'MODIFIED'), gone: false };
  }

  // ---- controller-side writes: no validation, no admission ----

  /** Writes an object as a controller would (status, finalizers, scheduling). */
  write(obj: KubeObject): KubeObject {
    const type = this.typeOf(obj.apiVersion, obj.kind);
    const current = this.bucket(type).get(objectKey(type.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name!));
    if (!current) throw notFound(type.kind, type.plural, type.group, obj.metadata.name!);
    if (isDeepStrictEqual(current, obj)) return current;
    if (obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).length === 0 && obj.kind !== 'Namespace') {
      this.remove(type, obj);
      return obj;
    }
    return this.commit(type, clone(obj), 'MODIFIED');
  }

  /** Creates an object on behalf of a controller (defaults and admission apply, validation does not). */
  createInternal(obj: KubeObject): KubeObject {
    const type = this.typeOf(obj.apiVersion, obj.kind);
    const copy = clone(obj);
    if (!copy.metadata.name && copy.metadata.generateName) copy.metadata.name = `${copy.metadata.generateName}${randomUUID().replace(/-/g, '').slice(0, 5)}`;
    this.admit(type, copy, undefined);
    copy.metadata.uid = randomUUID();
    copy.metadata.creationTimestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    copy.metadata.generation = 1;
    return this.commit(type, copy, 'ADDED');
  }

  removeInternal(obj: KubeObject): void {
    const type = this.typeOf(obj.apiVersion, obj.kind);
    if (this.bucket(type).has(objectKey(type.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name!))) this.remove(type, obj);
  }

  // ---- internals ----

  private bucket(type: ResourceType): Map<string, KubeObject> {
    const key = resourceKey(type);
    let b = this.store.get(key);
    if (!b) {
      b = new Map();
      this.store.set(key, b);
    }
    return b;
  }

  private checkBody(type: ResourceType, namespace: string | undefined, body: unknown): KubeObject {
    if (!isPlainObject(body)) throw new ApiError(400, 'the request body must be a JSON or YAML object');
    const obj = clone(body) as KubeObject;
    if (obj.kind !== undefined && obj.kind !== type.kind)
      throw new ApiError(400, `the API version in the data (${String(obj.apiVersion)}) does not match the expected API version or kind (${type.kind})`);
    const { group } = splitApiVersion(String(obj.apiVersion ?? apiVersionOf(type.group, type.versions[0]!)));
    if (group !== type.group)
      throw new ApiError(
        400,
        `the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${apiVersionOf(type.group, type.versions[0]!)})`,
      );
    obj.kind = type.kind;
    obj.apiVersion = apiVersionOf(type.group, type.versions[0]!);
    if (!isPlainObject(obj.metadata)) obj.metadata = {};
    if (type.namespaced && namespace !== undefined && obj.metadata.namespace !== undefined && obj.metadata.namespace !== namespace) {
      throw new ApiError(400, 'the namespace of the provided object does not match the namespace sent on the request');
    }
    return obj;
  }

  private mustBeValid(type: ResourceType, obj: KubeObject): void {
    const own = validateObject(obj);
    // The kind's schema too (a CRD's openAPIV3Schema for its custom resources); the checks above win for a field.
    const fromSchema = schemaCauses(this.catalog, type, type.versions[0]!, obj, this.crdSchemas).filter((c) => !own.some((o) => o.field === c.field));
    const causes = [...own, ...fromSchema];
    if (causes.length > 0) throw invalid(type.kind, obj.metadata.name ?? '', type.group, causes);
  }

  private update(
    type: ResourceType,
    current: KubeObject,
    next: KubeObject,
    options: WriteOptions,
    operation: 'Update' | 'Apply',
    applied?: KubeObject,
  ): KubeObject {
    const obj = clone(next);
    obj.apiVersion = current.apiVersion;
    obj.kind = current.kind;
    if (!isPlainObject(obj.metadata)) obj.metadata = {};
    for (const k of ['uid', 'creationTimestamp', 'deletionTimestamp', 'namespace', 'name', 'generation'] as const) {
      const meta = obj.metadata as Record<string, unknown>;
      if (current.metadata[k] === undefined) delete meta[k];
      else meta[k] = current.metadata[k];
    }
    if (type.status) {
      if (options.subresource === 'status') {
        const status = obj.status;
        Object.assign(obj, clone(current), { status });
        obj.metadata = clone(current.metadata);
      } else if (current.status !== undefined) obj.status = clone(current.status);
      else delete obj.status;
    }
    if (options.subresource !== 'status') {
      this.admit(type, obj, current);
      this.mustBeValid(type, obj);
    }
    const specOf = (o: KubeObject) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'metadata' && k !== 'status'));
    if (!isDeepStrictEqual(specOf(obj), specOf(current))) obj.metadata.generation = (current.metadata.generation ?? 1) + 1;
    const manager = options.fieldManager ?? 'unknown';
    const others = (current.metadata.managedFields ?? []).filter((m) => !(m['manager'] === manager && m['operation'] === operation));
    obj.metadata.managedFields = [...others, managedEntry(manager, operation, applied ?? obj, options.subresource)];
    if (options.dryRun) return obj;
    // An object being deleted goes once its last finalizer is removed.
    if (obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).length === 0 && obj.kind !== 'Namespace') {
      this.remove(type, obj);
      return obj;
    }
    const unchanged = isDeepStrictEqual(
      { ...obj, metadata: { ...obj.metadata, managedFields: undefined, resourceVersion: undefined } },
      { ...current, metadata: { ...current.metadata, managedFields: undefined, resourceVersion: undefined } },
    );
    if (unchanged) return current;
    return this.commit(type, obj, 'MODIFIED');
  }

  /** Defaults and allocations the real API server's admission chain makes. */
  private admit(type: ResourceType, obj: KubeObject, current: KubeObject | undefined): void {
    obj.spec ??= {};
    const spec = obj.spec;
    switch (obj.kind) {
      case 'Namespace':
        spec['finalizers'] ??= ['kubernetes'];
        if (!current) obj.status = { phase: 'Active' };
        break;
      case 'Service': {
        spec['type'] ??= 'ClusterIP';
        spec['sessionAffinity'] ??= 'None';
        const previous = current?.spec ?? {};
        if (spec['type'] !== 'ExternalName') {
          spec['clusterIP'] ??= previous['clusterIP'] ?? this.allocateServiceIp();
          spec['clusterIPs'] ??= [spec['clusterIP']];
        }
        if (Array.isArray(spec['ports'])) {
          const oldPorts = Array.isArray(previous['ports']) ? (previous['ports'] as Array<Record<string, unknown>>) : [];
          for (const p of spec['ports'] as Array<Record<string, unknown>>) {
            if (!isPlainObject(p)) continue;
            p['protocol'] ??= 'TCP';
            p['targetPort'] ??= p['port'];
            if (spec['type'] === 'NodePort' || spec['type'] === 'LoadBalancer')
              p['nodePort'] ??= oldPorts.find((o) => o['port'] === p['port'])?.['nodePort'] ?? this.nextNodePort++;
          }
        }
        break;
      }
      case 'Secret': {
        const data = isPlainObject(obj['data']) ? (obj['data'] as Record<string, string>) : {};
        if (isPlainObject(obj['stringData'])) {
          for (const [k, v] of Object.entries(obj['stringData'])) data[k] = Buffer.from(String(v)).toString('base64');
          delete obj['stringData'];
        }
        obj['data'] = data;
        obj['type'] ??= 'Opaque';
        delete obj.spec;
        break;
      }
      case 'PersistentVolumeClaim':
        if (spec['storageClassName'] === undefined) {
          const defaultClass = this.peek('storage.k8s.io', 'StorageClass').find(
            (s) => s.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
          );
          if (defaultClass) spec['storageClassName'] = defaultClass.metadata.name;
        }
        spec['volumeMode'] ??= 'Filesystem';
        if (!current) obj.status = { phase: 'Pending' };
        break;
      case 'Pod':
        spec['restartPolicy'] ??= 'Always';
        spec['schedulerName'] ??= 'default-scheduler';
        if (!current) obj.status = { phase: 'Pending', conditions: [] };
        break;
      case 'Deployment':
      case 'ReplicaSet':
      case 'StatefulSet':
        spec['replicas'] ??= 1;
        if (obj.kind === 'Deployment') spec['strategy'] ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
        break;
      case 'Job':
        spec['completions'] ??= 1;
        spec['parallelism'] ??= 1;
        spec['backoffLimit'] ??= 6;
        break;
      default:
        if (Object.keys(spec).length === 0 && !isPlainObject(current?.spec)) delete obj.spec;
    }
    if (
      obj.spec &&
      Object.keys(obj.spec).length === 0 &&
      ['ConfigMap', 'ServiceAccount', 'Secret', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'StorageClass'].includes(obj.kind)
    )
      delete obj.spec;
    void type;
  }

  private allocateServiceIp(): string {
    const n = this.nextServiceIp++;
    return `10.96.${Math.floor(n / 250)}.${(n % 250) + 1}`;
  }

  private hasDependents(owner: KubeObject): boolean {
    for (const bucket of this.store.values())
      for (const o of bucket.values()) if (o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid)) return true;
    return false;
  }

  /** Objects anywhere that name `uid` as an owner (the garbage collector's graph). */
  dependentsOf(uid: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const bucket of this.store.values()) for (const o of bucket.values()) if (o.metadata.ownerReferences?.some((r) => r.uid === uid)) out.push(o);
    return out;
  }

  existsUid(uid: string): boolean {
    for (const bucket of this.store.values()) for (const o of bucket.values()) if (o.metadata.uid === uid) return true;
    return false;
  }

  private commit(type: ResourceType, obj: KubeObject, eventType: WatchEventType): KubeObject {
    this.revision++;
    obj.metadata.resourceVersion = String(this.revision);
    this.bucket(type).set(objectKey(obj.metadata.namespace, obj.metadata.name!), obj);
    if (obj.kind === 'CustomResourceDefinition') this.registerCrd(obj);
    this.emit({ type: eventType, object: clone(obj), resourceVersion: this.revision, resource: resourceKey(type) });
    return clone(obj);
  }

  private remove(type: ResourceType, obj: KubeObject): void {
    this.bucket(type).delete(objectKey(obj.metadata.namespace, obj.metadata.name!));
    for (const k of [...this.applied.keys()])
      if (k.startsWith(`${resourceKey(type)}|${obj.metadata.namespace ?? ''}/${obj.metadata.name}|`)) this.applied.delete(k);
    this.revision++;
    const gone = clone(obj);
    gone.metadata.resourceVersion = String(this.revision);
    if (obj.kind === 'CustomResourceDefinition') this.unregisterCrd(obj);
    this.emit({ type: 'DELETED', object: gone, resourceVersion: this.revision, resource: resourceKey(type) });
  }

  private emit(event: WatchEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY) this.history.splice(0, this.history.length - HISTORY);
    for (const l of this.listeners) l(event);
  }

  private registerCrd(crd: KubeObject): void {
    const spec = crd.spec as {
      group: string;
      scope?: string;
      names: { kind: string; plural: string; singular?: string; shortNames?: string[] };
      versions: Array<{ name: string; served?: boolean; storage?: boolean; subresources?: { status?: unknown; scale?: unknown } }>;
    };
    const served = spec.versions.filter((v) => v.served !== false);
    const storage = served.find((v) => v.storage) ?? served[0];
    if (!storage) return;
    this.catalog.add({
      group: spec.group,
      versions: [storage.name, ...served.map((v) => v.name).filter((v) => v !== storage.name)],
      kind: spec.names.kind,
      plural: spec.names.plural,
      singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
      namespaced: spec.scope !== 'Cluster',
      ...(spec.names.shortNames ? { shortNames: spec.names.shortNames } : {}),
      status: Boolean(storage.subresources?.status),
      scale: Boolean(storage.subresources?.scale),
      crd: crd.metadata.name!,
    });
  }

  private unregisterCrd(crd: KubeObject): void {
    const spec = crd.spec as { group: string; names: { plural: string } };
    const type = this.catalog.byPlural(spec.group, this.catalog.all().find((x) => x.crd === crd.metadata.name)?.versions[0] ?? '', spec.names.plural);
    if (type) {
      for (const o of [...this.bucket(type).values()]) this.remove(type, o);
      this.store.delete(resourceKey(type));
    }
    this.catalog.remove(spec.group, spec.names.plural);
  }
}

function conflict(type: ResourceType, name: string): ApiError {
  return new ApiError(
    409,
    `Operation cannot be fulfilled on ${type.group ? `${type.plural}.${type.group}` : type.plural} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    'Conflict',
    { name, group: type.group, kind: type.plural },
  );
}

function stripServerFields(obj: KubeObject): KubeObject {
  const copy = clone(obj);
  for (const k of ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields'] as const) delete copy.metadata[k];
  return copy;
}

function managedEntry(manager: string, operation: 'Update' | 'Apply', obj: KubeObject, subresource?: string): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, metadata, ...rest } = obj;
  const meta: Record<string, unknown> = {};
  for (const k of ['labels', 'annotations', 'finalizers', 'ownerReferences'] as const) if (metadata[k] !== undefined) meta[k] = metadata[k];
  return {
    manager,
    operation,
    apiVersion: obj.apiVersion,
    time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    fieldsType: 'FieldsV1',
    fieldsV1: fieldSet({ ...(Object.keys(meta).length ? { metadata: meta } : {}), ...rest }),
    ...(subresource ? { subresource } : {}),
  };
}
