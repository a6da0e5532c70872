import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ensureBackgroundService, stopBackgroundService } from '../background.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DEFAULT_NODES, startSandbox, type SandboxNode } from '../sandbox/index.js';
import type { CliIO } from './io.js';

interface SandboxInfo {
  url: string;
  pid: number;
  kubeconfig: string;
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** The `isthmus` launcher of this installation (the background sandbox runs as `isthmus sandbox run`). */
function launcher(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'bin', 'isthmus.js');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('cannot find bin/isthmus.js to start the sandbox');
}

/**
 * The sandbox of a working directory, started in the background when missing (like local mode's
 * DynamoDB Local), so that install, scale and heal in separate commands see the same cluster.
 */
export async function ensureLocalSandbox(stateDir: string): Promise<SandboxInfo> {
  return ensureBackgroundService<SandboxInfo>(stateDir, {
    name: 'sandbox',
    timeoutMs: 30_000,
    answers: (info) => answers(info.url),
    async start(infoFile) {
      const kubeconfig = path.join(stateDir, '.isthmus', 'sandbox.kubeconfig');
      // The child writes the info file once it listens.
      const child = spawn(process.execPath, [launcher(), 'sandbox', 'run', '--kubeconfig', kubeconfig, '--info-file', infoFile], {
        detached: true,
        stdio: 'ignore',
        cwd: stateDir,
      });
      child.on('error', () => undefined);
      child.unref();
      for (let i = 0; i < 150 && !existsSync(infoFile); i++) await new Promise((r) => setTimeout(r, 100));
      if (!existsSync(infoFile)) throw new Error('the sandbox did not start');
      return JSON.parse(readFileSync(infoFile, 'utf8')) as SandboxInfo;
    },
  });
}

export function stopLocalSandbox(stateDir: string): boolean {
  return stopBackgroundService(stateDir, 'sandbox');
}

function parseNodes(spec: string | undefined): SandboxNode[] {
  if (!spec) return DEFAULT_NODES;
  // "pool-a=2,pool-b=1"
  return spec.split(',').flatMap((part) => {
    const [pool, count] = part.split('=');
    return Array.from({ length: Number(count ?? 1) }, (_, i) => ({ name: `sandbox-${pool}-${i + 1}`, pool: pool!.trim() }));
  });
}

export function registerSandboxCommands(program: Command, io: CliIO): void {
  const sandbox = program
    .command('sandbox')
    .description('a local Kubernetes API sandbox for trying blueprints (not a real cluster: see src/sandbox/README.md)');
  sandbox
    .command('run')
    .description('run a sandbox in the foreground until interrupted')
    .option('--port <n>', 'port to listen on (default: any free loopback port)')
    .option('--nodes <pools>', 'nodes per pool, e.g. pool-a=2,pool-b=1')
    .option('--kubeconfig <file>', 'write a kubeconfig for it here', 'sandbox.kubeconfig')
    .option('--info-file <file>', 'write {url, pid, kubeconfig} here once it listens')
    .action(async (flags: { port?: string; nodes?: string; kubeconfig: string; infoFile?: string }) => {
      // A token only this user's kubeconfig holds: other local users and processes cannot use the API.
      const token = randomBytes(24).toString('base64url');
      const sb = await startSandbox({ ...(flags.port ? { port: Number(flags.port) } : {}), nodes: parseNodes(flags.nodes), tokens: { [token]: 'admin' } });
      const kubeconfig = path.resolve(flags.kubeconfig);
      writeFileSync(kubeconfig, sb.kubeconfig(token), { mode: 0o600 });
      if (flags.infoFile) writeFileSync(flags.infoFile, JSON.stringify({ url: sb.url, pid: process.pid, kubeconfig }));
      io.out(`Sandbox Kubernetes API at ${sb.url}\nkubeconfig: ${kubeconfig}  (export KUBECONFIG=${kubeconfig})`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await sb.close();
      return;
    });
  sandbox
    .command('start')
    .description("start this directory's sandbox in the background (the --sandbox flag does this too)")
    .action(async () => {
      const info = await ensureLocalSandbox(process.cwd());
      io.out(`Sandbox Kubernetes API at ${info.url}\nexport KUBECONFIG=${info.kubeconfig}`);
      return;
    });
  sandbox
    .command('stop')
    .description("stop this directory's background sandbox (its objects are lost)")
    .action(() => {
      io.out(stopLocalSandbox(process.cwd()) ? 'Stopped the sandbox' : 'No sandbox was running here');
      return;
    });
  sandbox
    .command('node <name>')
    .description('simulate node trouble: --not-ready (pods are evicted), --ready, or --remove')
    .option('--not-ready', 'the node stops reporting (Ready=Unknown)')
    .option('--ready', 'the node reports Ready again')
    .option('--remove', 'delete the node (its pods go)')
    .action(async (name: string, flags: { notReady?: boolean; ready?: boolean; remove?: boolean }) => {
      const info = await ensureLocalSandbox(process.cwd());
      // The Kubernetes client is loaded only by the command that talks to the sandbox.
      const { CoreV1Api, KubeConfig } = await import('@kubernetes/client-node');
      const kc = new KubeConfig();
      kc.loadFromFile(info.kubeconfig);
      const core = kc.makeApiClient(CoreV1Api);
      if (flags.remove) {
        await core.deleteNode({ name });
        io.out(`Node ${name} removed`);
        return;
      }
      if (!flags.ready && !flags.notReady) throw new Error('say --not-ready, --ready or --remove');
      const ready = Boolean(flags.ready);
      const now = new Date();
      const node = await core.readNodeStatus({ name });
      node.status = {
        ...node.status,
        conditions: [
          {
            type: 'Ready',
            status: ready ? 'True' : 'Unknown',
            reason: ready ? 'KubeletReady' : 'NodeStatusUnknown',
            message: ready ? 'kubelet is posting ready status' : 'Kubelet stopped posting node status.',
            lastHeartbeatTime: now,
            lastTransitionTime: now,
          },
        ],
      };
      await core.replaceNodeStatus({ name, body: node });
      io.out(`Node ${name} is ${ready ? 'Ready' : 'NotReady'}`);
      return;
    });
}
