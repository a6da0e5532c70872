import type { DeploymentPlan } from '../plan/index.js';
import { DEFAULT_RETRIES, GraphBuilder, findOperation, type RetryDefaults, type TaskGraph } from './graph.js';
import { installInstance, orderedSubgraphs, uninstallInstance, type StateLookup } from './lifecycle.js';

type RelationshipRef = { sourceId: string; targetId: string; type: string };

/**
 * Scale-out (workflows.py scale_entity): install the added instances in dependency order, then
 * establish the new relationships of existing instances with them.
 */
export function scaleOutGraph(
  plan: DeploymentPlan,
  added: string[],
  addedRelationships: RelationshipRef[],
  stateOf: StateLookup,
  retries: RetryDefaults = DEFAULT_RETRIES,
): TaskGraph {
  const b = new GraphBuilder(plan, retries);
  const selected = new Set(added);
  const tails = orderedSubgraphs(b, selected, 'install', (inst, deps) => installInstance(b, inst, deps, stateOf(inst.id)));
  for (const r of addedRelationships) {
    const after = [...(tails.get(r.targetId) ?? []), ...(tails.get(r.sourceId) ?? [])];
    b.relationshipOperation(r.sourceId, r.targetId, r.type, 'establish', after);
  }
  return { tasks: b.tasks };
}

/**
 * Scale-in: existing instances unlink from the instances going away, then those are
 * uninstalled (dependents first), with their own relationships unlinked on the way.
 */
export function scaleInGraph(
  plan: DeploymentPlan,
  removed: string[],
  removedRelationships: RelationshipRef[],
  stateOf: StateLookup,
  retries: RetryDefaults = DEFAULT_RETRIES,
  ignoreFailure = false,
): TaskGraph {
  const b = new GraphBuilder(plan, retries);
  const extra = ignoreFailure ? { ignoreFailure: true } : {};
  const unlinksByTarget = new Map<string, string[]>();
  for (const r of removedRelationships) {
    const ids = b.relationshipOperation(r.sourceId, r.targetId, r.type, 'unlink', [], extra).map((t) => t.id);
    unlinksByTarget.set(r.targetId, [...(unlinksByTarget.get(r.targetId) ?? []), ...ids]);
  }
  orderedSubgraphs(b, new Set(removed), 'uninstall', (inst, deps) =>
    uninstallInstance(b, inst, [...deps, ...(unlinksByTarget.get(inst.id) ?? [])], stateOf(inst.id), extra),
  );
  return { tasks: b.tasks };
}

/**
 * In-place scaling: a node whose type implements this operation (an EKS node group) scales by
 * changing the resource it stands for, not by adding node instances.
 */
export const RESIZE_OPERATION = 'isthmus.interfaces.scaling.resize';

export function isResizable(plan: DeploymentPlan, nodeId: string): boolean {
  const node = plan.nodes.find((n) => n.id === nodeId);
  return !!node && !!findOperation(node.interfaces, RESIZE_OPERATION)?.implementation;
}

/** The resize operation on every instance of the node, with the delta as its input. */
export function resizeGraph(plan: DeploymentPlan, nodeId: string, delta: number, retries: RetryDefaults = DEFAULT_RETRIES): TaskGraph {
  const b = new GraphBuilder(plan, retries);
  for (const i of plan.nodeInstances.filter((x) => x.nodeId === nodeId)) b.operation(i.id, RESIZE_OPERATION, [], { inputs: { delta } });
  return { tasks: b.tasks };
}
