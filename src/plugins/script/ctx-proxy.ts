import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { chmod, chown, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import { CtxCommandError, runCtxCommand, type CtxRequests, type CtxResources } from './ctx-commands.js';
import { CTX_CLIENT_SOURCE } from './ctx-client.js';

/** A request body larger than this is refused (a script sending a whole file belongs in download-resource). */
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/**
 * The ctx proxy of one step, as Cloudify's script plugin runs one: an HTTP server on a Unix socket
 * in the step's scratch directory (mode 0700, owned by the user the script runs as, so no other
 * local user can reach it), a `ctx` executable on the script's PATH, and the `cloudify` Python
 * package on its PYTHONPATH (see python-shim.ts). Commands act on the operation's context; their
 * effects are saved with the step, once, like every other runtime-property change.
 */
export interface CtxProxy {
  /** Variables the script needs to find the proxy (CTX_SOCKET_URL as Cloudify names it) and the `ctx` command. */
  env: Record<string, string>;
  requests: CtxRequests;
  /** Relationship ends whose runtime properties a command changed. */
  changed: Set<'self' | 'source' | 'target'>;
  /** Commands that failed (the script may have ignored the exit status): the step reports the first. */
  errors: string[];
  close(): Promise<void>;
}

export async function startCtxProxy(
  ctx: OperationContext,
  dir: string,
  resources: CtxResources,
  runAs: { uid: number; gid: number } | undefined,
): Promise<CtxProxy> {
  const bin = path.join(dir, 'bin');
  await mkdir(bin, { recursive: true });
  const client = path.join(bin, 'ctx');
  await writeFile(client, `#!${process.execPath}\n${CTX_CLIENT_SOURCE}`);
  await chmod(client, 0o755);
  const socket = path.join(dir, 'ctx.sock');
  const requests: CtxRequests = {};
  const changed = new Set<'self' | 'source' | 'target'>();
  const errors: string[] = [];

  const answer = (res: ServerResponse, code: number, body: { ok: true; value: YamlValue | null } | { ok: false; error: string }) => {
    const text = JSON.stringify(body);
    // A length rather than chunks: the host-side clients (Python, PowerShell) read one plain body.
    res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_REQUEST_BYTES) return answer(res, 413, { ok: false, error: `a ctx request may carry at most ${MAX_REQUEST_BYTES} bytes` });
      body += (chunk as Buffer).toString('utf8');
    }
    let args: unknown;
    try {
      args = (JSON.parse(body) as { args?: unknown }).args;
    } catch {
      return answer(res, 400, { ok: false, error: 'the ctx request is not JSON' });
    }
    if (!Array.isArray(args) || args.length === 0 || !args.every((a) => typeof a === 'string')) {
      return answer(res, 400, { ok: false, error: 'a ctx request is {"args": ["command", ...]} with string arguments' });
    }
    try {
      const value = await runCtxCommand(ctx, args, requests, resources, changed);
      return answer(res, 200, { ok: true, value: value ?? null });
    } catch (err) {
      if (!(err instanceof CtxCommandError || err instanceof OperationError)) throw err;
      errors.push(err.message);
      return answer(res, 400, { ok: false, error: err.message });
    }
  };
  const server = createServer((req, res) => {
    // Nothing a script sends may throw out of the proxy: the step reports it instead.
    handle(req, res).catch((err: unknown) => {
      errors.push((err as Error).message ?? String(err));
      if (!res.headersSent) answer(res, 500, { ok: false, error: `the ctx proxy failed: ${(err as Error).message ?? String(err)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  if (runAs) {
    await chown(bin, runAs.uid, runAs.gid);
    await chown(client, runAs.uid, runAs.gid);
    await chown(socket, runAs.uid, runAs.gid);
  }
  return {
    env: { CTX_SOCKET_URL: `http+unix://${encodeURIComponent(socket)}`, ISTHMUS_CTX_SOCKET: socket, ISTHMUS_CTX_BIN: bin },
    requests,
    changed,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
