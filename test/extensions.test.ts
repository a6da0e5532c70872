import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generatePassword } from '../src/plugins/extensions/index.js';
import { HEADER } from './support/blueprint-files.js';
import { createHarness, type Harness } from './support/engine.js';

function secretsOf(h: Harness): Record<string, string> {
  const file = path.join(h.dir, '.isthmus-secrets.yaml');
  return existsSync(file) ? (parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

describe('cfy_extensions: shared resources and generated passwords', () => {
  it('SharedResource connects to a deployment of the same state and takes its capabilities; a missing one is reported', async () => {
    const h = await createHarness({ maxRetries: 0, secrets: { db_password: 'hunter22' } });
    const infra = await h.deploy(
      `${HEADER}node_templates:\n  net: { type: cloudify.nodes.Root }\ncapabilities:\n  vpc_id: { value: vpc-42 }\n  admin: { value: { get_secret: db_password } }\n`,
      'infra',
    );
    expect((await h.run(infra, 'install')).status).toBe('terminated');
    const app = await h.deploy(
      `${HEADER}node_templates:\n  network:\n    type: cloudify.nodes.SharedResource\n    properties: { resource_config: { deployment: { id: infra } } }\noutputs:\n  vpc: { value: { get_attribute: [network, deployment, capabilities, vpc_id] } }\n`,
      'app',
    );
    const install = await h.run(app, 'install');
    expect(install.error).toBeUndefined();
    const [network] = await h.store.listNodeInstances(app);
    // Secrets among the capabilities are masked, never copied into another deployment's state.
    expect(network!.runtimeProperties['deployment']).toEqual({ id: 'infra', capabilities: { vpc_id: 'vpc-42', admin: '***' } });
    expect((await h.store.getDeployment(app))!.outputs).toEqual({ vpc: 'vpc-42' });
    const missing = await h.deploy(
      `${HEADER}node_templates:\n  network:\n    type: cloudify.nodes.SharedResource\n    properties: { resource_config: { deployment: { id: nowhere } } }\n`,
      'orphan',
    );
    expect((await h.run(missing, 'install')).error).toMatch(/shared deployment 'nowhere' does not exist/);
  }, 60_000);

  it('PasswordSecret generates a password with the asked-for characters into the secret store; uninstall deletes it', async () => {
    const h = await createHarness({ maxRetries: 0 });
    const dep = await h.deploy(
      `${HEADER}node_templates:\n  admin_password:\n    type: cloudify.nodes.PasswordSecret\n    properties: { length: 20, uppercase: 3, digits: 4, symbols: 2, secret_name: admin_pw }\n`,
      'pw',
    );
    expect((await h.run(dep, 'install')).status).toBe('terminated');
    const password = secretsOf(h)['admin_pw']!;
    expect(password).toHaveLength(20);
    expect(password.match(/[A-Z]/g)!.length).toBeGreaterThanOrEqual(3);
    expect(password.match(/[0-9]/g)!.length).toBeGreaterThanOrEqual(4);
    expect(password.match(/[^A-Za-z0-9]/g)!.length).toBeGreaterThanOrEqual(2);
    const [instance] = await h.store.listNodeInstances(dep);
    expect(instance!.runtimeProperties).toEqual({ secret_name: 'admin_pw', created_secret: true });
    expect(JSON.stringify(await h.store.listEvents((await h.store.listExecutions(dep))[0]!.id))).not.toContain(password);
    expect((await h.run(dep, 'uninstall')).status).toBe('terminated');
    expect(secretsOf(h)['admin_pw']).toBeUndefined();
  }, 60_000);

  it('generatePassword refuses minimums longer than the password', () => {
    expect(() => generatePassword(4, { uppercase: 2, lowercase: 2, digits: 1, symbols: 0 })).toThrow(/shorter than the 5 characters/);
    expect(new Set(Array.from({ length: 50 }, () => generatePassword(16, { uppercase: 0, lowercase: 0, digits: 0, symbols: 0 }))).size).toBe(50);
  });
});
