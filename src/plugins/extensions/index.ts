import { createHash, randomInt } from 'node:crypto';
import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import type { PluginModule } from '../registry.js';

/*
 * Cloudify's `cfy_extensions` (the types that reach other deployments and the secret store), by
 * Cloudify's task names. Deployments live in the same state table, so a shared resource is a
 * deployment of the table, and a Component's child deployment is one more deployment that records
 * its parent. Only a driver can plan a blueprint and run a workflow, so a Component operation
 * asks its driver for that work (ctx.awaitChild) and, run again when it is done, checks the result.
 */

const props = async (ctx: OperationContext): Promise<YamlMap> => (await ctx.evaluate(ctx.node.properties)) as YamlMap;

async function sharedDeploymentId(ctx: OperationContext): Promise<string> {
  const config = (await props(ctx))['resource_config'];
  const deployment = isYamlMap(config) ? config['deployment'] : undefined;
  const id = isYamlMap(deployment) ? deployment['id'] : undefined;
  if (typeof id !== 'string' || !id) throw new OperationError('resource_config.deployment.id names the shared deployment', false);
  return id;
}

/** SharedResource: the deployment exists here; its id and capabilities become runtime properties. */
async function connectDeployment(ctx: OperationContext): Promise<void> {
  const id = await sharedDeploymentId(ctx);
  const shared = await ctx.readDeployment(id);
  if (!shared) throw new OperationError(`shared deployment '${id}' does not exist (install it first, in the same state)`, true);
  ctx.instance.runtimeProperties['deployment'] = { id: shared.id, capabilities: shared.capabilities };
  ctx.logger.info(`connected to deployment '${id}' (${Object.keys(shared.capabilities).length} capabilities)`);
}

async function disconnectDeployment(ctx: OperationContext): Promise<void> {
  delete ctx.instance.runtimeProperties['deployment'];
}

/** Healthy while the shared deployment exists and is not failed. */
async function sharedCheckStatus(ctx: OperationContext): Promise<void> {
  const id = await sharedDeploymentId(ctx);
  const shared = await ctx.readDeployment(id);
  if (!shared) throw new OperationError(`shared deployment '${id}' no longer exists`, false);
  if (shared.status === 'failed') throw new OperationError(`shared deployment '${id}' is failed`, false);
}

const CLASSES = {
  uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lowercase: 'abcdefghijklmnopqrstuvwxyz',
  digits: '0123456789',
  symbols: '!#$%&()*+,-.:;<=>?@[]^_{|}~',
} as const;

/** A password of `length` characters with at least the given number from each class (a CSPRNG, shuffled). */
export function generatePassword(length: number, minimum: Record<keyof typeof CLASSES, number>): string {
  const required = Object.values(minimum).reduce((a, b) => a + b, 0);
  if (!Number.isInteger(length) || length < 1 || length > 4096) throw new OperationError(`length must be a whole number from 1 to 4096, not ${length}`, false);
  if (required > length) throw new OperationError(`length ${length} is shorter than the ${required} characters the class minimums ask for`, false);
  const chars: string[] = [];
  for (const [name, count] of Object.entries(minimum) as Array<[keyof typeof CLASSES, number]>) {
    for (let i = 0; i < count; i++) chars.push(CLASSES[name][randomInt(CLASSES[name].length)]!);
  }
  const all = Object.values(CLASSES).join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

async function passwordCreate(ctx: OperationContext): Promise<void> {
  const p = await props(ctx);
  const count = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : 0);
  const name = typeof p['secret_name'] === 'string' && p['secret_name'] ? p['secret_name'] : `${ctx.deployment.id}-${ctx.instance.id}`;
  const rp = ctx.instance.runtimeProperties;
  if (p['use_secret_if_exists'] === true && (await ctx.secrets.get(name)) !== undefined) {
    rp['secret_name'] = name;
    rp['created_secret'] = false;
    return;
  }
  const password = generatePassword(typeof p['length'] === 'number' ? p['length'] : 8, {
    uppercase: count('uppercase'),
    lowercase: count('lowercase'),
    digits: count('digits'),
    symbols: count('symbols'),
  });
  try {
    await ctx.secrets.put(name, password, { overwrite: false });
  } catch (err) {
    throw new OperationError(`cannot create secret '${name}': ${(err as Error).message} (set use_secret_if_exists to reuse it)`, false, { cause: err });
  }
  rp['secret_name'] = name;
  rp['created_secret'] = true;
}

async function passwordDelete(ctx: OperationContext): Promise<void> {
  const rp = ctx.instance.runtimeProperties;
  if (typeof rp['secret_name'] === 'string' && rp['created_secret'] === true) await ctx.secrets.delete(rp['secret_name']);
  delete rp['secret_name'];
  delete rp['created_secret'];
}

const map = (v: YamlValue | undefined): YamlMap => (isYamlMap(v) ? v : {});
const text = (v: YamlValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const DEPLOYMENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** A Component's resource_config: the operation's input when given (the stop operation's is), else the node's property. */
async function componentConfig(ctx: OperationContext) {
  const given = ctx.inputs['resource_config'];
  const config = isYamlMap(given) ? given : map((await props(ctx))['resource_config']);
  const blueprint = map(config['blueprint']);
  const deployment = map(config['deployment']);
  return {
    blueprint: { id: text(blueprint['id']), archive: text(blueprint['blueprint_archive']), mainFile: text(blueprint['main_file_name']) },
    deploymentId: text(deployment['id']),
    external: deployment['external_resource'] === true,
    inputs: map(deployment['inputs']),
    autoSuffix: deployment['auto_inc_suffix'] === true,
    startArgs: map(config['executions_start_args']),
  };
}

/** The child deployment's id: the one recorded, else resource_config.deployment.id, else the instance id (Cloudify's order). */
function childIdOf(ctx: OperationContext, configured: string | undefined): string {
  const recorded = text(map(ctx.instance.runtimeProperties['deployment'])['id']);
  const id = recorded ?? configured ?? ctx.instance.id;
  if (!DEPLOYMENT_ID.test(id)) throw new OperationError(`'${id}' cannot be a deployment id: use letters, digits, '_', '.' and '-' (at most 100)`, false);
  return id;
}

const ownedBy = (ctx: OperationContext, parent: { deploymentId: string; nodeInstanceId: string } | undefined) =>
  parent?.deploymentId === ctx.deployment.id && parent.nodeInstanceId === ctx.instance.id;

/** The child inputs whose values hold a secret the Component read (get_secret in its properties): the child masks them. */
function sensitive(ctx: OperationContext, inputs: YamlMap): { sensitiveInputs?: string[] } {
  const names = Object.keys(inputs).filter((name) => ctx.containsSecret(inputs[name] ?? null));
  return names.length > 0 ? { sensitiveInputs: names } : {};
}

/** Component create: names the blueprint and picks the child deployment's id (with auto_inc_suffix, the first free `<id>-<n>`). */
async function componentUploadBlueprint(ctx: OperationContext): Promise<void> {
  const config = await componentConfig(ctx);
  const rp = ctx.instance.runtimeProperties;
  rp['blueprint'] = { id: config.blueprint.id ?? ctx.instance.id };
  if (text(map(rp['deployment'])['id'])) return;
  let id = childIdOf(ctx, config.deploymentId);
  if (config.autoSuffix && !config.external) {
    const base = id;
    for (let n = 0; ; n++) {
      if (n >= 1000) throw new OperationError(`no free deployment id '${base}-<n>' below ${base}-1000`, false);
      id = `${base}-${n}`;
      const taken = await ctx.readDeployment(id);
      if (!taken || ownedBy(ctx, taken.parent)) break;
    }
  }
  rp['deployment'] = { id };
}

/** Component configure (Cloudify's `create`): the child deployment, planned by the driver from the repository's blueprint. */
async function componentCreate(ctx: OperationContext): Promise<void> {
  const config = await componentConfig(ctx);
  const rp = ctx.instance.runtimeProperties;
  const id = childIdOf(ctx, config.deploymentId);
  for (const [name, value] of Object.entries(map((await props(ctx))['secrets']))) {
    await ctx.secrets.put(name, typeof value === 'string' ? value : JSON.stringify(value), { overwrite: true });
  }
  if (Object.keys(map((await props(ctx))['plugins'])).length > 0)
    ctx.logger.info('the Component lists plugins to upload: Isthmus carries its plugins with it, so nothing is uploaded');
  const existing = await ctx.readDeployment(id);
  if (config.external) {
    if (!existing) throw new OperationError(`deployment '${id}' (external_resource) does not exist`, false);
    rp['deployment'] = { id, external: true };
    return;
  }
  if (existing) {
    if (!ownedBy(ctx, existing.parent))
      throw new OperationError(
        `deployment '${id}' exists and was not created by this Component; set resource_config.deployment.external_resource: true to use it, or choose another id`,
        false,
      );
    rp['deployment'] = { id };
    ctx.logger.info(`child deployment '${id}' created`);
    return;
  }
  rp['deployment'] = { id };
  ctx.awaitChild({ action: 'create', deploymentId: id, blueprint: config.blueprint, inputs: config.inputs, ...sensitive(ctx, config.inputs) });
}

/**
 * The child execution of this operation in this parent execution: a fixed id, so that the operation
 * run again (or after a crash) finds the execution it asked for, and a resumed parent resumes it.
 */
function childExecutionId(ctx: OperationContext): string {
  return `${ctx.execution.id}.${createHash('sha256').update(`${ctx.instance.id}\0${ctx.operation.name}`).digest('hex').slice(0, 10)}`;
}

/** Component start and stop: a workflow (install, uninstall) on the child deployment, run by the driver; then its capabilities. */
async function componentExecuteStart(ctx: OperationContext): Promise<void> {
  const config = await componentConfig(ctx);
  const rp = ctx.instance.runtimeProperties;
  const workflow = text(ctx.inputs['workflow_id']) ?? 'install';
  const recorded = map(rp['deployment']);
  if (workflow === 'uninstall' && !text(recorded['id'])) return;
  const id = childIdOf(ctx, config.deploymentId);
  const child = await ctx.readDeployment(id);
  if (!child) {
    if (workflow === 'uninstall') return;
    throw new OperationError(`child deployment '${id}' does not exist (its create operation did not run?)`, false);
  }
  // Isthmus does not install or uninstall a deployment it attached to rather than created.
  if (recorded['external'] === true || config.external) {
    if (workflow !== 'uninstall') rp['capabilities'] = child.capabilities;
    return;
  }
  const executionId = childExecutionId(ctx);
  const execution = await ctx.readExecution(id, executionId);
  if (execution?.status === 'terminated') {
    if (workflow === 'uninstall') delete rp['capabilities'];
    else rp['capabilities'] = child.capabilities;
    ctx.logger.info(`'${workflow}' on child deployment '${id}' succeeded (execution ${executionId})`);
    return;
  }
  const timeout = ctx.inputs['timeout'];
  ctx.awaitChild({
    action: 'execute',
    deploymentId: id,
    executionId,
    workflow,
    parameters: map(config.startArgs['parameters']),
    ...(typeof timeout === 'number' && timeout > 0 ? { timeoutSeconds: timeout } : {}),
  });
}

/** Component delete: the child deployment (only one this Component created), the secrets it set, its runtime properties. */
async function componentDelete(ctx: OperationContext): Promise<void> {
  const rp = ctx.instance.runtimeProperties;
  const recorded = map(rp['deployment']);
  const id = text(recorded['id']);
  if (id) {
    const child = await ctx.readDeployment(id);
    if (child && recorded['external'] !== true && ownedBy(ctx, child.parent)) ctx.awaitChild({ action: 'delete', deploymentId: id });
  }
  for (const name of Object.keys(map((await props(ctx))['secrets']))) await ctx.secrets.delete(name);
  for (const key of ['deployment', 'blueprint', 'capabilities']) delete rp[key];
}

/** Component refresh: the child's capabilities again. */
async function componentRefresh(ctx: OperationContext): Promise<void> {
  const config = await componentConfig(ctx);
  const id = childIdOf(ctx, config.deploymentId);
  const child = await ctx.readDeployment(id);
  if (!child) throw new OperationError(`child deployment '${id}' does not exist`, false);
  ctx.instance.runtimeProperties['capabilities'] = child.capabilities;
}

/**
 * Component check_status: check_status on the child deployment (run by the driver); healthy when
 * the child exists, did not fail, and none of its instances is unhealthy. An attached (external)
 * deployment is only looked at, never run on.
 */
async function componentCheckStatus(ctx: OperationContext): Promise<void> {
  const config = await componentConfig(ctx);
  const id = childIdOf(ctx, config.deploymentId);
  const external = map(ctx.instance.runtimeProperties['deployment'])['external'] === true || config.external;
  const child = await ctx.readDeployment(id, { health: true });
  if (!child) throw new OperationError(`child deployment '${id}' does not exist`, false);
  if (child.status === 'failed') throw new OperationError(`child deployment '${id}' is failed`, false);
  if (external) return;
  const executionId = childExecutionId(ctx);
  const check = await ctx.readExecution(id, executionId);
  if (check?.status !== 'terminated') ctx.awaitChild({ action: 'execute', deploymentId: id, executionId, workflow: 'check_status', parameters: {} });
  const unhealthy = child.unhealthy ?? [];
  if (unhealthy.length > 0)
    throw new OperationError(
      `child deployment '${id}' has ${unhealthy.length} unhealthy instance(s): ${unhealthy.map((i) => `${i.id}${i.message ? ` (${i.message})` : ''}`).join(', ')}`,
      false,
    );
}

/** Component heal: check_status then heal on the child deployment (run by the driver); then its capabilities again. */
async function componentHeal(ctx: OperationContext): Promise<void> {
  await runOnChild(ctx, 'heal');
}

/** Component update (a deployment update of the parent changed the Component): the child updated to its blueprint and the new inputs. */
async function componentUpdate(ctx: OperationContext): Promise<void> {
  await runOnChild(ctx, 'update');
}

async function runOnChild(ctx: OperationContext, action: 'heal' | 'update'): Promise<void> {
  const config = await componentConfig(ctx);
  const rp = ctx.instance.runtimeProperties;
  const id = childIdOf(ctx, config.deploymentId);
  const child = await ctx.readDeployment(id);
  if (!child) throw new OperationError(`child deployment '${id}' does not exist`, false);
  if (map(rp['deployment'])['external'] === true || config.external) return;
  const executionId = childExecutionId(ctx);
  const done = await ctx.readExecution(id, executionId);
  if (done?.status === 'terminated') {
    rp['capabilities'] = child.capabilities;
    ctx.logger.info(`${action} of child deployment '${id}' succeeded (execution ${executionId})`);
    return;
  }
  const timeout = ctx.inputs['timeout'];
  const timeoutSeconds = typeof timeout === 'number' && timeout > 0 ? { timeoutSeconds: timeout } : {};
  if (action === 'heal') ctx.awaitChild({ action, deploymentId: id, executionId, ...timeoutSeconds });
  ctx.awaitChild({
    action: 'update',
    deploymentId: id,
    executionId,
    blueprint: config.blueprint,
    inputs: config.inputs,
    ...sensitive(ctx, config.inputs),
    ...timeoutSeconds,
  });
}

export const extensionsPlugin: PluginModule = {
  name: 'cfy_extensions',
  operations: {
    'cloudify_types.shared_resource.connect_deployment': connectDeployment,
    'cloudify_types.shared_resource.disconnect_deployment': disconnectDeployment,
    'cloudify_types.shared_resource.check_status': sharedCheckStatus,
    'cloudify_types.password_secret.create': passwordCreate,
    'cloudify_types.password_secret.delete': passwordDelete,
    'cloudify_types.component.upload_blueprint': componentUploadBlueprint,
    'cloudify_types.component.create': componentCreate,
    'cloudify_types.component.execute_start': componentExecuteStart,
    'cloudify_types.component.delete': componentDelete,
    'cloudify_types.component.refresh': componentRefresh,
    'cloudify_types.component.check_status': componentCheckStatus,
    'cloudify_types.component.heal': componentHeal,
    'cloudify_types.component.update': componentUpdate,
  },
};
