import { execFileSync, spawn } from 'node:child_process';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext, OperationFunction } from '../../runtime/types.js';
import type { ScriptRunner } from '../registry.js';

/** Exit status a shell script uses to ask for a retry (EX_TEMPFAIL). */
export const RETRY_EXIT_CODE = 75;

function resolveScript(ctx: OperationContext, script: string): string {
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
function scriptUser(name: string | undefined): { uid: number; gid: number } | undefined {
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

/**
 * Shell scripts get the operation inputs as environment variables (as Cloudify's script plugin
 * does), context in ISTHMUS_* variables, and the instance's runtime properties as a JSON file
 * (ISTHMUS_RUNTIME_PROPERTIES) that they may rewrite; a stdout line
 * `isthmus:runtime-property NAME=VALUE` sets one property. Exit 0 succeeds, 75 asks for a
 * retry, anything else is a recoverable failure. The environment is minimal: no driver
 * variable is passed on (the driver's own environment stays readable to a script of the same
 * user through /proc; see scriptUser).
 */
function shellOperation(script: string): OperationFunction {
  return async (ctx) => {
    const full = resolveScript(ctx, script);
    const dir = await mkdtemp(path.join(tmpdir(), 'isthmus-script-'));
    const propsFile = path.join(dir, 'runtime-properties.json');
    try {
      await writeFile(propsFile, JSON.stringify(ctx.instance.runtimeProperties));
      const runAs = scriptUser(ctx.settings.scriptUser);
      if (runAs) {
        // Only the script's own scratch directory becomes the script user's.
        await chown(dir, runAs.uid, runAs.gid);
        await chown(propsFile, runAs.uid, runAs.gid);
      }
      const env: Record<string, string> = {
        PATH: ctx.settings.scriptEnvironment.PATH,
        HOME: runAs ? dir : (ctx.settings.scriptEnvironment.HOME ?? dir),
        LANG: ctx.settings.scriptEnvironment.LANG,
        ISTHMUS_DEPLOYMENT_ID: ctx.deployment.id,
        ISTHMUS_NODE_ID: ctx.node.id,
        ISTHMUS_NODE_INSTANCE: ctx.instance.id,
        ISTHMUS_OPERATION: ctx.operation.name,
        ISTHMUS_RETRY_NUMBER: String(ctx.operation.retryNumber),
        ISTHMUS_RUNTIME_PROPERTIES: propsFile,
      };
      for (const [k, v] of Object.entries(ctx.inputs)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) env[k] = envValue(v);
      const set: Record<string, YamlValue> = {};
      // A script's output is untrusted: nothing it prints may throw inside a stream handler (that
      // would kill the driver or the Lambda, not fail the step). Problems are kept and fail the step.
      const problems: string[] = [];
      const { code, stderrTail } = await new Promise<{ code: number | null; stderrTail: string[] }>((resolve, reject) => {
        const child = spawn(full.endsWith('.bash') ? 'bash' : 'sh', [full], {
          cwd: ctx.blueprintDir,
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
        child.once('error', reject);
        child.once('close', (c) => void Promise.all(pending).then(() => resolve({ code: c, stderrTail: tail }), reject));
      });
      if (problems.length > 0) throw new OperationError(`${script} printed ${problems.join('; ')}`, false);
      const updated = parseRuntimeProperties(await readFile(propsFile, 'utf8'), script);
      for (const key of Object.keys(ctx.instance.runtimeProperties)) if (!(key in updated)) delete ctx.instance.runtimeProperties[key];
      Object.assign(ctx.instance.runtimeProperties, updated, set);
      if (code === RETRY_EXIT_CODE) ctx.retry(stderrTail.at(-1) ?? `${script} asked for a retry`);
      if (code !== 0) throw new OperationError(`${script} exited with ${code}${stderrTail.length ? `: ${stderrTail.join(' | ')}` : ''}`, true);
      return undefined;
    } catch (err) {
      if ((err as { name?: string }).name === 'AbortError') throw new OperationError(`${script} timed out`, true);
      throw err;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
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
  extensions: ['.sh', '.bash', '.js', '.mjs'],
  run: (script) => (/\.m?js$/.test(script) ? moduleOperation(script) : shellOperation(script)),
};
