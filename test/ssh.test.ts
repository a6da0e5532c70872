import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationError } from '../src/runtime/errors.js';
import { expectedFingerprint, SshSession } from '../src/plugins/ssh-connection/index.js';
import { HEADER } from './support/blueprint-files.js';
import { createHarness } from './support/engine.js';
import { SSHD, startSshd, type LocalSshd } from './support/sshd.js';

/**
 * The SSH transport against a real OpenSSH server on a loopback port, with keys made at test time:
 * commands and files, the host-key policy, and which failures are worth retrying.
 */
if (!SSHD) process.stdout.write('ssh.test.ts: skipped, sshd is not installed (apt-get install openssh-server)\n');

// One throw-away sshd for the file (the down-and-up test stops and starts it again).
let sshd: LocalSshd;
beforeAll(async () => {
  if (SSHD) sshd = await startSshd();
}, 30_000);
afterAll(async () => {
  await sshd?.dispose();
});

describe.runIf(SSHD)('SSH to a host (a real sshd)', () => {
  const target = () => ({ host: sshd.host, port: sshd.port, username: sshd.user, privateKey: sshd.clientKey, timeoutMs: 5000 });

  /** The OperationError an attempt throws. */
  const failure = async (attempt: Promise<unknown>): Promise<OperationError> => {
    const err = await attempt.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(OperationError);
    return err as OperationError;
  };

  it('runs commands (exit code, stdout and stderr apart, stdin) and writes files; reports the host key as ssh-keygen prints it', async () => {
    const session = await SshSession.open(target());
    try {
      expect(session.hostKeyFingerprint).toBe(sshd.hostFingerprint);
      const run = await session.exec('echo out; echo err >&2; exit 3');
      expect(run).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\n' });
      expect((await session.exec('cat', { stdin: 'from stdin' })).stdout).toBe('from stdin');
      // A host's output is not trusted to end: what is kept is bounded.
      const flood = await session.exec('head -c 3000000 /dev/zero | tr "\\0" a', { maxOutputBytes: 1_000_000 });
      expect(flood.code).toBe(0);
      expect(flood.truncated).toBe(true);
      expect(flood.stdout.length).toBeLessThan(1_100_000);
      const file = `/tmp/isthmus-ssh-test-${process.pid}`;
      await session.upload(file, '#!/bin/sh\necho uploaded\n', 0o700);
      expect(await session.exec(`${file} && stat -c %a ${file} && rm ${file}`)).toMatchObject({ code: 0, stdout: 'uploaded\n700\n' });
    } finally {
      session.close();
    }
  });

  it('accepts the known host key in any of its forms, and refuses another one without retrying', async () => {
    for (const hostKey of [sshd.hostFingerprint, sshd.hostPublicKey, `[127.0.0.1]:${sshd.port} ${sshd.hostPublicKey}`]) {
      const session = await SshSession.open({ ...target(), hostKey });
      session.close();
    }
    const other = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const err = await failure(SshSession.open({ ...target(), hostKey: other }));
    expect(err.message).toContain(`presented host key ${sshd.hostFingerprint}, not the known ${other}: refusing to connect`);
    expect(err.recoverable).toBe(false);
    expect(() => expectedFingerprint('not a key')).toThrow(/neither a SHA256: fingerprint nor an OpenSSH public key/);
  });

  it('a key the host does not authorize fails for good; no credentials at all is refused before connecting', async () => {
    const err = await failure(SshSession.open({ ...target(), privateKey: sshd.otherKey }));
    expect(err.message).toMatch(/refused the login/);
    expect(err.recoverable).toBe(false);
    const none = await failure(SshSession.open({ host: sshd.host, port: sshd.port, username: sshd.user }));
    expect(none.message).toMatch(/no key or password/);
  });

  it('a host that is down is worth retrying, and once it is up again the same connection works', async () => {
    await sshd.stop();
    try {
      const err = await failure(SshSession.open(target()));
      expect(err.message).toMatch(/cannot reach .*ECONNREFUSED/);
      expect(err.recoverable).toBe(true);
    } finally {
      await sshd.start();
    }
    const session = await SshSession.open({ ...target(), hostKey: sshd.hostFingerprint });
    expect((await session.exec('echo back')).stdout).toBe('back\n');
    session.close();
  }, 30_000);
});

describe.runIf(SSHD)("Cloudify's fabric plugin on a host reached over SSH (a real sshd)", () => {
  const blueprint = (port: number, user: string, extra = '') => `${HEADER}  - plugin:cloudify-fabric-plugin
inputs:
  greeting: { default: hello }
node_templates:
  vm:
    type: cloudify.nodes.Compute
    properties:
      ip: 127.0.0.1
      agent_config: { install_method: none, user: ${user}, port: ${port}, key: { get_secret: vm_key } }
  app:
    type: cloudify.nodes.WebServer
    properties: { port: 8080 }
    relationships: [ { type: cloudify.relationships.contained_in, target: vm } ]
    interfaces:
      cloudify.interfaces.lifecycle:
        create:
          implementation: fabric.fabric_plugin.tasks.run_script
          inputs:
            script_path: scripts/create.sh
            GREETING: { get_input: greeting }
            process: { env: { EXTRA: from-process }, args: [ one, 'two words' ] }
        configure:
          implementation: fabric.fabric_plugin.tasks.run_commands
          inputs: { commands: [ 'echo configured on $(hostname)', 'test -f /etc/hostname' ] }
${extra}`;

  it('run_script runs a blueprint script on the Compute host with its inputs, process options and a ctx that reaches the step; run_commands logs what each command prints', async () => {
    const h = await createHarness({ maxRetries: 0, secrets: { vm_key: sshd.clientKey } });
    mkdirSync(path.join(h.dir, 'scripts'), { recursive: true });
    writeFileSync(
      path.join(h.dir, 'scripts', 'create.sh'),
      [
        '#!/bin/sh',
        'set -e',
        'echo "args: $1 / $2; $GREETING, $EXTRA"',
        'port=$(ctx node properties port)',
        'ctx instance runtime-properties listening "$port"',
        'ctx instance runtime-properties remote_dir "$(pwd)"',
        'ctx instance runtime-properties host "$(ctx instance host-ip)"',
        'page=$(ctx download-resource-and-render templates/index.html)',
        'ctx instance runtime-properties page "$(cat "$page")"',
        'ctx logger info "created on the host"',
        '',
      ].join('\n'),
    );
    mkdirSync(path.join(h.dir, 'templates'), { recursive: true });
    writeFileSync(path.join(h.dir, 'templates', 'index.html'), '<h1>{{ ctx.node.id }} on {{ ctx.instance.runtime_properties.listening }}</h1>');
    const dep = await h.deploy(blueprint(sshd.port, sshd.user), 'fabric');
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    const app = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'app')!;
    expect(app.runtimeProperties).toMatchObject({ listening: '8080', host: '127.0.0.1', page: '<h1>app on 8080</h1>' });
    // Run in a scratch directory of the host, removed afterwards; the host key recorded on first use.
    expect(String(app.runtimeProperties['remote_dir'])).toMatch(/^\/tmp\/isthmus-/);
    expect(existsSync(String(app.runtimeProperties['remote_dir']))).toBe(false);
    expect(app.runtimeProperties['ssh_host_keys']).toEqual({ [`127.0.0.1:${sshd.port}`]: sshd.hostFingerprint });
    const logs = (await h.store.listEvents(install.id)).filter((e) => e.type === 'log').map((e) => e.message);
    expect(logs).toContain('args: one / two words; hello, from-process');
    expect(logs).toContain('created on the host');
    expect(logs.some((l) => l.startsWith('configured on '))).toBe(true);
    // The key came from a secret: never in the events.
    expect(JSON.stringify(await h.store.listEvents(install.id))).not.toContain(sshd.clientKey.split('\n')[1]!);
  }, 60_000);

  it('a failing command fails the operation with its output; a changed host key is refused; a host that is down is retried', async () => {
    const h = await createHarness({ maxRetries: 0, secrets: { vm_key: sshd.clientKey } });
    mkdirSync(path.join(h.dir, 'scripts'), { recursive: true });
    writeFileSync(path.join(h.dir, 'scripts', 'create.sh'), '#!/bin/sh\necho "no disk space" >&2\nexit 4\n');
    const failing = await h.run(await h.deploy(blueprint(sshd.port, sshd.user), 'failing'), 'install');
    expect(failing.error).toMatch(/scripts\/create.sh on .*127.0.0.1.* exited with 4: no disk space/);

    writeFileSync(path.join(h.dir, 'scripts', 'create.sh'), '#!/bin/sh\nexit 0\n');
    const pinned = await h.deploy(
      blueprint(sshd.port, sshd.user).replace(
        'inputs: { commands:',
        `inputs: { fabric_env: { host_string: 127.0.0.1, port: ${sshd.port}, user: ${sshd.user}, key: { get_secret: vm_key }, host_key: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, commands:`,
      ),
      'pinned',
    );
    expect((await h.run(pinned, 'install')).error).toMatch(/presented host key SHA256:.*not the known SHA256:AAAA.*refusing to connect/);

    const badTimeout = await h.deploy(
      blueprint(sshd.port, sshd.user).replace('inputs: { commands:', 'inputs: { fabric_env: { connect_timeout: soon }, commands:'),
      'bad-timeout',
    );
    expect((await h.run(badTimeout, 'install')).error).toMatch(/connect_timeout must be a number of seconds, not soon/);

    const down = await h.deploy(blueprint(1, sshd.user), 'down');
    const e = await h.run(down, 'install');
    expect(e.error).toMatch(/cannot reach .*127.0.0.1:1/);
    const events = await h.store.listEvents(e.id);
    // Recoverable: the harness allows no retries, so it failed after one attempt, not as a permanent error.
    expect(events.some((x) => x.type === 'task_failed' && /cannot reach/.test(x.message))).toBe(true);
  }, 60_000);
});

describe.runIf(SSHD)('drift of a host, through an optional drift script run on it over SSH', () => {
  it('check_drift records in sync, drifted (with what the script says differs) or unknown (the script failed); a node without one records nothing', async () => {
    const h = await createHarness({ maxRetries: 0, secrets: { vm_key: sshd.clientKey } });
    const file = `/tmp/isthmus-drift-${process.pid}`;
    writeFileSync(file, 'workers=4\n');
    mkdirSync(path.join(h.dir, 'scripts'), { recursive: true });
    writeFileSync(
      path.join(h.dir, 'scripts', 'drift.sh'),
      [
        '#!/bin/bash',
        'want="workers=$(ctx node properties workers)"',
        '[ -r "$FILE" ] || { echo "cannot read $FILE" >&2; exit 2; }',
        'if [ "$(cat "$FILE")" = "$want" ]; then ctx returns @false',
        'else ctx returns "@$(printf \'{"drifted": true, "differences": {"%s": ["%s (want %s)"]}}\' "$FILE" "$(cat "$FILE")" "$want")"; fi',
        '',
      ].join('\n'),
    );
    const dep = await h.deploy(
      `${HEADER}node_types:
  app.Config: { derived_from: cloudify.nodes.SoftwareComponent, properties: { workers: { type: integer } } }
node_templates:
  vm:
    type: cloudify.nodes.Compute
    properties:
      ip: 127.0.0.1
      agent_config: { install_method: remote, user: ${sshd.user}, port: ${sshd.port}, key: { get_secret: vm_key } }
  config:
    type: app.Config
    properties: { workers: 4 }
    relationships: [ { type: cloudify.relationships.contained_in, target: vm } ]
    interfaces:
      cloudify.interfaces.validation:
        check_drift: { implementation: scripts/drift.sh, inputs: { FILE: ${file} } }
`,
      'host-drift',
    );
    try {
      expect((await h.run(dep, 'install')).error).toBeUndefined();
      const drift = async (node: string) => (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === node)!.lastCheckDrift;
      expect((await h.run(dep, 'check_drift')).error).toBeUndefined();
      expect(await drift('config')).toMatchObject({ state: 'in_sync' });
      expect(await drift('vm')).toBeUndefined();
      writeFileSync(file, 'workers=2\n');
      expect((await h.run(dep, 'check_drift')).error).toBeUndefined();
      expect(await drift('config')).toMatchObject({ state: 'drifted', differences: { [file]: ['workers=2 (want workers=4)'] } });
      rmSync(file);
      // A check that cannot run is unknown, not in sync; the workflow itself still succeeds.
      expect((await h.run(dep, 'check_drift')).error).toBeUndefined();
      expect(await drift('config')).toMatchObject({ state: 'unknown', message: expect.stringMatching(/cannot read/) });
    } finally {
      rmSync(file, { force: true });
    }
  }, 60_000);
});

describe.runIf(SSHD)("scripts of nodes on a Compute (Cloudify's host_agent default) run on that host over SSH", () => {
  it('bash and Python scripts run on the host with ctx; the runtime properties they set are saved; a retry request is honoured', async () => {
    const h = await createHarness({ maxRetries: 2, secrets: { vm_key: sshd.clientKey } });
    mkdirSync(path.join(h.dir, 'scripts'), { recursive: true });
    writeFileSync(
      path.join(h.dir, 'scripts', 'install.sh'),
      '#!/bin/bash\nset -e\nif [ "$(ctx operation retry-number)" = "0" ]; then ctx retry-operation "warming up" 0; exit 0; fi\nctx instance runtime-properties installed_by "$(id -un)"\nctx instance runtime-properties home "$(ctx node properties home)"\n',
    );
    writeFileSync(
      path.join(h.dir, 'scripts', 'configure.py'),
      [
        'import os, socket',
        'from cloudify import ctx',
        'from cloudify.state import ctx_parameters as inputs',
        "if __name__ == '__main__':",
        "    ctx.instance.runtime_properties['configured_on'] = socket.gethostname()",
        "    ctx.instance.runtime_properties['members'] = ctx.instance.runtime_properties.get('members', []) + [inputs['member']]",
        "    ctx.logger.info('python on the host: %s' % os.getcwd())",
        '',
      ].join('\n'),
    );
    const dep = await h.deploy(
      `${HEADER}node_types:
  app.Server: { derived_from: cloudify.nodes.SoftwareComponent, properties: { home: { type: string } } }
node_templates:
  vm:
    type: cloudify.nodes.Compute
    properties:
      ip: 127.0.0.1
      agent_config: { install_method: none, user: ${sshd.user}, port: ${sshd.port}, key: { get_secret: vm_key } }
  app:
    type: app.Server
    properties: { home: /opt/app }
    relationships: [ { type: cloudify.relationships.contained_in, target: vm } ]
    interfaces:
      cloudify.interfaces.lifecycle:
        create: scripts/install.sh
        configure: { implementation: scripts/configure.py, inputs: { member: web-1 } }
`,
      'hosted',
    );
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    const app = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'app')!;
    expect(app.runtimeProperties).toMatchObject({ installed_by: sshd.user, home: '/opt/app', members: ['web-1'] });
    expect(typeof app.runtimeProperties['configured_on']).toBe('string');
    const events = await h.store.listEvents(install.id);
    expect(events.some((e) => e.type === 'task_rescheduled' && e.message.includes('warming up'))).toBe(true);
    expect(events.some((e) => e.type === 'log' && /python on the host: \/tmp\/isthmus-/.test(e.message))).toBe(true);
  }, 60_000);
});
