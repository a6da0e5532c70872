import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBlueprint } from '../dsl/index.js';
import { HEADER, writeBlueprintFiles } from '../../test/support/blueprint-files.js';
import { planDeployment, PlanError, type DeploymentPlan } from './index.js';
import { lifecycleSteps } from '../workflows/index.js';

function plan(body: string, seed = 'test'): DeploymentPlan {
  const dir = writeBlueprintFiles({ 'blueprint.yaml': `${HEADER}${body}` });
  return planDeployment(parseBlueprint(path.join(dir, 'blueprint.yaml'), { rootDir: dir }), { seed });
}

const of = (p: DeploymentPlan, node: string) => p.nodeInstances.filter((i) => i.nodeId === node);

describe('node instances', () => {
  it('multiplies contained_in children with their host and links each to its own host instance', () => {
    const p = plan(`node_templates:
  vm:
    type: cloudify.nodes.Compute
    capabilities: { scalable: { properties: { default_instances: 3 } } }
  app:
    type: cloudify.nodes.WebServer
    capabilities: { scalable: { properties: { default_instances: 2 } } }
    relationships: [ { type: cloudify.relationships.contained_in, target: vm } ]
`);
    expect(of(p, 'vm')).toHaveLength(3);
    expect(of(p, 'app')).toHaveLength(6);
    for (const vm of of(p, 'vm')) expect(of(p, 'app').filter((a) => a.hostId === vm.id)).toHaveLength(2);
    for (const a of of(p, 'app')) expect(a.relationships).toEqual([expect.objectContaining({ targetId: a.hostId, targetNode: 'vm' })]);
    expect(p.nodes.find((n) => n.id === 'app')!.numberOfInstances).toBe(6);
  });

  it('ids are <node>_<6 chars>, unique, and reproducible with a seed', () => {
    const body = `node_templates:\n  web: { type: cloudify.nodes.Root, capabilities: { scalable: { properties: { default_instances: 50 } } } }\n`;
    const a = plan(body, 's1');
    expect(a.nodeInstances.every((i) => /^web_[a-z0-9]{6}$/.test(i.id))).toBe(true);
    expect(new Set(a.nodeInstances.map((i) => i.id)).size).toBe(50);
    expect(plan(body, 's1').nodeInstances.map((i) => i.id)).toEqual(a.nodeInstances.map((i) => i.id));
    expect(plan(body, 's2').nodeInstances.map((i) => i.id)).not.toEqual(a.nodeInstances.map((i) => i.id));
  });

  it('connects all_to_all by default and all_to_one to a single target instance', () => {
    const p = plan(`node_templates:
  db: { type: cloudify.nodes.DBMS, capabilities: { scalable: { properties: { default_instances: 2 } } } }
  app:
    type: cloudify.nodes.ApplicationModule
    capabilities: { scalable: { properties: { default_instances: 3 } } }
    relationships:
      - { type: cloudify.relationships.connected_to, target: db }
  worker:
    type: cloudify.nodes.ApplicationModule
    capabilities: { scalable: { properties: { default_instances: 3 } } }
    relationships:
      - { type: cloudify.relationships.connected_to, target: db, properties: { connection_type: all_to_one } }
`);
    for (const a of of(p, 'app'))
      expect(a.relationships.map((r) => r.targetId).sort()).toEqual(
        of(p, 'db')
          .map((d) => d.id)
          .sort(),
      );
    const targets = new Set(of(p, 'worker').flatMap((w) => w.relationships.map((r) => r.targetId)));
    expect(targets.size).toBe(1);
  });

  it('scales a group as a unit and keeps connections inside each group instance', () => {
    const p = plan(`node_templates:
  vm: { type: cloudify.nodes.Compute }
  ip: { type: cloudify.nodes.VirtualIP }
  fw:
    type: cloudify.nodes.SecurityGroup
    relationships: [ { type: cloudify.relationships.connected_to, target: ip } ]
  app:
    type: cloudify.nodes.WebServer
    relationships: [ { type: cloudify.relationships.contained_in, target: vm } ]
groups:
  pair: { members: [vm, ip, fw] }
policies:
  pair_policy:
    type: cloudify.policies.scaling
    targets: [pair]
    properties: { default_instances: 2 }
`);
    expect(of(p, 'vm')).toHaveLength(2);
    expect(of(p, 'app')).toHaveLength(2);
    expect(p.scalingGroups['pair']!.instanceIds).toHaveLength(2);
    for (const fw of of(p, 'fw')) {
      const group = fw.scalingGroups[0]!.id;
      const target = p.nodeInstances.find((i) => i.id === fw.relationships[0]!.targetId)!;
      expect(target.scalingGroups[0]!.id).toBe(group);
    }
  });

  it('names the cycle when relationships form one', () => {
    expect(() =>
      plan(`node_templates:
  a: { type: cloudify.nodes.Root, relationships: [ { type: cloudify.relationships.depends_on, target: b } ] }
  b: { type: cloudify.nodes.Root, relationships: [ { type: cloudify.relationships.depends_on, target: a } ] }
`),
    ).toThrow(PlanError);
    try {
      plan(`node_templates:
  a: { type: cloudify.nodes.Root, relationships: [ { type: cloudify.relationships.depends_on, target: b } ] }
  b: { type: cloudify.nodes.Root, relationships: [ { type: cloudify.relationships.depends_on, target: a } ] }
`);
    } catch (err) {
      expect((err as PlanError).diagnostics[0]).toMatchObject({ code: 'plan.cycle', message: expect.stringContaining('a -> b -> a'), position: { line: 5 } });
    }
  });

  it('is plain data that survives a JSON round trip', () => {
    const p = plan(`node_templates:\n  a: { type: cloudify.nodes.Root, properties: { resource_id: { get_secret: x } } }\n`);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe('install order (dry run)', () => {
  const body = `plugins:
  p: { executor: central_deployment_agent }
node_types:
  t:
    derived_from: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle: { create: p.create, configure: p.configure, start: p.start, stop: p.stop, delete: p.delete }
relationships:
  link:
    derived_from: cloudify.relationships.connected_to
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle: { preconfigure: p.pre, establish: p.est, unlink: p.unlink }
node_templates:
  host: { type: t }
  app:
    type: t
    relationships:
      - { type: cloudify.relationships.contained_in, target: host }
      - { type: link, target: db }
  db: { type: t }
`;

  it('installs targets first, then each instance create → preconfigure → configure → start → establish', () => {
    const steps = lifecycleSteps(plan(body), 'install').map((s) => `${s.instanceId.replace(/_.*/, '')} ${s.implementation}`);
    expect(steps.slice(-5)).toEqual(['app p.create', 'app p.pre', 'app p.configure', 'app p.start', 'app p.est']);
    expect(steps.indexOf('app p.create')).toBeGreaterThan(steps.indexOf('host p.start'));
    expect(steps.indexOf('app p.create')).toBeGreaterThan(steps.indexOf('db p.start'));
  });

  it('uninstalls in reverse: stop → unlink → delete, sources before their targets', () => {
    const steps = lifecycleSteps(plan(body), 'uninstall').map((s) => `${s.instanceId.replace(/_.*/, '')} ${s.implementation}`);
    expect(steps.slice(0, 3)).toEqual(['app p.stop', 'app p.unlink', 'app p.delete']);
    expect(steps).toHaveLength(7);
  });

  it('marks operations that Isthmus cannot run yet, with the reason', () => {
    const p = plan(body);
    expect(p.unsupported).toContainEqual(
      expect.objectContaining({ node: 'app', operation: 'cloudify.interfaces.lifecycle.create', reason: "plugin 'p' has no Isthmus implementation" }),
    );
  });
});

describe('scaling groups as Cloudify plans them (findings 20 and 21)', () => {
  const plan = (bp: string, seed = 's') => {
    const dir = writeBlueprintFiles({ 'b.yaml': bp });
    return planDeployment(parseBlueprint(path.join(dir, 'b.yaml'), { rootDir: dir }), { seed });
  };
  const NESTED = `${HEADER}node_templates:
  vm: { type: cloudify.nodes.Compute }
  lb: { type: cloudify.nodes.Root }
  db: { type: cloudify.nodes.Root, relationships: [ { type: cloudify.relationships.contained_in, target: vm } ] }
groups:
  hosts: { members: [vm] }
  cluster: { members: [hosts, db, lb] }
policies:
  scale_hosts: { type: cloudify.policies.scaling, targets: [hosts], properties: { default_instances: 2 } }
  scale_cluster: { type: cloudify.policies.scaling, targets: [cluster], properties: { default_instances: 2 } }
`;

  it('finding 20: a member hosted on a node of a nested group is dropped from the group and scales with its host', () => {
    const p = plan(NESTED);
    expect(p.scalingGroups['cluster']!.members).toEqual(['hosts', 'lb']);
    const count = (node: string) => p.nodeInstances.filter((i) => i.nodeId === node).length;
    // 2 clusters x 2 hosts = 4 vms, each with its db; 2 lbs.
    expect([count('vm'), count('db'), count('lb')]).toEqual([4, 4, 2]);
    for (const db of p.nodeInstances.filter((i) => i.nodeId === 'db')) {
      expect(db.hostId).toMatch(/^vm_/);
      expect(db.relationships.filter((r) => r.type === 'cloudify.relationships.contained_in').map((r) => r.targetId)).toEqual([db.hostId]);
    }
  });

  it("finding 21: an instance's scaling_groups are the groups that hold it, not its host's", () => {
    const p = plan(NESTED);
    const vm = p.nodeInstances.find((i) => i.nodeId === 'vm')!;
    expect(vm.scalingGroups.map((g) => g.name)).toEqual(['hosts', 'cluster']);
    expect(p.nodeInstances.find((i) => i.nodeId === 'db')!.scalingGroups).toEqual([]);
    expect(p.nodeInstances.find((i) => i.nodeId === 'lb')!.scalingGroups.map((g) => g.name)).toEqual(['cluster']);
  });
});

describe('the host of an instance (finding 22)', () => {
  it("keeps the contained_in parent as hostId and adds Cloudify's host: the instance itself when a Compute, else its nearest Compute ancestor", () => {
    const dir = writeBlueprintFiles({
      'b.yaml': `${HEADER}node_templates:
  vm: { type: cloudify.nodes.Compute }
  app: { type: cloudify.nodes.SoftwareComponent, relationships: [ { type: cloudify.relationships.contained_in, target: vm } ] }
  module: { type: cloudify.nodes.Root, relationships: [ { type: cloudify.relationships.contained_in, target: app } ] }
  platform: { type: cloudify.nodes.Root }
  tenant: { type: cloudify.nodes.Root, relationships: [ { type: cloudify.relationships.contained_in, target: platform } ] }
`,
    });
    const p = planDeployment(parseBlueprint(path.join(dir, 'b.yaml'), { rootDir: dir }), { seed: 'h' });
    const of = (node: string) => p.nodeInstances.find((i) => i.nodeId === node)!;
    expect(of('vm').computeHostId).toBe(of('vm').id);
    expect(of('app').computeHostId).toBe(of('vm').id);
    expect([of('module').hostId, of('module').computeHostId]).toEqual([of('app').id, of('vm').id]);
    expect([of('tenant').hostId, of('tenant').computeHostId]).toEqual([of('platform').id, undefined]);
  });
});

describe('where an operation runs (executor)', () => {
  const catalog = { plugins: new Set<string>(), scriptExtensions: new Set(['.sh', '.py', '.mjs']) };
  const bp = `${HEADER}node_templates:
  vm:
    type: cloudify.nodes.Compute
    properties: { agent_config: { install_method: none } }
  app:
    type: cloudify.nodes.SoftwareComponent
    relationships: [{ type: cloudify.relationships.contained_in, target: vm }]
    interfaces:
      cloudify.interfaces.lifecycle:
        create: scripts/create.sh
        configure: { implementation: scripts/configure.py, executor: central_deployment_agent }
        start: ops/start.mjs
  free:
    type: cloudify.nodes.Root
    interfaces: { cloudify.interfaces.lifecycle: { create: scripts/create.sh } }
    relationships:
      - type: cloudify.relationships.connected_to
        target: app
        target_interfaces: { cloudify.interfaces.relationship_lifecycle: { establish: scripts/create.sh } }
`;

  it("runs scripts of nodes on a Compute on that host (over SSH) and the rest where steps run; a plugin task for Cloudify's agent on the host is reported", () => {
    const dir = writeBlueprintFiles({
      'bp.yaml': `${bp}  agented:
    type: cloudify.nodes.Root
    relationships: [{ type: cloudify.relationships.contained_in, target: vm }]
    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: agentplugin.tasks.create } } }
plugins:
  agentplugin: { executor: host_agent }
`,
      'scripts/create.sh': 'true\n',
      'scripts/configure.py': 'pass\n',
      'ops/start.mjs': 'export default async () => {}\n',
    });
    const plan = planDeployment(parseBlueprint(path.join(dir, 'bp.yaml'), { rootDir: dir }), {
      seed: 's',
      catalog: { ...catalog, plugins: new Set(['agentplugin']) },
    });
    expect(plan.unsupported.map((u) => `${u.node} ${u.operation}`).sort()).toEqual(['agented cloudify.interfaces.lifecycle.create']);
    expect(plan.unsupported[0]!.reason).toMatch(/runs on host 'vm' by Cloudify's agent \(executor host_agent\).*set executor: central_deployment_agent/);
  });

  it('scripts on a Windows host run as PowerShell over OpenSSH: other scripts are reported (never WinRM), with .ps1 and SSM as the ways', () => {
    const dir = writeBlueprintFiles({
      'bp.yaml': bp.replace(
        'properties: { agent_config: { install_method: none } }',
        'properties: { os_family: windows, agent_config: { install_method: none } }',
      ),
      'scripts/create.sh': 'true\n',
      'scripts/configure.py': 'pass\n',
      'ops/start.mjs': 'export default async () => {}\n',
    });
    const plan = planDeployment(parseBlueprint(path.join(dir, 'bp.yaml'), { rootDir: dir }), { seed: 's', catalog });
    // The relationship's target side runs on app's host too.
    expect(plan.unsupported.map((u) => `${u.node} ${u.operation}`)).toEqual([
      'app cloudify.interfaces.lifecycle.create',
      'free relationship app target: cloudify.interfaces.relationship_lifecycle.establish',
    ]);
    expect(
      plan.unsupported.every((u) =>
        /Windows host 'vm'.*PowerShell \(\.ps1\) scripts there over OpenSSH, never over WinRM; give a \.ps1 script, or use SSM/.test(u.reason),
      ),
    ).toBe(true);
    const ps1 = writeBlueprintFiles({
      'bp.yaml': bp
        .replace('properties: { agent_config: { install_method: none } }', 'properties: { os_family: windows, agent_config: { install_method: none } }')
        .replaceAll('scripts/create.sh', 'scripts/create.ps1'),
      'scripts/create.ps1': 'Write-Output ok\n',
      'scripts/configure.py': 'pass\n',
      'ops/start.mjs': 'export default async () => {}\n',
    });
    const windows = planDeployment(parseBlueprint(path.join(ps1, 'bp.yaml'), { rootDir: ps1 }), {
      seed: 's',
      catalog: { ...catalog, scriptExtensions: new Set([...catalog.scriptExtensions, '.ps1']) },
    });
    expect(windows.unsupported).toEqual([]);
  });
});
