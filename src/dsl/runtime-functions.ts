import { IsthmusError } from '../errors.js';
import { applyValueFunction, asFunctionCall, dig, type FunctionCall } from './functions.js';
import { isYamlMap, type YamlMap, type YamlValue } from './yaml-loader.js';

/**
 * What runtime functions need from the world. Implemented by the step runtime (inside an
 * operation) and by the engine (for outputs); this module stays pure.
 */
export interface RuntimeResolver {
  /** get_attribute: `ref` is SELF, SOURCE, TARGET or a node name; runtime properties first, then node properties. */
  attribute(ref: string, path: Array<string | number>): Promise<YamlValue>;
  /** get_attributes_list: the attribute of every instance of a node. */
  attributesList(node: string, path: Array<string | number>): Promise<YamlValue[]>;
  /** get_attributes_dict: instance id → { attribute: value } for the named attributes. */
  attributesDict(node: string, attributes: Array<string | number>): Promise<YamlMap>;
  /** get_property at run time (SOURCE/TARGET in relationship operations, nested functions). */
  property(ref: string, path: Array<string | number>): Promise<YamlValue>;
  secret(name: string, path: Array<string | number>): Promise<YamlValue>;
  capability(deploymentId: string, capability: string, path: Array<string | number>): Promise<YamlValue>;
  environmentCapability(capability: string, path: Array<string | number>): Promise<YamlValue>;
  sys(entity: string, property: string): Promise<YamlValue>;
  label(key: string, index: number | undefined): Promise<YamlValue>;
  input(name: string, path: Array<string | number>): Promise<YamlValue>;
}

/** Raised when a runtime function cannot be evaluated (unknown node, ambiguous instance, missing secret). */
export class FunctionEvaluationError extends IsthmusError {
  override readonly name = 'FunctionEvaluationError';
  constructor(message: string) {
    super('function.evaluation', message);
  }
}

function pathOf(args: YamlValue[]): Array<string | number> {
  return args.map((a) => (typeof a === 'number' ? a : String(a)));
}

/** Evaluates every function in `value` (runtime and static alike), innermost first. */
export async function evaluateFunctions(value: YamlValue, resolver: RuntimeResolver): Promise<YamlValue> {
  const call = asFunctionCall(value);
  if (call) return evaluateCall(call, resolver);
  if (Array.isArray(value)) return Promise.all(value.map((v) => evaluateFunctions(v, resolver)));
  if (isYamlMap(value)) {
    const out: YamlMap = {};
    for (const [k, v] of Object.entries(value)) out[k] = await evaluateFunctions(v, resolver);
    return out;
  }
  return value;
}

async function evaluateCall(call: FunctionCall, resolver: RuntimeResolver): Promise<YamlValue> {
  const raw = await evaluateFunctions(call.args, resolver);
  const list = Array.isArray(raw) ? raw : [raw];
  const [first, ...rest] = list;
  switch (call.name) {
    case 'get_attribute':
      return resolver.attribute(String(first), pathOf(rest));
    case 'get_attributes_list':
      return resolver.attributesList(String(first), pathOf(rest));
    case 'get_attributes_dict':
      return resolver.attributesDict(String(first), pathOf(rest));
    case 'get_property':
      return resolver.property(String(first), pathOf(rest));
    case 'get_input':
      return resolver.input(String(first), pathOf(rest));
    case 'get_secret':
      return resolver.secret(String(first), pathOf(rest));
    case 'get_capability':
    case 'get_group_capability':
      return resolver.capability(String(first), String(rest[0]), pathOf(rest.slice(1)));
    case 'get_environment_capability':
      return resolver.environmentCapability(String(first), pathOf(rest));
    case 'get_sys':
      return resolver.sys(String(first), String(rest[0]));
    case 'get_label':
      return resolver.label(String(first), typeof rest[0] === 'number' ? rest[0] : undefined);
    case 'concat':
    case 'merge':
    case 'string_find':
    case 'string_replace':
    case 'string_split':
    case 'string_lower':
    case 'string_upper':
      return applyValueFunction(call.name, raw);
  }
}

/** get_attribute's lookup order: runtime properties, then the node's properties. */
export function attributeOf(runtimeProperties: YamlMap, properties: YamlMap, path: Array<string | number>): YamlValue {
  const [head, ...tail] = path;
  const key = String(head);
  if (Object.hasOwn(runtimeProperties, key)) return dig(runtimeProperties[key] ?? null, tail);
  if (Object.hasOwn(properties, key)) return dig(properties[key] ?? null, tail);
  return null;
}
