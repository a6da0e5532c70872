import { describe, expect, it } from 'vitest';
import { HEADER } from '../../test/support/blueprint-files.js';
import { createHarness, RECORDING_TYPES } from '../../test/support/engine.js';
import { runHeal } from './index.js';

const BP = `${HEADER}${RECORDING_TYPES}node_templates:
  db: { type: rec.Node }
  vm: { type: rec.Node, capabilities: { scalable: { properties: { default_instances: 2 } } } }
  web:
    type: rec.Node
    relationships:
      - { type: cloudify.relationships.contained_in, target: vm }
      - { type: rec.link, target: db }
  lb: { type: rec.Node, relationships: [ { type: rec.link, target: web } ] }
`;

async function breakInstance(h: Awaited<ReturnType<typeof createHarness>>, dep: string, nodeId: string) {
  const inst = (await h.store.listNodeInstances(dep)).filter((i) => i.nodeId === nodeId).sort((a, b) => a.id.localeCompare(b.id))[0]!;
  await h.store.updateNodeInstance(dep, inst.id, inst.version, { runtimeProperties: { ...inst.runtimeProperties, broken: true } });
  return inst.id;
}

describe('heal', () => {
  it('checks, then reinstalls the failing instance with what it contains, re-linking connected instances', async () => {
    const h = await createHarness({ maxParallel: 1 });
    const dep = await h.deploy(BP);
    await h.run(dep, 'install');
    const vm = await breakInstance(h, dep, 'vm');
    h.log.length = 0;
    const run = await runHeal(h.deps, dep, {});
    expect(run.check?.status).toBe('terminated');
    expect(run.healed).toEqual([vm]);
    expect(run.heal.status).toBe('terminated');
    const work = h.log.filter((l) => !l.includes('check_status'));
    // web (on the vm) goes down first, lb unlinks from it, and everything comes back in order.
    expect(work.indexOf('web stop')).toBeLessThan(work.indexOf('vm stop'));
    expect(work.findIndex((l) => l.startsWith('lb unlink'))).toBeLessThan(work.indexOf('web stop'));
    expect(work.indexOf('vm create')).toBeGreaterThan(work.indexOf('vm delete'));
    expect(work.indexOf('web create')).toBeGreaterThan(work.indexOf('vm start'));
    expect(work.findIndex((l) => l.startsWith('lb establish'))).toBeGreaterThan(work.indexOf('web start'));
    expect(work.filter((l) => l.endsWith(' create')).sort()).toEqual(['vm create', 'web create']);
    const instances = await h.store.listNodeInstances(dep);
    expect(instances.every((i) => i.state === 'started' && !i.runtimeProperties['broken'])).toBe(true);
    // Healthy now.
    const again = await runHeal(h.deps, dep, {});
    expect(again.healed).toEqual([]);
    expect(again.heal.taskCount).toBe(0);
  });

  it('uses the node heal operation when it has one, and refuses a reinstall when not allowed', async () => {
    const h = await createHarness();
    const dep = await h.deploy(`${HEADER}${RECORDING_TYPES}node_templates:
  svc:
    type: rec.Node
    interfaces: { cloudify.interfaces.lifecycle: { heal: rec.heal } }
  plain: { type: rec.Node }
`);
    await h.run(dep, 'install');
    await breakInstance(h, dep, 'svc');
    h.log.length = 0;
    const run = await runHeal(h.deps, dep, {});
    expect(run.heal.status).toBe('terminated');
    expect(h.log.filter((l) => !l.includes('check_status'))).toEqual(['svc heal']);
    const plain = await breakInstance(h, dep, 'plain');
    await expect(runHeal(h.deps, dep, { node_instance_id: plain, allow_reinstall: false })).rejects.toThrow(
      /need a reinstall to heal, and allow_reinstall is false/,
    );
  });

  it('force_reinstall reinstalls the named instance without checking', async () => {
    const h = await createHarness();
    const dep = await h.deploy(BP);
    await h.run(dep, 'install');
    const db = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'db')!.id;
    h.log.length = 0;
    const run = await runHeal(h.deps, dep, { node_instance_id: db, force_reinstall: true });
    expect(run.check).toBeUndefined();
    expect(run.heal.status).toBe('terminated');
    expect(h.log).toContain('db delete');
    expect(h.log).toContain('db create');
    expect(h.log.filter((l) => l.startsWith('web unlink'))).toHaveLength(2);
    expect(h.log.filter((l) => l.startsWith('web establish'))).toHaveLength(2);
  });
});
