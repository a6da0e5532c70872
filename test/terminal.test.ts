import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer, cleanTerminalText } from '../src/plugins/terminal/index.js';
import { HEADER } from './support/blueprint-files.js';
import { createHarness } from './support/engine.js';
import { SSHD, startSshd, type LocalSshd } from './support/sshd.js';

/**
 * The utilities plugin's terminal (cloudify.nodes.terminal.Raw) against a scripted device: a real
 * sshd whose forced command behaves like a router's CLI (support/router-cli.py) on the
 * pseudo-terminal the plugin asks for.
 */
if (!SSHD) process.stdout.write('terminal.test.ts: skipped, sshd is not installed (apt-get install openssh-server)\n');

const ROUTER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'router-cli.py');
let device: LocalSshd;
let state: string;
beforeAll(async () => {
  state = mkdtempSync(path.join(tmpdir(), 'isthmus-router-'));
  if (SSHD) device = await startSshd({ forceCommand: `python3 ${ROUTER} ${state}` });
}, 30_000);
afterAll(async () => {
  await device?.dispose();
  rmSync(state, { recursive: true, force: true });
});

describe('what a device prints', () => {
  it('is searched without carriage returns, escape sequences or erased characters', () => {
    expect(cleanTerminalText('sh\x08how\r\n\x1b[1medge1#\x1b[0m ')).toBe('show\nedge1# ');
  });

  it('is checked line by line: a warning, an error, a critical', () => {
    const checks = { warnings: ['BUSY'], errors: ['% '], criticals: ['FATAL'] };
    expect(() => checkAnswer('all good\nno % here', checks)).not.toThrow();
    expect(() => checkAnswer('x\nBUSY: locked', checks)).toThrow(/warning 'BUSY'/);
    expect(() => checkAnswer("% Invalid input detected at '^' marker.", checks)).toThrow(/error '% '/);
    expect(() => checkAnswer('FATAL: flash', checks)).toThrow(/critical 'FATAL'/);
  });
});

describe.runIf(SSHD)('a device CLI over an interactive SSH shell (a real sshd with a scripted router)', () => {
  const blueprint = (port: number, user: string, calls: string, extra = '') => `${HEADER}  - plugin:cloudify-utilities-plugin
node_templates:
  edge:
    type: cloudify.nodes.terminal.Raw
    properties:
      terminal_auth:
        ip: [ 127.0.0.1 ]
        port: ${port}
        user: ${user}
        key_content: { get_secret: device_key }
        responses: [ { question: 'Accept the terms?', answer: 'yes', newline: true } ]
        errors: [ '% ' ]
        criticals: [ FATAL ]
        warnings: [ BUSY ]
${extra}    interfaces:
      cloudify.interfaces.lifecycle:
        create:
          inputs:
            calls:
${calls}
`;

  const CALLS = `              - action: show version
                save_to: version
              - template: templates/base.txt
                params: { name: edge2 }
              - action: show hostname
                save_to: hostname
              - action: 'copy running-config flash:'
                responses:
                  - { question: 'Destination filename', answer: backup.cfg, newline: true }
                  - { question: 'over write? [confirm]', answer: 'y' }
                save_to: copy
              - action: busy
                retry_sleep: 0
                save_to: busy`;

  it('logs in past a question, runs actions and rendered templates line by line, answers questions, reruns on a warning, saves answers, and says exit; a finished operation does not talk to the device again', async () => {
    const h = await createHarness({ maxRetries: 0, secrets: { device_key: device.clientKey } });
    mkdirSync(path.join(h.dir, 'templates'), { recursive: true });
    writeFileSync(path.join(h.dir, 'templates', 'base.txt'), 'hostname {{ name }}-{{ ctx.node.id }}\n\n');
    const dep = await h.deploy(blueprint(device.port, device.user, CALLS), 'router');
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    const edge = (await h.store.listNodeInstances(dep))[0]!;
    expect(edge.runtimeProperties).toMatchObject({
      version: 'Isthmus IOS 15.2(4)\nuptime is 3 days',
      hostname: 'edge2-edge',
      // The whole exchange, questions and answers included, as the plugin keeps it.
      copy: 'Destination filename [running-config]? backup.cfg\nDo you want to over write? [confirm]\nCopied to flash:backup.cfg',
      busy: 'done',
      _finished_operations: { 'cloudify.interfaces.lifecycle.create': true },
      ssh_host_keys: { [`127.0.0.1:${device.port}`]: device.hostFingerprint },
    });
    const logs = (await h.store.listEvents(install.id)).filter((e) => e.type === 'log').map((e) => e.message);
    expect(logs.some((l) => /'busy': the answer has the warning 'BUSY'.*running it again/.test(l))).toBe(true);
    expect(logs).toContain(`connected to ${device.user}@127.0.0.1:${device.port}; device prompt: edge1#`);

    const again = await h.run(dep, 'execute_operation', { operation: 'cloudify.interfaces.lifecycle.create' });
    expect(again.error).toBeUndefined();
    const againLogs = (await h.store.listEvents(again.id)).filter((e) => e.type === 'log').map((e) => e.message);
    expect(againLogs.some((l) => l.includes('already talked to the device'))).toBe(true);
  }, 60_000);

  it('an error pattern fails the operation (retried), a critical one fails it for good; a wrong key fails for good; a device that is down is retried', async () => {
    const h = await createHarness({ maxRetries: 0, secrets: { device_key: device.clientKey, other_key: device.otherKey } });
    const error = await h.run(await h.deploy(blueprint(device.port, device.user, '              - action: reload'), 'error'), 'install');
    expect(error.error).toMatch(/'reload': the answer has the error '% ': % Invalid input detected/);
    expect((await h.store.listEvents(error.id)).some((e) => e.type === 'task_failed' && /error '% '/.test(e.message))).toBe(true);

    const critical = await h.run(await h.deploy(blueprint(device.port, device.user, '              - action: erase'), 'critical'), 'install');
    expect(critical.error).toMatch(/'erase': the answer has the critical 'FATAL'/);

    // A device that prints without end is not waited on until the step's time is up.
    const flood = await h.run(await h.deploy(blueprint(device.port, device.user, '              - action: flood'), 'flood'), 'install');
    expect(flood.error).toMatch(/the device printed more than 1048576 bytes after 'flood' without a prompt/);

    const wrongKey = await h.run(
      await h.deploy(
        blueprint(device.port, device.user, '              - action: show version').replace('get_secret: device_key', 'get_secret: other_key'),
        'wrong-key',
      ),
      'install',
    );
    expect(wrongKey.error).toMatch(/refused the login/);

    const down = await h.run(await h.deploy(blueprint(1, device.user, '              - action: show version'), 'down'), 'install');
    expect(down.error).toMatch(/no device address answered \(cannot reach .*127\.0\.0\.1:1/);
  }, 60_000);
});
