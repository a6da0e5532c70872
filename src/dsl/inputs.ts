import type { Diagnostics } from './errors.js';
import { satisfies, sampleSatisfying } from './constraints.js';
import { applyNamespace, checkFunctions, containsFunction, resolveStatic, type StaticResolver } from './functions.js';
import type { Element } from './merge.js';
import type { Blueprint, DataType, PropertySchema } from './model.js';
import { checkValue, parseSchemaEntry } from './schema.js';
import type { YamlMap, YamlValue } from './yaml-loader.js';
import { isYamlMap } from './yaml-loader.js';

export type InputSchema = Blueprint['inputs'][string];

export interface InputOptions {
  /** When a required input has no value, use a placeholder of its type (conformance runs). */
  placeholders?: boolean;
}

export function parseInputs(elements: Map<string, Element>, diagnostics: Diagnostics): Record<string, InputSchema> {
  const out: Record<string, InputSchema> = {};
  for (const el of elements.values()) {
    const raw = applyNamespace(el.value, el.namespace);
    const parsed = parseSchemaEntry(raw, `input '${el.name}'`, el.position, diagnostics, {});
    const schema: InputSchema = { ...parsed };
    if (el.position) schema.position = el.position;
    if (isYamlMap(raw)) {
      if (typeof raw['display_label'] === 'string') schema.displayLabel = raw['display_label'];
      if (typeof raw['hidden'] === 'boolean') schema.hidden = raw['hidden'];
    }
    out[el.name] = schema;
  }
  return out;
}

/**
 * Computes every input's value: given, else default (defaults may use other inputs and
 * concat; get_secret stays for run time), else an error — or a placeholder when asked. Each
 * value is checked against its type and constraints, naming the input and the constraint.
 */
export function resolveInputValues(
  schemas: Record<string, InputSchema>,
  given: YamlMap,
  dataTypes: Record<string, DataType>,
  diagnostics: Diagnostics,
  options: InputOptions = {},
): YamlMap {
  for (const name of Object.keys(given)) {
    if (!schemas[name]) {
      diagnostics.error(
        'input.unknown',
        `input '${name}' is given but the blueprint does not declare it`,
        undefined,
        `declared inputs: ${Object.keys(schemas).join(', ') || '(none)'}`,
      );
    }
  }
  const values: YamlMap = {};
  const state = new Map<string, 'pending' | 'done'>();
  const resolver: StaticResolver = {
    inputValue: (name) => {
      if (!schemas[name]) return { found: false };
      const v = compute(name);
      return { found: true, value: v };
    },
    nodeProperty: () => ({ found: false }),
    nodeExists: () => false,
  };
  const compute = (name: string): YamlValue => {
    if (state.get(name) === 'done') return values[name] ?? null;
    const schema = schemas[name]!;
    if (state.get(name) === 'pending') {
      diagnostics.error('input.cycle', `input '${name}' has a default that refers back to itself`, schema.position, 'break the cycle of get_input defaults');
      return null;
    }
    state.set(name, 'pending');
    let value: YamlValue;
    if (Object.hasOwn(given, name)) {
      value = given[name] ?? null;
    } else if (schema.hasDefault) {
      const scope = { where: `input '${name}' default`, kind: 'input' as const };
      checkFunctions(schema.default ?? null, scope, resolver, diagnostics);
      value = resolveStatic(schema.default ?? null, scope, resolver);
    } else if (schema.required === false) {
      value = null;
    } else if (options.placeholders) {
      value = placeholderFor(schema, dataTypes);
    } else {
      diagnostics.error('input.missing', `required input '${name}' has no value`, schema.position, `pass it with -i ${name}=VALUE or give it a default`);
      value = null;
    }
    values[name] = value;
    state.set(name, 'done');
    if (value !== null && !containsFunction(value)) checkInputValue(name, schema, value, dataTypes, diagnostics);
    return value;
  };
  for (const name of Object.keys(schemas)) compute(name);
  return values;
}

function checkInputValue(name: string, schema: PropertySchema, value: YamlValue, dataTypes: Record<string, DataType>, diagnostics: Diagnostics): void {
  const before = diagnostics.errorCount;
  checkValue(value, schema.type, dataTypes, `input '${name}'`, schema.position, diagnostics);
  if (diagnostics.errorCount > before) return;
  if (schema.type === 'list' && schema.itemType && Array.isArray(value)) {
    for (const [i, item] of value.entries()) checkValue(item, schema.itemType, dataTypes, `input '${name}' item ${i}`, schema.position, diagnostics);
  }
  for (const c of schema.constraints ?? []) {
    if (!satisfies(c, value)) {
      diagnostics.error(
        'input.constraint',
        `input '${name}' value ${JSON.stringify(value)} violates constraint ${c.name}: ${JSON.stringify(c.argument)}`,
        c.position ?? schema.position,
        `give '${name}' a value that satisfies ${c.name}`,
      );
    }
  }
}

/** A value of the input's type that satisfies its constraints, so a plan can be made without real inputs. */
export function placeholderFor(schema: PropertySchema, dataTypes: Record<string, DataType>): YamlValue {
  let base: YamlValue;
  switch (schema.type) {
    case 'integer':
      base = 1;
      break;
    case 'float':
      base = 1.0;
      break;
    case 'boolean':
      base = false;
      break;
    case 'list':
      base = [];
      break;
    case 'dict':
      base = {};
      break;
    case 'regex':
      base = '.*';
      break;
    default:
      if (schema.type && dataTypes[schema.type]) {
        const dt = dataTypes[schema.type]!;
        const obj: YamlMap = {};
        for (const [k, p] of Object.entries(dt.properties)) {
          if (p.hasDefault) obj[k] = p.default ?? null;
          else if (p.required) obj[k] = placeholderFor(p, dataTypes);
        }
        base = obj;
      } else base = 'placeholder';
  }
  return sampleSatisfying(schema.constraints ?? [], base);
}
