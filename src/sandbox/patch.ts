import { clone, isPlainObject, type Json } from './objects.js';

export class PatchError extends Error {
  override readonly name = 'PatchError';
  constructor(
    message: string,
    readonly code: 400 | 422 = 422,
  ) {
    super(message);
  }
}

/** RFC 7386 JSON merge patch: maps merge, null deletes, everything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  const out: Record<string, unknown> = isPlainObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test). */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new PatchError('a JSON patch must be an array of operations', 400);
  let doc = clone(target);
  const parse = (p: unknown): string[] => {
    if (typeof p !== 'string' || (p !== '' && !p.startsWith('/'))) throw new PatchError(`invalid JSON pointer '${String(p)}'`, 400);
    return p === ''
      ? []
      : p
          .slice(1)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  };
  const parentOf = (path: string[]): { parent: Record<string, unknown> | unknown[]; key: string } => {
    let cur: unknown = doc;
    for (const k of path.slice(0, -1)) {
      cur = Array.isArray(cur) ? cur[Number(k)] : isPlainObject(cur) ? cur[k] : undefined;
      if (cur === undefined) throw new PatchError(`path '/${path.join('/')}' does not exist`);
    }
    if (!Array.isArray(cur) && !isPlainObject(cur)) throw new PatchError(`path '/${path.join('/')}' does not exist`);
    return { parent: cur, key: path[path.length - 1]! };
  };
  const get = (path: string[]): unknown => {
    let cur: unknown = doc;
    for (const k of path) {
      cur = Array.isArray(cur) ? cur[Number(k)] : isPlainObject(cur) ? cur[k] : undefined;
      if (cur === undefined) throw new PatchError(`path '/${path.join('/')}' does not exist`);
    }
    return cur;
  };
  const remove = (path: string[]): unknown => {
    const { parent, key } = parentOf(path);
    if (Array.isArray(parent)) {
      const i = Number(key);
      if (!(i >= 0 && i < parent.length)) throw new PatchError(`index ${key} out of range`);
      return parent.splice(i, 1)[0];
    }
    if (!(key in parent)) throw new PatchError(`path '/${path.join('/')}' does not exist`);
    const v = parent[key];
    delete parent[key];
    return v;
  };
  const add = (path: string[], value: unknown, replace = false) => {
    if (path.length === 0) {
      doc = clone(value);
      return;
    }
    const { parent, key } = parentOf(path);
    if (Array.isArray(parent)) {
      const i = key === '-' ? parent.length : Number(key);
      if (!(i >= 0 && i <= parent.length)) throw new PatchError(`index ${key} out of range`);
      if (replace) parent[i] = clone(value);
      else parent.splice(i, 0, clone(value));
    } else {
      if (replace && !(key in parent)) throw new PatchError(`path '/${path.join('/')}' does not exist`);
      parent[key] = clone(value);
    }
  };
  for (const op of ops) {
    if (!isPlainObject(op)) throw new PatchError('each JSON patch operation must be an object', 400);
    const path = parse(op['path']);
    switch (op['op']) {
      case 'add':
        add(path, op['value']);
        break;
      case 'remove':
        remove(path);
        break;
      case 'replace':
        add(path, op['value'], true);
        break;
      case 'move':
        add(path, remove(parse(op['from'])));
        break;
      case 'copy':
        add(path, get(parse(op['from'])));
        break;
      case 'test':
        if (JSON.stringify(get(path)) !== JSON.stringify(op['value'])) throw new PatchError(`test failed at '${String(op['path'])}'`);
        break;
      default:
        throw new PatchError(`unknown JSON patch operation '${String(op['op'])}'`, 400);
    }
  }
  return doc;
}

/**
 * The merge key of a list for strategic merge, read from its items: Kubernetes' Go structs
 * declare them (containers/volumes/env by name, container ports by containerPort, service
 * ports by port, volumeMounts by mountPath, conditions by type). Lists without one are replaced.
 */
function mergeKeyOf(items: unknown[]): string | undefined {
  const objects = items.filter(isPlainObject);
  if (objects.length === 0 || objects.length !== items.length) return undefined;
  for (const key of ['containerPort', 'mountPath', 'devicePath', 'name', 'type', 'ip', 'topologyKey']) {
    if (objects.every((o) => o[key] !== undefined)) {
      // Service ports carry names too, but merge by port.
      if (key === 'name' && objects.every((o) => typeof o['port'] === 'number' && o['targetPort'] !== undefined)) return 'port';
      return key;
    }
  }
  if (objects.every((o) => o['port'] !== undefined)) return 'port';
  return undefined;
}

/** Strategic merge patch, for the common cases (see the sandbox README). */
export function strategicMerge(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  if (patch['$patch'] === 'replace') {
    const { $patch: _, ...rest } = patch;
    return clone(rest);
  }
  const out: Record<string, unknown> = isPlainObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v) && Array.isArray(out[k])) out[k] = mergeList(out[k] as unknown[], v);
    else out[k] = strategicMerge(out[k], v);
  }
  return out;
}

function mergeList(current: unknown[], patch: unknown[]): unknown[] {
  const key = mergeKeyOf(patch.filter((p) => !(isPlainObject(p) && p['$patch'] === 'delete' && Object.keys(p).length === 1)));
  if (!key || !mergeKeyOf(current.length ? current : patch)) return clone(patch.filter((p) => !(isPlainObject(p) && p['$patch'])));
  const out = clone(current) as Array<Record<string, unknown>>;
  for (const item of patch as Array<Record<string, unknown>>) {
    const i = out.findIndex((o) => o[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) out[i] = strategicMerge(out[i], item) as Record<string, unknown>;
    else out.push(clone(item));
  }
  return out;
}

/**
 * Removes from `live` what a manager applied before (`previous`) and no longer applies
 * (`next`): server-side apply's ownership rule, limited to one manager's own history.
 */
export function pruneDropped(live: unknown, previous: unknown, next: unknown): unknown {
  if (!isPlainObject(live) || !isPlainObject(previous)) return live;
  const out = { ...live };
  const nextMap = isPlainObject(next) ? next : {};
  for (const [k, prev] of Object.entries(previous)) {
    if (!(k in nextMap)) {
      delete out[k];
      continue;
    }
    const nv = nextMap[k];
    if (isPlainObject(prev) && isPlainObject(nv)) out[k] = pruneDropped(out[k], prev, nv);
    else if (Array.isArray(prev) && Array.isArray(nv) && Array.isArray(out[k])) {
      const key = mergeKeyOf(prev);
      if (key && mergeKeyOf(nv) === key) {
        const kept = new Set(nv.map((x) => (x as Record<string, unknown>)[key]));
        const dropped = new Set(prev.map((x) => (x as Record<string, unknown>)[key]).filter((x) => !kept.has(x)));
        out[k] = (out[k] as Array<Record<string, unknown>>)
          .filter((x) => !dropped.has(x[key]))
          .map((x) => {
            const p = prev.find((y) => (y as Record<string, unknown>)[key] === x[key]);
            const n = nv.find((y) => (y as Record<string, unknown>)[key] === x[key]);
            return p && n ? (pruneDropped(x, p, n) as Record<string, unknown>) : x;
          });
      }
    }
  }
  return out;
}

/** The `fieldsV1` form of the fields a value sets (managedFields). */
export function fieldSet(value: unknown): Json {
  if (isPlainObject(value)) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[`f:${k}`] = fieldSet(v);
    return out;
  }
  if (Array.isArray(value)) {
    const key = mergeKeyOf(value);
    if (!key) return {};
    const out: Record<string, Json> = {};
    for (const item of value as Array<Record<string, unknown>>) out[`k:${JSON.stringify({ [key]: item[key] })}`] = fieldSet(item);
    return out;
  }
  return {};
}
