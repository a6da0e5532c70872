/**
 * `npm run demo:hosts`: the hybrid story on the embedded default, through the real CLI — a web tier
 * on the Kubernetes sandbox connected to a database on a machine reached over SSH with no agent,
 * configured by Ansible (real ansible-core), checked by a script that runs on the machine. A
 * throw-away local sshd (its own host key and client key, on a loopback port) stands in for the VM.
 * Needs Debian's openssh-server and ansible-core; says so when one is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SSHD, startSshd } from './local-sshd.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'bin', 'isthmus.js');
const blueprint = path.join(root, 'examples', 'hybrid-hosts', 'blueprint.yaml');

function step(title: string): void {
  process.stdout.write(`\n\x1b[1m━━ ${title}\x1b[0m\n`);
}

function missing(): string[] {
  const out: string[] = [];
  if (!SSHD) out.push('openssh-server (the throw-away sshd that stands in for the VM)');
  try {
    execFileSync('ansible-playbook', ['--version'], { stdio: 'ignore' });
  } catch {
    out.push('ansible-core (ansible-playbook, which configures the VM)');
  }
  return out;
}

async function main(): Promise<void> {
  const lacking = missing();
  if (lacking.length > 0) {
    process.stderr.write(
      `demo:hosts needs these Debian packages: ${lacking.join('; ')}.\nInstall them with: sudo apt-get install -y ${lacking.map((l) => l.split(' ')[0]).join(' ')}\n`,
    );
    process.exit(1);
  }
  const work = mkdtempSync(path.join(tmpdir(), 'isthmus-demo-hosts-'));
  const dataDir = path.join(work, 'db-data');
  const vm = await startSshd();
  const env = { ...process.env, ISTHMUS_SECRET_DB_VM_KEY: vm.clientKey };
  const isthmus = (...args: string[]) => {
    process.stdout.write(`\x1b[2m$ isthmus ${args.join(' ')}\x1b[0m\n`);
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: work, env, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`isthmus ${args.join(' ')} exited with ${r.status}`);
  };
  try {
    process.stdout.write(`a throw-away sshd stands in for the database VM: ${vm.user}@${vm.host}:${vm.port} (host key ${vm.hostFingerprint})\n`);
    step('1. Validate and plan the blueprint');
    isthmus('validate', blueprint);
    isthmus('plan', blueprint, '-i', `ssh_port=${vm.port}`);

    const inputs = ['-i', `ssh_port=${vm.port}`, '-i', `ssh_user=${vm.user}`, '-i', `data_dir=${dataDir}`];
    step('2. Install: the VM over SSH (Ansible, a script on it), then the web tier on the sandbox cluster');
    isthmus('--sandbox', 'install', blueprint, '-d', 'orders', ...inputs);
    isthmus('outputs', 'orders');

    step('3. Day two: run the playbook again (the Ansible plugin’s reload_ansible_playbook workflow)');
    isthmus('--sandbox', 'executions', 'start', 'reload_ansible_playbook', '-d', 'orders', '-p', 'node_ids=[database]');

    step('4. Uninstall (the playbook that removes the database runs on the VM)');
    isthmus('--sandbox', 'uninstall', 'orders');
  } finally {
    spawnSync(process.execPath, [cli, 'local', 'stop'], { cwd: work, env, stdio: 'inherit' });
    await vm.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`demo:hosts failed: ${(err as Error).message}\n`);
  process.exit(1);
});
