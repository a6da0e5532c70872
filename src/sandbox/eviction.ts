import type { SandboxApi } from './api.js';
import { isPodReady } from './controllers.js';
import { ApiError } from './errors.js';
import type { KubeObject } from './objects.js';
import { matchesSelectorObject, type LabelSelectorObject } from './selectors.js';

/** An int-or-string budget value against a number of pods ("50%" rounds up, as Kubernetes does). */
function amount(v: unknown, of: number): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+%$/.test(v)) return Math.ceil((Number(v.slice(0, -1)) / 100) * of);
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

/**
 * The Eviction API (POST pods/{name}/eviction): deletes the pod unless a PodDisruptionBudget
 * that selects it has no disruption left, which answers 429 as the real API server does. A pod
 * that is not ready may go while its budget's healthy count is met (IfHealthyBudget).
 */
export function evictPod(api: SandboxApi, namespace: string, name: string): void {
  const podType = api.typeOf('v1', 'Pod');
  const pod = api.get(podType, namespace, name);
  if (pod.metadata.deletionTimestamp) return;
  const pods = api.peek('', 'Pod').filter((p) => p.metadata.namespace === namespace && !p.metadata.deletionTimestamp);
  for (const pdb of api.peek('policy', 'PodDisruptionBudget')) {
    if (pdb.metadata.namespace !== namespace || pdb.metadata.deletionTimestamp) continue;
    const spec = (pdb.spec ?? {}) as { selector?: LabelSelectorObject; minAvailable?: unknown; maxUnavailable?: unknown };
    if (!spec.selector || !matchesSelectorObject(pod.metadata.labels, spec.selector)) continue;
    const covered = pods.filter((p: KubeObject) => matchesSelectorObject(p.metadata.labels, spec.selector));
    const healthy = covered.filter(isPodReady).length;
    const expected = covered.length;
    const minAvailable = amount(spec.minAvailable, expected);
    const maxUnavailable = amount(spec.maxUnavailable, expected);
    const desiredHealthy = minAvailable ?? (maxUnavailable !== undefined ? expected - maxUnavailable : 0);
    const allowed = healthy - desiredHealthy;
    const ok = isPodReady(pod) ? allowed > 0 : healthy >= desiredHealthy;
    if (!ok) {
      throw new ApiError(429, "Cannot evict pod as it would violate the pod's disruption budget.", 'TooManyRequests', {
        causes: [
          {
            reason: 'DisruptionBudget',
            message: `The disruption budget ${pdb.metadata.name} needs ${desiredHealthy} healthy pods and has ${healthy} currently`,
          },
        ],
      });
    }
  }
  api.delete(podType, namespace, name, {});
}
