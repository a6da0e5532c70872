import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import type { PluginModule } from '../registry.js';
import { CtxCommandError, type CtxResources } from '../script/ctx-commands.js';
import { readBlueprintResource, renderResource, resolveScript, templateContext } from '../script/index.js';
import { startCtxProxy } from '../script/ctx-proxy.js';
import { MAX_OUTPUT_BYTES, SshSession, type SshTarget } from '../ssh-connection/index.js';
import { PYTHON_SHIM } from '../script/python-shim.js';
import { type PowerShellRun, powershellCommand, powershellInput } from './powershell.js';
import { REMOTE_CTX_CLIENT } from './remote-ctx.js';

/*
 * Cloudify's fabric plugin (`fabric.fabric_plugin.tasks.run_commands` / `run_script`): commands and
 * scripts on a host over SSH, with no agent. The connection comes from `fabric_env` (host_string,
 * user, key or key_filename, password, port, connect_timeout), else from the Compute the node is on
 * (its ip and agent_config), as the plugin does. The host key is checked against `fabric_env.host_key`
 * (Isthmus's: a fingerprint, public key or known_hosts line) when given; otherwise the key first seen
 * is recorded in the instance's runtime property `ssh_host_keys` and a changed one is refused.
 * Scripts reach `ctx` on the host through the SSH connection (see remote-ctx.ts): Python 3 there.
 */

const map = (v: YamlValue | undefined): YamlMap => (isYamlMap(v) ? v : {});
const text = (v: YamlValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** A word for a POSIX shell, single-quoted. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const envValue = (v: YamlValue): string => (typeof v === 'string' ? v : JSON.stringify(v));
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Exit status a script uses to ask for a retry (EX_TEMPFAIL), as with local scripts. */
const RETRY_EXIT_CODE = 75;
/** Operation inputs that configure the run rather than reach the script. */
const RUN_INPUTS = new Set(['process', 'script_path', 'fabric_env', 'use_sudo', 'hide_output', 'commands', 'task_mapping', 'task_properties']);

/** `user@host:port` (each part optional but the host), as fabric's host_string. */
function parseHostString(value: string): { user?: string; host: string; port?: number } {
  const at = value.lastIndexOf('@');
  const user = at > 0 ? value.slice(0, at) : undefined;
  let rest = at >= 0 ? value.slice(at + 1) : value;
  let port: number | undefined;
  const bracketed = /^\[(.+)\](?::(\d+))?$/.exec(rest);
  if (bracketed) {
    rest = bracketed[1]!;
    if (bracketed[2]) port = Number(bracketed[2]);
  } else if (/^[^:]+:\d+$/.test(rest)) {
    port = Number(rest.slice(rest.indexOf(':') + 1));
    rest = rest.slice(0, rest.indexOf(':'));
  }
  return { ...(user ? { user } : {}), host: rest, ...(port ? { port } : {}) };
}

/** The Compute the operation's instance is (or is contained in): its ip and agent_config. */
async function computeHost(ctx: OperationContext): Promise<{ ip?: string; agent: YamlMap; windows: boolean } | undefined> {
  const hostId = ctx.instance.computeHostId;
  if (!hostId) return undefined;
  const instance = hostId === ctx.instance.id ? ctx.instance : await ctx.readInstance(hostId);
  const node = instance ? (instance.nodeId === ctx.node.id ? ctx.node : ctx.readNode(instance.nodeId)) : undefined;
  const properties = node ? ((await ctx.evaluate(node.properties)) as YamlMap) : {};
  const ip = text(instance?.runtimeProperties['ip']) ?? text(properties['ip']);
  return { ...(ip ? { ip } : {}), agent: map(properties['agent_config']), windows: String(properties['os_family'] ?? '').toLowerCase() === 'windows' };
}

/** The SSH target of the operation and the host key configured for it, if any. */
async function targetOf(ctx: OperationContext): Promise<{ target: Omit<SshTarget, 'hostKey'>; configuredKey?: string }> {
  const env = map(ctx.inputs['fabric_env']);
  const host = await computeHost(ctx);
  const fromString = text(env['host_string']) ? parseHostString(text(env['host_string'])!) : undefined;
  const address = fromString?.host ?? text(env['host']) ?? host?.ip;
  if (!address) throw new OperationError('fabric_env has no host_string and the node is not on a Compute with an ip: no host to connect to', false);
  const agent = host?.agent ?? {};
  const username = text(env['user']) ?? fromString?.user ?? text(agent['user']);
  if (!username) throw new OperationError(`no user to log in to ${address}: set fabric_env.user (or the Compute's agent_config.user)`, false);
  const port = Number(text(env['port']) ?? fromString?.port ?? text(agent['port']) ?? 22);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new OperationError(`port ${String(port)} is not a TCP port`, false);
  let privateKey = text(env['key']) ?? text(agent['key']);
  const keyFile = text(env['key_filename']);
  if (!privateKey && keyFile) {
    try {
      privateKey = await readFile(keyFile, 'utf8');
    } catch (err) {
      throw new OperationError(`cannot read fabric_env.key_filename ${keyFile} where this step runs: ${(err as Error).message}`, false);
    }
  }
  const password = text(env['password']) ?? text(agent['password']);
  const configured = text(env['host_key']) ?? text(agent['host_key']);
  const timeout = Number(text(env['connect_timeout']) ?? 20);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new OperationError(`fabric_env.connect_timeout must be a number of seconds, not ${String(env['connect_timeout'])}`, false);
  return {
    target: {
      host: address,
      port,
      username,
      ...(privateKey ? { privateKey } : {}),
      ...(password !== undefined ? { password } : {}),
      timeoutMs: timeout * 1000,
    },
    ...(configured !== undefined ? { configuredKey: configured } : {}),
  };
}

/**
 * Opens an SSH session with Isthmus's host-key policy: the configured key (`hostKey`) is checked
 * when given; otherwise the key recorded in the instance's `ssh_host_keys` runtime property for
 * `host:port`, and the key seen first is recorded there (a changed one is then refused).
 */
export async function openHost(
  ctx: OperationContext,
  target: Omit<SshTarget, 'hostKey'>,
  configuredKey?: string,
): Promise<{ session: SshSession; where: string }> {
  const recordAs = `${target.host}:${target.port}`;
  const recorded = text(map(ctx.instance.runtimeProperties['ssh_host_keys'])[recordAs]);
  const hostKey = configuredKey ?? recorded;
  const session = await SshSession.open({ ...target, ...(hostKey ? { hostKey } : {}) }, ctx.signal);
  if (configuredKey === undefined) {
    const keys = map(ctx.instance.runtimeProperties['ssh_host_keys']);
    if (keys[recordAs] !== session.hostKeyFingerprint) ctx.instance.runtimeProperties['ssh_host_keys'] = { ...keys, [recordAs]: session.hostKeyFingerprint };
  }
  return { session, where: `${target.username}@${recordAs}` };
}

/** Connects to the operation's host (fabric_env or its Compute). */
async function connect(ctx: OperationContext): Promise<{ session: SshSession; where: string }> {
  const { target, configuredKey } = await targetOf(ctx);
  return openHost(ctx, target, configuredKey);
}

/** What `mktemp -d /tmp/isthmus-XXXXXXXX` makes. */
const SCRATCH = /^\/tmp\/isthmus-[A-Za-z0-9]{8}$/;

function logOutput(ctx: OperationContext, stdout: string, stderr: string, hide: boolean, truncated = false): void {
  if (truncated) ctx.logger.warning(`the output was longer than ${MAX_OUTPUT_BYTES} bytes a stream; the rest was dropped`);
  if (hide) return;
  for (const line of stdout.split('\n')) if (line) ctx.logger.info(line);
  for (const line of stderr.split('\n')) if (line) ctx.logger.warning(line);
}

const tail = (stderr: string) => stderr.split('\n').filter(Boolean).slice(-5).join(' | ');

/** run_commands: each command in turn (with `use_sudo`, through `sudo -n`); the first that fails fails the operation. */
async function runCommands(ctx: OperationContext): Promise<void> {
  const commands = ctx.inputs['commands'];
  if (!Array.isArray(commands) || commands.some((c) => typeof c !== 'string'))
    throw new OperationError("run_commands needs 'commands': a list of command lines", false);
  const { session, where } = await connect(ctx);
  try {
    for (const command of commands as string[]) {
      ctx.logger.info(`running on ${where}: ${command}`);
      const run = await session.exec(ctx.inputs['use_sudo'] === true ? `sudo -n sh -c ${shellQuote(command)}` : command, { signal: ctx.signal });
      logOutput(ctx, run.stdout, run.stderr, ctx.inputs['hide_output'] === true, run.truncated);
      if (run.code !== 0)
        throw new OperationError(`'${command}' on ${where} exited with ${run.code ?? run.signal}${run.stderr ? `: ${tail(run.stderr)}` : ''}`, true);
    }
  } finally {
    session.close();
  }
}

/** Blueprint files for download-resource on the host: rendered here, written there (never outside the blueprint directory). */
function remoteResources(ctx: OperationContext, session: SshSession, dir: string): CtxResources {
  let n = 0;
  const read = (resource: string) => readBlueprintResource(ctx, resource);
  return {
    read,
    async download(resource, dest, variables) {
      const source = await read(resource);
      const content = variables ? renderResource(source, { ...(await templateContext(ctx)), ...variables }, resource) : source;
      const target = dest ? (dest.startsWith('/') ? dest : path.posix.join(dir, dest)) : path.posix.join(dir, 'resources', `${++n}-${path.basename(resource)}`);
      if (!dest) await session.exec(`mkdir -p ${shellQuote(path.posix.dirname(target))}`);
      await session.upload(target, content, 0o600);
      return target;
    },
  };
}

/**
 * run_script: the blueprint's script copied to a scratch directory on the host and run there with
 * the operation inputs as environment variables, `process` (env, cwd, args, command_prefix) and
 * `use_sudo` honoured, `ctx` on its PATH; exit 75 asks for a retry, any other non-zero exit fails
 * (recoverably), as with local scripts. The scratch directory is removed afterwards.
 */
async function runScript(ctx: OperationContext): Promise<YamlValue | undefined> {
  const script = text(ctx.inputs['script_path']);
  if (!script) throw new OperationError("run_script needs 'script_path' (a file of the blueprint)", false);
  return runScriptOnHost(ctx, script);
}

/**
 * A blueprint script run on the operation's host over SSH: fabric's run_script, and the script
 * plugin's `executor: host_agent` operations of nodes on a Compute (Cloudify runs those through
 * its agent on the host; Isthmus has none to install). `.py` scripts get the `cloudify` package.
 */
export async function runScriptOnHost(ctx: OperationContext, script: string): Promise<YamlValue | undefined> {
  const full = resolveScript(ctx, script);
  let body: string;
  try {
    body = await readFile(full, 'utf8');
  } catch {
    throw new OperationError(`script '${script}' does not exist in the blueprint directory`, false);
  }
  const host = await computeHost(ctx);
  const windows = host?.windows === true && !ctx.inputs['fabric_env'];
  if (windows && !script.endsWith('.ps1'))
    throw new OperationError(`${script} is for a Windows host: Isthmus runs PowerShell (.ps1) scripts there over OpenSSH (WinRM is not supported)`, false);
  const processInput = map(ctx.inputs['process']);
  const { session, where } = await connect(ctx);
  const local = await mkdtemp(path.join(tmpdir(), 'isthmus-fabric-'));
  let remoteDir: string | undefined;
  let proxy: Awaited<ReturnType<typeof startCtxProxy>> | undefined;
  let forward: { port: number; close: () => Promise<void> } | undefined;
  try {
    if (!windows) {
      const made = await session.exec('mktemp -d /tmp/isthmus-XXXXXXXX', { signal: ctx.signal });
      remoteDir = made.stdout.trim();
      // The host says where: only a directory mktemp could have made is used (and removed).
      if (made.code !== 0 || !SCRATCH.test(remoteDir)) throw new OperationError(`cannot make a scratch directory on ${where}: ${tail(made.stderr)}`, true);
    }
    proxy = await startCtxProxy(ctx, local, remoteDir ? remoteResources(ctx, session, remoteDir) : windowsResources(ctx), undefined);
    const token = randomBytes(24).toString('hex');
    forward = await session.forwardToLocalSocket(proxy.env['ISTHMUS_CTX_SOCKET']!, token);
    const python = !windows && script.endsWith('.py');
    const env: Record<string, string> = {
      ISTHMUS_CTX_PORT: String(forward.port),
      ISTHMUS_CTX_TOKEN: token,
      ISTHMUS_DEPLOYMENT_ID: ctx.deployment.id,
      ISTHMUS_NODE_ID: ctx.node.id,
      ISTHMUS_NODE_INSTANCE: ctx.instance.id,
      ISTHMUS_OPERATION: ctx.operation.name,
      ISTHMUS_RETRY_NUMBER: String(ctx.operation.retryNumber),
      ...(python ? { PYTHONPATH: `${remoteDir}/python`, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' } : {}),
    };
    for (const [k, v] of Object.entries(ctx.inputs)) if (!RUN_INPUTS.has(k) && ENV_NAME.test(k)) env[k] = envValue(v);
    for (const [k, v] of Object.entries(map(processInput['env']))) if (ENV_NAME.test(k)) env[k] = envValue(v);
    const args = (Array.isArray(processInput['args']) ? processInput['args'] : []).map((a) => envValue(a));
    const cwd = text(processInput['cwd']);
    ctx.logger.info(`running ${script} on ${where}${windows ? ' (PowerShell)' : ''}`);
    let run: Awaited<ReturnType<SshSession['exec']>>;
    if (windows) {
      const powershell = text(host?.agent['powershell']) ?? 'powershell.exe';
      const input: PowerShellRun = { name: path.basename(script), script: body, env, args, ...(cwd ? { cwd } : {}) };
      run = await session.exec(powershellCommand(powershell), { stdin: powershellInput(input), signal: ctx.signal });
    } else {
      const dir = remoteDir!;
      await session.exec(`mkdir -p ${shellQuote(`${dir}/bin`)}`);
      const remoteScript = `${dir}/${path.basename(script)}`;
      await session.upload(remoteScript, body, 0o700);
      await session.upload(`${dir}/bin/ctx`, REMOTE_CTX_CLIENT, 0o700);
      if (python) {
        const dirs = [...new Set(Object.keys(PYTHON_SHIM).map((f) => path.posix.dirname(`${dir}/python/${f}`)))];
        await session.exec(`mkdir -p ${dirs.map(shellQuote).join(' ')}`);
        for (const [file, source] of Object.entries(PYTHON_SHIM)) await session.upload(`${dir}/python/${file}`, source, 0o600);
      }
      const exports = Object.entries(env)
        .map(([k, v]) => `export ${k}=${shellQuote(v)}`)
        .join('; ');
      const prefix = text(processInput['command_prefix']);
      const interpreter = prefix ?? (python ? `python3 ${shellQuote(`${dir}/python/isthmus_run_script.py`)}` : body.startsWith('#!') ? '' : 'sh');
      const quotedArgs = args.map(shellQuote).join(' ');
      const inner = `${exports}; export PATH=${shellQuote(`${dir}/bin`)}:"$PATH"; cd ${shellQuote(cwd ?? dir)} && ${interpreter ? `${interpreter} ` : ''}${shellQuote(remoteScript)}${quotedArgs ? ` ${quotedArgs}` : ''}`;
      const command = ctx.inputs['use_sudo'] === true ? `sudo -n sh -c ${shellQuote(inner)}` : `sh -c ${shellQuote(inner)}`;
      run = await session.exec(command, { signal: ctx.signal });
    }
    logOutput(ctx, run.stdout, run.stderr, ctx.inputs['hide_output'] === true, run.truncated);
    const { requests, errors } = proxy;
    if (requests.abort !== undefined) throw new OperationError(requests.abort, false);
    if (requests.retry) ctx.retry(requests.retry.message, requests.retry.afterSeconds);
    if (run.code === RETRY_EXIT_CODE) ctx.retry(tail(run.stderr) || `${script} asked for a retry`);
    if (run.code !== 0) {
      const why = run.stderr ? tail(run.stderr) : errors[0];
      throw new OperationError(`${script} on ${where} exited with ${run.code ?? run.signal}${why ? `: ${why}` : ''}`, true);
    }
    return requests.returned;
  } finally {
    if (remoteDir && SCRATCH.test(remoteDir)) await session.exec(`rm -rf ${shellQuote(remoteDir)}`).catch(() => undefined);
    await forward?.close().catch(() => undefined);
    await proxy?.close();
    session.close();
    await rm(local, { recursive: true, force: true });
  }
}

/** On a Windows host, a script's ctx reads blueprint files but cannot have them written to the host (no scratch path known here). */
function windowsResources(ctx: OperationContext): CtxResources {
  const read = (resource: string) => readBlueprintResource(ctx, resource);
  return {
    read,
    async download() {
      throw new CtxCommandError('download-resource is not available to PowerShell scripts on Windows hosts: use ctx get-resource and write the file yourself');
    },
  };
}

export const fabricPlugin: PluginModule = {
  name: 'fabric',
  operations: {
    'fabric_plugin.tasks.run_commands': runCommands,
    'fabric_plugin.tasks.run_script': runScript,
  },
};
