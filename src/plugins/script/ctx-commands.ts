import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { InstanceView, NodeView, OperationContext } from '../../runtime/types.js';

/**
 * Cloudify's `ctx` for scripts, as commands: what the `ctx` executable (bash) and the shipped
 * `cloudify` Python package send to the step's ctx proxy. Arguments name a path through the
 * context (`node properties port`, `instance runtime-properties key value`, `source instance id`);
 * dashes and underscores are the same in names; an argument starting with `@` is JSON.
 */

/** A command the script's side got wrong: the script sees the message on stderr and a non-zero exit. */
export class CtxCommandError extends Error {
  override readonly name = 'CtxCommandError';
}

/** What a script asked for that takes effect when it ends. */
export interface CtxRequests {
  /** `ctx returns VALUE`: the operation's result. */
  returned?: YamlValue;
  /** `ctx abort-operation MSG`: the operation fails, not retried. */
  abort?: string;
  /** `ctx retry-operation MSG [SECONDS]` (or `ctx operation retry`): the operation is retried. */
  retry?: { message: string; afterSeconds?: number };
}

/** Files the ctx proxy reaches for a script (download-resource and friends). */
export interface CtxResources {
  /** A file of the blueprint's directory as text. */
  read(path: string): Promise<string>;
  /** Copies a file of the blueprint's directory to `dest` (default: a fresh file of the step's scratch directory); returns where. */
  download(path: string, dest: string | undefined, render?: YamlMap): Promise<string>;
}

type Side = 'self' | 'source' | 'target';

const name = (arg: string | undefined) => arg?.replace(/-/g, '_');

function needArg(args: string[], i: number, what: string): string {
  const v = args[i];
  if (v === undefined) throw new CtxCommandError(`missing ${what}`);
  return v;
}

/** `@{"a": 1}` is JSON; anything else is the text itself. */
export function argValue(arg: string): YamlValue {
  if (!arg.startsWith('@')) return arg;
  let value: YamlValue;
  try {
    value = JSON.parse(arg.slice(1)) as YamlValue;
  } catch (err) {
    throw new CtxCommandError(`argument '${arg.length > 60 ? `${arg.slice(0, 60)}…` : arg}' starts with @ but is not JSON (${(err as Error).message})`);
  }
  if (hasProtoKey(value)) throw new CtxCommandError("'__proto__' cannot be a key of a value (it would be lost, or worse, wherever the value is copied)");
  return value;
}

function hasProtoKey(value: YamlValue): boolean {
  if (Array.isArray(value)) return value.some(hasProtoKey);
  if (value === null || typeof value !== 'object') return false;
  return Object.keys(value).some((k) => k === '__proto__' || hasProtoKey(value[k]!));
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `a.b[0].c` → ['a', 'b', 0, 'c']. */
function pathOf(key: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const piece of key.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(piece);
    if (!m) throw new CtxCommandError(`'${key}' is not a key path (keys separated by dots, list indices as [n])`);
    // A script's key path must never reach an object's prototype chain (the driver's own objects).
    if (m[1] && FORBIDDEN_KEYS.has(m[1])) throw new CtxCommandError(`'${m[1]}' cannot be part of a key path`);
    if (m[1]) parts.push(m[1]);
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

function getPath(root: YamlValue, key: string): YamlValue {
  let cur: YamlValue | undefined = root;
  for (const part of pathOf(key)) {
    if (typeof part === 'number') cur = Array.isArray(cur) ? cur[part] : undefined;
    else cur = isYamlMap(cur) && Object.hasOwn(cur, part) ? cur[part] : undefined;
    if (cur === undefined) throw new CtxCommandError(`'${key}' is not set`);
  }
  return cur;
}

function setPath(root: Record<string, YamlValue>, key: string, value: YamlValue): string {
  const parts = pathOf(key);
  if (parts.length === 0 || typeof parts[0] !== 'string') throw new CtxCommandError(`'${key}' does not name a runtime property`);
  let cur: YamlValue = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const next = parts[i + 1]!;
    const container = cur as Record<string, YamlValue> | YamlValue[];
    let child = (container as Record<string | number, YamlValue>)[part];
    if (child === undefined || child === null || typeof child !== 'object') {
      child = typeof next === 'number' ? [] : {};
      (container as Record<string | number, YamlValue>)[part] = child;
    }
    cur = child;
  }
  (cur as Record<string | number, YamlValue>)[parts.at(-1)!] = value;
  return parts[0];
}

/** Runs one ctx command; returns what it reads (undefined for commands that only act). */
export async function runCtxCommand(
  ctx: OperationContext,
  args: string[],
  requests: CtxRequests,
  resources: CtxResources,
  changed: Set<Side>,
): Promise<YamlValue | undefined> {
  const [head, ...rest] = args;
  switch (name(head)) {
    case 'node':
      return nodeCommand(ctx, ctx.node, rest);
    case 'instance':
      return instanceCommand(ctx, ctx.instance, rest, 'self', changed);
    case 'source':
    case 'target': {
      const side = name(head) as 'source' | 'target';
      const end = ctx[side];
      if (!end) throw new CtxCommandError(`ctx ${side} is only available in relationship operations`);
      const what = name(rest[0]);
      if (what === 'node') return nodeCommand(ctx, end.node, rest.slice(1));
      if (what === 'instance') return instanceCommand(ctx, end.instance, rest.slice(1), end.instance === ctx.instance ? 'self' : side, changed);
      throw new CtxCommandError(`ctx ${side} has 'node' and 'instance', not '${rest[0] ?? ''}'`);
    }
    case 'deployment':
      return expectLeaf(rest, 'deployment', { id: ctx.deployment.id });
    case 'blueprint':
      return expectLeaf(rest, 'blueprint', { id: ctx.blueprint.id });
    case 'execution_id':
      return ctx.execution.id;
    case 'workflow_id':
      return ctx.execution.workflowId;
    case 'operation': {
      const what = name(rest[0]);
      if (what === 'retry') {
        requests.retry = { message: rest[1] ?? 'the script asked for a retry', ...retryAfter(rest[2]) };
        return undefined;
      }
      return expectLeaf(rest, 'operation', { name: ctx.operation.name, retry_number: ctx.operation.retryNumber, max_retries: ctx.operation.maxRetries });
    }
    case 'logger': {
      const level = name(rest[0]);
      const message = rest.slice(1).join(' ');
      if (level === 'info') ctx.logger.info(message);
      else if (level === 'warning' || level === 'warn') ctx.logger.warning(message);
      else if (level === 'error' || level === 'critical') ctx.logger.error(message);
      else if (level === 'debug') ctx.logger.debug(message);
      else throw new CtxCommandError(`ctx logger levels are info, warning, error and debug, not '${rest[0] ?? ''}'`);
      return undefined;
    }
    case 'download_resource':
      return resources.download(needArg(rest, 0, 'the resource path'), rest[1]);
    case 'download_resource_and_render': {
      const variables = rest[2] === undefined ? {} : argValue(rest[2]);
      if (!isYamlMap(variables)) throw new CtxCommandError('template variables must be a JSON object (@{...})');
      return resources.download(needArg(rest, 0, 'the resource path'), rest[1], variables);
    }
    case 'get_resource':
      return resources.read(needArg(rest, 0, 'the resource path'));
    case 'returns':
      requests.returned = argValue(needArg(rest, 0, 'the value to return'));
      return undefined;
    case 'abort_operation':
      requests.abort = rest.join(' ') || 'the script aborted the operation';
      return undefined;
    case 'retry_operation':
      requests.retry = { message: rest[0] ?? 'the script asked for a retry', ...retryAfter(rest[1]) };
      return undefined;
    case 'set_runtime_properties': {
      // The Python shim's whole-map save: `set-runtime-properties self|source|target @{...}`.
      const side = name(rest[0]) as Side;
      const view = side === 'self' ? ctx.instance : ctx[side === 'source' ? 'source' : 'target']?.instance;
      if (!view) throw new CtxCommandError(`no '${rest[0] ?? ''}' instance in this operation`);
      const value = argValue(needArg(rest, 1, 'the runtime properties'));
      if (!isYamlMap(value)) throw new CtxCommandError('runtime properties must be a JSON object');
      for (const key of Object.keys(view.runtimeProperties)) delete view.runtimeProperties[key];
      Object.assign(view.runtimeProperties, value);
      changed.add(view === ctx.instance ? 'self' : side);
      return undefined;
    }
    case 'inputs':
      // The Python shim's cloudify.state.ctx_parameters: the operation's inputs.
      return ctx.inputs;
    case 'capabilities':
      throw new CtxCommandError('ctx capabilities (other deployments) is not available to scripts in Isthmus yet');
    default:
      throw new CtxCommandError(`unknown ctx command '${args.join(' ')}'`);
  }
}

function retryAfter(text: string | undefined): { afterSeconds?: number } {
  if (text === undefined) return {};
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new CtxCommandError(`retry interval '${text}' is not a number of seconds`);
  return { afterSeconds: n };
}

function expectLeaf(rest: string[], what: string, fields: Record<string, YamlValue>): YamlValue {
  const field = name(rest[0]);
  if (field === undefined) return fields;
  if (!Object.hasOwn(fields, field)) throw new CtxCommandError(`ctx ${what} has ${Object.keys(fields).join(', ')}; not '${rest[0]}'`);
  return fields[field]!;
}

async function nodeCommand(ctx: OperationContext, node: NodeView, rest: string[]): Promise<YamlValue> {
  const what = name(rest[0]);
  switch (what) {
    case 'id':
    case 'name':
      return node.id;
    case 'type':
      return node.type;
    case 'type_hierarchy':
      return node.typeHierarchy;
    case 'properties': {
      const properties = (await ctx.evaluate(node.properties)) as YamlMap;
      return rest[1] === undefined ? properties : getPath(properties, rest[1]);
    }
    default:
      throw new CtxCommandError(`ctx node has id, name, type, type-hierarchy and properties; not '${rest[0] ?? ''}'`);
  }
}

async function instanceCommand(ctx: OperationContext, instance: InstanceView, rest: string[], side: Side, changed: Set<Side>): Promise<YamlValue | undefined> {
  const what = name(rest[0]);
  switch (what) {
    case 'id':
      return instance.id;
    case 'runtime_properties': {
      if (rest[1] === undefined) return instance.runtimeProperties;
      if (rest[2] === undefined) return getPath(instance.runtimeProperties, rest[1]);
      setPath(instance.runtimeProperties, rest[1], argValue(rest[2]));
      changed.add(side);
      return undefined;
    }
    case 'host_ip':
      return hostIp(ctx, instance);
    default:
      throw new CtxCommandError(`ctx instance has id, runtime-properties and host-ip; not '${rest[0] ?? ''}'`);
  }
}

/** Cloudify's `host_ip`: the `ip` of the Compute the instance is (or is contained in). */
async function hostIp(ctx: OperationContext, instance: InstanceView): Promise<YamlValue> {
  const hostId = instance.computeHostId;
  if (!hostId) throw new CtxCommandError(`instance '${instance.id}' is not a Compute and is not contained in one: it has no host-ip`);
  const host = hostId === instance.id ? instance : await ctx.readInstance(hostId);
  const fromRuntime = host?.runtimeProperties['ip'];
  if (typeof fromRuntime === 'string' && fromRuntime) return fromRuntime;
  const hostNode = host ? ctx.readNode(host.nodeId) : undefined;
  if (hostNode) {
    const ip = ((await ctx.evaluate(hostNode.properties)) as YamlMap)['ip'];
    if (typeof ip === 'string' && ip) return ip;
  }
  throw new OperationError(`host '${hostId}' has no ip (runtime property or node property)`, true);
}
