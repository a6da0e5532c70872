import type { Constraint } from './model.js';
import type { YamlValue } from './yaml-loader.js';
import { isDeepStrictEqual } from 'node:util';

/** Constraint operators of Cloudify DSL inputs (dsl_parser/constraints.py). */
export const CONSTRAINT_NAMES = [
  'equal',
  'greater_than',
  'greater_or_equal',
  'less_than',
  'less_or_equal',
  'in_range',
  'valid_values',
  'length',
  'min_length',
  'max_length',
  'pattern',
  // Manager-side filters: accepted, not checked (they query a Cloudify manager).
  'filter_id',
  'labels',
  'tenants',
  'name_pattern',
  'deployment_id',
] as const;

const MANAGER_ONLY = new Set(['filter_id', 'labels', 'tenants', 'name_pattern', 'deployment_id']);

/** Returns a reason when the constraint's own argument is malformed. */
export function checkConstraintArgument(c: Constraint): string | undefined {
  const a = c.argument;
  switch (c.name) {
    case 'in_range':
      return Array.isArray(a) && a.length === 2 ? undefined : 'in_range takes a list of two bounds';
    case 'valid_values':
      return Array.isArray(a) ? undefined : 'valid_values takes a list';
    case 'length':
    case 'min_length':
    case 'max_length':
      return typeof a === 'number' && Number.isInteger(a) && a >= 0 ? undefined : `${c.name} takes a non-negative integer`;
    case 'pattern':
      if (typeof a !== 'string') return 'pattern takes a regular expression string';
      try {
        new RegExp(a);
        return undefined;
      } catch {
        return `'${a}' is not a valid regular expression`;
      }
    default:
      return undefined;
  }
}

function sizeOf(v: YamlValue): number | undefined {
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (v && typeof v === 'object') return Object.keys(v).length;
  return undefined;
}

function compare(a: YamlValue, b: YamlValue): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

/** True when `value` satisfies the constraint (manager-only filters always pass). */
export function satisfies(c: Constraint, value: YamlValue): boolean {
  const a = c.argument;
  switch (c.name) {
    case 'equal':
      return isDeepStrictEqual(value, a);
    case 'greater_than':
      return (compare(value, a) ?? -1) > 0;
    case 'greater_or_equal':
      return (compare(value, a) ?? -1) >= 0;
    case 'less_than':
      return (compare(value, a) ?? 1) < 0;
    case 'less_or_equal':
      return (compare(value, a) ?? 1) <= 0;
    case 'in_range': {
      if (!Array.isArray(a)) return false;
      const lo = compare(value, a[0] ?? null);
      const hi = compare(value, a[1] ?? null);
      return lo !== undefined && hi !== undefined && lo >= 0 && hi <= 0;
    }
    case 'valid_values':
      return Array.isArray(a) && a.some((v) => isDeepStrictEqual(v, value));
    case 'length':
      return sizeOf(value) === a;
    case 'min_length':
      return (sizeOf(value) ?? -1) >= (a as number);
    case 'max_length':
      return (sizeOf(value) ?? Infinity) <= (a as number);
    case 'pattern':
      // Cloudify applies Python's re.match: anchored at the start, not at the end.
      return typeof value === 'string' && new RegExp(`^(?:${a as string})`).test(value);
    default:
      return MANAGER_ONLY.has(c.name);
  }
}

/** A value that satisfies all constraints, for placeholder inputs in conformance runs. */
export function sampleSatisfying(constraints: Constraint[], fallback: YamlValue): YamlValue {
  for (const c of constraints) {
    if (c.name === 'valid_values' && Array.isArray(c.argument) && c.argument.length > 0) return c.argument[0]!;
    if (c.name === 'equal') return c.argument;
    if (c.name === 'in_range' && Array.isArray(c.argument)) return c.argument[0] ?? fallback;
  }
  let v = fallback;
  for (const c of constraints) {
    if (typeof v === 'number') {
      if (c.name === 'greater_than' && typeof c.argument === 'number' && !(v > c.argument)) v = c.argument + 1;
      if (c.name === 'greater_or_equal' && typeof c.argument === 'number' && !(v >= c.argument)) v = c.argument;
      if (c.name === 'less_than' && typeof c.argument === 'number' && !(v < c.argument)) v = c.argument - 1;
      if (c.name === 'less_or_equal' && typeof c.argument === 'number' && !(v <= c.argument)) v = c.argument;
    }
    if (typeof v === 'string') {
      if ((c.name === 'min_length' || c.name === 'length') && typeof c.argument === 'number') v = v.padEnd(c.argument, 'x');
      if ((c.name === 'max_length' || c.name === 'length') && typeof c.argument === 'number') v = v.slice(0, c.argument);
    }
  }
  return v;
}
