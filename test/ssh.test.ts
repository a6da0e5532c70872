import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationError } from '../src/runtime/errors.js';
import { expectedFingerprint, SshSession } from '../src/plugins/ssh-connection/index.js';
import { SSHD, startSshd, type LocalSshd } from './support/sshd.js';

/**
 * The SSH transport against a real OpenSSH server on a loopback port, with keys made at test time:
 * commands and files, the host-key policy, and which failures are worth retrying.
 */
if (!SSHD) process.stdout.write('ssh.test.ts: skipped, sshd is not installed (apt-get install openssh-server)\n');

describe.runIf(SSHD)('SSH to a host (a real sshd)', () => {
  let sshd: LocalSshd;
  beforeAll(async () => {
    sshd = await startSshd();
  }, 30_000);
  afterAll(async () => {
    await sshd?.dispose();
  });
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
