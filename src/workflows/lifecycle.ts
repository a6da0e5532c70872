import { Chain, type GraphBuilder, type InstanceState, type TaskSpec } from './graph.js';
import type { PlannedNodeInstance } from '../plan/index.js';

const RANK: Record<InstanceState, number> = {
  uninitialized: 0,
  initializing: 1,
  creating: 2,
  created: 3,
  configuring: 4,
  configured: 5,
  starting: 6,
  started: 7,
  stopping: 8,
  stopped: 9,
  deleting: 10,
  deleted: 11,
};

export type StateLookup = (instanceId: string) => InstanceState;

/** Relationship instances of `inst`, grouped by target node in declaration order (Cloudify runs groups one after another). */
function relationshipGroups(b: GraphBuilder, inst: PlannedNodeInstance): Array<Array<{ targetId: string; type: string }>> {
  const node = b.node(inst.nodeId);
  const order = [...new Set(node.relationships.map((r) => r.target))];
  return order.map((target) => inst.relationships.filter((r) => r.targetNode === target).map((r) => ({ targetId: r.targetId, type: r.type })));
}

function relationshipPhase(b: GraphBuilder, chain: Chain, inst: PlannedNodeInstance, operation: string, reverse: boolean, extra: Partial<TaskSpec>): void {
  const groups = relationshipGroups(b, inst);
  if (reverse) groups.reverse();
  for (const group of groups) {
    const tasks = group.flatMap((r) => b.relationshipOperation(inst.id, r.targetId, r.type, operation, chain.deps, extra));
    chain.step(tasks);
  }
}

/**
 * Install subgraph of one instance (cloudify/plugins/lifecycle.py install_node_instance_subgraph),
 * skipping what its state says is done. Returns the ids its dependents must wait for.
 */
export function installInstance(
  b: GraphBuilder,
  inst: PlannedNodeInstance,
  startDeps: string[],
  state: InstanceState,
  extra: Partial<TaskSpec> = {},
): string[] {
  const chain = new Chain(startDeps);
  const id = inst.id;
  if (state === 'started') return startDeps;
  if (RANK[state] < RANK.created || RANK[state] > RANK.started) {
    chain.step([b.operation(id, 'cloudify.interfaces.validation.create', chain.deps, extra)]);
    chain.step([b.operation(id, 'cloudify.interfaces.lifecycle.precreate', chain.deps, extra)]);
    chain.step([
      b.operation(id, 'cloudify.interfaces.lifecycle.create', chain.deps, { ...extra, setState: 'created' }) ?? b.state(id, 'created', chain.deps, extra),
    ]);
  }
  if (RANK[state] < RANK.configured || RANK[state] > RANK.started) {
    relationshipPhase(b, chain, inst, 'preconfigure', false, extra);
    chain.step([
      b.operation(id, 'cloudify.interfaces.lifecycle.configure', chain.deps, { ...extra, setState: 'configured' }) ??
        b.state(id, 'configured', chain.deps, extra),
    ]);
    relationshipPhase(b, chain, inst, 'postconfigure', false, extra);
  }
  chain.step([b.operation(id, 'cloudify.interfaces.lifecycle.start', chain.deps, extra)]);
  chain.step([b.operation(id, 'cloudify.interfaces.lifecycle.poststart', chain.deps, extra)]);
  chain.step([b.operation(id, 'cloudify.interfaces.monitoring.start', chain.deps, extra)]);
  relationshipPhase(b, chain, inst, 'establish', false, extra);
  // 'started' rides on the last operation when it is this instance's own; else it is a task of its own.
  const last = chain.all.at(-1);
  if (last && chain.tail.length === 1 && last.kind === 'operation' && !last.relationship && last.nodeInstanceId === id && !last.setState)
    last.setState = 'started';
  else chain.step([b.state(id, 'started', chain.deps, extra)]);
  return chain.tail;
}

/** Uninstall subgraph of one instance (uninstall_node_instance_subgraph): stop, unlink, delete. */
export function uninstallInstance(
  b: GraphBuilder,
  inst: PlannedNodeInstance,
  startDeps: string[],
  state: InstanceState,
  extra: Partial<TaskSpec> = {},
): string[] {
  const chain = new Chain(startDeps);
  const id = inst.id;
  if (state === 'deleted') return startDeps;
  if (state === 'uninitialized') {
    chain.step([b.state(id, 'deleted', chain.deps, extra)]);
    return chain.tail;
  }
  if (RANK[state] < RANK.stopped) {
    chain.step([b.operation(id, 'cloudify.interfaces.monitoring.stop', chain.deps, extra)]);
    chain.step([b.operation(id, 'cloudify.interfaces.validation.delete', chain.deps, extra)]);
    chain.step([b.operation(id, 'cloudify.interfaces.lifecycle.prestop', chain.deps, extra)]);
    chain.step([
      b.operation(id, 'cloudify.interfaces.lifecycle.stop', chain.deps, { ...extra, setState: 'stopped' }) ?? b.state(id, 'stopped', chain.deps, extra),
    ]);
  }
  relationshipPhase(b, chain, inst, 'unlink', true, extra);
  chain.step([b.operation(id, 'cloudify.interfaces.lifecycle.delete', chain.deps, extra)]);
  chain.step([b.operation(id, 'cloudify.interfaces.lifecycle.postdelete', chain.deps, extra)]);
  chain.step([b.state(id, 'deleted', chain.deps, extra)]);
  return chain.tail;
}

/**
 * Lays out subgraphs for a set of instances so that each waits for the subgraphs of the
 * instances it depends on (install: its relationship targets; uninstall: the instances that
 * target it). Instances outside the set are treated as already done.
 */
export function orderedSubgraphs(
  b: GraphBuilder,
  selected: Set<string>,
  direction: 'install' | 'uninstall',
  build: (inst: PlannedNodeInstance, startDeps: string[]) => string[],
): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  for (const inst of b.plan.nodeInstances) {
    for (const r of inst.relationships) {
      const list = sources.get(r.targetId) ?? [];
      list.push(inst.id);
      sources.set(r.targetId, list);
    }
  }
  const prerequisites = (id: string): string[] => (direction === 'install' ? b.instance(id).relationships.map((r) => r.targetId) : (sources.get(id) ?? []));
  const tails = new Map<string, string[]>();
  const visiting = new Set<string>();
  const visit = (id: string): string[] => {
    const known = tails.get(id);
    if (known) return known;
    if (visiting.has(id)) throw new Error(`dependency cycle through node instance '${id}'`);
    visiting.add(id);
    const deps = [
      ...new Set(
        prerequisites(id)
          .filter((p) => selected.has(p))
          .flatMap((p) => visit(p)),
      ),
    ];
    visiting.delete(id);
    const tail = build(b.instance(id), deps);
    tails.set(id, tail);
    return tail;
  };
  for (const id of [...selected].sort()) visit(id);
  return tails;
}
