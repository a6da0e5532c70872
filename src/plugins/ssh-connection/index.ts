import { createHash, timingSafeEqual } from 'node:crypto';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import { OperationError } from '../../runtime/errors.js';

/*
 * The SSH transport of the host-reaching plugins (#16): a pure-JavaScript client (ssh2, so the step
 * Lambda needs no `ssh` binary), with Isthmus's host-key policy and error classes. A known host key
 * is checked when one is given; otherwise the caller records the key seen first (trust on first
 * use) and gives it back on every later connection, so a changed key is refused. Connection
 * failures are recoverable (the host may be booting); authentication and host-key failures are not.
 */

export interface SshTarget {
  host: string;
  port?: number;
  username: string;
  /** An OpenSSH or PEM private key (content, not a path). */
  privateKey?: string;
  passphrase?: string;
  password?: string;
  /**
   * The host key to accept: a fingerprint (`SHA256:…`, as `ssh-keygen -lf` prints), a public key
   * (`ssh-ed25519 AAAA…`), or a known_hosts line. Absent: the first key seen is accepted and reported.
   */
  hostKey?: string;
  /** Connection (and handshake) timeout. */
  timeoutMs?: number;
}

export interface ExecResult {
  code: number | null;
  /** The signal that ended the command, if one did. */
  signal?: string;
  stdout: string;
  stderr: string;
  /** Output past `maxOutputBytes` was dropped (a host's output is not trusted to be small). */
  truncated?: boolean;
}

/** What a command's stdout and stderr may each hold in memory by default: a host can print without end. */
export const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/** The fingerprint OpenSSH prints for a host key: `SHA256:` and the unpadded base64 of its SHA-256. */
export function fingerprintOf(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The fingerprint a configured host key means (a fingerprint, a public key, a known_hosts line), or why it is none. */
export function expectedFingerprint(hostKey: string): string {
  const text = hostKey.trim();
  if (/^SHA256:[A-Za-z0-9+/]{43}$/.test(text)) return text;
  const fields = text.split(/\s+/);
  // `[host] type base64 [comment]` or `type base64 [comment]`: the blob follows its type.
  const typeAt = fields.findIndex((f) => /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-[a-z0-9@.-]+)$/.test(f));
  const blob = typeAt >= 0 ? fields[typeAt + 1] : undefined;
  if (!blob || !/^[A-Za-z0-9+/]+={0,2}$/.test(blob))
    throw new OperationError('the known host key is neither a SHA256: fingerprint nor an OpenSSH public key or known_hosts line', false);
  return fingerprintOf(Buffer.from(blob, 'base64'));
}

const RECOVERABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'EPIPE']);

/** An open SSH connection to one host. */
export class SshSession {
  private constructor(
    private readonly client: Client,
    /** The host key's fingerprint, as seen on this connection (record it for trust on first use). */
    readonly hostKeyFingerprint: string,
    private readonly where: string,
  ) {}

  /**
   * Connects and authenticates. Throws OperationError: recoverable when the host could not be
   * reached (refused, timed out, reset), not recoverable when it refused the credentials or
   * presented a host key other than the known one.
   */
  static async open(target: SshTarget, signal?: AbortSignal): Promise<SshSession> {
    const where = `${target.username}@${target.host}:${target.port ?? 22}`;
    if (!target.privateKey && target.password === undefined) throw new OperationError(`no key or password to log in to ${where}`, false);
    const expected = target.hostKey ? expectedFingerprint(target.hostKey) : undefined;
    const client = new Client();
    let seen: string | undefined;
    let keyRefused = false;
    const config: ConnectConfig = {
      host: target.host,
      port: target.port ?? 22,
      username: target.username,
      readyTimeout: target.timeoutMs ?? 20_000,
      ...(target.privateKey ? { privateKey: target.privateKey } : {}),
      ...(target.passphrase ? { passphrase: target.passphrase } : {}),
      ...(target.password !== undefined ? { password: target.password } : {}),
      hostVerifier: (key: Buffer) => {
        seen = fingerprintOf(key);
        keyRefused = expected !== undefined && seen !== expected;
        return !keyRefused;
      },
    };
    return await new Promise<SshSession>((resolve, reject) => {
      const onAbort = () => {
        client.end();
        reject(new OperationError(`connecting to ${where}: the step's time is up`, true));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      client.once('ready', () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(new SshSession(client, seen ?? 'unknown', where));
      });
      client.once('error', (err: Error & { level?: string; code?: string }) => {
        signal?.removeEventListener('abort', onAbort);
        client.end();
        if (keyRefused)
          reject(
            new OperationError(
              `${where} presented host key ${seen}, not the known ${expected}: refusing to connect (if the host was rebuilt, update or clear its recorded key)`,
              false,
            ),
          );
        else if (err.level === 'client-authentication') reject(new OperationError(`${where} refused the login: ${err.message}`, false, { cause: err }));
        else if (err.level === 'client-timeout' || (err.code && RECOVERABLE_CODES.has(err.code)))
          reject(new OperationError(`cannot reach ${where}: ${err.message}`, true, { cause: err }));
        else reject(new OperationError(`SSH to ${where} failed: ${err.message}`, true, { cause: err }));
      });
      client.connect(config);
    });
  }

  /** Runs a command (through the login's shell), with its stdin if given; never throws for a non-zero exit. */
  exec(
    command: string,
    options: { stdin?: string; signal?: AbortSignal; onStdout?: (text: string) => void; onStderr?: (text: string) => void; maxOutputBytes?: number } = {},
  ): Promise<ExecResult> {
    const limit = options.maxOutputBytes ?? MAX_OUTPUT_BYTES;
    return new Promise<ExecResult>((resolve, reject) => {
      this.client.exec(command, (err, channel) => {
        if (err) {
          reject(new OperationError(`running a command on ${this.where}: ${err.message}`, true, { cause: err }));
          return;
        }
        let stdout = '';
        let stderr = '';
        let code: number | null = null;
        let exitSignal: string | undefined;
        let truncated = false;
        const onAbort = () => channel.close();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        channel.on('data', (c: Buffer) => {
          if (stdout.length >= limit) {
            truncated = true;
            return;
          }
          const text = c.toString('utf8');
          stdout += text;
          options.onStdout?.(text);
        });
        channel.stderr.on('data', (c: Buffer) => {
          if (stderr.length >= limit) {
            truncated = true;
            return;
          }
          const text = c.toString('utf8');
          stderr += text;
          options.onStderr?.(text);
        });
        channel.on('exit', (exitCode: number | null, signalName?: string) => {
          code = exitCode;
          exitSignal = signalName;
        });
        channel.on('close', () => {
          options.signal?.removeEventListener('abort', onAbort);
          if (options.signal?.aborted) reject(new OperationError(`the command on ${this.where} was stopped: the step's time is up`, true));
          else resolve({ code, ...(exitSignal ? { signal: exitSignal } : {}), stdout, stderr, ...(truncated ? { truncated } : {}) });
        });
        if (options.stdin !== undefined) channel.end(options.stdin);
        else channel.end();
      });
    });
  }

  /** An interactive shell on a pseudo-terminal, as a person at a device's CLI has (the terminal plugin's raw mode). */
  shell(): Promise<ClientChannel> {
    return new Promise<ClientChannel>((resolve, reject) => {
      this.client.shell({ term: 'vt100', cols: 200, rows: 24 }, (err, channel) => {
        if (err) reject(new OperationError(`opening a shell on ${this.where}: ${err.message}`, true, { cause: err }));
        else resolve(channel);
      });
    });
  }

  /** Writes a file on the host (SFTP), created with `mode`. */
  upload(remotePath: string, data: string | Buffer, mode = 0o600): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.client.sftp((err, sftp) => {
        if (err) {
          reject(new OperationError(`opening SFTP on ${this.where}: ${err.message}`, true, { cause: err }));
          return;
        }
        const stream = sftp.createWriteStream(remotePath, { mode });
        stream.on('error', (e: Error) => {
          sftp.end();
          reject(new OperationError(`writing ${remotePath} on ${this.where}: ${e.message}`, true, { cause: e }));
        });
        stream.on('close', () => {
          sftp.end();
          resolve();
        });
        stream.end(data);
      });
    });
  }

  /**
   * Opens a port on the host's loopback (a remote forward, as `ssh -R 127.0.0.1:0:…`) whose
   * connections reach `socketPath` here, each only after it sends `token` and a newline first: any
   * user of the host can connect to its loopback, only the process given the token gets through.
   */
  async forwardToLocalSocket(socketPath: string, token: string): Promise<{ port: number; close: () => Promise<void> }> {
    const port = await new Promise<number>((resolve, reject) =>
      this.client.forwardIn('127.0.0.1', 0, (err, bound) =>
        err ? reject(new OperationError(`${this.where} refused a port forward: ${err.message}`, false)) : resolve(bound),
      ),
    );
    const onConnection = (info: { destPort: number }, accept: () => Duplex, refuse: () => void) => {
      if (info.destPort !== port) return;
      const stream = accept();
      let head = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const newline = head.indexOf(10);
        if (newline < 0) {
          if (head.length > 256) stream.destroy();
          return;
        }
        stream.off('data', onData);
        const offered = head.subarray(0, newline);
        const expected = Buffer.from(token, 'utf8');
        if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) {
          stream.destroy();
          return;
        }
        const local = connect(socketPath);
        local.on('error', () => stream.destroy());
        stream.on('error', () => local.destroy());
        local.write(head.subarray(newline + 1));
        stream.pipe(local).pipe(stream);
      };
      stream.on('data', onData);
      stream.on('error', () => undefined);
      void refuse;
    };
    this.client.on('tcp connection', onConnection);
    return {
      port,
      close: () =>
        new Promise<void>((resolve) => {
          this.client.off('tcp connection', onConnection);
          // A connection that is already gone never answers: do not wait for it.
          const timer = setTimeout(resolve, 2000);
          try {
            this.client.unforwardIn('127.0.0.1', port, () => {
              clearTimeout(timer);
              resolve();
            });
          } catch {
            clearTimeout(timer);
            resolve();
          }
        }),
    };
  }

  close(): void {
    this.client.end();
  }
}
