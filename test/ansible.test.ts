import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellWords } from '../src/plugins/ansible/index.js';
import { HEADER } from './support/blueprint-files.js';
import { createHarness } from './support/engine.js';
import { SSHD, startSshd, type LocalSshd } from './support/sshd.js';

/**
 * Cloudify's Ansible plugin run natively: real ansible-core (Debian's ansible-core) against a real
 * OpenSSH server on a loopback port, with keys made at test time.
 */
const ANSIBLE = (() => {
  try {
    return execFileSync('ansible-playbook', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return undefined;
  }
})();
if (!ANSIBLE || !SSHD) process.stdout.write('ansible.test.ts: skipped, needs ansible-core and openssh-server (apt-get install ansible-core openssh-server)\n');

let sshd: LocalSshd;
beforeAll(async () => {
  if (ANSIBLE && SSHD) sshd = await startSshd();
}, 30_000);
afterAll(async () => {
  await sshd?.dispose();
});

const PLAYBOOK = `- hosts: all
  gather_facts: false
  tasks:
    - name: write the greeting
      copy: { content: "{{ greeting }} from {{ inventory_hostname }}\\n", dest: "{{ marker }}" }
    - name: make the fact directory
      file: { path: "{{ fact_dir }}", state: directory }
    - name: leave a custom fact
      copy: { content: '{"release": "{{ release }}", "answer": 42}', dest: "{{ fact_dir }}/app.fact" }
`;

describe('shell words of additional_args', () => {
  it('splits as a shell would, quotes and escapes kept together, and refuses an unclosed quote', () => {
    expect(shellWords(`-e 'a=b c' --limit "web,db" x\\ y`)).toEqual(['-e', 'a=b c', '--limit', 'web,db', 'x y']);
    expect(shellWords('')).toEqual([]);
    expect(() => shellWords("-e 'open")).toThrow(/unclosed ' quote/);
  });
});

describe.runIf(ANSIBLE && SSHD)("Cloudify's Ansible plugin with real ansible-core against a real sshd", () => {
  const blueprint = (port: number, user: string, marker: string, factDir: string) => `${HEADER}  - plugin:cloudify-ansible-plugin
inputs:
  release: { default: '1.4.2' }
node_types:
  test.Vm:
    derived_from: cloudify.nodes.Compute
    properties: { ansible_become: { type: boolean, default: false } }
node_templates:
  vm:
    type: test.Vm
    properties:
      ip: 127.0.0.1
      agent_config: { install_method: none, user: ${user}, port: ${port}, key: { get_secret: vm_key } }
  configure_vm:
    type: cloudify.nodes.ansible.Executor
    properties:
      playbook_path: playbooks/site.yaml
      run_data: { greeting: hello, marker: ${marker}, fact_dir: ${factDir}, release: { get_input: release } }
      ansible_env_vars: { ANSIBLE_STDOUT_CALLBACK: json }
    relationships:
      - { type: cloudify.ansible.relationships.connected_to_host, target: vm }
  app:
    type: cloudify.nodes.ansible.Playbook
    properties:
      playbook_path: playbooks/site.yaml
      run_data: { greeting: again, marker: ${marker}.app, fact_dir: ${factDir}, release: '2.0' }
      ansible_env_vars: { ANSIBLE_FACT_PATH: ${factDir} }
    relationships:
      - { type: cloudify.relationships.depends_on, target: configure_vm }
      - { type: cloudify.ansible.relationships.run_on_host, target: vm }
outputs:
  release: { value: { get_attribute: [ app, facts, ansible_local, app, release ] } }
`;

  const setUp = async (secrets: Record<string, string>) => {
    const h = await createHarness({ maxRetries: 2, secrets });
    mkdirSync(path.join(h.dir, 'playbooks'), { recursive: true });
    writeFileSync(path.join(h.dir, 'playbooks', 'site.yaml'), PLAYBOOK);
    return h;
  };

  it('an Executor runs its playbook on the Compute it is connected to; a Playbook runs on its host and the facts it leaves are stored; reload runs it again; uninstall cleans up', async () => {
    const h = await setUp({ vm_key: sshd.clientKey });
    const marker = path.join(h.dir, 'greeting.txt');
    const factDir = path.join(h.dir, 'facts.d');
    const dep = await h.deploy(blueprint(sshd.port, sshd.user, marker, factDir), 'ansible');
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    // The sshd is this machine: what the playbook did over SSH is visible here.
    expect(readFileSync(marker, 'utf8')).toMatch(/^hello from vm-/);
    expect(readFileSync(`${marker}.app`, 'utf8')).toMatch(/^again from vm-/);
    const instances = await h.store.listNodeInstances(dep);
    const executor = instances.find((i) => i.nodeId === 'configure_vm')!;
    const vm = instances.find((i) => i.nodeId === 'vm')!;
    // The inventory the relationship gathered: the Compute under a group named after its type.
    type Inventory = { all: { children: Record<string, { hosts: Record<string, unknown> }> } };
    const hosts = (executor.runtimeProperties['sources'] as unknown as Inventory).all.children['test.Vm']!.hosts;
    expect(hosts[vm.id.replace(/_/g, '-').toLowerCase()]).toMatchObject({
      ansible_host: '127.0.0.1',
      ansible_port: sshd.port,
      ansible_user: sshd.user,
      ansible_become: false,
    });
    const app = instances.find((i) => i.nodeId === 'app')!;
    expect((app.runtimeProperties['facts'] as { ansible_local: Record<string, unknown> }).ansible_local['app']).toEqual({ release: '2.0', answer: 42 });
    expect((await h.store.getDeployment(dep))!.outputs).toMatchObject({ release: '2.0' });
    const events = await h.store.listEvents(install.id);
    const logs = events.filter((e) => e.type === 'log').map((e) => e.message);
    // The screen output is ansible's default one (Cloudify's json default is Isthmus's own events).
    expect(logs.some((l) => l.includes('TASK [write the greeting]'))).toBe(true);
    // The key came from a secret: it never appears in the events or the stored inventory's logs.
    expect(JSON.stringify(events)).not.toContain(sshd.clientKey.split('\n')[1]!);

    rmSync(marker);
    const reload = await h.run(dep, 'reload_ansible_playbook', {
      node_ids: ['configure_vm'],
      run_data: { greeting: 'reloaded', marker, fact_dir: factDir, release: '3' },
    });
    expect(reload.error).toBeUndefined();
    expect(readFileSync(marker, 'utf8')).toMatch(/^reloaded from vm-/);

    const uninstall = await h.run(dep, 'uninstall');
    expect(uninstall.error).toBeUndefined();
  }, 120_000);

  it('a failing task fails for good naming the task and host; an unreachable host is retried number_of_attempts times; a missing ansible-playbook says what to install', async () => {
    const h = await setUp({ vm_key: sshd.clientKey });
    writeFileSync(
      path.join(h.dir, 'playbooks', 'fail.yaml'),
      '- hosts: all\n  gather_facts: false\n  tasks:\n    - name: check the disk\n      fail: { msg: "disk /data is full" }\n',
    );
    const executor = (port: number, extra: string) => `${HEADER}  - plugin:cloudify-ansible-plugin
node_templates:
  run:
    type: cloudify.nodes.ansible.Executor
    properties:
      playbook_path: playbooks/${extra.includes('fail') ? 'fail' : 'site'}.yaml
      number_of_attempts: 2
      sources:
        web:
          hosts:
            web_1: { ansible_host: 127.0.0.1, ansible_port: ${port}, ansible_user: ${sshd.user}, ansible_ssh_private_key_file: { get_secret: vm_key } }
      run_data: { greeting: hi, marker: /tmp/isthmus-ansible-test-${process.pid}, fact_dir: /tmp/isthmus-ansible-facts-${process.pid}, release: '1' }
${extra}`;
    const failed = await h.run(await h.deploy(executor(sshd.port, '      # fail\n'), 'failing'), 'install');
    expect(failed.error).toMatch(/task 'check the disk' failed on web_1: disk \/data is full/);
    const failedEvents = await h.store.listEvents(failed.id);
    expect(failedEvents.filter((e) => e.type === 'task_rescheduled')).toHaveLength(0);

    const down = await h.run(await h.deploy(executor(1, ''), 'down'), 'install');
    expect(down.error).toMatch(/web_1 unreachable after 2 attempts/);
    const downEvents = await h.store.listEvents(down.id);
    expect(
      downEvents.filter((e) => e.type === 'task_rescheduled' && /web_1 unreachable \(.*Connection refused\); attempt 1 of 2/.test(e.message)),
    ).toHaveLength(1);

    const missing = await h.run(
      await h.deploy(executor(sshd.port, '      ansible_playbook_executable_path: /nonexistent/ansible-playbook\n'), 'missing'),
      'install',
    );
    expect(missing.error).toMatch(
      /'\/nonexistent\/ansible-playbook' is not installed where this step runs: install ansible-core .*apt-get install ansible-core/,
    );
    for (const f of [`/tmp/isthmus-ansible-test-${process.pid}`]) if (existsSync(f)) rmSync(f);
    rmSync(`/tmp/isthmus-ansible-facts-${process.pid}`, { recursive: true, force: true });
  }, 120_000);
});
