import { OperationError } from '../../runtime/errors.js';

/**
 * How Cloudify REST templates turn a response into runtime properties (`response_translation`)
 * and judge it (`response_expectation`, `nonrecoverable_response`). Formats, as the Cloudify
 * utilities SDK documents them: v1 mirrors the response, each leaf a list naming where its value
 * goes (a list at the top takes the whole response); v3 maps each property to a path in the
 * response. v2 (list-of-lists rules) is refused with a clear error.
 */
export type Translation = unknown;

function setPath(out: Record<string, unknown>, path: string[], v: unknown): void {
  let cur = out;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      const existing = cur[key];
      // Elements of a list response land in a list.
      cur[key] = Array.isArray(existing) ? [...existing, v] : v;
      return;
    }
    const next = cur[key];
    const child = (next && typeof next === 'object' && !Array.isArray(next) ? next : {}) as Record<string, unknown>;
    cur[key] = child;
    cur = child;
  }
}

const isPath = (rule: unknown): rule is string[] => Array.isArray(rule) && rule.length > 0 && rule.every((p) => typeof p === 'string' || typeof p === 'number');

function v1(rule: unknown, data: unknown, out: Record<string, unknown>): void {
  if (isPath(rule)) {
    setPath(out, rule.map(String), data);
    return;
  }
  if (Array.isArray(rule)) {
    // [ {rule for each element} ] over a list response.
    const [each] = rule;
    if (rule.length === 1 && each && typeof each === 'object' && Array.isArray(data)) {
      for (const [, item] of data.entries()) {
        const one: Record<string, unknown> = {};
        v1(each, item, one);
        mergeLists(out, one);
      }
      return;
    }
    throw new OperationError(
      `response_translation: cannot apply ${JSON.stringify(rule)} (list-of-lists rules are the v2 format, which Isthmus does not read; use v1 or v3)`,
      false,
    );
  }
  if (rule && typeof rule === 'object' && data && typeof data === 'object') {
    for (const [k, r] of Object.entries(rule)) if (k in data) v1(r, (data as Record<string, unknown>)[k], out);
  }
}

function mergeLists(out: Record<string, unknown>, one: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(one)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if (!out[k] || typeof out[k] !== 'object' || Array.isArray(out[k])) out[k] = {};
      const sub = out[k] as Record<string, unknown>;
      mergeLists(sub, v as Record<string, unknown>);
    } else out[k] = [...(Array.isArray(out[k]) ? (out[k] as unknown[]) : []), v];
  }
}

/** The value at a path of keys and list indices; undefined when the path does not exist. */
export function valueAt(data: unknown, path: unknown[]): unknown {
  let cur = data;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[Number(p)] : (cur as Record<string, unknown>)[String(p)];
  }
  return cur;
}

/** Applies a translation rule (format v1, v3 or auto) to a response body, into `out`. */
export function translateResponse(rule: Translation, format: string | undefined, data: unknown, out: Record<string, unknown>): void {
  if (rule === null || rule === undefined) return;
  const f = (format ?? 'auto').toLowerCase();
  if (f === 'v2') throw new OperationError('response_translation: the v2 format is not supported by Isthmus; write the rule in v1 or v3', false);
  if (f === 'v3') {
    if (!rule || typeof rule !== 'object' || Array.isArray(rule))
      throw new OperationError('response_translation (v3) must map property names to paths in the response', false);
    for (const [name, path] of Object.entries(rule)) out[name] = valueAt(data, Array.isArray(path) ? path : [path]);
    return;
  }
  if (f !== 'v1' && f !== 'auto') throw new OperationError(`translation_format '${format}' is not one of v1, v2, v3, auto`, false);
  v1(rule, data, out);
}

/**
 * Whether a response matches a list of expectations, each `[path…, expected]` (expected may be a
 * list of acceptable values); values compare as strings, as Cloudify compares them.
 */
export function matchesExpectations(expectations: unknown, data: unknown): { ok: boolean; failed?: string } {
  if (!Array.isArray(expectations) || expectations.length === 0) return { ok: true };
  const list = expectations.every((e) => Array.isArray(e)) ? (expectations as unknown[][]) : [expectations as unknown[]];
  for (const e of list) {
    const path = e.slice(0, -1);
    const expected = e[e.length - 1];
    const actual = valueAt(data, path);
    const accepted = (Array.isArray(expected) ? expected : [expected]).map(String);
    if (!accepted.includes(typeof actual === 'object' ? JSON.stringify(actual) : String(actual)))
      return { ok: false, failed: `${path.join('.')} is ${JSON.stringify(actual)}, expected ${accepted.join(' or ')}` };
  }
  return { ok: true };
}
