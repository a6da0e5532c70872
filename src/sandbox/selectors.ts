import type { KubeObject } from './objects.js';

/** A parsed label selector requirement (the string form kubectl and the clients send). */
interface Requirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | '!exists';
  values: string[];
}

export class SelectorError extends Error {
  override readonly name = 'SelectorError';
}

/** Parses `a=b,c!=d,e in (x,y),f notin (z),g,!h`. */
export function parseLabelSelector(text: string): Requirement[] {
  const out: Requirement[] = [];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current);
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    const setBased = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    const notEqual = setBased ? null : /^([^\s!=]+)\s*!=\s*(\S*)$/.exec(part);
    const equal = setBased || notEqual ? null : /^([^\s!=]+)\s*==?\s*(\S*)$/.exec(part);
    const absent = setBased || notEqual || equal ? null : /^!([^\s!=]+)$/.exec(part);
    if (setBased) {
      out.push({
        key: setBased[1]!,
        op: setBased[2] as 'in' | 'notin',
        values: setBased[3]!
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      });
    } else if (notEqual) {
      out.push({ key: notEqual[1]!, op: 'notin', values: [notEqual[2]!] });
    } else if (equal) {
      out.push({ key: equal[1]!, op: 'in', values: [equal[2]!] });
    } else if (absent) {
      out.push({ key: absent[1]!, op: '!exists', values: [] });
    } else if (/^[^\s!=()]+$/.test(part)) {
      out.push({ key: part, op: 'exists', values: [] });
    } else {
      throw new SelectorError(`unable to parse requirement: '${part}'`);
    }
  }
  return out;
}

export function matchesRequirements(labels: Record<string, string> | undefined, reqs: Requirement[]): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.hasOwn(l, r.key);
    switch (r.op) {
      case 'in':
        return has && r.values.includes(l[r.key]!);
      case 'notin':
        return !has || !r.values.includes(l[r.key]!);
      case 'exists':
        return has;
      case '!exists':
        return !has;
      default:
        return false;
    }
  });
}

/** A `metav1.LabelSelector` object (matchLabels + matchExpressions), as workloads carry them. */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

export function matchesSelectorObject(labels: Record<string, string> | undefined, selector: LabelSelectorObject | undefined): boolean {
  if (!selector) return false;
  const reqs: Requirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, v]) => ({ key, op: 'in', values: [v] }));
  for (const e of selector.matchExpressions ?? []) {
    const op = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!exists';
    reqs.push({ key: e.key, op, values: e.values ?? [] });
  }
  return matchesRequirements(labels, reqs);
}

/** Field selectors: `metadata.name=x,spec.nodeName!=y,status.phase=Running` on any dotted path. */
export function parseFieldSelector(text: string): Array<{ path: string[]; equal: boolean; value: string }> {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const m = /^([A-Za-z0-9_.]+)\s*(!=|==|=)\s*(.*)$/.exec(p);
      if (!m) throw new SelectorError(`invalid field selector: '${p}'`);
      return { path: m[1]!.split('.'), equal: m[2] !== '!=', value: m[3]! };
    });
}

export function matchesFields(obj: KubeObject, reqs: ReturnType<typeof parseFieldSelector>): boolean {
  return reqs.every((r) => {
    let v: unknown = obj;
    for (const k of r.path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    const s = v === undefined || v === null ? '' : String(v);
    return r.equal ? s === r.value : s !== r.value;
  });
}
