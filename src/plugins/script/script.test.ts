import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER } from '../../../test/support/blueprint-files.js';
import { createHarness } from '../../../test/support/engine.js';
import { writeFileSync, mkdirSync } from 'node:fs';

function scripts(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

describe('script plugin', () => {
  it('runs shell scripts with inputs in the environment and takes runtime properties back', async () => {
    const h = await createHarness();
    scripts(h.dir, {
      'scripts/create.sh': 'set -eu\necho "hello $greeting from $ISTHMUS_NODE_INSTANCE"\necho "isthmus:runtime-property endpoint={host: h1, port: 8080}"\n',
      'scripts/configure.sh': 'set -eu\ncat "$ISTHMUS_RUNTIME_PROPERTIES" > /dev/null\nprintf \'{"rewritten": true}\' > "$ISTHMUS_RUNTIME_PROPERTIES"\n',
    });
    const dep = await h.deploy(`${HEADER}node_templates:
  vm:
    type: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle:
        create: { implementation: scripts/create.sh, inputs: { greeting: hi } }
        configure: scripts/configure.sh
`);
    const e = await h.run(dep, 'install');
    expect(e.status).toBe('terminated');
    const [vm] = await h.store.listNodeInstances(dep);
    expect(vm!.runtimeProperties).toEqual({ rewritten: true });
    const logs = (await h.store.listEvents(e.id)).filter((ev) => ev.type === 'log').map((ev) => ev.message);
    expect(logs).toContain(`hello hi from ${vm!.id}`);
  });

  it('keeps a property set by a line when the file is untouched, retries on exit 75 and fails on other codes', async () => {
    const h = await createHarness();
    scripts(h.dir, {
      'scripts/prop.sh': 'echo "isthmus:runtime-property ip=10.1.2.3"\n',
      'scripts/wait.sh': 'if [ "$ISTHMUS_RETRY_NUMBER" -lt 2 ]; then echo "not yet" >&2; exit 75; fi\n',
      'scripts/broken.sh': 'echo "disk full" >&2\nexit 3\n',
    });
    const dep = await h.deploy(`${HEADER}node_templates:
  a:
    type: cloudify.nodes.Root
    interfaces: { cloudify.interfaces.lifecycle: { create: scripts/prop.sh, start: scripts/wait.sh } }
  b:
    type: cloudify.nodes.Root
    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: scripts/broken.sh, max_retries: 1, retry_interval: 0 } } }
`);
    const e = await h.run(dep, 'install');
    expect(e.status).toBe('failed');
    expect(e.error).toContain('scripts/broken.sh exited with 3: disk full');
    const a = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'a')!;
    expect(a.runtimeProperties).toEqual({ ip: '10.1.2.3' });
    const events = await h.store.listEvents(e.id);
    expect(events.filter((ev) => ev.type === 'task_rescheduled' && ev.message.includes('scripts/broken.sh'))).toHaveLength(1);
  });

  it('runs JavaScript modules with ctx and refuses scripts outside the blueprint directory', async () => {
    const h = await createHarness();
    scripts(h.dir, {
      'ops/create.mjs': 'export default async function (ctx) { ctx.instance.runtimeProperties.made_by = ctx.node.type; ctx.logger.info(`inputs ${JSON.stringify(ctx.inputs)}`); }\n',
    });
    const dep = await h.deploy(`${HEADER}node_templates:
  a:
    type: cloudify.nodes.Compute
    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: ops/create.mjs, inputs: { size: 2 } } } }
  b:
    type: cloudify.nodes.Root
    interfaces: { cloudify.interfaces.lifecycle: { create: ../../etc/evil.sh } }
`);
    const e = await h.run(dep, 'install');
    expect(e.status).toBe('failed');
    expect(e.error).toContain('outside the blueprint directory');
    const a = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'a')!;
    expect(a.runtimeProperties).toEqual({ made_by: 'cloudify.nodes.Compute' });
  });
});
