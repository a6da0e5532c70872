import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBlueprint } from '../dsl/index.js';
import { planDeployment, type DeploymentPlan } from '../plan/index.js';
import { HEADER, writeBlueprintFiles } from '../../test/support/blueprint-files.js';
import { buildWorkflowGraph, WorkflowError, type InstanceState, type TaskGraph } from './index.js';

const TYPES = `plugins:
  p: { executor: central_deployment_agent }
node_types:
  t:
    derived_from: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle: { create: p.create, configure: p.configure, start: p.start, stop: p.stop, delete: p.delete }
      cloudify.interfaces.validation: { check_status: p.check }
  bare: { derived_from: cloudify.nodes.Root }
relationships:
  link:
    derived_from: cloudify.relationships.connected_to
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle: { preconfigure: p.pre, establish: p.est, unlink: p.unlink }
    target_interfaces:
      cloudify.interfaces.relationship_lifecycle: { establish: p.target_est }
`;

function planOf(nodes: string): DeploymentPlan {
  const dir = writeBlueprintFiles({ 'bp.yaml': `${HEADER}${TYPES}node_templates:\n${nodes}` });
  return planDeployment(parseBlueprint(path.join(dir, 'bp.yaml'), { rootDir: dir }), { seed: 'wf' });
}

/** Runs a graph in a deterministic topological order and lists "node op" per task. */
function sequence(plan: DeploymentPlan, graph: TaskGraph): string[] {
  const nodeOf = new Map(plan.nodeInstances.map((i) => [i.id, i.nodeId]));
  const done = new Set<string>();
  const out: string[] = [];
  const pending = [...graph.tasks];
  while (pending.length > 0) {
    const i = pending.findIndex((t) => t.dependsOn.every((d) => done.has(d)));
    if (i < 0) throw new Error('graph has a cycle or a dangling dependency');
    const [t] = pending.splice(i, 1);
    done.add(t!.id);
    const what =
      t!.kind === 'operation'
        ? t!.operation!.replace(/^cloudify\.interfaces\.(lifecycle|relationship_lifecycle|validation)\./, '') +
          (t!.relationship ? `(${t!.relationship.side})` : '')
        : t!.kind === 'state'
          ? `=${t!.setState}`
          : 'check';
    out.push(`${nodeOf.get(t!.nodeInstanceId)} ${what}`);
  }
  return out;
}

const ctx = (plan: DeploymentPlan, state: InstanceState | ((id: string) => InstanceState) = 'uninitialized') => ({
  plan,
  stateOf: typeof state === 'function' ? state : () => state,
});

describe('install', () => {
  const plan = planOf(`  host: { type: t }
  app:
    type: t
    relationships:
      - { type: cloudify.relationships.contained_in, target: host }
      - { type: link, target: db }
  db: { type: t }
`);

  it('installs a contained_in chain host-first, with the exact Cloudify operation sequence per instance', () => {
    const seq = sequence(plan, buildWorkflowGraph('install', {}, ctx(plan)));
    expect(seq.filter((s) => s.startsWith('app'))).toEqual([
      'app create',
      'app preconfigure(source)',
      'app configure',
      'app start',
      'app establish(source)',
      'app =started',
    ]);
    expect(seq).toContain('db establish(target)');
    expect(seq.indexOf('app create')).toBeGreaterThan(seq.indexOf('host start'));
    expect(seq.indexOf('app create')).toBeGreaterThan(seq.indexOf('db start'));
    expect(seq).not.toContain('db =started');
    // host's last operation carries the 'started' state; db ends with a target-side establish, so it gets a state task.
    expect(seq.filter((s) => s.startsWith('host'))).toEqual(['host create', 'host configure', 'host start']);
  });

  it('carries the milestone state on the operation that reaches it', () => {
    const graph = buildWorkflowGraph('install', {}, ctx(plan));
    const create = graph.tasks.find((t) => t.operation === 'cloudify.interfaces.lifecycle.create')!;
    expect(create.setState).toBe('created');
    const hostStart = graph.tasks.find((t) => t.operation === 'cloudify.interfaces.lifecycle.start' && t.nodeInstanceId.startsWith('host'))!;
    expect(hostStart.setState).toBe('started');
  });

  it('skips what an instance state says is done (resume of an interrupted install)', () => {
    const seq = sequence(
      plan,
      buildWorkflowGraph(
        'install',
        {},
        ctx(plan, (id) => (id.startsWith('host') ? 'started' : id.startsWith('db') ? 'configured' : 'uninitialized')),
      ),
    );
    expect(seq.filter((s) => s.startsWith('host'))).toEqual([]);
    expect(seq.filter((s) => s.startsWith('db'))).toEqual(['db start', 'db establish(target)']);
  });

  it('connects every instance of a multi-instance source to every target instance', () => {
    const p = planOf(`  db: { type: t, capabilities: { scalable: { properties: { default_instances: 2 } } } }
  app:
    type: bare
    capabilities: { scalable: { properties: { default_instances: 3 } } }
    relationships: [ { type: link, target: db } ]
`);
    const seq = sequence(p, buildWorkflowGraph('install', {}, ctx(p)));
    expect(seq.filter((s) => s === 'app preconfigure(source)')).toHaveLength(6);
    expect(seq.filter((s) => s === 'db establish(target)')).toHaveLength(6);
    expect(seq.lastIndexOf('db start')).toBeLessThan(seq.indexOf('app preconfigure(source)'));
  });
});

describe('uninstall', () => {
  const plan = planOf(`  host: { type: t }
  app:
    type: t
    relationships:
      - { type: cloudify.relationships.contained_in, target: host }
`);

  it('mirrors install: dependents first, stop → unlink → delete', () => {
    const seq = sequence(plan, buildWorkflowGraph('uninstall', {}, ctx(plan, 'started')));
    expect(seq).toEqual(['app stop', 'app delete', 'app =deleted', 'host stop', 'host delete', 'host =deleted']);
  });

  it('marks every task ignore_failure when asked and skips deleted instances', () => {
    const graph = buildWorkflowGraph(
      'uninstall',
      { ignore_failure: true },
      ctx(plan, (id) => (id.startsWith('app') ? 'deleted' : 'started')),
    );
    expect(graph.tasks.every((t) => t.ignoreFailure)).toBe(true);
    expect(sequence(plan, graph)).toEqual(['host stop', 'host delete', 'host =deleted']);
  });
});

describe('day-two workflows', () => {
  const plan = planOf(`  a: { type: t, capabilities: { scalable: { properties: { default_instances: 2 } } } }
  b: { type: bare, relationships: [ { type: cloudify.relationships.depends_on, target: a } ] }
`);

  it('execute_operation runs the operation on the filtered instances with kwargs, refusing silent overrides', () => {
    const graph = buildWorkflowGraph(
      'execute_operation',
      { operation: 'cloudify.interfaces.lifecycle.start', operation_kwargs: { reason: 'x' }, node_ids: ['a'] },
      ctx(plan, 'started'),
    );
    expect(graph.tasks).toHaveLength(2);
    expect(graph.tasks.every((t) => t.inputs?.['reason'] === 'x')).toBe(true);
    expect(() => buildWorkflowGraph('execute_operation', { operation: 'cloudify.interfaces.lifecycle.nope' }, ctx(plan))).toThrow(WorkflowError);
    expect(() => buildWorkflowGraph('execute_operation', { operation: 'start', bogus: 1 }, ctx(plan))).toThrow(/has no parameter 'bogus'/);
  });

  it('restart stops everything before starting anything', () => {
    const seq = sequence(plan, buildWorkflowGraph('restart', {}, ctx(plan, 'started')));
    expect(seq).toEqual(['b =stopped', 'a stop', 'a stop', 'a start', 'a start', 'b =started']);
  });

  it('check_status checks where defined and records state-based health elsewhere', () => {
    const seq = sequence(plan, buildWorkflowGraph('check_status', {}, ctx(plan, 'started')));
    expect(seq.sort()).toEqual(['a check_status', 'a check_status', 'b check']);
  });

  it('refuses unknown workflows naming the built-ins', () => {
    expect(() => buildWorkflowGraph('deploy', {}, ctx(plan))).toThrow(/built-ins: install, uninstall/);
  });
});
