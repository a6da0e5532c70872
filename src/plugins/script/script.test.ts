import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER } from '../../../test/support/blueprint-files.js';
import { createHarness } from '../../../test/support/engine.js';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import { scriptRunner } from './index.js';
import { operationContext } from '../../../test/support/operation-context.js';

function scripts(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

describe('script plugin', () => {
  it('runs shell scripts with inputs in the environment and takes runtime properties back', async () => {
    const h = await createHarness();
    scripts(h.dir, {
      'scripts/create.sh': 'set -eu\necho "hello $greeting from $ISTHMUS_NODE_INSTANCE"\necho "isthmus:runtime-property endpoint={host: h1, port: 8080}"\n',
      'scripts/configure.sh': 'set -eu\ncat "$ISTHMUS_RUNTIME_PROPERTIES" > /dev/null\nprintf \'{"rewritten": true}\' > "$ISTHMUS_RUNTIME_PROPERTIES"\n',
    });
    const dep = await h.deploy(`${HEADER}node_templates:
  vm:
    type: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle:
        create: { implementation: scripts/create.sh, inputs: { greeting: hi } }
        configure: scripts/configure.sh
`);
    const e = await h.run(dep, 'install');
    expect(e.status).toBe('terminated');
    const [vm] = await h.store.listNodeInstances(dep);
    expect(vm!.runtimeProperties).toEqual({ rewritten: true });
    const logs = (await h.store.listEvents(e.id)).filter((ev) => ev.type === 'log').map((ev) => ev.message);
    expect(logs).toContain(`hello hi from ${vm!.id}`);
  });

  it('keeps a property set by a line when the file is untouched, retries on exit 75 and fails on other codes', async () => {
    const h = await createHarness();
    scripts(h.dir, {
      'scripts/prop.sh': 'echo "isthmus:runtime-property ip=10.1.2.3"\n',
      'scripts/wait.sh': 'if [ "$ISTHMUS_RETRY_NUMBER" -lt 2 ]; then echo "not yet" >&2; exit 75; fi\n',
      'scripts/broken.sh': 'echo "disk full" >&2\nexit 3\n',
    });
    const dep = await h.deploy(`${HEADER}node_templates:
  a:
    type: cloudify.nodes.Root
    interfaces: { cloudify.interfaces.lifecycle: { create: scripts/prop.sh, start: scripts/wait.sh } }
  b:
    type: cloudify.nodes.Root
    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: scripts/broken.sh, max_retries: 1, retry_interval: 0 } } }
`);
    const e = await h.run(dep, 'install');
    expect(e.status).toBe('failed');
    expect(e.error).toContain('scripts/broken.sh exited with 3: disk full');
    const a = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'a')!;
    expect(a.runtimeProperties).toEqual({ ip: '10.1.2.3' });
    const events = await h.store.listEvents(e.id);
    expect(events.filter((ev) => ev.type === 'task_rescheduled' && ev.message.includes('scripts/broken.sh'))).toHaveLength(1);
  });

  it('runs JavaScript modules with ctx', async () => {
    const h = await createHarness();
    scripts(h.dir, {
      'ops/create.mjs':
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a JavaScript module, template literal included
        'export default async function (ctx) { ctx.instance.runtimeProperties.made_by = ctx.node.type; ctx.logger.info(`inputs ${JSON.stringify(ctx.inputs)}`); }\n',
    });
    const dep = await h.deploy(`${HEADER}node_templates:
  a:
    type: cloudify.nodes.Compute
    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: ops/create.mjs, inputs: { size: 2 } } } }
`);
    const e = await h.run(dep, 'install');
    expect(e.status).toBe('terminated');
    const a = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'a')!;
    expect(a.runtimeProperties).toEqual({ made_by: 'cloudify.nodes.Compute' });
  });

  it('refuses scripts outside the blueprint directory when loading, and again when running', async () => {
    const h = await createHarness();
    await expect(
      h.deploy(
        `${HEADER}node_templates:\n  b:\n    type: cloudify.nodes.Root\n    interfaces: { cloudify.interfaces.lifecycle: { create: ../../etc/evil.sh } }\n`,
      ),
    ).rejects.toThrow(/operation.script-outside/);
    await expect(scriptRunner.run('../../etc/evil.sh')(directContext(h.dir, []))).rejects.toThrow(/outside the blueprint directory/);
  });
});

/** The script plugin called directly (no engine, no store). */
function directContext(dir: string, messages: string[]): OperationContext {
  return operationContext({ dir, messages });
}

describe('script plugin output is untrusted', () => {
  it('finding 5: a malformed isthmus:runtime-property line fails the step instead of killing the process', async () => {
    const h = await createHarness();
    scripts(h.dir, { 'scripts/bad.sh': 'echo "isthmus:runtime-property broken={unclosed: [1, 2"\necho "after"\n' });
    const dep = await h.deploy(`${HEADER}node_templates:
  vm:
    type: cloudify.nodes.Root
    interfaces: { cloudify.interfaces.lifecycle: { create: scripts/bad.sh } }
`);
    const e = await h.run(dep, 'install');
    expect(e.status).toBe('failed');
    expect(e.error).toContain("runtime property 'broken' is not valid YAML");
  });

  it('finding 5: a runtime-properties file rewritten as something other than a JSON object fails the step', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isthmus-fuzz-'));
    try {
      for (const [i, content] of ['[1,2]', 'null', '{"a":', '"text"'].entries()) {
        writeFileSync(path.join(dir, `w${i}.sh`), `printf '%s' '${content}' > "$ISTHMUS_RUNTIME_PROPERTIES"\n`);
        await expect(scriptRunner.run(`w${i}.sh`)(directContext(dir, []))).rejects.toThrow(/ISTHMUS_RUNTIME_PROPERTIES that is not/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finding 5: fuzzed script output (random bytes, broken property lines, lines split across writes) only ever succeeds or fails the step', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isthmus-fuzz-'));
    let seed = 20261202;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const pieces = [
      'isthmus:runtime-property ',
      'a=',
      '{',
      '[',
      ']',
      '}',
      ':',
      '"',
      "'",
      '\\n',
      '&x',
      '*x',
      '!!binary',
      '%',
      '\n',
      '\t',
      '\u0000',
      '\u2028',
      'é',
      '- ',
      '? ',
      '|',
      '>',
      'key=value',
      ' ',
    ];
    try {
      const cases = 60;
      let failed = 0;
      for (let c = 0; c < cases; c++) {
        const bytes: number[] = [];
        for (let line = 0, lines = 1 + Math.floor(random() * 6); line < lines; line++) {
          if (random() < 0.5) bytes.push(...Buffer.from(`isthmus:runtime-property p${line}=`));
          for (let i = 0, n = Math.floor(random() * 12); i < n; i++) {
            if (random() < 0.2) bytes.push(Math.floor(random() * 256));
            else bytes.push(...Buffer.from(pieces[Math.floor(random() * pieces.length)]!));
          }
          bytes.push(10);
        }
        writeFileSync(path.join(dir, 'out.bin'), Buffer.from(bytes));
        // Written in two halves with a pause, so a line can be split across chunks.
        writeFileSync(path.join(dir, 'fuzz.sh'), 'head -c 7 out.bin; sleep 0.01; tail -c +8 out.bin; echo\n');
        const messages: string[] = [];
        const ctx = directContext(dir, messages);
        try {
          await scriptRunner.run('fuzz.sh')(ctx);
        } catch (err) {
          expect(err).toBeInstanceOf(OperationError);
          failed++;
        }
      }
      expect(failed).toBeGreaterThan(0);
      expect(failed).toBeLessThan(cases);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scripts and the driver credentials (finding 11)', () => {
  const SECRET = 'driver-secret-7f3a9c';
  /** A driver process (the built plugin) with a credential in its environment, running one script; returns what the script saw. */
  function runInDriver(extraEnv: Record<string, string>): Record<string, unknown> {
    const dir = mkdtempSync(path.join(tmpdir(), 'isthmus-trust-'));
    try {
      chmodSync(dir, 0o755);
      writeFileSync(
        path.join(dir, 'peek.sh'),
        `if tr '\\0' '\\n' < /proc/$PPID/environ 2>/dev/null | grep -q '${SECRET}'; then echo "isthmus:runtime-property leaked=true"; else echo "isthmus:runtime-property leaked=false"; fi\necho "isthmus:runtime-property own=$AWS_SECRET_ACCESS_KEY"\n`,
      );
      chmodSync(path.join(dir, 'peek.sh'), 0o755);
      const driver = `
        const { scriptRunner } = await import(${JSON.stringify(path.resolve('build/src/plugins/script/index.js'))});
        const { parsePluginSettings } = await import(${JSON.stringify(path.resolve('build/src/settings.js'))});
        const instance = { id: 'i', nodeId: 'n', state: 'initial', runtimeProperties: {} };
        const log = () => undefined;
        await scriptRunner.run('peek.sh')({ deployment: { id: 'd' }, node: { id: 'n', type: 't', typeHierarchy: [], properties: {} }, instance,
          operation: { name: 'op', retryNumber: 0, maxRetries: 0, implementation: 'peek.sh' }, inputs: {}, logger: { debug: log, info: log, warning: log, error: log },
          retry: () => { throw new Error('retry'); }, blueprintDir: ${JSON.stringify(dir)}, settings: parsePluginSettings(process.env), signal: new AbortController().signal, relationships: [], evaluate: async (v) => v, readInstance: async () => undefined });
        process.stdout.write(JSON.stringify(instance.runtimeProperties));`;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', driver], {
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', AWS_SECRET_ACCESS_KEY: SECRET, ...extraEnv },
        encoding: 'utf8',
      });
      return JSON.parse(out) as Record<string, unknown>;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('never passes the driver environment to a script', () => {
    expect(runInDriver({})['own']).toBeNull();
  });

  it.runIf(process.getuid?.() === 0)(
    'as ISTHMUS_SCRIPT_USER, a script cannot read the driver environment through /proc/$PPID/environ (as the driver user it can)',
    () => {
      expect(runInDriver({})['leaked']).toBe(true);
      expect(runInDriver({ ISTHMUS_SCRIPT_USER: 'nobody' })['leaked']).toBe(false);
    },
  );
});
