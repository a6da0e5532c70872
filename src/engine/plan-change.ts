import { createIdGenerator, type DeploymentPlan } from '../plan/index.js';
import type { YamlMap } from '../dsl/index.js';
import { ConflictError, type NodeInstanceRecord, type StateStore } from '../state/index.js';

/** Instance ids for a plan change that never collide with the deployment's existing ones. */
export function idsAvoiding(plan: DeploymentPlan): (prefix: string) => string {
  const existing = new Set(plan.nodeInstances.map((i) => i.id));
  const gen = createIdGenerator();
  return (prefix) => {
    for (;;) {
      const id = gen(prefix);
      if (!existing.has(id)) return id;
    }
  };
}

/**
 * Gives the deployment a new plan and creates the records of the instances it adds (all
 * `uninitialized`). Idempotent, so a resumed execution can run it again.
 */
export async function applyPlan(
  store: StateStore,
  deploymentId: string,
  plan: DeploymentPlan,
  added: string[],
  also: { resources?: string } = {},
  /** Runtime properties added instances start with. */
  initial: Record<string, YamlMap> = {},
): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const dep = await store.getDeployment(deploymentId);
    if (!dep) return;
    const have = new Set((await store.listNodeInstances(dep.id)).map((r) => r.id));
    const records: NodeInstanceRecord[] = plan.nodeInstances
      .filter((x) => added.includes(x.id) && !have.has(x.id))
      .map((x) => ({
        deploymentId: dep.id,
        id: x.id,
        nodeId: x.nodeId,
        ...(x.hostId ? { hostId: x.hostId } : {}),
        state: 'uninitialized',
        runtimeProperties: initial[x.id] ?? {},
        version: 1,
      }));
    await store.putNodeInstances(records);
    if (JSON.stringify(dep.plan) === JSON.stringify(plan) && (also.resources === undefined || also.resources === dep.resources)) return;
    try {
      await store.updateDeployment(dep.id, dep.version, { plan, ...also });
      return;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
}
