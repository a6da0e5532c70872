import type { DeploymentPlan } from '../plan/index.js';
import { DEFAULT_RETRIES, GraphBuilder, type RetryDefaults, type TaskGraph } from './graph.js';
import { installInstance, orderedSubgraphs, uninstallInstance, type StateLookup } from './lifecycle.js';

type RelationshipRef = { sourceId: string; targetId: string; type: string };

/**
 * Scale-out (workflows.py scale_entity): install the added instances in dependency order, then
 * establish the new relationships of existing instances with them.
 */
export function scaleOutGraph(plan: DeploymentPlan, added: string[], addedRelationships: RelationshipRef[], stateOf: StateLookup, retries: RetryDefaults = DEFAULT_RETRIES): TaskGraph {
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
export function scaleInGraph(plan: DeploymentPlan, removed: string[], removedRelationships: RelationshipRef[], stateOf: StateLookup, retries: RetryDefaults = DEFAULT_RETRIES, ignoreFailure = false): TaskGraph {
  const b = new GraphBuilder(plan, retries);
  const extra = ignoreFailure ? { ignoreFailure: true } : {};
  const unlinksByTarget = new Map<string, string[]>();
  for (const r of removedRelationships) {
    const ids = b.relationshipOperation(r.sourceId, r.targetId, r.type, 'unlink', [], extra).map((t) => t.id);
    unlinksByTarget.set(r.targetId, [...(unlinksByTarget.get(r.targetId) ?? []), ...ids]);
  }
  orderedSubgraphs(b, new Set(removed), 'uninstall', (inst, deps) => uninstallInstance(b, inst, [...deps, ...(unlinksByTarget.get(inst.id) ?? [])], stateOf(inst.id), extra));
  return { tasks: b.tasks };
}
