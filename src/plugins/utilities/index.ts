import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { chmod, chown, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext, OperationFunction } from '../../runtime/types.js';
import type { PluginModule } from '../registry.js';
import { pythonStr, renderJinja } from '../templates.js';

/*
 * The parts of cloudify-utilities-plugin that blueprints use to prepare other nodes, done
 * natively and in our own words, by Cloudify's task names: key pairs (`keys`), cloud-init
 * documents (`cloudinit`), secrets written and read (`secrets`), a file on the machine that runs
 * the step (`cfy_files`) and configuration loading (`configuration`). Secrets go to the
 * deployment's secret store: `.isthmus/secrets.yaml` locally, AWS Secrets Manager under the
 * tier's prefix in AWS mode.
 */

const props = async (ctx: OperationContext): Promise<YamlMap> => (await ctx.evaluate(ctx.node.properties)) as YamlMap;
const map = (v: YamlValue | undefined): YamlMap => (isYamlMap(v) ? v : {});

/** Cloudify's rule: the node's resource_config, overridden by a runtime copy, overridden by the operation's input. */
async function resourceConfig(ctx: OperationContext): Promise<YamlMap> {
  return { ...map((await props(ctx))['resource_config']), ...map(ctx.instance.runtimeProperties['resource_config']), ...map(ctx.inputs['resource_config']) };
}

// ---- keys: cloudify.nodes.keys.RSAKey ---------------------------------------------------------

const KEY_RUNTIME = ['secret_key_name', 'public_key_path', 'private_key_path', 'public_key_export', 'private_key_export', 'secrets_key_owner'];

function expandHome(file: string): string {
  return file.startsWith('~/') ? path.join(homedir(), file.slice(2)) : file;
}

async function keysCreate(ctx: OperationContext): Promise<void> {
  const rp = ctx.instance.runtimeProperties;
  if (KEY_RUNTIME.some((k) => k in rp)) {
    ctx.logger.warning('the key pair exists already (run delete before create): keeping it');
    return;
  }
  const properties = await props(ctx);
  const config = await resourceConfig(ctx);
  const algorithm = String(config['algorithm'] ?? 'RSA').toUpperCase();
  const bits = typeof config['bits'] === 'number' ? config['bits'] : 2048;
  if (config['openssh_format'] === false) throw new OperationError('only OpenSSH format is supported (openssh_format: true)', false);
  if (algorithm !== 'RSA' && algorithm !== 'ED25519') throw new OperationError(`algorithm '${algorithm}' is not supported; use RSA or ED25519`, false);
  for (const unsupported of ['comment', 'passphrase'])
    if (config[unsupported]) ctx.logger.warning(`resource_config.${unsupported} is not implemented (as in Cloudify's plugin)`);
  const useSecretStore = (config['use_secret_store'] ?? properties['use_secret_store'] ?? true) === true;
  const useExisting = (config['use_secrets_if_exist'] ?? properties['use_secrets_if_exist'] ?? false) === true;
  if (useExisting && !useSecretStore) throw new OperationError('use_secrets_if_exist needs use_secret_store', false);
  const keyName = String(config['key_name'] ?? properties['key_name'] ?? `${ctx.deployment.id}-${ctx.instance.id}`);
  const storePrivate = ctx.inputs['store_private_key_material'] === true;
  const storePublic = ctx.inputs['store_public_key_material'] !== false;
  const privatePath = typeof config['private_key_path'] === 'string' ? config['private_key_path'] : undefined;
  const publicPath = typeof config['public_key_path'] === 'string' ? config['public_key_path'] : undefined;
  if (!privatePath && !useSecretStore && !storePrivate) throw new OperationError('private_key_path is needed when use_secret_store is false', false);

  let { privateKey, publicKey } = newKeyPair(algorithm, bits, `${ctx.deployment.id}-${ctx.instance.id}`);
  if (useSecretStore) {
    const privateName = `${keyName}_private`;
    const publicName = `${keyName}_public`;
    const [existingPrivate, existingPublic] = [await ctx.secrets.get(privateName), await ctx.secrets.get(publicName)];
    if (useExisting && typeof existingPrivate === 'string' && typeof existingPublic === 'string') {
      privateKey = existingPrivate;
      publicKey = existingPublic;
      rp['secrets_key_owner'] = false;
    } else if (useExisting && (existingPrivate === undefined) !== (existingPublic === undefined)) {
      throw new OperationError(`cannot use the existing secrets ${publicName} and ${privateName}: only one of them exists`, false);
    } else {
      await ctx.secrets.put(privateName, privateKey, { overwrite: true });
      await ctx.secrets.put(publicName, publicKey, { overwrite: true });
      rp['secrets_key_owner'] = true;
    }
    rp['secret_key_name'] = keyName;
  }
  if (privatePath) {
    await writeKey(expandHome(privatePath), privateKey, 0o600);
    rp['private_key_path'] = privatePath;
  }
  if (publicPath) {
    await writeKey(expandHome(publicPath), publicKey, 0o644);
    rp['public_key_path'] = publicPath;
  }
  if (storePublic) rp['public_key_export'] = publicKey;
  if (storePrivate) rp['private_key_export'] = privateKey;
}

function newKeyPair(algorithm: string, bits: number, comment: string): { privateKey: string; publicKey: string } {
  if (algorithm === 'ED25519') {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return {
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKey: openSshEd25519(publicKey.export({ format: 'jwk' }).x!, comment),
    };
  }
  if (!Number.isInteger(bits) || bits < 2048 || bits > 16384) throw new OperationError(`bits must be a whole number from 2048 to 16384, not ${bits}`, false);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 65537 });
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), publicKey: openSshRsa(jwk.e!, jwk.n!, comment) };
}

/** An SSH wire-format string: a 4-byte big-endian length, then the bytes. */
function sshField(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}
/** An SSH mpint: big-endian, with a leading zero byte when the high bit is set. */
function sshMpint(base64url: string): Buffer {
  let bytes = Buffer.from(base64url, 'base64url');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return sshField(bytes);
}
function openSshRsa(e: string, n: string, comment: string): string {
  const blob = Buffer.concat([sshField(Buffer.from('ssh-rsa')), sshMpint(e), sshMpint(n)]);
  return `ssh-rsa ${blob.toString('base64')} ${comment}`;
}
function openSshEd25519(x: string, comment: string): string {
  const blob = Buffer.concat([sshField(Buffer.from('ssh-ed25519')), sshField(Buffer.from(x, 'base64url'))]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}
async function writeKey(file: string, text: string, mode: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text.endsWith('\n') ? text : `${text}\n`, { mode });
  await chmod(file, mode);
}

async function keysDelete(ctx: OperationContext): Promise<void> {
  const rp = ctx.instance.runtimeProperties;
  const name = rp['secret_key_name'];
  if (typeof name === 'string' && rp['secrets_key_owner'] !== false) {
    await ctx.secrets.delete(`${name}_private`);
    await ctx.secrets.delete(`${name}_public`);
  }
  for (const key of ['private_key_path', 'public_key_path']) {
    const file = rp[key];
    if (typeof file === 'string') await rm(expandHome(file), { force: true });
  }
  for (const key of KEY_RUNTIME) delete rp[key];
}

// ---- cloudinit: cloudify.nodes.CloudInit.CloudConfig ------------------------------------------

async function cloudInitUpdate(ctx: OperationContext): Promise<void> {
  const properties = await props(ctx);
  const config = await resourceConfig(ctx);
  // write_files entries may name a file of the blueprint (resource_type: file_resource), rendered with template_variables.
  const files = Array.isArray(config['write_files']) ? config['write_files'] : [];
  const written: YamlValue[] = [];
  for (const entry of files) {
    const content = isYamlMap(entry) ? entry['content'] : undefined;
    if (isYamlMap(entry) && isYamlMap(content) && content['resource_type'] === 'file_resource' && typeof content['resource_name'] === 'string') {
      const text = await readBlueprintFile(ctx, content['resource_name']);
      const variables = map(content['template_variables']);
      written.push({ ...entry, content: Object.keys(variables).length > 0 ? renderJinja(text, variables, content['resource_name']) : text });
    } else written.push(entry);
  }
  if (files.length > 0) config['write_files'] = written;
  const header = typeof properties['header'] === 'string' ? properties['header'] : '#cloud-config';
  const document = `${header ? `${header}\n` : ''}${stringify(config, { lineWidth: 0 })}`;
  const rp = ctx.instance.runtimeProperties;
  rp['resource_config'] = config;
  rp['cloud_config'] = properties['encode_base64'] === true ? Buffer.from(document).toString('base64') : document;
  rp['json_config'] = JSON.stringify(config);
}

async function cloudInitDelete(ctx: OperationContext): Promise<void> {
  for (const key of ['resource_config', 'cloud_config', 'json_config']) delete ctx.instance.runtimeProperties[key];
}

async function readBlueprintFile(ctx: OperationContext, name: string): Promise<string> {
  const full = path.resolve(ctx.blueprintDir, name);
  const rel = path.relative(ctx.blueprintDir, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new OperationError(`'${name}' is outside the blueprint directory`, false);
  try {
    return await readFile(full, 'utf8');
  } catch {
    throw new OperationError(`'${name}' does not exist in the blueprint directory`, false);
  }
}

// ---- secrets: cloudify.nodes.secrets.Writer / Reader -------------------------------------------

function secretName(key: string, variant: YamlValue | undefined, separator: YamlValue | undefined): string {
  return variant ? `${key}${typeof separator === 'string' && separator ? separator : '__'}${String(variant)}` : key;
}

/** Parameters are the node's properties with the operation's inputs over them (as the plugin merges them). */
async function secretParameters(ctx: OperationContext): Promise<YamlMap> {
  return { ...(await props(ctx)), ...ctx.inputs };
}

function secretWriter(overwriteByDefault: boolean): OperationFunction {
  return async (ctx) => {
    const p = await secretParameters(ctx);
    const entries = map(p['entries']);
    const overwrite = overwriteByDefault || p['update_if_exists'] === true;
    const data: YamlMap = {};
    for (const [key, value] of Object.entries(entries)) {
      const name = secretName(key, p['variant'], p['separator']);
      const text = value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
      try {
        await ctx.secrets.put(name, text, { overwrite });
      } catch (err) {
        throw new OperationError(`cannot write secret '${name}': ${(err as Error).message}`, false, { cause: err });
      }
      if (p['logs_secrets'] === true) ctx.logger.debug(`secret '${name}' written`);
      data[key] = { key: name };
    }
    ctx.instance.runtimeProperties['do_not_delete'] = p['do_not_delete'] === true;
    ctx.instance.runtimeProperties['data'] = data;
  };
}

async function secretsDelete(ctx: OperationContext): Promise<void> {
  const rp = ctx.instance.runtimeProperties;
  if (rp['do_not_delete'] === true) ctx.logger.info('do_not_delete is true: the secrets stay');
  else {
    const p = await secretParameters(ctx);
    for (const key of Object.keys(map(rp['data']))) await ctx.secrets.delete(secretName(key, p['variant'], p['separator']));
  }
  delete rp['data'];
  delete rp['do_not_delete'];
}

async function secretsRead(ctx: OperationContext): Promise<void> {
  const p = await secretParameters(ctx);
  const keys = Array.isArray(p['keys']) ? p['keys'].map(String) : [];
  const data: YamlMap = {};
  for (const key of keys) {
    const name = secretName(key, p['variant'], p['separator']);
    const value = await ctx.secrets.get(name);
    if (value === undefined) throw new OperationError(`secret '${name}' does not exist`, false);
    let parsed: YamlValue = value;
    if (typeof value === 'string') {
      try {
        parsed = JSON.parse(value) as YamlValue;
      } catch {
        parsed = value;
      }
    }
    // As the plugin stores it, so `get_attribute: [reader, data, KEY, value]` reads it; masked wherever it is printed.
    data[key] = { key: name, value: parsed };
  }
  ctx.instance.runtimeProperties['data'] = data;
}

// ---- cfy_files: cloudify.nodes.File ------------------------------------------------------------

async function fileCreate(ctx: OperationContext): Promise<void> {
  const config = await resourceConfig(ctx);
  const resource = config['resource_path'];
  const target = config['file_path'];
  if (typeof resource !== 'string' || typeof target !== 'string') throw new OperationError('resource_config needs resource_path and file_path', false);
  if (config['use_sudo'] === true) throw new OperationError('use_sudo is not supported: Isthmus writes files as the user that runs the step', false);
  let text: string;
  try {
    text = await readBlueprintFile(ctx, resource);
  } catch (err) {
    if (config['allow_failure'] === true) {
      ctx.logger.error((err as Error).message);
      return;
    }
    throw err;
  }
  const variables = config['template_variables'];
  const content = isYamlMap(variables) ? renderJinja(text, variables, resource) : text;
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomUUID()}.tmp`;
  await writeFile(temp, content);
  if (typeof config['mode'] === 'number' || typeof config['mode'] === 'string') {
    const mode = typeof config['mode'] === 'number' ? Number.parseInt(String(config['mode']), 8) : Number.parseInt(config['mode'], 8);
    if (Number.isNaN(mode)) throw new OperationError(`mode '${config['mode']}' is not an octal file mode`, false);
    await chmod(temp, mode);
  }
  if (typeof config['owner'] === 'string' && config['owner']) await chownByName(temp, config['owner']);
  await rename(temp, target);
  ctx.instance.runtimeProperties['file_path'] = target;
}

async function chownByName(file: string, owner: string): Promise<void> {
  const [user, group] = owner.split(':');
  try {
    const uid = Number(execFileSync('id', ['-u', user!], { encoding: 'utf8' }).trim());
    const gid = group
      ? Number(execFileSync('getent', ['group', group], { encoding: 'utf8' }).split(':')[2])
      : Number(execFileSync('id', ['-g', user!], { encoding: 'utf8' }).trim());
    await chown(file, uid, gid);
  } catch (err) {
    throw new OperationError(`cannot give ${file} to '${owner}': ${(err as Error).message.split('\n')[0]}`, false);
  }
}

async function fileDelete(ctx: OperationContext): Promise<void> {
  const config = await resourceConfig(ctx);
  const target = ctx.instance.runtimeProperties['file_path'] ?? config['file_path'];
  if (typeof target === 'string') await rm(target, { force: true });
  delete ctx.instance.runtimeProperties['file_path'];
}

// ---- configuration: cloudify.nodes.ConfigurationLoader --------------------------------------------

function mergeDeep(into: YamlMap, from: YamlMap): YamlMap {
  const out: YamlMap = { ...into };
  for (const [k, v] of Object.entries(from)) out[k] = isYamlMap(out[k]) && isYamlMap(v) ? mergeDeep(out[k] as YamlMap, v) : v;
  return out;
}

function parameterMap(value: YamlValue | undefined): YamlMap {
  if (isYamlMap(value)) return value;
  if (typeof value === 'string' && value.trim()) {
    try {
      const parsed = JSON.parse(value) as YamlValue;
      if (isYamlMap(parsed)) return parsed;
    } catch {
      // reported below
    }
    throw new OperationError('parameters must be a mapping or a JSON object', false);
  }
  return {};
}

async function loadConfiguration(ctx: OperationContext): Promise<void> {
  const params = parameterMap(ctx.inputs['parameters'] ?? (await props(ctx))['parameters_json']);
  const current = map(ctx.instance.runtimeProperties['params']);
  ctx.instance.runtimeProperties['params'] = ctx.inputs['merge_dicts'] === true ? mergeDeep(current, params) : { ...current, ...params };
}

/** A relationship operation: the source takes the parameters its `params_list` names from the loader it depends on. */
async function loadConfigurationToRuntimeProperties(ctx: OperationContext): Promise<void> {
  if (!ctx.source || !ctx.target) throw new OperationError('load_configuration_to_runtime_properties runs in a relationship operation', false);
  const config = parameterMap(ctx.inputs['source_config'] ?? ctx.target.instance.runtimeProperties['params']);
  const sourceProperties = (await ctx.evaluate(ctx.source.node.properties)) as YamlMap;
  const wanted = Array.isArray(sourceProperties['params_list']) ? sourceProperties['params_list'].map(String) : [];
  const previous = map(ctx.source.instance.runtimeProperties['params']);
  const params: YamlMap = {};
  for (const key of wanted) if (Object.hasOwn(config, key)) params[key] = config[key]!;
  const diff = Object.keys(params).filter((k) => JSON.stringify(params[k]) !== JSON.stringify(previous[k]));
  const { old_params: _old, diff_params: _diff, ...previousValues } = previous;
  ctx.source.instance.runtimeProperties['params'] = { ...params, old_params: previousValues, diff_params: diff };
}

/** The custom-workflow example's operation: logs its inputs (Python's repr of them, as the plugin does). */
async function logInputs(ctx: OperationContext): Promise<void> {
  ctx.logger.info(`Log interface: ${pythonStr(ctx.inputs)}`);
}

/** cloudify-utilities-plugin's utilities, by the plugin names blueprints declare and Cloudify's task names. */
export const utilitiesPlugin: PluginModule = {
  name: 'cfy_util',
  aliases: ['keys', 'cloudinit', 'secrets', 'cfy_files', 'configuration', 'cloudify_custom_workflow'],
  operations: {
    'cloudify_custom_workflow.tasks.log': logInputs,
    'cloudify_ssh_key.operations.create': keysCreate,
    'cloudify_ssh_key.operations.delete': keysDelete,
    'cloudify_cloudinit.tasks.update': cloudInitUpdate,
    'cloudify_cloudinit.tasks.delete': cloudInitDelete,
    'cloudify_secrets.tasks.create': secretWriter(false),
    'cloudify_secrets.tasks.update': secretWriter(true),
    'cloudify_secrets.tasks.delete': secretsDelete,
    'cloudify_secrets.tasks.read': secretsRead,
    'cloudify_files.tasks.create': fileCreate,
    'cloudify_files.tasks.delete': fileDelete,
    'cloudify_configuration.tasks.load_configuration': loadConfiguration,
    'cloudify_configuration.tasks.load_configuration_to_runtime_properties': loadConfigurationToRuntimeProperties,
  },
};
