import type { Diagnostics, SourcePosition } from './errors.js';
import type { Interfaces, Operation, PropertySchema } from './model.js';
import { parseSchemaMap } from './schema.js';
import { keyPositionOf, positionOf } from './source-map.js';
import { isYamlMap, type YamlMap, type YamlValue } from './yaml-loader.js';

const OPERATION_KEYS = ['implementation', 'inputs', 'executor', 'max_retries', 'retry_interval', 'timeout', 'timeout_recoverable'];

/**
 * Reads `interfaces:` of a type (operation inputs are schemas) or of a template (operation
 * inputs are values). Short form `op: plugin.task` and long form are both accepted.
 */
export function parseInterfaces(raw: YamlValue | undefined, where: string, level: 'type' | 'template', diagnostics: Diagnostics): Interfaces {
  const out: Interfaces = {};
  if (raw === undefined || raw === null) return out;
  if (!isYamlMap(raw)) {
    diagnostics.error(
      'interface.format',
      `${where}: interfaces must be a mapping`,
      positionOf(raw),
      'write "interfaces: { cloudify.interfaces.lifecycle: { create: plugin.task } }"',
    );
    return out;
  }
  for (const [iface, ops] of Object.entries(raw)) {
    out[iface] = {};
    if (ops === null) continue;
    if (!isYamlMap(ops)) {
      diagnostics.error('interface.format', `${where}: interface '${iface}' must map operation names to operations`, positionOf(raw, iface));
      continue;
    }
    for (const [opName, opRaw] of Object.entries(ops)) {
      out[iface]![opName] = parseOperation(opRaw, `${where} operation '${iface}.${opName}'`, positionOf(ops, opName), level, diagnostics);
    }
  }
  return out;
}

function parseOperation(raw: YamlValue, where: string, at: SourcePosition | undefined, level: 'type' | 'template', diagnostics: Diagnostics): Operation {
  const op: Operation = { implementation: '', inputs: {} };
  if (at) op.position = at;
  if (raw === null) return op;
  if (typeof raw === 'string') {
    op.implementation = raw;
    return op;
  }
  if (!isYamlMap(raw)) {
    diagnostics.error(
      'operation.format',
      `${where} must be an implementation string or a mapping`,
      at,
      'write "create: plugin.module.task" or "create: { implementation: ..., inputs: {...} }"',
    );
    return op;
  }
  for (const key of Object.keys(raw)) {
    if (!OPERATION_KEYS.includes(key)) {
      diagnostics.error('operation.unknown-key', `${where} has unknown key '${key}'`, keyPositionOf(raw, key), `valid keys: ${OPERATION_KEYS.join(', ')}`);
    }
  }
  const impl = raw['implementation'];
  if (impl !== undefined && impl !== null && typeof impl !== 'string') {
    diagnostics.error('operation.implementation', `${where}: implementation must be a string`, positionOf(raw, 'implementation'));
  } else if (typeof impl === 'string') op.implementation = impl;
  const inputs = raw['inputs'];
  if (inputs !== undefined && inputs !== null) {
    if (!isYamlMap(inputs)) diagnostics.error('operation.inputs', `${where}: inputs must be a mapping`, positionOf(raw, 'inputs'));
    else if (level === 'type') op.inputSchema = parseSchemaMap(inputs, `${where} input`, diagnostics);
    else op.inputs = inputs;
  }
  if (level === 'type' && !op.inputSchema) op.inputSchema = {};
  if (typeof raw['executor'] === 'string') op.executor = raw['executor'];
  const num = (key: string, set: (n: number) => void, min: number) => {
    const v = raw[key];
    if (v === undefined || v === null) return;
    if (typeof v !== 'number' || v < min)
      diagnostics.error(`operation.${key.replace('_', '-')}`, `${where}: ${key} must be a number >= ${min}`, positionOf(raw, key));
    else set(v);
  };
  num('max_retries', (n) => (op.maxRetries = n), -1);
  num('retry_interval', (n) => (op.retryInterval = n), 0);
  num('timeout', (n) => (op.timeout = n), 0);
  return op;
}

/** A type's own interfaces over its parent's: an overriding operation replaces the inherited one whole. */
export function mergeTypeInterfaces(parent: Interfaces, own: Interfaces): Interfaces {
  const out: Interfaces = {};
  for (const [iface, ops] of Object.entries(parent)) out[iface] = { ...ops };
  for (const [iface, ops] of Object.entries(own)) out[iface] = { ...(out[iface] ?? {}), ...ops };
  return out;
}

function isNoOp(op: Operation): boolean {
  return (
    op.implementation === '' &&
    Object.keys(op.inputs).length === 0 &&
    op.executor === undefined &&
    op.maxRetries === undefined &&
    op.retryInterval === undefined &&
    op.timeout === undefined
  );
}

/**
 * A template's operations over its type's, following Cloudify's operation merger: a
 * template operation without implementation keeps the type's and adds input values; a
 * different implementation replaces the type's inputs and settings; `{}` disables it.
 */
export function mergeTemplateInterfaces(typeInterfaces: Interfaces, templateInterfaces: Interfaces, where: string, diagnostics: Diagnostics): Interfaces {
  const out: Interfaces = {};
  const ifaceNames = new Set([...Object.keys(typeInterfaces), ...Object.keys(templateInterfaces)]);
  for (const iface of ifaceNames) {
    const typeOps = typeInterfaces[iface] ?? {};
    const templateOps = templateInterfaces[iface] ?? {};
    out[iface] = {};
    for (const name of new Set([...Object.keys(typeOps), ...Object.keys(templateOps)])) {
      const t = typeOps[name];
      const tpl = templateOps[name];
      out[iface]![name] = mergeOperation(t, tpl, `${where} operation '${iface}.${name}'`, diagnostics);
    }
  }
  return out;
}

function mergeOperation(typeOp: Operation | undefined, templateOp: Operation | undefined, where: string, diagnostics: Diagnostics): Operation {
  if (!typeOp) return templateOp!;
  const schema = typeOp.inputSchema ?? {};
  if (!templateOp) return { ...withoutSchema(typeOp), inputs: inputsFromSchema(schema, {}, where, typeOp.position, diagnostics) };
  if (isNoOp(templateOp)) return templateOp;
  if (isNoOp(typeOp) && !typeOp.inputSchema) return templateOp;
  const implementation = templateOp.implementation || typeOp.implementation;
  if (implementation !== typeOp.implementation) return templateOp;
  const merged: Operation = {
    implementation,
    inputs: inputsFromSchema(schema, templateOp.inputs, where, templateOp.position, diagnostics),
  };
  const pos = templateOp.position ?? typeOp.position;
  if (pos) merged.position = pos;
  const pick = <K extends 'executor' | 'maxRetries' | 'retryInterval' | 'timeout'>(k: K) => {
    const v = templateOp[k] ?? typeOp[k];
    if (v !== undefined) merged[k] = v as Operation[K];
  };
  pick('executor');
  pick('maxRetries');
  pick('retryInterval');
  pick('timeout');
  return merged;
}

function withoutSchema(op: Operation): Operation {
  const { inputSchema: _ignored, ...rest } = op;
  return rest;
}

function inputsFromSchema(
  schema: Record<string, PropertySchema>,
  given: YamlMap,
  where: string,
  at: SourcePosition | undefined,
  diagnostics: Diagnostics,
): YamlMap {
  const out: YamlMap = {};
  for (const [name, s] of Object.entries(schema)) if (s.hasDefault) out[name] = s.default ?? null;
  Object.assign(out, given);
  const missing = Object.keys(schema).filter((n) => !Object.hasOwn(out, n));
  if (missing.length > 0) {
    diagnostics.error(
      'operation.missing-input',
      `${where}: input${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')} ha${missing.length > 1 ? 've' : 's'} no value`,
      at,
      'give the input a value in the node template or a default in the type',
    );
  }
  return out;
}

/** Strips type-level input schemas from resolved interfaces (e.g. for nodes with no template overrides). */
export function interfacesForTemplate(typeInterfaces: Interfaces, diagnostics: Diagnostics, where: string): Interfaces {
  return mergeTemplateInterfaces(typeInterfaces, {}, where, diagnostics);
}
