import type { DeploymentPlan } from '../plan/index.js';
import { Chain, DEFAULT_RETRIES, GraphBuilder, findOperation, type RetryDefaults, type TaskGraph, type TaskSpec } from './graph.js';
import { installInstance, orderedSubgraphs, uninstallInstance, type StateLookup } from './lifecycle.js';
import { WorkflowError } from './errors.js';

export interface HealOptions {
  /** Reinstall even when the node has a heal operation. */
  forceReinstall?: boolean;
  /** false: refuse (naming the instances) rather than reinstall. */
  allowReinstall?: boolean;
  /** Failures while taking the broken subgraph down do not stop the heal (default true). */
  ignoreFailure?: boolean;
  retries?: RetryDefaults;
}

/** An instance and everything contained in it, transitively. */
export function containedSubgraph(plan: DeploymentPlan, id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const i of plan.nodeInstances)
      if (i.hostId && out.has(i.hostId) && !out.has(i.id)) {
        out.add(i.id);
        grew = true;
      }
  }
  return out;
}

/**
 * Heal (workflows.py heal / auto_heal_reinstall_node_subgraph): an unhealthy instance whose
 * node defines lifecycle.heal runs preheal → heal → postheal; otherwise it and its contained
 * subgraph are reinstalled — uninstalled (failures ignored by default), installed again, and
 * instances connected to them unlink before and establish after.
 */
export function healGraph(plan: DeploymentPlan, failing: string[], stateOf: StateLookup, options: HealOptions = {}): TaskGraph {
  const b = new GraphBuilder(plan, options.retries ?? DEFAULT_RETRIES);
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const nodeOf = (id: string) => nodes.get(b.instance(id).nodeId)!;
  const healInPlace = failing.filter(
    (id) => !options.forceReinstall && findOperation(nodeOf(id).interfaces, 'cloudify.interfaces.lifecycle.heal')?.implementation,
  );
  const reinstallRoots = failing.filter((id) => !healInPlace.includes(id));
  if (reinstallRoots.length > 0 && options.allowReinstall === false) {
    throw new WorkflowError(`instances ${reinstallRoots.join(', ')} need a reinstall to heal, and allow_reinstall is false`, 'reinstall-refused');
  }
  for (const id of healInPlace) {
    const chain = new Chain([]);
    for (const op of ['preheal', 'heal', 'postheal']) chain.step([b.operation(id, `cloudify.interfaces.lifecycle.${op}`, chain.deps)]);
  }

  const subgraph = new Set<string>();
  for (const id of reinstallRoots) for (const x of containedSubgraph(plan, id)) subgraph.add(x);
  if (subgraph.size === 0) return { tasks: b.tasks };
  const extra: Partial<TaskSpec> = options.ignoreFailure === false ? {} : { ignoreFailure: true };

  // Instances outside the subgraph that point into it unlink first and establish again at the end.
  const related = plan.nodeInstances
    .filter((i) => !subgraph.has(i.id))
    .flatMap((i) => i.relationships.filter((r) => subgraph.has(r.targetId)).map((r) => ({ sourceId: i.id, targetId: r.targetId, type: r.type })));
  const unlinks = new Map<string, string[]>();
  for (const r of related) {
    const ids = b.relationshipOperation(r.sourceId, r.targetId, r.type, 'unlink', [], extra).map((t) => t.id);
    unlinks.set(r.targetId, [...(unlinks.get(r.targetId) ?? []), ...ids]);
  }
  const down = orderedSubgraphs(b, subgraph, 'uninstall', (inst, deps) =>
    uninstallInstance(b, inst, [...deps, ...(unlinks.get(inst.id) ?? [])], stateOf(inst.id) === 'uninitialized' ? 'started' : stateOf(inst.id), extra),
  );
  const allDown = [...new Set([...down.values()].flat())];
  const up = orderedSubgraphs(b, subgraph, 'install', (inst, deps) => installInstance(b, inst, deps.length > 0 ? deps : allDown, 'deleted'));
  for (const r of related) b.relationshipOperation(r.sourceId, r.targetId, r.type, 'establish', up.get(r.targetId) ?? allDown);
  return { tasks: b.tasks };
}
