import { execFile, execFileSync, spawn } from 'node:child_process';
import { chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext, OperationFunction } from '../../runtime/types.js';
import type { ScriptRunner } from '../registry.js';
import { CtxCommandError, type CtxResources } from './ctx-commands.js';
import { startCtxProxy, type CtxProxy } from './ctx-proxy.js';
import { PYTHON_SHIM } from './python-shim.js';
import { renderJinja } from '../templates.js';

/** Exit status a shell script uses to ask for a retry (EX_TEMPFAIL). */
export const RETRY_EXIT_CODE = 75;

export function resolveScript(ctx: OperationContext, script: string): string {
  const full = path.resolve(ctx.blueprintDir, script);
  const rel = path.relative(ctx.blueprintDir, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new OperationError(`script '${script}' is outside the blueprint directory`, false);
  return full;
}

function envValue(v: YamlValue): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A stdout line that sets a runtime property: `isthmus:runtime-property NAME=VALUE` (VALUE read as YAML). */
const SET_PROPERTY = /^isthmus:runtime-property ([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/;

/**
 * The user scripts run as (`ISTHMUS_SCRIPT_USER`), when the driver may switch to it (it runs as
 * root, as in a container or a CI job). A script running as the driver's own user can read the
 * driver's environment (`/proc/$PPID/environ`: its AWS credentials and GitHub token); a script of
 * another user cannot. Without it, scripts are trusted code with the driver's identity (README,
 * "Trust model").
 */
export function scriptUser(name: string | undefined): { uid: number; gid: number } | undefined {
  if (!name) return undefined;
  let ids = scriptUserIds.get(name);
  if (!ids) {
    // Looked up once per process, not on every step.
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
    try {
      ids = { uid: id('-u'), gid: id('-g') };
    } catch {
      throw new OperationError(`ISTHMUS_SCRIPT_USER names '${name}', which is not a user of this machine`, false);
    }
    scriptUserIds.set(name, ids);
  }
  return ids;
}

const scriptUserIds = new Map<string, { uid: number; gid: number }>();

/** Calls `onLine` for each non-empty line of a stream, lines split across chunks kept whole; a throwing handler cannot escape. */
function readLines(stream: Readable, onLine: (line: string) => void): Promise<void> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  return (async () => {
    try {
      for await (const line of lines) {
        if (!line) continue;
        try {
          onLine(line);
        } catch {
          // A logger or parser failure loses one line, never the step.
        }
      }
    } catch {
      // The stream broke (the child was killed): what was read is kept; the exit status says the rest.
    }
  })();
}

/** The runtime-properties file as the script left it: a mapping, or the step fails saying why. */
function parseRuntimeProperties(text: string, script: string): Record<string, YamlValue> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new OperationError(`${script} left ISTHMUS_RUNTIME_PROPERTIES that is not JSON (${(err as Error).message})`, false);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new OperationError(`${script} left ISTHMUS_RUNTIME_PROPERTIES that is not a JSON object`, false);
  return value as Record<string, YamlValue>;
}

/** Operation inputs that configure the run rather than reach the script (Cloudify's names). */
const RUN_INPUTS = new Set(['process', 'script_path']);

/** The `process` input of Cloudify's script plugin: how the script's process is started. */
interface ProcessOptions {
  env: Record<string, string>;
  cwd?: string;
  args: string[];
  commandPrefix?: string;
}

function processOptions(ctx: OperationContext, value: YamlValue | undefined): ProcessOptions {
  if (value === undefined || value === null) return { env: {}, args: [] };
  if (!isYamlMap(value)) throw new OperationError("the 'process' input must be a mapping (env, cwd, args, command_prefix)", false);
  const env: Record<string, string> = {};
  const given = value['env'];
  if (given !== undefined && given !== null) {
    if (!isYamlMap(given)) throw new OperationError("the 'process' input's env must be a mapping of variable names to values", false);
    for (const [k, v] of Object.entries(given)) env[k] = envValue(v);
  }
  const args = value['args'];
  if (args !== undefined && args !== null && !Array.isArray(args)) throw new OperationError('process.args must be a list', false);
  const cwd = value['cwd'];
  const prefix = value['command_prefix'];
  return {
    env,
    args: (args ?? []).map((a) => envValue(a)),
    ...(typeof cwd === 'string' && cwd ? { cwd: path.resolve(ctx.blueprintDir, cwd) } : {}),
    ...(typeof prefix === 'string' && prefix.trim() ? { commandPrefix: prefix.trim() } : {}),
  };
}

/**
 * The command that runs a script, as Cloudify's script plugin picks it: `process.command_prefix`
 * when given (`/bin/bash`, `powershell`), python3 with the ctx package for `.py`, the script's
 * own `#!` line, else `sh` (`bash` for `.bash`).
 */
async function commandFor(full: string, options: ProcessOptions, shim: string): Promise<{ file: string; args: string[] }> {
  if (options.commandPrefix) {
    const [file, ...prefixArgs] = options.commandPrefix.split(/\s+/);
    return { file: file!, args: [...prefixArgs, full, ...options.args] };
  }
  if (full.endsWith('.py')) return { file: 'python3', args: [path.join(shim, 'isthmus_run_script.py'), full, ...options.args] };
  // Cloudify runs .ps1 with PowerShell; where steps run (Linux) that is PowerShell 7, `pwsh`.
  if (full.endsWith('.ps1')) return { file: 'pwsh', args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', full, ...options.args] };
  const head = (await readFile(full, 'utf8')).slice(0, 256);
  const shebang = /^#!\s*(\S+)(?:[ \t]+([^\n]*?))?[ \t]*\r?\n/.exec(head);
  if (shebang) return { file: shebang[1]!, args: [...(shebang[2] ? [shebang[2]] : []), full, ...options.args] };
  return { file: full.endsWith('.bash') ? 'bash' : 'sh', args: [full, ...options.args] };
}

/** A file of the blueprint's directory as text, for a script's ctx (never outside the directory). */
export async function readBlueprintResource(ctx: OperationContext, resource: string): Promise<string> {
  const full = path.resolve(ctx.blueprintDir, resource);
  const rel = path.relative(ctx.blueprintDir, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new CtxCommandError(`resource '${resource}' is outside the blueprint directory`);
  try {
    return await readFile(full, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CtxCommandError(`resource '${resource}' does not exist in the blueprint directory`);
    throw err;
  }
}

/** Files of the blueprint's directory for download-resource and its kin (never outside it). */
function blueprintResources(ctx: OperationContext, scratch: string, runAs: { uid: number; gid: number } | undefined): CtxResources {
  let n = 0;
  const read = (resource: string) => readBlueprintResource(ctx, resource);
  return {
    read,
    async download(resource, dest, variables) {
      const text = await read(resource);
      const content = variables ? renderResource(text, { ...(await templateContext(ctx)), ...variables }, resource) : text;
      const staged = path.join(scratch, 'resources', `${++n}-${path.basename(resource)}`);
      await mkdir(path.dirname(staged), { recursive: true });
      await writeFile(staged, content);
      if (runAs) await chown(staged, runAs.uid, runAs.gid);
      if (!dest) return staged;
      const target = path.resolve(scratch, dest);
      // The destination is the script's choice: with a script user, the copy is made as that user,
      // so the proxy (the driver, often root) never writes or hands over a file the script could not.
      if (runAs) await copyAs(staged, target, runAs);
      else {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, content);
      }
      return target;
    },
  };
}

/** A resource rendered for a script: a template it cannot render is the script's error (ctx exits 1). */
export function renderResource(text: string, variables: Record<string, YamlValue>, name: string): string {
  try {
    return renderJinja(text, variables, name);
  } catch (err) {
    throw new CtxCommandError((err as Error).message);
  }
}

/** Copies a file as another user: the operating system decides what that user may write. */
function copyAs(from: string, to: string, user: { uid: number; gid: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('cp', [from, to], { uid: user.uid, gid: user.gid }, (err, _stdout, stderr) => {
      if (err) reject(new CtxCommandError(`cannot write ${to} as the script user: ${String(stderr).trim() || err.message}`));
      else resolve();
    });
  });
}

/** What a rendered resource sees besides its template variables: Cloudify's `ctx` in Jinja. */
export async function templateContext(ctx: OperationContext): Promise<Record<string, YamlValue>> {
  return {
    ctx: {
      node: { id: ctx.node.id, name: ctx.node.id, type: ctx.node.type, properties: (await ctx.evaluate(ctx.node.properties)) as YamlMap },
      instance: { id: ctx.instance.id, runtime_properties: ctx.instance.runtimeProperties },
      deployment: { id: ctx.deployment.id },
      blueprint: { id: ctx.blueprint.id },
      execution_id: ctx.execution.id,
      workflow_id: ctx.execution.workflowId,
    },
  };
}

/**
 * Scripts run as Cloudify's script plugin runs them. The operation inputs are environment
 * variables (maps and lists as JSON); `process` sets env, cwd, args and command_prefix. A `ctx`
 * command and the `cloudify` Python package reach the operation's context through the step's ctx
 * proxy. Isthmus's own conventions work too: ISTHMUS_* variables, the runtime properties as a JSON
 * file (ISTHMUS_RUNTIME_PROPERTIES) the script may rewrite, a stdout line
 * `isthmus:runtime-property NAME=VALUE`, and exit 75 to ask for a retry; any other non-zero exit is
 * a recoverable failure. Nothing else of the driver's environment is passed on (the driver's own
 * environment stays readable to a script of the same user through /proc; see scriptUser).
 */
function processOperation(script: string): OperationFunction {
  return async (ctx) => {
    // Cloudify runs host_agent scripts of a node on a Compute on that machine: Isthmus goes there over SSH.
    if (ctx.operation.executor === 'host_agent' && ctx.instance.computeHostId) return (await import('../fabric/index.js')).runScriptOnHost(ctx, script);
    const full = resolveScript(ctx, script);
    const options = processOptions(ctx, ctx.inputs['process']);
    const dir = await mkdtemp(path.join(tmpdir(), 'isthmus-script-'));
    const propsFile = path.join(dir, 'runtime-properties.json');
    let proxy: CtxProxy | undefined;
    try {
      const written = JSON.stringify(ctx.instance.runtimeProperties);
      await writeFile(propsFile, written);
      const runAs = scriptUser(ctx.settings.scriptUser);
      const shim = path.join(dir, 'python');
      if (full.endsWith('.py')) {
        for (const [file, text] of Object.entries(PYTHON_SHIM)) {
          await mkdir(path.dirname(path.join(shim, file)), { recursive: true });
          await writeFile(path.join(shim, file), text);
        }
      }
      proxy = await startCtxProxy(ctx, dir, blueprintResources(ctx, dir, runAs), runAs);
      if (runAs) {
        // Only the script's own scratch directory becomes the script user's.
        await chownTree(dir, runAs);
      }
      const env: Record<string, string> = {
        PATH: `${proxy.env['ISTHMUS_CTX_BIN']}:${ctx.settings.scriptEnvironment.PATH}`,
        HOME: runAs ? dir : (ctx.settings.scriptEnvironment.HOME ?? dir),
        LANG: ctx.settings.scriptEnvironment.LANG,
        ...(full.endsWith('.py') ? { PYTHONPATH: shim, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' } : {}),
        ...proxy.env,
        ISTHMUS_DEPLOYMENT_ID: ctx.deployment.id,
        ISTHMUS_NODE_ID: ctx.node.id,
        ISTHMUS_NODE_INSTANCE: ctx.instance.id,
        ISTHMUS_OPERATION: ctx.operation.name,
        ISTHMUS_RETRY_NUMBER: String(ctx.operation.retryNumber),
        ISTHMUS_RUNTIME_PROPERTIES: propsFile,
      };
      for (const [k, v] of Object.entries(ctx.inputs)) if (!RUN_INPUTS.has(k) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) env[k] = envValue(v);
      Object.assign(env, options.env);
      const command = await commandFor(full, options, shim);
      const set: Record<string, YamlValue> = {};
      // A script's output is untrusted: nothing it prints may throw inside a stream handler (that
      // would kill the driver or the Lambda, not fail the step). Problems are kept and fail the step.
      const problems: string[] = [];
      const { code, stderrTail } = await new Promise<{ code: number | null; stderrTail: string[] }>((resolve, reject) => {
        const child = spawn(command.file, command.args, {
          cwd: options.cwd ?? ctx.blueprintDir,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
          signal: ctx.signal,
          ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
        });
        const tail: string[] = [];
        const onStdout = (line: string) => {
          const assignment = SET_PROPERTY.exec(line);
          if (!assignment) return ctx.logger.info(line);
          try {
            set[assignment[1]!] = (parseYaml(assignment[2]!, { logLevel: 'error' }) ?? null) as YamlValue;
          } catch (err) {
            problems.push(`runtime property '${assignment[1]}' is not valid YAML (${(err as Error).message.split('\n')[0]})`);
          }
        };
        const onStderr = (line: string) => {
          ctx.logger.warning(line);
          tail.push(line);
          if (tail.length > 5) tail.shift();
        };
        const pending = [readLines(child.stdout, onStdout), readLines(child.stderr, onStderr)];
        child.once('error', (err: NodeJS.ErrnoException) =>
          reject(err.code === 'ENOENT' ? new OperationError(`cannot run ${script}: '${command.file}' is not installed where this step runs`, false) : err),
        );
        child.once('close', (c) => void Promise.all(pending).then(() => resolve({ code: c, stderrTail: tail }), reject));
      });
      if (problems.length > 0) throw new OperationError(`${script} printed ${problems.join('; ')}`, false);
      const left = await readFile(propsFile, 'utf8');
      if (left !== written) {
        // The script rewrote the file (Isthmus's own convention): it holds the whole map.
        const updated = parseRuntimeProperties(left, script);
        for (const key of Object.keys(ctx.instance.runtimeProperties)) if (!(key in updated)) delete ctx.instance.runtimeProperties[key];
        Object.assign(ctx.instance.runtimeProperties, updated);
      }
      Object.assign(ctx.instance.runtimeProperties, set);
      const { requests, errors } = proxy;
      if (requests.abort !== undefined) throw new OperationError(requests.abort, false);
      if (requests.retry) ctx.retry(requests.retry.message, requests.retry.afterSeconds);
      if (code === RETRY_EXIT_CODE) ctx.retry(stderrTail.at(-1) ?? `${script} asked for a retry`);
      if (code !== 0) {
        const why = stderrTail.length ? stderrTail.join(' | ') : errors[0];
        throw new OperationError(`${script} exited with ${code}${why ? `: ${why}` : ''}`, true);
      }
      return requests.returned;
    } catch (err) {
      if ((err as { name?: string }).name === 'AbortError') throw new OperationError(`${script} timed out`, true);
      throw err;
    } finally {
      await proxy?.close();
      await rm(dir, { recursive: true, force: true });
    }
  };
}

export async function chownTree(dir: string, owner: { uid: number; gid: number }): Promise<void> {
  await chown(dir, owner.uid, owner.gid);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    await chown(path.join(entry.parentPath, entry.name), owner.uid, owner.gid);
  }
}

/** JavaScript modules export an async function taking `ctx` (default export). */
function moduleOperation(script: string): OperationFunction {
  return async (ctx) => {
    const full = resolveScript(ctx, script);
    const mod = (await import(pathToFileURL(full).href)) as { default?: OperationFunction };
    if (typeof mod.default !== 'function') throw new OperationError(`${script} must export a default async function (ctx)`, false);
    return mod.default(ctx);
  };
}

export const scriptRunner: ScriptRunner = {
  extensions: ['.sh', '.bash', '.py', '.ps1', '.js', '.mjs'],
  run: (script) => (/\.m?js$/.test(script) ? moduleOperation(script) : processOperation(script)),
};
