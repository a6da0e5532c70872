import { describe, expect, it } from 'vitest';
import { HEADER } from '../../test/support/blueprint-files.js';
import { createHarness, RECORDING_TYPES } from '../../test/support/engine.js';

const BP = `${HEADER}${RECORDING_TYPES}node_templates:
  db: { type: rec.Node }
  vm: { type: rec.Node, capabilities: { scalable: { properties: { default_instances: 2, max_instances: 4 } } } }
  web:
    type: rec.Node
    relationships:
      - { type: cloudify.relationships.contained_in, target: vm }
      - { type: rec.link, target: db }
  lb:
    type: rec.Node
    relationships: [ { type: rec.link, target: web } ]
`;

describe('scale', () => {
  it('scales out a host with what it contains, and existing connected instances establish with the new ones', async () => {
    const h = await createHarness();
    const dep = await h.deploy(BP);
    await h.run(dep, 'install');
    h.log.length = 0;
    const e = await h.run(dep, 'scale', { scalable_entity_name: 'vm', delta: 1 });
    expect(e.status).toBe('terminated');
    const instances = await h.store.listNodeInstances(dep);
    expect(instances.filter((i) => i.nodeId === 'vm')).toHaveLength(3);
    expect(instances.filter((i) => i.nodeId === 'web')).toHaveLength(3);
    expect(instances.every((i) => i.state === 'started')).toBe(true);
    // Only the new vm and web were installed; lb established a link to the new web.
    expect(h.log.filter((l) => l.endsWith(' create')).sort()).toEqual(['vm create', 'web create']);
    const lb = (await h.store.getDeployment(dep))!.plan.nodeInstances.find((i) => i.nodeId === 'lb')!;
    expect(lb.relationships).toHaveLength(3);
    expect(h.log.filter((l) => l.startsWith('lb establish'))).toHaveLength(1);
    expect(h.log.filter((l) => l.startsWith('web establish'))).toHaveLength(1);
  });

  it('scales in, preferring include_instances, unlinking peers first, and removes the instances from the deployment', async () => {
    const h = await createHarness();
    const dep = await h.deploy(BP);
    await h.run(dep, 'install');
    const [vmA] = (await h.store.listNodeInstances(dep)).filter((i) => i.nodeId === 'vm').sort((a, b) => a.id.localeCompare(b.id));
    h.log.length = 0;
    const e = await h.run(dep, 'scale', { scalable_entity_name: 'vm', delta: -1, include_instances: [vmA!.id] });
    expect(e.status).toBe('terminated');
    const after = await h.store.listNodeInstances(dep);
    expect(after.map((i) => i.id)).not.toContain(vmA!.id);
    expect(after.filter((i) => i.nodeId === 'web')).toHaveLength(1);
    const unlink = h.log.findIndex((l) => l.startsWith('lb unlink'));
    expect(unlink).toBeGreaterThanOrEqual(0);
    expect(unlink).toBeLessThan(h.log.indexOf('web stop'));
    expect(h.log.indexOf('web delete')).toBeLessThan(h.log.indexOf('vm stop'));
    const plan = (await h.store.getDeployment(dep))!.plan;
    expect(plan.nodeInstances).toHaveLength(after.length);
    expect(plan.nodeInstances.find((i) => i.nodeId === 'lb')!.relationships).toHaveLength(1);
  });

  it('refuses to go past max_instances or min_instances, and to exclude too much, before changing anything', async () => {
    const h = await createHarness();
    const dep = await h.deploy(BP);
    await h.run(dep, 'install');
    await expect(h.run(dep, 'scale', { scalable_entity_name: 'vm', delta: 3 })).rejects.toThrow(/above max_instances 4/);
    const vms = (await h.store.listNodeInstances(dep)).filter((i) => i.nodeId === 'vm').map((i) => i.id);
    await expect(h.run(dep, 'scale', { scalable_entity_name: 'vm', delta: -1, exclude_instances: vms })).rejects.toThrow(/only 0 are not excluded/);
    await expect(h.run(dep, 'scale', { scalable_entity_name: 'nope' })).rejects.toThrow(/neither a node nor a scaling group/);
    expect(await h.store.listExecutions(dep)).toHaveLength(1);
  });

  it('scales a scaling group as a unit', async () => {
    const h = await createHarness();
    const dep = await h.deploy(`${HEADER}${RECORDING_TYPES}node_templates:
  vm: { type: rec.Node }
  ip: { type: rec.Node }
  app: { type: rec.Node, relationships: [ { type: cloudify.relationships.contained_in, target: vm }, { type: rec.link, target: ip } ] }
groups:
  pair: { members: [vm, ip] }
policies:
  scale_pair: { type: cloudify.policies.scaling, targets: [pair], properties: { default_instances: 1 } }
`);
    await h.run(dep, 'install');
    const e = await h.run(dep, 'scale', { scalable_entity_name: 'pair', delta: 2 });
    expect(e.status).toBe('terminated');
    const plan = (await h.store.getDeployment(dep))!.plan;
    expect(plan.scalingGroups['pair']!.instanceIds).toHaveLength(3);
    // Each app links to the ip of its host's group instance only; the group is its host's, not its own.
    for (const app of plan.nodeInstances.filter((i) => i.nodeId === 'app')) {
      const ip = plan.nodeInstances.find((i) => i.id === app.relationships.find((r) => r.targetNode === 'ip')!.targetId)!;
      const vm = plan.nodeInstances.find((i) => i.id === app.hostId)!;
      expect(ip.scalingGroups[0]!.id).toBe(vm.scalingGroups[0]!.id);
      expect(app.scalingGroups).toEqual([]);
    }
  });

  it('rolls back a failed scale-out: what it added is uninstalled and leaves the deployment', async () => {
    const h = await createHarness();
    const dep = await h.deploy(`${HEADER}${RECORDING_TYPES}node_templates:
  good: { type: rec.Node }
  bad:
    type: cloudify.nodes.Root
    capabilities: { scalable: { properties: { default_instances: 0 } } }
    interfaces: { cloudify.interfaces.lifecycle: { create: rec.op, configure: rec.fatal, delete: rec.op } }
`);
    await h.run(dep, 'install');
    const e = await h.run(dep, 'scale', { scalable_entity_name: 'bad', delta: 2 });
    expect(e.status).toBe('failed');
    const executions = await h.store.listExecutions(dep);
    expect(executions.map((x) => `${x.workflow}:${x.status}`)).toEqual(['install:terminated', 'scale:failed', 'uninstall:terminated']);
    expect((await h.store.listNodeInstances(dep)).map((i) => i.nodeId)).toEqual(['good']);
    expect((await h.store.getDeployment(dep))!.plan.nodeInstances).toHaveLength(1);
    expect(h.log.filter((l) => l === 'bad delete')).toHaveLength(2);
  });
});
