import { randomInt } from 'node:crypto';
import { isYamlMap, type YamlMap } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import type { PluginModule } from '../registry.js';

/*
 * Parts of Cloudify's `cfy_extensions` (the types that reach other deployments and the secret
 * store), by Cloudify's task names. Deployments live in the same state table, so a shared
 * resource is a deployment of the table. `Component` (a child deployment installed by the
 * parent) is not here yet: its operations are reported as unsupported.
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

export const extensionsPlugin: PluginModule = {
  name: 'cfy_extensions',
  operations: {
    'cloudify_types.shared_resource.connect_deployment': connectDeployment,
    'cloudify_types.shared_resource.disconnect_deployment': disconnectDeployment,
    'cloudify_types.shared_resource.check_status': sharedCheckStatus,
    'cloudify_types.password_secret.create': passwordCreate,
    'cloudify_types.password_secret.delete': passwordDelete,
  },
};
