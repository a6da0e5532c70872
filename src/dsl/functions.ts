import type { Diagnostics, SourcePosition } from './errors.js';
import { namespaced } from './merge.js';
import { copyLocation, positionOf } from './source-map.js';
import { isYamlMap, type YamlMap, type YamlValue } from './yaml-loader.js';

/**
 * Cloudify's intrinsic functions. `static` ones are evaluated when the plan is made;
 * `runtime` ones are kept in the plan, in Cloudify's own `{name: args}` form, and evaluated by
 * the engine when an operation runs or outputs are read.
 * Reference: cloudify-common dsl_parser/functions.py.
 */
export const FUNCTION_PHASES = {
  get_input: 'static',
  get_property: 'static',
  concat: 'static',
  merge: 'static',
  string_find: 'static',
  string_replace: 'static',
  string_split: 'static',
  string_lower: 'static',
  string_upper: 'static',
  get_attribute: 'runtime',
  get_attributes_list: 'runtime',
  get_attributes_dict: 'runtime',
  get_secret: 'runtime',
  get_capability: 'runtime',
  get_environment_capability: 'runtime',
  get_group_capability: 'runtime',
  get_sys: 'runtime',
  get_label: 'runtime',
} as const;

export type FunctionName = keyof typeof FUNCTION_PHASES;

/** A recognised intrinsic function call. */
export interface FunctionCall {
  name: FunctionName;
  args: YamlValue;
  /** The `{name: args}` mapping itself (for positions). */
  node: YamlMap;
}

/** A runtime function kept in a plan: the `{get_attribute: [...]}` mapping Cloudify users write. */
export type DeferredFunction = { [K in FunctionName]?: YamlValue };

export function asFunctionCall(value: YamlValue | undefined): FunctionCall | undefined {
  if (!isYamlMap(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const name = keys[0]!;
  if (!Object.hasOwn(FUNCTION_PHASES, name)) return undefined;
  return { name: name as FunctionName, args: value[name] ?? null, node: value };
}

export function containsFunction(value: YamlValue | undefined, phase?: 'static' | 'runtime'): boolean {
  const call = asFunctionCall(value);
  if (call && (!phase || FUNCTION_PHASES[call.name] === phase)) return true;
  if (call) return containsFunction(call.args, phase);
  if (Array.isArray(value)) return value.some((v) => containsFunction(v, phase));
  if (isYamlMap(value)) return Object.values(value).some((v) => containsFunction(v, phase));
  return false;
}

const SPECIAL_NODE_REFS = new Set(['SELF', 'SOURCE', 'TARGET']);

/**
 * Rewrites references inside an element of a namespaced import (`ns--file.yaml`) so that
 * they point at that import's own inputs and nodes, as Cloudify does.
 */
export function applyNamespace(value: YamlValue, namespace: string | undefined): YamlValue {
  if (!namespace) return value;
  const call = asFunctionCall(value);
  if (call) {
    let args = applyNamespace(call.args, namespace);
    if (
      call.name === 'get_input' ||
      call.name === 'get_property' ||
      call.name === 'get_attribute' ||
      call.name === 'get_attributes_list' ||
      call.name === 'get_attributes_dict'
    ) {
      if (typeof args === 'string') args = namespaced(namespace, args);
      else if (Array.isArray(args) && typeof args[0] === 'string' && !SPECIAL_NODE_REFS.has(args[0])) {
        args = copyLocation(args, [namespaced(namespace, args[0]), ...args.slice(1)]);
      }
    }
    return copyLocation(value, { [call.name]: args } as YamlMap);
  }
  if (Array.isArray(value))
    return copyLocation(
      value,
      value.map((v) => applyNamespace(v, namespace)),
    );
  if (isYamlMap(value)) {
    const out: YamlMap = {};
    for (const [k, v] of Object.entries(value)) out[k] = applyNamespace(v, namespace);
    return copyLocation(value, out);
  }
  return value;
}

/** Where a value sits, which decides what SELF/SOURCE/TARGET may mean. */
export interface FunctionScope {
  /** Node template the value belongs to (SELF), if any. */
  self?: string;
  /** Relationship context: SOURCE and TARGET are allowed. */
  source?: string;
  target?: string;
  /** Human description for errors: "node 'vm' property 'ip'". */
  where: string;
  /** Inputs may refer to other inputs only (in defaults); outputs may not use SELF. */
  kind: 'input' | 'property' | 'operation' | 'relationship' | 'output' | 'capability' | 'other';
  /** Where to point errors when the function itself has no recorded position (e.g. a type default). */
  at?: SourcePosition;
}

export interface StaticResolver {
  inputValue(name: string): { found: true; value: YamlValue } | { found: false };
  /** Resolved property of a node template (may recurse into get_property). */
  nodeProperty(node: string, path: Array<string | number>, at: SourcePosition | undefined): { found: true; value: YamlValue } | { found: false };
  nodeExists(node: string): boolean;
}

/** Validates every function call inside `value` (shape and references) without evaluating it. */
export function checkFunctions(value: YamlValue, scope: FunctionScope, resolver: StaticResolver, diagnostics: Diagnostics): void {
  const call = asFunctionCall(value);
  if (call) {
    checkCall(call, scope, resolver, diagnostics);
    checkFunctions(call.args, scope, resolver, diagnostics);
    return;
  }
  if (Array.isArray(value)) for (const v of value) checkFunctions(v, scope, resolver, diagnostics);
  else if (isYamlMap(value)) for (const v of Object.values(value)) checkFunctions(v, scope, resolver, diagnostics);
}

function checkCall(call: FunctionCall, scope: FunctionScope, resolver: StaticResolver, diagnostics: Diagnostics): void {
  const at = positionOf(call.node) ?? scope.at;
  const bad = (message: string, hint: string) => diagnostics.error('function.arguments', `${call.name} in ${scope.where}: ${message}`, at, hint);
  const args = call.args;
  switch (call.name) {
    case 'get_input': {
      const name = Array.isArray(args) ? args[0] : args;
      if (asFunctionCall(name)) return;
      if (typeof name !== 'string' || (Array.isArray(args) && args.length < 1)) {
        bad('expects an input name or [input_name, key, ...]', 'write { get_input: name } or { get_input: [name, key] }');
        return;
      }
      if (!resolver.inputValue(name).found) {
        diagnostics.error(
          'function.unknown-input',
          `${scope.where} refers to input '${name}', which is not declared`,
          at,
          "declare it under 'inputs:' or fix the name",
        );
      }
      return;
    }
    case 'get_property':
    case 'get_attribute':
    case 'get_attributes_list':
    case 'get_attributes_dict': {
      const min = call.name === 'get_attributes_list' || call.name === 'get_attributes_dict' ? 1 : 2;
      if (!Array.isArray(args) || args.length < min || typeof args[0] !== 'string') {
        bad(`expects [node, attribute, ...] with at least ${min} items`, `write { ${call.name}: [SELF, name] } or { ${call.name}: [node_name, name] }`);
        return;
      }
      const ref = args[0];
      for (const [i, item] of args.slice(1).entries()) {
        if (typeof item !== 'string' && typeof item !== 'number' && !asFunctionCall(item)) {
          bad(`path item ${i + 1} must be a name, an index or a function`, 'use strings for keys and integers for list indices');
        }
      }
      if (ref === 'SELF') {
        if (!scope.self) bad('SELF is only valid inside a node template', 'name the node explicitly');
      } else if (ref === 'SOURCE' || ref === 'TARGET') {
        if (scope.kind !== 'relationship') bad(`${ref} is only valid in relationship operations`, 'use SELF or a node name');
      } else if (!resolver.nodeExists(ref)) {
        diagnostics.error(
          'function.unknown-node',
          `${scope.where} refers to node '${ref}', which does not exist`,
          at,
          'use SELF or the name of a node template',
        );
      }
      return;
    }
    case 'concat':
    case 'merge':
      if (!Array.isArray(args)) bad('expects a list', `write { ${call.name}: [a, b, ...] }`);
      return;
    case 'get_secret':
    case 'get_environment_capability':
    case 'get_label':
      if (!(typeof args === 'string' || asFunctionCall(args) || (Array.isArray(args) && args.length >= 1))) {
        bad('expects a name or [name, key, ...]', `write { ${call.name}: name }`);
      }
      return;
    case 'get_capability':
    case 'get_group_capability':
      if (!Array.isArray(args) || args.length < 2) bad('expects [deployment_id, capability, ...]', `write { ${call.name}: [deployment_id, capability_name] }`);
      return;
    case 'get_sys':
      if (!Array.isArray(args) || args.length !== 2) bad('expects [deployment|tenant, property]', 'write { get_sys: [deployment, id] }');
      return;
    case 'string_find':
    case 'string_replace':
    case 'string_split':
      if (!Array.isArray(args) || args.length < 2) bad('expects a list of at least two items', `write { ${call.name}: [haystack, needle, ...] }`);
      return;
    case 'string_lower':
    case 'string_upper':
      return;
  }
}

/**
 * Evaluates static functions in `value`. Runtime functions (and static ones whose arguments
 * depend on runtime ones) are returned in Cloudify's `{name: args}` form with what could be
 * resolved already resolved. Unknown references were reported by `checkFunctions`; here
 * they resolve to null.
 */
export function resolveStatic(value: YamlValue, scope: FunctionScope, resolver: StaticResolver): YamlValue {
  return resolveInner(value, scope, resolver);
}

function resolveInner(value: YamlValue, scope: FunctionScope, resolver: StaticResolver): YamlValue {
  const call = asFunctionCall(value);
  if (!call) {
    if (Array.isArray(value)) {
      let changed = false;
      const out = value.map((v) => {
        const r = resolveInner(v, scope, resolver);
        if (r !== v) changed = true;
        return r;
      });
      return changed ? copyLocation(value, out) : value;
    }
    if (isYamlMap(value)) {
      let changed = false;
      const out: YamlMap = {};
      for (const [k, v] of Object.entries(value)) {
        const r = resolveInner(v, scope, resolver);
        if (r !== v) changed = true;
        out[k] = r;
      }
      return changed ? copyLocation(value, out) : value;
    }
    return value;
  }
  const args = resolveInner(call.args, scope, resolver);
  const keep = (): YamlValue => copyLocation(call.node, { [call.name]: args } as YamlMap);
  if (FUNCTION_PHASES[call.name] === 'runtime' || containsFunction(args)) {
    // get_property on SOURCE/TARGET outside a known relationship stays for run time too.
    return keep();
  }
  const at = positionOf(call.node) ?? scope.at;
  switch (call.name) {
    case 'get_input': {
      const [name, ...path] = Array.isArray(args) ? args : [args];
      if (typeof name !== 'string') return null;
      const found = resolver.inputValue(name);
      if (!found.found) return null;
      return dig(found.value, path as Array<string | number>);
    }
    case 'get_property': {
      if (!Array.isArray(args) || typeof args[0] !== 'string') return null;
      let node = args[0];
      if (node === 'SELF') node = scope.self ?? '';
      else if (node === 'SOURCE') {
        if (!scope.source) return keep();
        node = scope.source;
      } else if (node === 'TARGET') {
        if (!scope.target) return keep();
        node = scope.target;
      }
      const found = resolver.nodeProperty(node, args.slice(1) as Array<string | number>, at);
      return found.found ? found.value : null;
    }
    case 'concat':
    case 'merge':
    case 'string_find':
    case 'string_replace':
    case 'string_split':
    case 'string_lower':
    case 'string_upper':
      return applyValueFunction(call.name, args);
    default:
      return keep();
  }
}

export type ValueFunctionName = 'concat' | 'merge' | 'string_find' | 'string_replace' | 'string_split' | 'string_lower' | 'string_upper';

/**
 * The functions that only compute with their (already evaluated) arguments, shared by plan-time
 * resolution and run-time evaluation so both give the same answer.
 */
export function applyValueFunction(name: ValueFunctionName, args: YamlValue): YamlValue {
  const list = Array.isArray(args) ? args : [args];
  switch (name) {
    case 'concat':
      return Array.isArray(args) ? args.map(stringifyLikePython).join('') : null;
    case 'merge': {
      if (!Array.isArray(args)) return null;
      const out: YamlMap = {};
      for (const part of args) if (isYamlMap(part)) Object.assign(out, part);
      return out;
    }
    case 'string_find':
      return String(list[0] ?? '').indexOf(String(list[1] ?? ''));
    case 'string_replace': {
      const [text0, from, to, count] = list;
      let text = String(text0 ?? '');
      const needle = String(from ?? '');
      const replacement = String(to ?? '');
      const limit = typeof count === 'number' && count >= 0 ? count : Infinity;
      let replaced = 0;
      let idx = needle === '' ? -1 : text.indexOf(needle);
      while (idx >= 0 && replaced < limit) {
        text = text.slice(0, idx) + replacement + text.slice(idx + needle.length);
        replaced++;
        idx = text.indexOf(needle, idx + replacement.length);
      }
      return text;
    }
    case 'string_split': {
      const parts = String(list[0] ?? '').split(String(list[1] ?? ' '));
      return typeof list[2] === 'number' ? (parts[list[2]] ?? null) : parts;
    }
    case 'string_lower':
      return String(list[0] ?? '').toLowerCase();
    case 'string_upper':
      return String(list[0] ?? '').toUpperCase();
  }
}

/** Walks a path of keys and indices into a value; null when a step is missing. */
export function dig(value: YamlValue, path: Array<string | number>): YamlValue {
  let current: YamlValue = value;
  for (const step of path) {
    if (Array.isArray(current) && typeof step === 'number') current = current[step] ?? null;
    else if (isYamlMap(current) && Object.hasOwn(current, String(step))) current = current[String(step)] ?? null;
    else return null;
  }
  return current;
}

/** Cloudify's concat joins Python `str()` of each part; keep its spelling of booleans and null. */
function stringifyLikePython(v: YamlValue): string {
  if (typeof v === 'string') return v;
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null) return 'None';
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}
