import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommandInvocationCommand, SendCommandCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forgetAwsClients } from '../src/plugins/aws/index.js';
import { createHarness, type Harness } from './support/engine.js';

/** An HTTP-managed appliance: pools by id; fails with 503 the first time it is asked to create one. */
function appliance() {
  const pools = new Map<string, { name: string; backend: string }>();
  const calls: string[] = [];
  let unavailableOnce = true;
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      calls.push(`${req.method} ${req.url} ${req.headers['authorization'] ?? ''}`);
      if (req.headers['authorization'] !== 'Bearer appliance-token') return res.writeHead(401).end('{"error":"unauthorized"}');
      if (req.method === 'POST' && req.url === '/api/pools') {
        if (unavailableOnce) {
          unavailableOnce = false;
          return res.writeHead(503).end('busy');
        }
        const body = JSON.parse(text) as { name: string; backend: string };
        const id = `pool-${pools.size + 1}`;
        pools.set(id, body);
        return res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { id, name: body.name } }));
      }
      const m = /^\/api\/pools\/([\w-]+)$/.exec(req.url ?? '');
      if (m && req.method === 'DELETE') return pools.delete(m[1]!) ? res.writeHead(204).end() : res.writeHead(404).end();
      if (m && req.method === 'GET') return pools.has(m[1]!) ? res.writeHead(200).end(JSON.stringify(pools.get(m[1]!))) : res.writeHead(404).end('{}');
      res.writeHead(400).end('{"error":"bad request"}');
    });
  });
  return { server, pools, calls };
}

const BLUEPRINT = (url: string) => `tosca_definitions_version: cloudify_dsl_1_5
imports:
  - cloudify/types/types.yaml
  - plugin:isthmus-hybrid
inputs:
  backend: { type: string, default: '10.0.0.5:80' }
node_templates:
  load_balancer:
    type: isthmus.nodes.http.Endpoint
    properties:
      base_url: ${url}/api
      token: { get_secret: appliance_token }
    interfaces:
      cloudify.interfaces.lifecycle:
        create:
          implementation: http.request
          inputs:
            method: POST
            path: /pools
            body: { name: web, backend: { get_input: backend } }
            expected_status: [201]
            extract: { pool_id: $.data.id }
        delete:
          implementation: http.request
          inputs: { method: DELETE, path: '/pools/{{ pool_id }}', expected_status: [204, 404] }
      cloudify.interfaces.validation:
        check_status:
          implementation: http.request
          inputs: { path: '/pools/{{ pool_id }}' }
        check_drift:
          implementation: http.request
          inputs: { path: '/pools/{{ pool_id }}', expect: { $.backend: { get_input: backend }, $.name: web } }
  windows_app:
    type: isthmus.nodes.windows.Service
    properties:
      client_config: { region_name: us-east-1 }
      instance_ids: [ mi-0123456789abcdef0 ]
      service_name: LegacyApp
      binary_path: 'C:\\apps\\legacy\\legacy.exe'
      configuration:
        BACKEND_URL: { concat: [ 'http://', { get_attribute: [ load_balancer, pool_id ] }, '.lb.local' ] }
    relationships:
      - { type: cloudify.relationships.depends_on, target: load_balancer }
`;

describe('hybrid targets: http and ssm', () => {
  let h: Harness;
  let app: ReturnType<typeof appliance>;
  let url: string;
  const ssm = mockClient(SSMClient);
  const sent: Array<{ commands: string[]; targets: string[] }> = [];
  beforeAll(async () => {
    forgetAwsClients();
    app = appliance();
    await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const polls = new Map<string, number>();
    ssm.on(SendCommandCommand).callsFake(async (input: { Parameters: { commands: string[] }; InstanceIds: string[]; DocumentName: string }) => {
      expect(input.DocumentName).toBe('AWS-RunPowerShellScript');
      sent.push({ commands: input.Parameters.commands, targets: input.InstanceIds });
      return { Command: { CommandId: `cmd-${sent.length}` } };
    });
    ssm.on(GetCommandInvocationCommand).callsFake(async (input: { CommandId: string }) => {
      const n = (polls.get(input.CommandId) ?? 0) + 1;
      polls.set(input.CommandId, n);
      if (n < 2) return { Status: 'InProgress' };
      const commands = sent[Number(input.CommandId.slice(4)) - 1]!.commands.join('\n');
      if (commands.includes('Stopped-on-purpose')) return { Status: 'Failed', ResponseCode: 1, StandardErrorContent: 'service is Stopped' };
      return { Status: 'Success', ResponseCode: 0, StandardOutputContent: 'ok' };
    });
  });
  beforeEach(async () => {
    // A fresh harness per test: its blueprint directory is removed after each test.
    h = await createHarness({ maxRetries: 5, secrets: { appliance_token: 'appliance-token' }, settings: { awsWaitScale: 0 } });
  });
  afterAll(async () => {
    ssm.restore();
    await new Promise<void>((r) => app.server.close(() => r()));
  });

  it('configures an HTTP appliance and a Windows service from it, checks both, and removes them', async () => {
    const dep = await h.deploy(BLUEPRINT(url), 'hybrid');
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    // The 503 was retried; the pool id came out of the response into the Windows service's configuration.
    expect(app.calls.filter((c) => c.startsWith('POST'))).toHaveLength(2);
    expect([...app.pools.values()]).toEqual([{ name: 'web', backend: '10.0.0.5:80' }]);
    const steps = sent.map((s) => s.commands.join('\n'));
    expect(steps[0]).toContain("New-Service -Name 'LegacyApp' -BinaryPathName 'C:\\apps\\legacy\\legacy.exe'");
    expect(steps[1]).toContain("'BACKEND_URL=http://pool-1.lb.local'");
    expect(steps[2]).toContain("Start-Service -Name 'LegacyApp'");
    expect(sent.every((s) => s.targets[0] === 'mi-0123456789abcdef0')).toBe(true);
    const windows = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'windows_app')!;
    expect((windows.runtimeProperties['ssm_output'] as Record<string, Record<string, { status: string }>>)['start']!['mi-0123456789abcdef0']!.status).toBe(
      'Success',
    );
    // The token never reaches stored state or events.
    expect(JSON.stringify(await h.store.listNodeInstances(dep))).not.toContain('appliance-token');

    const check = await h.run(dep, 'check_status');
    expect(check.error).toBeUndefined();
    // The SSM check had to be polled (InProgress first): it still reports.
    expect((await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'windows_app')!.lastCheckStatus).toMatchObject({ ok: true });

    // Drift, through the check the blueprint defines: in sync, then the backend changed on the appliance.
    const drift = async () => (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'load_balancer')!.lastCheckDrift;
    expect((await h.run(dep, 'check_drift')).error).toBeUndefined();
    expect(await drift()).toMatchObject({ state: 'in_sync' });
    app.pools.set('pool-1', { name: 'web', backend: '10.0.0.9:80' });
    expect((await h.run(dep, 'check_drift')).error).toBeUndefined();
    expect(await drift()).toMatchObject({ state: 'drifted', differences: { [`GET ${url}/api/pools/pool-1`]: ['$.backend ("10.0.0.9:80")'] } });

    const uninstall = await h.run(dep, 'uninstall');
    expect(uninstall.error).toBeUndefined();
    expect(app.pools.size).toBe(0);
    expect(sent.at(-1)!.commands.join('\n')).toContain("sc.exe delete 'LegacyApp'");
  }, 60_000);

  it('fails at once on a 4xx the operation did not expect, naming the call and the answer', async () => {
    const dep = await h.deploy(
      BLUEPRINT(url)
        .replace('expected_status: [201]', "expected_status: [201]\n            headers: { X-Bad: '1' }")
        .replace('path: /pools\n', 'path: /nowhere\n'),
      'hybrid-bad',
    );
    const install = await h.run(dep, 'install');
    expect(install.status).toBe('failed');
    expect(install.error).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/api\/nowhere answered 400: \{"error":"bad request"\}/);
    expect(app.calls.filter((c) => c.startsWith('POST /api/nowhere'))).toHaveLength(1);
  }, 60_000);
});
