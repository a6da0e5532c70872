import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER } from '../../../test/support/blueprint-files.js';
import { createHarness, type Harness } from '../../../test/support/engine.js';

function files(dir: string, contents: Record<string, string>): void {
  for (const [name, text] of Object.entries(contents)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

async function logsOf(h: Harness, executionId: string): Promise<string[]> {
  return (await h.store.listEvents(executionId)).filter((e) => e.type === 'log').map((e) => e.message);
}

/** Cloudify's hello-world, in its own style: bash scripts calling ctx, a Python script, a rendered page. */
const HELLO = `${HEADER}inputs:
  port: { default: 8080 }
node_templates:
  host:
    type: cloudify.nodes.Compute
    properties: { ip: 127.0.0.1, agent_config: { install_method: none } }
  web:
    type: cloudify.nodes.WebServer
    properties: { port: { get_input: port } }
    relationships:
      - { type: cloudify.relationships.contained_in, target: host }
    interfaces:
      cloudify.interfaces.lifecycle:
        configure:
          implementation: scripts/configure.sh
          executor: central_deployment_agent
          inputs:
            greeting: hello
            settings: { tls: false }
            process: { env: { EXTRA: from-process }, args: [first, second] }
        start: { implementation: scripts/start.py, executor: central_deployment_agent }
        stop: { implementation: scripts/stop.sh, executor: central_deployment_agent }
outputs:
  url: { value: { get_attribute: [web, url] } }
`;

const HELLO_FILES = {
  'scripts/configure.sh': `#!/bin/bash
set -euo pipefail
port=$(ctx node properties port)
ctx logger info "configuring $(ctx node id) on port \${port}: \${greeting}, tls $(echo "$settings" | tr -d ' '), \${EXTRA}, args $*"
ctx instance runtime-properties port "$port"
ctx instance runtime_properties nested.deep @'{"a": [1, 2]}'
page=$(ctx download-resource-and-render templates/index.html.j2)
ctx instance runtime-properties page "$(cat "$page")"
ctx instance runtime-properties host_ip "$(ctx instance host-ip)"
ctx instance runtime-properties shown "$(ctx instance runtime-properties nested)"
ctx instance runtime-properties as_json "$(ctx -j instance runtime-properties nested)"
ctx instance runtime-properties workflow "$(ctx workflow-id) $(ctx operation name) $(ctx operation retry-number)"
`,
  'scripts/start.py': `from cloudify import ctx
from cloudify.state import ctx_parameters as inputs
from cloudify.exceptions import NonRecoverableError

if __name__ == '__main__':
    props = ctx.instance.runtime_properties
    ctx.logger.info('starting %s on port %s', ctx.node.id, props['port'])
    if ctx.node.properties['port'] != props['port'] and str(ctx.node.properties['port']) != props['port']:
        raise NonRecoverableError('port mismatch')
    props['nested']['deep']['a'].append(3)
    props['url'] = 'http://%s:%s' % (props['host_ip'], props['port'])
    props['deployment'] = ctx.deployment.id
    ctx.returns({'url': props['url']})
`,
  'scripts/stop.sh': 'ctx logger info "stopping $(ctx instance id)"\n',
  'templates/index.html.j2': '<h1>{{ ctx.node.id }} on {{ ctx.node.properties.port }}{% if missing %}!{% endif %}</h1>\n',
};

describe("scripts with Cloudify's ctx (the ctx proxy)", () => {
  it('installs and uninstalls a hello-world in Cloudify style: bash with ctx, Python with cloudify.ctx, a rendered page', async () => {
    const h = await createHarness({ maxRetries: 0 });
    files(h.dir, HELLO_FILES);
    const dep = await h.deploy(HELLO, 'hello');
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    expect(install.status).toBe('terminated');
    const web = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'web')!;
    expect(web.runtimeProperties).toMatchObject({
      port: '8080',
      nested: { deep: { a: [1, 2, 3] } },
      page: '<h1>web on 8080</h1>',
      host_ip: '127.0.0.1',
      shown: "{'deep': {'a': [1, 2]}}",
      as_json: '{"deep":{"a":[1,2]}}',
      workflow: 'install cloudify.interfaces.lifecycle.configure 0',
      url: 'http://127.0.0.1:8080',
      deployment: 'hello',
    });
    expect((await h.store.getDeployment(dep))!.outputs).toEqual({ url: 'http://127.0.0.1:8080' });
    const logs = await logsOf(h, install.id);
    expect(logs).toContain('configuring web on port 8080: hello, tls {"tls":false}, from-process, args first second');
    expect(logs).toContain('starting web on port 8080');
    const uninstall = await h.run(dep, 'uninstall');
    expect(uninstall.status).toBe('terminated');
    expect(await logsOf(h, uninstall.id)).toContain(`stopping ${web.id}`);
  }, 60_000);

  it('a script that misuses ctx fails its step with a clear message; abort, retry and Python exceptions decide the outcome', async () => {
    const h = await createHarness({ maxRetries: 1 });
    files(h.dir, {
      'scripts/unknown.sh': 'set -e\nctx frobnicate now\n',
      'scripts/badjson.sh': "set -e\nctx instance runtime-properties x @'{not json'\n",
      'scripts/abort.sh': 'ctx abort-operation "the disk is not there"\n',
      'scripts/retry.sh': '[ "$(ctx operation retry-number)" -ge 1 ] || ctx retry-operation "not ready yet" 0\n',
      'scripts/fatal.py': 'from cloudify.exceptions import NonRecoverableError\nraise NonRecoverableError("cannot go on")\n',
      'scripts/recover.py': [
        'from cloudify import ctx',
        'from cloudify.exceptions import RecoverableError',
        'if ctx.operation.retry_number == 0:',
        '    ctx.instance.runtime_properties["tries"] = 1',
        '    raise RecoverableError("try again", retry_after=0)',
        'ctx.instance.runtime_properties["done"] = True',
        '',
      ].join('\n'),
      'scripts/manager.py': 'from cloudify.manager import get_rest_client\nget_rest_client()\n',
    });
    const node = (id: string, script: string) =>
      `  ${id}:\n    type: cloudify.nodes.Root\n    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: scripts/${script}, retry_interval: 0 } } }\n`;
    const dep = await h.deploy(
      `${HEADER}node_templates:\n${node('unknown', 'unknown.sh')}${node('badjson', 'badjson.sh')}${node('abort', 'abort.sh')}${node('fatal', 'fatal.py')}${node('manager', 'manager.py')}`,
      'misuse',
    );
    const run = await h.run(dep, 'install');
    expect(run.status).toBe('failed');
    const tasks = await h.store.listTasks(run.id);
    const errorOf = (node: string) => tasks.find((t) => t.nodeInstanceId.startsWith(`${node}_`) && t.operation?.endsWith('.create'))?.error ?? '';
    const statusOf = (node: string) => tasks.find((t) => t.nodeInstanceId.startsWith(`${node}_`) && t.operation?.endsWith('.create'))?.status;
    expect(errorOf('unknown')).toMatch(/exited with 1: ctx: unknown ctx command 'frobnicate now'/);
    expect(errorOf('badjson')).toMatch(/starts with @ but is not JSON/);
    expect(errorOf('abort')).toBe('the disk is not there');
    expect(errorOf('fatal')).toBe('cannot go on');
    expect(errorOf('manager')).toMatch(/cloudify.manager.get_rest_client \(the Cloudify manager REST API\) is not available in Isthmus/);
    // Non-recoverable failures are not retried: one attempt each.
    for (const n of ['abort', 'fatal']) {
      expect(statusOf(n)).toBe('failed');
      expect(tasks.find((t) => t.nodeInstanceId.startsWith(`${n}_`))!.attempt).toBe(0);
    }
    // A retry request and a RecoverableError are retries: each runs again, then succeeds.
    const retried = await h.deploy(`${HEADER}node_templates:\n${node('retry', 'retry.sh')}${node('recover', 'recover.py')}`, 'retried');
    const second = await h.run(retried, 'install');
    expect(second.error).toBeUndefined();
    const instances = await h.store.listNodeInstances(retried);
    expect(instances.find((i) => i.nodeId === 'recover')!.runtimeProperties).toEqual({ tries: 1, done: true });
    expect((await h.store.listTasks(second.id)).filter((t) => t.operation?.endsWith('.create')).map((t) => t.attempt)).toEqual([1, 1]);
  }, 60_000);

  it('a relationship operation changes both ends: Python appends to the target, bash writes the source (saved with the step)', async () => {
    const h = await createHarness({ maxRetries: 0 });
    files(h.dir, {
      'scripts/join.py': [
        'from cloudify import ctx',
        "members = ctx.target.instance.runtime_properties.setdefault('members', [])",
        'members.append(ctx.source.instance.id)',
        "ctx.source.instance.runtime_properties['joined'] = ctx.target.node.id",
        '',
      ].join('\n'),
      'scripts/mark.sh':
        'set -e\nctx target instance runtime-properties last_seen "$(ctx source instance id)"\nctx source instance runtime-properties marked @true\n',
      'scripts/outside.sh': 'ctx source node id\n',
    });
    const rel = (script: string) =>
      `      - type: cloudify.relationships.connected_to\n        target: lb\n        source_interfaces: { cloudify.interfaces.relationship_lifecycle: { establish: { implementation: scripts/${script}, executor: central_deployment_agent } } }\n`;
    const dep = await h.deploy(
      `${HEADER}node_templates:\n  lb: { type: cloudify.nodes.Root }\n  app:\n    type: cloudify.nodes.Root\n    capabilities: { scalable: { properties: { default_instances: 3 } } }\n    relationships:\n${rel('join.py')}  web:\n    type: cloudify.nodes.Root\n    relationships:\n${rel('mark.sh')}`,
      'both-ends',
    );
    const run = await h.run(dep, 'install');
    expect(run.error).toBeUndefined();
    const instances = await h.store.listNodeInstances(dep);
    const lb = instances.find((i) => i.nodeId === 'lb')!;
    const apps = instances.filter((i) => i.nodeId === 'app');
    const web = instances.find((i) => i.nodeId === 'web')!;
    // Three establish steps appended concurrently: each change was rebased onto the others'.
    expect([...(lb.runtimeProperties['members'] as string[])].sort()).toEqual(apps.map((a) => a.id).sort());
    expect(lb.runtimeProperties['last_seen']).toBe(web.id);
    for (const a of apps) expect(a.runtimeProperties['joined']).toBe('lb');
    expect(web.runtimeProperties['marked']).toBe(true);
    // Outside a relationship operation, ctx source says why it is not there.
    const node = await h.deploy(
      `${HEADER}node_templates:\n  n:\n    type: cloudify.nodes.Root\n    interfaces: { cloudify.interfaces.lifecycle: { create: scripts/outside.sh } }\n`,
      'outside',
    );
    const failed = await h.run(node, 'install');
    expect(failed.error).toMatch(/ctx source is only available in relationship operations/);
  }, 60_000);

  it.runIf(process.getuid?.() === 0)(
    'with a script user, download-resource writes only where that user may: a root-owned file is neither written nor handed over',
    async () => {
      const h = await createHarness({ maxRetries: 0, settings: { scriptUser: 'nobody' } });
      chmodSync(h.dir, 0o755);
      const victim = path.join(mkdtempSync(path.join(tmpdir(), 'isthmus-victim-')), 'owned-by-root');
      writeFileSync(victim, 'original\n', { mode: 0o644 });
      chmodSync(path.dirname(victim), 0o755);
      files(h.dir, {
        'res.txt': 'payload\n',
        'scripts/grab.sh': `set -e\nmine=$(ctx download-resource res.txt)\nctx instance runtime-properties mine "$(cat "$mine")"\nctx download-resource res.txt ${victim}\n`,
      });
      chmodSync(path.join(h.dir, 'scripts'), 0o755);
      try {
        const dep = await h.deploy(
          `${HEADER}node_templates:\n  n:\n    type: cloudify.nodes.Root\n    interfaces: { cloudify.interfaces.lifecycle: { create: scripts/grab.sh } }\n`,
          'grab',
        );
        const run = await h.run(dep, 'install');
        expect(run.error).toMatch(/cannot write .*owned-by-root as the script user/);
        expect(readFileSync(victim, 'utf8')).toBe('original\n');
        expect(statSync(victim).uid).toBe(0);
        const [n] = await h.store.listNodeInstances(dep);
        // What it may read, it still gets.
        expect(n!.runtimeProperties['mine']).toBe('payload');
      } finally {
        rmSync(path.dirname(victim), { recursive: true, force: true });
      }
    },
    60_000,
  );
});
