import type { Diagnostics, SourcePosition } from './errors.js';
import { CONSTRAINT_NAMES, checkConstraintArgument } from './constraints.js';
import { asFunctionCall } from './functions.js';
import type { Constraint, DataType, PropertySchema } from './model.js';
import { keyPositionOf, positionOf } from './source-map.js';
import { isYamlMap, type YamlMap, type YamlValue } from './yaml-loader.js';

export const PRIMITIVE_TYPES = new Set([
  'string',
  'integer',
  'float',
  'boolean',
  'list',
  'dict',
  'regex',
  'textarea',
  // DSL 1_5 input types that name manager objects; their values are strings (or lists of them).
  'deployment_id',
  'blueprint_id',
  'node_id',
  'node_type',
  'node_instance',
  'capability_value',
  'scaling_group',
  'secret_key',
  'operation_name',
]);

const SCHEMA_KEYS = ['type', 'default', 'description', 'required', 'display_label', 'hidden', 'item_type', 'constraints', 'display', 'initial_default'];

/** Reads a `properties:` / `inputs:` / `parameters:` schema map. */
export function parseSchemaMap(
  raw: YamlValue | undefined,
  where: string,
  diagnostics: Diagnostics,
  options: { inputs?: boolean; namespace?: (name: string) => string } = {},
): Record<string, PropertySchema> {
  const out: Record<string, PropertySchema> = {};
  if (raw === undefined || raw === null) return out;
  if (!isYamlMap(raw)) {
    diagnostics.error('schema.format', `${where} must be a mapping of names to schemas`, positionOf(raw), 'write "name: {type: string, default: ...}"');
    return out;
  }
  for (const [name, value] of Object.entries(raw)) {
    out[name] = parseSchemaEntry(value, `${where} '${name}'`, positionOf(raw, name), diagnostics, options);
  }
  return out;
}

export function parseSchemaEntry(
  value: YamlValue,
  where: string,
  at: SourcePosition | undefined,
  diagnostics: Diagnostics,
  options: { inputs?: boolean; namespace?: (name: string) => string },
): PropertySchema {
  const schema: PropertySchema = { hasDefault: false, required: true };
  if (at) schema.position = at;
  if (value === null) return schema;
  if (!isYamlMap(value)) {
    diagnostics.error(
      'schema.format',
      `${where} must be a mapping (type, default, description, required)`,
      at,
      `write "{ default: ${JSON.stringify(value)} }"`,
    );
    return schema;
  }
  for (const key of Object.keys(value)) {
    if (!SCHEMA_KEYS.includes(key)) {
      diagnostics.error('schema.unknown-key', `${where} has unknown key '${key}'`, keyPositionOf(value, key), `valid keys: ${SCHEMA_KEYS.join(', ')}`);
    }
  }
  if (value['type'] !== undefined && value['type'] !== null) {
    if (typeof value['type'] !== 'string') diagnostics.error('schema.type', `${where}: 'type' must be a type name`, positionOf(value, 'type'));
    else schema.type = options.namespace && !PRIMITIVE_TYPES.has(value['type']) ? options.namespace(value['type']) : value['type'];
  }
  if (typeof value['item_type'] === 'string') schema.itemType = value['item_type'];
  if (Object.hasOwn(value, 'default')) {
    schema.hasDefault = true;
    schema.default = value['default'] ?? null;
  }
  if (value['required'] !== undefined) {
    if (typeof value['required'] !== 'boolean')
      diagnostics.error('schema.required', `${where}: 'required' must be true or false`, positionOf(value, 'required'));
    else schema.required = value['required'];
  }
  if (typeof value['description'] === 'string') schema.description = value['description'];
  if (value['constraints'] !== undefined && value['constraints'] !== null) {
    schema.constraints = parseConstraints(value['constraints'], where, diagnostics);
  }
  return schema;
}

function parseConstraints(raw: YamlValue, where: string, diagnostics: Diagnostics): Constraint[] {
  if (!Array.isArray(raw)) {
    diagnostics.error('constraint.format', `${where}: constraints must be a list`, positionOf(raw), 'write "constraints: [ { min_length: 3 } ]"');
    return [];
  }
  const out: Constraint[] = [];
  raw.forEach((item, i) => {
    const at = positionOf(raw, i);
    if (!isYamlMap(item) || Object.keys(item).length !== 1) {
      diagnostics.error('constraint.format', `${where}: each constraint is a single-key mapping`, at, 'write "- valid_values: [a, b]"');
      return;
    }
    const name = Object.keys(item)[0]!;
    if (!(CONSTRAINT_NAMES as readonly string[]).includes(name)) {
      diagnostics.error('constraint.unknown', `${where}: unknown constraint '${name}'`, at, `valid constraints: ${CONSTRAINT_NAMES.join(', ')}`);
      return;
    }
    const c: Constraint = { name, argument: item[name] ?? null };
    if (at) c.position = at;
    const problem = checkConstraintArgument(c);
    if (problem) diagnostics.error('constraint.argument', `${where}: ${problem}`, at);
    else out.push(c);
  });
  return out;
}

/**
 * Checks a value against a declared type and fills nested data-type defaults, as Cloudify's
 * `parse_value` does. Function calls are not checked (they resolve later). Returns the value
 * with defaults applied.
 */
export function checkValue(
  value: YamlValue,
  type: string | undefined,
  dataTypes: Record<string, DataType>,
  where: string,
  at: SourcePosition | undefined,
  diagnostics: Diagnostics,
  depth = 0,
): YamlValue {
  if (!type || asFunctionCall(value) || value === null) return value;
  if (PRIMITIVE_TYPES.has(type)) {
    if (!primitiveMatches(value, type)) {
      diagnostics.error('value.type', `${where} should be of type ${type}, got ${describe(value)}`, at, `give a ${type} value`);
    }
    return value;
  }
  const dataType = Object.hasOwn(dataTypes, type) ? dataTypes[type] : undefined;
  if (!dataType) return value; // unknown type names are reported where the schema is declared
  if (!isYamlMap(value)) {
    diagnostics.error('value.type', `${where} should be a mapping of data type ${type}, got ${describe(value)}`, at, `give the fields of ${type}`);
    return value;
  }
  if (depth > 32) return value;
  return checkProperties(value, dataType.properties, dataTypes, where, diagnostics, at ? { depth: depth + 1, at } : { depth: depth + 1 });
}

/**
 * Merges given properties with a schema: unknown names and missing required ones are errors,
 * defaults fill the rest, each value is type-checked.
 */
export function checkProperties(
  given: YamlMap,
  schema: Record<string, PropertySchema>,
  dataTypes: Record<string, DataType>,
  where: string,
  diagnostics: Diagnostics,
  options: { depth?: number; externalResource?: boolean; allowUnknown?: boolean; at?: SourcePosition } = {},
): YamlMap {
  const out: YamlMap = {};
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(schema, key) && !options.allowUnknown) {
      diagnostics.error(
        'property.unknown',
        `${where}: property '${key}' is not defined by its type`,
        keyPositionOf(given, key),
        `defined properties: ${Object.keys(schema).join(', ') || '(none)'}`,
      );
    }
  }
  const external = options.externalResource ?? given['use_external_resource'] === true;
  for (const [name, prop] of Object.entries(schema)) {
    const has = Object.hasOwn(given, name);
    // Cloudify gives a data-typed property without a default the value {} filled from the data type.
    const dataTypedDefault = !has && !prop.hasDefault && prop.type !== undefined && Object.hasOwn(dataTypes, prop.type);
    if (!has && !prop.hasDefault && !dataTypedDefault) {
      if (prop.required && !external) {
        diagnostics.error(
          'property.missing',
          `${where}: required property '${name}' has no value`,
          positionOf(given) ?? options.at,
          `set '${name}' or give it a default in the type`,
        );
      }
      continue;
    }
    const value = has ? (given[name] ?? null) : dataTypedDefault ? {} : (prop.default ?? null);
    const at = (has ? positionOf(given, name) : prop.position) ?? options.at;
    out[name] = checkValue(value, prop.type, dataTypes, `${where} property '${name}'`, at, diagnostics, options.depth ?? 0);
  }
  if (options.allowUnknown) for (const key of Object.keys(given)) if (!Object.hasOwn(schema, key)) out[key] = given[key] ?? null;
  return out;
}

export function primitiveMatches(value: YamlValue, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'list':
      return Array.isArray(value);
    case 'dict':
      return isYamlMap(value);
    case 'regex':
      if (typeof value !== 'string') return false;
      try {
        new RegExp(value);
        return true;
      } catch {
        return false;
      }
    default:
      // Cloudify accepts any value for string-like types.
      return true;
  }
}

function describe(value: YamlValue): string {
  if (Array.isArray(value)) return 'a list';
  if (isYamlMap(value)) return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
