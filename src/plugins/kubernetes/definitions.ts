import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { renderJinja } from '../templates.js';
import { OperationError } from '../../runtime/errors.js';
import type { K8sObject } from './health.js';

/** One object a node wants: `key` names it in runtime properties ('' for a node's single definition). */
export interface DesiredObject {
  key: string;
  object: K8sObject;
}

const isMap = isYamlMap;

/** Kinds that others in the same file may need first. */
const FIRST = [
  'Namespace',
  'CustomResourceDefinition',
  'StorageClass',
  'ServiceAccount',
  'ClusterRole',
  'Role',
  'ClusterRoleBinding',
  'RoleBinding',
  'ConfigMap',
  'Secret',
  'PersistentVolume',
  'PersistentVolumeClaim',
];

/** Creation order: namespaces and CRDs first, then what workloads mount, then the rest in file order. */
export function creationOrder(objects: DesiredObject[]): DesiredObject[] {
  const rank = (o: DesiredObject) => {
    const i = FIRST.indexOf(o.object.kind);
    return i < 0 ? FIRST.length : i;
  };
  return objects
    .map((o, i) => ({ o, i }))
    .sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i)
    .map((x) => x.o);
}

/**
 * Renders `{{ NAME }}` (or `{{ a.b }}`) from template_variables, as Cloudify's Jinja rendering does
 * for the simple cases; an unknown name is an error with its line, never an empty string.
 */
export function renderTemplate(text: string, variables: YamlMap, file: string): string {
  // A plain `{{ name }}` that template_variables does not give is a mistake worth naming with its
  // line (Jinja would render it as nothing); everything else is Jinja, rendered by nunjucks.
  for (const m of text.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g)) {
    let v: YamlValue | undefined = variables;
    for (const part of m[1]!.split('.')) v = isMap(v) ? v[part] : undefined;
    if (v === undefined) {
      const line = text.slice(0, m.index).split('\n').length;
      throw new OperationError(
        `${file}:${line}: template variable '${m[1]}' is not given in template_variables (known: ${Object.keys(variables).join(', ') || 'none'})`,
        false,
      );
    }
  }
  return renderJinja(text, variables, file);
}

async function fileObjects(blueprintDir: string, spec: YamlValue | undefined, at: string): Promise<DesiredObject[]> {
  if (!isMap(spec) || typeof spec['resource_path'] !== 'string' || !spec['resource_path']) throw new OperationError(`${at}: resource_path is required`, false);
  const rel = spec['resource_path'];
  const full = path.resolve(blueprintDir, rel);
  if (path.relative(blueprintDir, full).startsWith('..')) throw new OperationError(`${at}: '${rel}' is outside the blueprint directory`, false);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch {
    throw new OperationError(`${at}: resource file '${rel}' does not exist next to the blueprint`, false);
  }
  const variables = isMap(spec['template_variables']) ? spec['template_variables'] : {};
  const rendered = renderTemplate(text, variables, rel);
  const out: DesiredObject[] = [];
  parseAllDocuments(rendered).forEach((doc, i) => {
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      throw new OperationError(`${rel}:${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`, false);
    }
    const value = doc.toJSON() as unknown;
    if (value === null || value === undefined) return;
    out.push({ key: `${rel}#${i}`, object: checkObject(value, `${rel} document ${i + 1}`) });
  });
  if (out.length === 0) throw new OperationError(`${rel} holds no Kubernetes objects`, false);
  return out;
}

export function checkObject(value: unknown, at: string): K8sObject {
  if (!isMap(value as YamlValue)) throw new OperationError(`${at}: a Kubernetes object must be a mapping`, false);
  const o = value as K8sObject;
  if (o.apiVersion === undefined) o.apiVersion = 'v1';
  if (typeof o.apiVersion !== 'string' || !o.apiVersion) throw new OperationError(`${at}: apiVersion is missing`, false);
  if (typeof o.kind !== 'string' || !o.kind) throw new OperationError(`${at}: kind is missing`, false);
  if (!isMap(o.metadata as YamlValue) || typeof o.metadata.name !== 'string' || !o.metadata.name)
    throw new OperationError(`${at}: metadata.name is missing`, false);
  const copy = JSON.parse(JSON.stringify(o)) as K8sObject;
  // Data-type defaults add empty `spec: {}`, `data: {}`, `secrets: []` to kinds that may not have
  // them; server-side apply refuses fields a kind does not declare, and empty ones mean nothing.
  for (const [k, v] of Object.entries(copy)) {
    if (k === 'metadata') continue;
    if ((Array.isArray(v) && v.length === 0) || (isMap(v as YamlValue) && Object.keys(v as object).length === 0)) delete copy[k];
  }
  return copy;
}

export type DefinitionStyle = 'definition' | 'file' | 'files';

/** The objects a node defines, from its (evaluated) properties, overridden by operation inputs. */
export async function desiredObjects(style: DefinitionStyle, props: YamlMap, inputs: YamlMap, blueprintDir: string, nodeId: string): Promise<DesiredObject[]> {
  if (style === 'definition') {
    const def = inputs['definition'] ?? props['definition'];
    const object = checkObject(def, `node '${nodeId}' definition`);
    return [{ key: '', object }];
  }
  if (style === 'file') return fileObjects(blueprintDir, inputs['file'] ?? props['file'], `node '${nodeId}' file`);
  const files = inputs['files'] ?? props['files'];
  if (!Array.isArray(files) || files.length === 0)
    throw new OperationError(`node '${nodeId}': files must be a non-empty list of {resource_path, template_variables}`, false);
  const out: DesiredObject[] = [];
  for (const [i, f] of files.entries())
    out.push(...(await fileObjects(blueprintDir, typeof f === 'string' ? { resource_path: f } : f, `node '${nodeId}' files[${i}]`)));
  return out;
}
