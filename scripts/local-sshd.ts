import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

/** Debian's OpenSSH server, when installed (`apt-get install openssh-server`; .ci/run does). */
export const SSHD = ['/usr/sbin/sshd', '/usr/bin/sshd'].find((p) => existsSync(p));

/** A throw-away OpenSSH server on a loopback port: its own host key, one authorized client key, made at test time. */
export interface LocalSshd {
  host: string;
  port: number;
  user: string;
  /** The authorized client key (OpenSSH private key text). */
  clientKey: string;
  /** Another key, not authorized. */
  otherKey: string;
  /** The host's public key line (`ssh-ed25519 AAAA…`) and its fingerprint as ssh-keygen prints it. */
  hostPublicKey: string;
  hostFingerprint: string;
  stop(): Promise<void>;
  /** Starts it again on the same port (after stop). */
  start(): Promise<void>;
  /** Stops it and removes its files. */
  dispose(): Promise<void>;
}

function keyPair(dir: string, name: string): { privateKey: string; publicKey: string } {
  const file = path.join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', file]);
  return { privateKey: readFileSync(file, 'utf8'), publicKey: readFileSync(`${file}.pub`, 'utf8').trim() };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, up: boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open === up) return;
    if (Date.now() > deadline) throw new Error(`sshd on port ${port} did not ${up ? 'start' : 'stop'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `forceCommand`: every login runs this command instead of a shell (a scripted device CLI). */
export async function startSshd(options: { forceCommand?: string } = {}): Promise<LocalSshd> {
  if (!SSHD) throw new Error('sshd is not installed: apt-get install openssh-server');
  const dir = mkdtempSync(path.join(tmpdir(), 'isthmus-sshd-'));
  const hostKey = keyPair(dir, 'host_key');
  const client = keyPair(dir, 'client_key');
  const other = keyPair(dir, 'other_key');
  writeFileSync(path.join(dir, 'authorized_keys'), `${client.publicKey}\n`, { mode: 0o600 });
  const port = await freePort();
  const config = path.join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${path.join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'AllowTcpForwarding yes',
      'Subsystem sftp internal-sftp',
      'LogLevel ERROR',
      ...(options.forceCommand ? [`ForceCommand ${options.forceCommand}`] : []),
      '',
    ].join('\n'),
  );
  try {
    // The privilege-separation directory the Debian package makes at boot.
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  } catch {
    // Not root: sshd runs without privilege separation for its own user.
  }
  const fingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', path.join(dir, 'host_key.pub')], { encoding: 'utf8' }).split(' ')[1]!;
  let child: ChildProcess | undefined;
  let log = '';
  const sshd: LocalSshd = {
    host: '127.0.0.1',
    port,
    user: userInfo().username,
    clientKey: client.privateKey,
    otherKey: other.privateKey,
    hostPublicKey: hostKey.publicKey,
    hostFingerprint: fingerprint,
    async start() {
      child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
      try {
        await waitForPort(port, true);
      } catch (err) {
        throw new Error(`${(err as Error).message}: ${log}`);
      }
    },
    async stop() {
      if (!child) return;
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      child = undefined;
      await waitForPort(port, false);
    },
    async dispose() {
      await sshd.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await sshd.start();
  return sshd;
}
