import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
 * Shell scripts get the operation inputs as environment variables (as Cloudify's script plugin
 * does), context in ISTHMUS_* variables, and the instance's runtime properties as a JSON file
 * (ISTHMUS_RUNTIME_PROPERTIES) that they may rewrite; a stdout line
 * `isthmus:runtime-property NAME=VALUE` sets one property. Exit 0 succeeds, 75 asks for a
 * retry, anything else is a recoverable failure. The environment is minimal: no driver
 * secrets leak in.
 */
function shellOperation(script: string): OperationFunction {
  return async (ctx) => {
    const full = resolveScript(ctx, script);
    const dir = await mkdtemp(path.join(tmpdir(), 'isthmus-script-'));
    const propsFile = path.join(dir, 'runtime-properties.json');
    try {
      await writeFile(propsFile, JSON.stringify(ctx.instance.runtimeProperties));
      const env: Record<string, string> = {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: process.env['HOME'] ?? dir,
        LANG: process.env['LANG'] ?? 'C.UTF-8',
        ISTHMUS_DEPLOYMENT_ID: ctx.deployment.id,
        ISTHMUS_NODE_ID: ctx.node.id,
        ISTHMUS_NODE_INSTANCE: ctx.instance.id,
        ISTHMUS_OPERATION: ctx.operation.name,
        ISTHMUS_RETRY_NUMBER: String(ctx.operation.retryNumber),
        ISTHMUS_RUNTIME_PROPERTIES: propsFile,
      };
      for (const [k, v] of Object.entries(ctx.inputs)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) env[k] = envValue(v);
      const set: Record<string, YamlValue> = {};
      const { code, stderrTail } = await new Promise<{ code: number | null; stderrTail: string[] }>((resolve, reject) => {
        const child = spawn(full.endsWith('.bash') ? 'bash' : 'sh', [full], { cwd: ctx.blueprintDir, env, stdio: ['ignore', 'pipe', 'pipe'], signal: ctx.signal });
        const tail: string[] = [];
        const lines = (chunk: Buffer, log: (m: string) => void, keep: boolean) => {
          for (const line of chunk.toString().split('\n')) {
            if (!line) continue;
            log(line);
            if (keep) {
              tail.push(line);
              if (tail.length > 5) tail.shift();
            }
          }
        };
        child.stdout.on('data', (c: Buffer) =>
          lines(c, (m) => {
            const assignment = SET_PROPERTY.exec(m);
            if (assignment) set[assignment[1]!] = (parseYaml(assignment[2]!) ?? null) as YamlValue;
            else ctx.logger.info(m);
          }, false),
        );
        child.stderr.on('data', (c: Buffer) => lines(c, (m) => ctx.logger.warning(m), true));
        child.once('error', reject);
        child.once('close', (c) => resolve({ code: c, stderrTail: tail }));
      });
      const updated = JSON.parse(await readFile(propsFile, 'utf8')) as Record<string, YamlValue>;
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
