import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createHarness, type Harness } from './support/engine.js';

const HEADER = `tosca_definitions_version: cloudify_dsl_1_4
imports:
  - cloudify/types/types.yaml
  - plugin:cloudify-utilities-plugin
`;

function secretsOf(h: Harness): Record<string, string> {
  const file = path.join(h.dir, '.isthmus-secrets.yaml');
  return existsSync(file) ? (parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

const hasSshKeygen = (() => {
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    return (err as { status?: number }).status !== undefined;
  }
})();

describe("cloudify-utilities-plugin's utilities, run natively", () => {
  it('keys: RSA and ED25519 key pairs in the secret store and on disk, in OpenSSH form; uninstall removes them', async () => {
    const h = await createHarness({ maxRetries: 0 });
    const keyDir = mkdtempSync(path.join(tmpdir(), 'isthmus-keys-'));
    const dep = await h.deploy(
      `${HEADER}node_templates:
  agent_key:
    type: cloudify.keys.nodes.RSAKey
    properties:
      resource_config: { key_name: agent_key, openssh_format: true, algorithm: RSA, bits: 2048 }
  edge_key:
    type: cloudify.nodes.keys.RSAKey
    properties:
      use_secret_store: false
      resource_config: { algorithm: ED25519, private_key_path: '${keyDir}/edge', public_key_path: '${keyDir}/edge.pub' }
`,
      'keys',
    );
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    const stored = secretsOf(h);
    expect(stored['agent_key_private']).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(stored['agent_key_public']).toMatch(/^ssh-rsa AAAAB3NzaC1yc2E/);
    const instances = await h.store.listNodeInstances(dep);
    const agent = instances.find((i) => i.nodeId === 'agent_key')!;
    expect(agent.runtimeProperties).toMatchObject({ secret_key_name: 'agent_key', secrets_key_owner: true, public_key_export: stored['agent_key_public'] });
    expect(agent.runtimeProperties['private_key_export']).toBeUndefined();
    expect(statSync(`${keyDir}/edge`).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${keyDir}/edge.pub`, 'utf8')).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5/);
    if (hasSshKeygen) {
      // An independent client reads what was written: the public key derived from the private one matches.
      writeFileSync(`${keyDir}/agent`, stored['agent_key_private']!, { mode: 0o600 });
      expect(execFileSync('ssh-keygen', ['-y', '-f', `${keyDir}/agent`], { encoding: 'utf8' }).trim()).toBe(
        stored['agent_key_public']!.split(' ').slice(0, 2).join(' '),
      );
      expect(execFileSync('ssh-keygen', ['-l', '-f', `${keyDir}/edge.pub`], { encoding: 'utf8' })).toMatch(/^256 SHA256:\S+ .*\(ED25519\)/);
    }
    const uninstall = await h.run(dep, 'uninstall');
    expect(uninstall.status).toBe('terminated');
    expect(Object.keys(secretsOf(h))).toEqual([]);
    expect(existsSync(`${keyDir}/edge`)).toBe(false);
  }, 60_000);

  it('cloudinit renders #cloud-config (a blueprint file rendered into write_files; base64 on request); secrets are written, read and deleted', async () => {
    const h = await createHarness({ maxRetries: 0 });
    mkdirSync(path.join(h.dir, 'resources'), { recursive: true });
    writeFileSync(path.join(h.dir, 'resources', 'motd.j2'), 'Welcome to {{ name }}\n');
    const dep = await h.deploy(
      `${HEADER}node_templates:
  cloud_init:
    type: cloudify.nodes.CloudInit.CloudConfig
    properties:
      resource_config:
        users: [{ name: admin, shell: /bin/bash, sudo: ['ALL=(ALL) NOPASSWD:ALL'] }]
        write_files:
          - path: /etc/motd
            content: { resource_type: file_resource, resource_name: resources/motd.j2, template_variables: { name: isthmus } }
  encoded:
    type: cloudify.nodes.CloudInit.CloudConfig
    properties: { encode_base64: true, resource_config: { runcmd: [echo hi] } }
  writer:
    type: cloudify.nodes.secrets.Writer
    properties:
      entries: { db: { user: app, password: pa55word }, token: abc123 }
      variant: prod
  reader:
    type: cloudify.nodes.secrets.Reader
    properties: { keys: [db, token], variant: prod }
    relationships: [{ type: cloudify.relationships.depends_on, target: writer }]
outputs:
  db_user: { value: { get_attribute: [reader, data, db, value, user] } }
`,
      'init',
    );
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    const instances = await h.store.listNodeInstances(dep);
    const byNode = (n: string) => instances.find((i) => i.nodeId === n)!.runtimeProperties;
    const cloudConfig = byNode('cloud_init')['cloud_config'] as string;
    expect(cloudConfig.startsWith('#cloud-config\n')).toBe(true);
    expect(parse(cloudConfig)).toEqual({
      users: [{ name: 'admin', shell: '/bin/bash', sudo: ['ALL=(ALL) NOPASSWD:ALL'] }],
      write_files: [{ path: '/etc/motd', content: 'Welcome to isthmus\n' }],
    });
    expect(Buffer.from(byNode('encoded')['cloud_config'] as string, 'base64').toString()).toBe('#cloud-config\nruncmd:\n  - echo hi\n');
    expect(secretsOf(h)).toEqual({ db__prod: '{"user":"app","password":"pa55word"}', token__prod: 'abc123' });
    expect(byNode('writer')['data']).toEqual({ db: { key: 'db__prod' }, token: { key: 'token__prod' } });
    expect(byNode('reader')['data']).toEqual({
      db: { key: 'db__prod', value: { user: 'app', password: 'pa55word' } },
      token: { key: 'token__prod', value: 'abc123' },
    });
    expect((await h.store.getDeployment(dep))!.outputs).toEqual({ db_user: 'app' });
    // Secret values never reach the event log.
    const events = JSON.stringify(await h.store.listEvents(install.id));
    expect(events).not.toContain('pa55word');
    // A second writer of the same secrets without update_if_exists is refused; uninstall deletes them.
    const again = await h.deploy(
      `${HEADER}node_templates:\n  writer:\n    type: cloudify.nodes.secrets.Writer\n    properties: { entries: { token: other }, variant: prod }\n`,
      'again',
    );
    const clash = await h.run(again, 'install');
    expect(clash.error).toMatch(/cannot write secret 'token__prod': secret 'token__prod' already exists/);
    expect((await h.run(dep, 'uninstall')).status).toBe('terminated');
    expect(secretsOf(h)).toEqual({});
  }, 60_000);

  it('cfy_files writes a rendered file with its mode; configuration loads parameters and hands the listed ones to dependents', async () => {
    const h = await createHarness({ maxRetries: 0 });
    const out = mkdtempSync(path.join(tmpdir(), 'isthmus-file-'));
    mkdirSync(path.join(h.dir, 'resources'), { recursive: true });
    writeFileSync(path.join(h.dir, 'resources', 'app.conf.j2'), 'port={{ port }}\n');
    const dep = await h.deploy(
      `${HEADER}node_types:
  app.Consumer:
    derived_from: cloudify.nodes.Root
    properties: { params_list: { default: [] } }
node_templates:
  conf_file:
    type: cloudify.nodes.File
    properties:
      resource_config: { resource_path: resources/app.conf.j2, file_path: '${out}/app.conf', mode: 640, template_variables: { port: 8443 } }
  config:
    type: configuration_loader
    properties:
      parameters_json: { region: eu, size: { cpu: 2 }, secret_sauce: x }
  consumer:
    type: app.Consumer
    properties: { params_list: [region, size] }
    relationships: [{ type: load_from_config, target: config }]
`,
      'files',
    );
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    expect(readFileSync(`${out}/app.conf`, 'utf8')).toBe('port=8443\n');
    expect(statSync(`${out}/app.conf`).mode & 0o777).toBe(0o640);
    const instances = await h.store.listNodeInstances(dep);
    expect(instances.find((i) => i.nodeId === 'config')!.runtimeProperties['params']).toEqual({ region: 'eu', size: { cpu: 2 }, secret_sauce: 'x' });
    expect(instances.find((i) => i.nodeId === 'consumer')!.runtimeProperties['params']).toEqual({
      region: 'eu',
      size: { cpu: 2 },
      old_params: {},
      diff_params: ['region', 'size'],
    });
    expect((await h.run(dep, 'uninstall')).status).toBe('terminated');
    expect(existsSync(`${out}/app.conf`)).toBe(false);
  }, 60_000);
});
