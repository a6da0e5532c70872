import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { InstanceView, NodeView, OperationContext } from '../../runtime/types.js';

export const isMap = isYamlMap;
const str = (v: YamlValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** How AWS is reached (client_config, clients, errors, waits): shared with the SSM plugin. */
export { awsError, awsSettings, call, clientFor, errorCode, forgetAwsClients, must, waitSeconds, type AwsSettings } from '../aws-connection/index.js';

/** The tag that names the deployment/instance that created a resource: lets a resumed create find it. */
export const OWNER_TAG = 'isthmus:owner';
export const ownerOf = (ctx: OperationContext) => `${ctx.deployment.id}/${ctx.instance.id}`;

/** Converts an SDK answer (Dates, undefined) into something runtime properties can hold. */
export const plain = <T>(v: T): YamlValue => JSON.parse(JSON.stringify(v ?? null)) as YamlValue;

/** The node's evaluated properties. */
export async function properties(ctx: OperationContext): Promise<YamlMap> {
  return (await ctx.evaluate(ctx.node.properties)) as YamlMap;
}

/**
 * The API parameters, as Cloudify's plugin builds them: the node's resource_config, its `kwargs`
 * map merged in, then the operation's resource_config input over both.
 */
export function apiParameters(props: YamlMap, inputs: YamlMap): YamlMap {
  const flatten = (v: YamlValue | undefined): YamlMap => {
    if (!isMap(v)) return {};
    const { kwargs, ...rest } = v;
    return { ...rest, ...(isMap(kwargs) ? kwargs : {}) };
  };
  return { ...flatten(props['resource_config']), ...flatten(inputs['resource_config']) };
}

/** Tags for a create call: the node's Tags property plus the owner tag. */
export function tagsFor(ctx: OperationContext, props: YamlMap): Array<{ Key: string; Value: string }> {
  const tags = Array.isArray(props['Tags'])
    ? (props['Tags'] as YamlValue[]).filter(isMap).map((t) => ({ Key: String(t['Key']), Value: String(t['Value'] ?? '') }))
    : [];
  return [...tags.filter((t) => t.Key !== OWNER_TAG), { Key: OWNER_TAG, Value: ownerOf(ctx) }];
}

/** A resource adopted rather than created (use_external_resource): never changed or deleted. */
export function externalId(ctx: OperationContext, props: YamlMap): string | undefined {
  if (props['use_external_resource'] !== true || ctx.inputs['force_operation'] === true) return undefined;
  const id = str(ctx.inputs['aws_resource_id']) ?? str(props['resource_id']);
  if (!id) throw new OperationError(`node '${ctx.node.id}': use_external_resource is true but resource_id is empty`, false);
  return id;
}

export const isExternal = (ctx: OperationContext) => ctx.instance.runtimeProperties['use_external_resource'] === true && ctx.inputs['force_operation'] !== true;

/** The id the instance holds (set by create), or the operation's aws_resource_id input. */
export function currentId(ctx: OperationContext): string | undefined {
  return str(ctx.inputs['aws_resource_id']) ?? str(ctx.instance.runtimeProperties['aws_resource_id']);
}

/** Saves what Cloudify's plugin saves: aws_resource_id (+ arn), resource_config, and overrides. */
export function remember(ctx: OperationContext, id: string, extra: YamlMap = {}): void {
  const rp = ctx.instance.runtimeProperties;
  rp['aws_resource_id'] = id;
  Object.assign(rp, extra);
  if (isMap(ctx.inputs['runtime_properties'])) Object.assign(rp, ctx.inputs['runtime_properties']);
}

export interface Related {
  node: NodeView;
  instance: InstanceView;
  id: string | undefined;
}

/** Instances this one has a relationship to whose node is of `type` (any relationship kind, as in Cloudify). */
export async function related(ctx: OperationContext, type: string): Promise<Related[]> {
  const out: Related[] = [];
  for (const rel of ctx.relationships) {
    if (!rel.target.node.typeHierarchy.includes(type)) continue;
    const instance = await ctx.readInstance(rel.target.instanceId);
    if (!instance) continue;
    out.push({ node: rel.target.node, instance, id: str(instance.runtimeProperties['aws_resource_id']) });
  }
  return out;
}

/** The id of the one related resource of a type, or of the parameter that names it. */
export async function requiredRelatedId(ctx: OperationContext, params: YamlMap, param: string, type: string, idProperty = 'aws_resource_id'): Promise<string> {
  const given = str(params[param]);
  if (given) return given;
  for (const r of await related(ctx, type)) {
    const id = str(r.instance.runtimeProperties[idProperty]);
    if (id) return id;
  }
  throw new OperationError(`node '${ctx.node.id}': no ${param}; set resource_config.${param} or relate the node to a ${type} that is installed`, false);
}

/** Cloudify's `prepare`/`precreate`: record the configuration the create will use. */
export async function prepare(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  ctx.instance.runtimeProperties['resource_config'] = apiParameters(props, ctx.inputs);
}
