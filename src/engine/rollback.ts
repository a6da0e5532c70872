import type { PluginCatalog } from '../plan/index.js';
import type { ExecutionTrigger, RevisionRecord, StateStore } from '../state/index.js';
import { WorkflowError, type RetryDefaults } from '../workflows/index.js';
import { startUpdate, type UpdateStart } from './update.js';

/**
 * Rollback: an update back to a revision of the deployment's history (default: the one before the
 * current, or the current one after a failed update), with that revision's plan, inputs, blueprint and shipped files. It is recorded as a
 * revision of its own, so a rollback can itself be rolled back.
 */
export async function startRollback(
  store: StateStore,
  deploymentId: string,
  to: number | undefined,
  options: { retries?: RetryDefaults; catalog?: PluginCatalog; trigger?: ExecutionTrigger; preview?: boolean } = {},
): Promise<{ started: UpdateStart; target: RevisionRecord }> {
  const deployment = await store.getDeployment(deploymentId);
  if (!deployment) throw new WorkflowError(`deployment '${deploymentId}' does not exist`, 'unknown-deployment');
  const revisions = await store.listRevisionSummaries(deploymentId);
  const current = deployment.revision?.number ?? revisions.at(-1)?.revision;
  // After a failed update the deployment is between revisions: rolling back returns to the current one.
  const latest = deployment.latestExecutionId ? await store.getExecution(deploymentId, deployment.latestExecutionId) : undefined;
  const between = latest?.workflow === 'update' && latest.status !== 'terminated';
  const wanted = to ?? (current !== undefined ? (between ? current : current - 1) : undefined);
  const target = revisions.some((r) => r.revision === wanted) ? await store.getRevision(deploymentId, wanted!) : undefined;
  if (!target)
    throw new WorkflowError(
      `deployment '${deploymentId}' has no revision ${wanted ?? 'before the current one'}; its revisions: ${revisions.map((r) => r.revision).join(', ') || 'none'}`,
      'unknown-revision',
    );
  if (target.revision === current && !between) throw new WorkflowError(`deployment '${deploymentId}' is at revision ${current} already`, 'unknown-revision');
  const started = await startUpdate(
    store,
    deploymentId,
    {
      plan: target.plan,
      inputs: target.inputs,
      blueprintFile: target.blueprintFile,
      blueprintDigest: target.blueprintDigest,
      ...(target.resources ? { resources: target.resources } : {}),
    },
    options.preview ? { preview: true } : {},
    {
      ...(options.retries ? { retries: options.retries } : {}),
      ...(options.catalog ? { catalog: options.catalog } : {}),
      trigger: { ...(options.trigger ?? { by: 'unknown' }), rollbackTo: target.revision },
    },
  );
  return { started, target };
}
