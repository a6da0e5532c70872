import type { UpdateDiff } from '../plan/index.js';
import { Chain, DEFAULT_RETRIES, GraphBuilder, findOperation, type RetryDefaults, type TaskGraph } from './graph.js';
import { containedSubgraph } from './heal.js';
import { installInstance, orderedSubgraphs, uninstallInstance, type StateLookup } from './lifecycle.js';

export interface UpdateParameters {
  skip_install?: boolean;
  skip_uninstall?: boolean;
  skip_reinstall?: boolean;
  /** Instances to reinstall whether or not their node changed. */
  reinstall_list?: string[];
  /** Instances check_drift found drifted: updated back (update operations, else reinstall) even if their node did not change. */
  drifted?: string[];
}

/**
 * Deployment update (Cloudify's update workflow): unlink removed relationships and uninstall
 * removed nodes; then run each modified node's update operations, or reinstall it with what it
 * contains; then install added nodes and establish added relationships. Each phase waits for
 * the previous one. Instances found drifted are treated as modified: brought back to the blueprint.
 */
export function updateGraph(diff: UpdateDiff, stateOf: StateLookup, params: UpdateParameters = {}, retries: RetryDefaults = DEFAULT_RETRIES): TaskGraph {
  const plan = diff.plan;
  const b = new GraphBuilder(plan, retries);
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const removed = new Set(diff.removedInstances);
  const added = new Set(diff.addedInstances);

  // Phase 1: removals.
  const unlinksByTarget = new Map<string, string[]>();
  for (const r of diff.removedRelationships) {
    const ids = b.relationshipOperation(r.sourceId, r.targetId, r.type, 'unlink', []).map((t) => t.id);
    unlinksByTarget.set(r.targetId, [...(unlinksByTarget.get(r.targetId) ?? []), ...ids]);
  }
  let phase: string[] = [...unlinksByTarget.values()].flat();
  if (!params.skip_uninstall && removed.size > 0) {
    const tails = orderedSubgraphs(b, removed, 'uninstall', (inst, deps) =>
      uninstallInstance(b, inst, [...deps, ...(unlinksByTarget.get(inst.id) ?? [])], stateOf(inst.id)),
    );
    phase = [...phase, ...[...tails.values()].flat()];
  }
  phase = [...new Set(phase)];

  // Phase 2: modified nodes — update operations where defined, reinstall otherwise.
  const drifted = new Set(params.drifted ?? []);
  const modifiedInstances = plan.nodeInstances
    .filter((i) => (diff.modifiedNodes.includes(i.nodeId) || drifted.has(i.id)) && !added.has(i.id) && !removed.has(i.id))
    .map((i) => i.id);
  const toReinstall = new Set<string>(params.reinstall_list ?? []);
  const inPlace: string[] = [];
  for (const id of modifiedInstances) {
    const node = nodes.get(b.instance(id).nodeId)!;
    if (findOperation(node.interfaces, 'cloudify.interfaces.lifecycle.update')?.implementation) inPlace.push(id);
    else if (!params.skip_reinstall) toReinstall.add(id);
  }
  const phase2: string[] = [];
  for (const id of inPlace) {
    const chain = new Chain(phase);
    for (const op of ['preupdate', 'update', 'postupdate']) chain.step([b.operation(id, `cloudify.interfaces.lifecycle.${op}`, chain.deps)]);
    phase2.push(...chain.tail);
  }
  const subgraph = new Set<string>();
  for (const id of toReinstall) for (const x of containedSubgraph(plan, id)) if (!removed.has(x) && !added.has(x)) subgraph.add(x);
  if (subgraph.size > 0) {
    const related = plan.nodeInstances
      .filter((i) => !subgraph.has(i.id) && !removed.has(i.id) && !added.has(i.id))
      .flatMap((i) => i.relationships.filter((r) => subgraph.has(r.targetId)).map((r) => ({ sourceId: i.id, targetId: r.targetId, type: r.type })));
    const unlinks = new Map<string, string[]>();
    for (const r of related)
      unlinks.set(r.targetId, [
        ...(unlinks.get(r.targetId) ?? []),
        ...b.relationshipOperation(r.sourceId, r.targetId, r.type, 'unlink', phase).map((t) => t.id),
      ]);
    const down = orderedSubgraphs(b, subgraph, 'uninstall', (inst, deps) =>
      uninstallInstance(b, inst, [...(deps.length ? deps : phase), ...(unlinks.get(inst.id) ?? [])], stateOf(inst.id), { ignoreFailure: true }),
    );
    const allDown = [...new Set([...down.values()].flat())];
    const up = orderedSubgraphs(b, subgraph, 'install', (inst, deps) => installInstance(b, inst, deps.length > 0 ? deps : allDown, 'deleted'));
    phase2.push(...[...up.values()].flat());
    for (const r of related)
      phase2.push(...b.relationshipOperation(r.sourceId, r.targetId, r.type, 'establish', up.get(r.targetId) ?? allDown).map((t) => t.id));
  }
  const afterPhase2 = phase2.length > 0 ? [...new Set(phase2)] : phase;

  // Phase 3: additions.
  let tails = new Map<string, string[]>();
  if (!params.skip_install && added.size > 0) {
    tails = orderedSubgraphs(b, added, 'install', (inst, deps) => installInstance(b, inst, deps.length > 0 ? deps : afterPhase2, stateOf(inst.id)));
  }
  for (const r of diff.addedRelationships) {
    b.relationshipOperation(r.sourceId, r.targetId, r.type, 'establish', [...(tails.get(r.targetId) ?? []), ...afterPhase2]);
  }
  // Existing instances gain relationships to added instances: establish once those are installed.
  for (const inst of plan.nodeInstances) {
    if (added.has(inst.id) || removed.has(inst.id)) continue;
    for (const r of inst.relationships) {
      if (added.has(r.targetId)) b.relationshipOperation(inst.id, r.targetId, r.type, 'establish', tails.get(r.targetId) ?? afterPhase2);
    }
  }
  return { tasks: b.tasks };
}
