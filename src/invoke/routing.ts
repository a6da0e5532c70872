import { classifyImplementation, findOperation } from '../dsl/index.js';
import type { DeploymentPlan } from '../plan/index.js';
import type { StepOutcome, StepRequest } from '../runtime/types.js';
import type { StateStore } from '../state/index.js';
import type { InvokeOptions, StepInvoker } from './types.js';

/**
 * The deployment label that says which steps run in the driver's own process (the GitHub runner)
 * instead of the step Lambda: its values name plugins (`fabric`, `script`), nodes (a node's steps,
 * and the steps of the nodes on it when it is a Compute), or `all`. A self-hosted runner reaches a
 * private data centre that a Lambda in an AWS account cannot.
 */
export const RUNNER_STEPS_LABEL = 'isthmus-runner-steps';

/** Plugins whose steps always run in the runner: the step Lambda has none of what they run (ansible-playbook). */
export const RUNNER_ONLY_PLUGINS: ReadonlySet<string> = new Set(['ansible']);

/** Whether a step runs in the runner, from its deployment's plan (pure). */
export function runsInRunner(plan: DeploymentPlan, request: Pick<StepRequest, 'nodeInstanceId' | 'operation' | 'relationship'>): boolean {
  const wanted = new Set((plan.labels[RUNNER_STEPS_LABEL] ?? []).map(String));
  if (wanted.has('all')) return true;
  const runnerOnly = [...RUNNER_ONLY_PLUGINS].some((p) => Object.hasOwn(plan.plugins, p));
  if (wanted.size === 0 && !runnerOnly) return false;
  const instance = plan.nodeInstances.find((i) => i.id === request.nodeInstanceId);
  if (!instance) return false;
  const hostNode = instance.computeHostId ? plan.nodeInstances.find((i) => i.id === instance.computeHostId)?.nodeId : undefined;
  if (wanted.has(instance.nodeId) || (hostNode !== undefined && wanted.has(hostNode))) return true;
  const node = plan.nodes.find((n) => n.id === instance.nodeId);
  if (!node) return false;
  const r = request.relationship;
  let interfaces = node.interfaces;
  if (r) {
    // The relationship's interfaces are the source node's, whichever side runs.
    const sourceNode = plan.nodeInstances.find((i) => i.id === r.sourceId)?.nodeId;
    const targetNode = plan.nodeInstances.find((i) => i.id === r.targetId)?.nodeId;
    const rel = plan.nodes.find((n) => n.id === sourceNode)?.relationships.find((x) => x.type === r.type && x.target === targetNode);
    interfaces = (r.side === 'source' ? rel?.sourceInterfaces : rel?.targetInterfaces) ?? {};
  }
  const implementation = findOperation(interfaces, request.operation)?.implementation;
  if (!implementation) return false;
  const target = classifyImplementation(implementation, plan.plugins);
  if (target.kind === 'plugin' && RUNNER_ONLY_PLUGINS.has(target.plugin)) return true;
  return target.kind === 'script' ? wanted.has('script') : target.kind === 'plugin' && wanted.has(target.plugin);
}

/**
 * Sends each step to the step Lambda, or runs it in this process when its deployment's
 * `isthmus-runner-steps` label says so. Plans are read once per deployment version.
 */
export class RoutingInvoker implements StepInvoker {
  // Steps sent to the Lambda are whole invocations: parallelism bounds steps, not operations.
  readonly boundsOperations = false;
  private readonly plans = new Map<string, { version: number | undefined; plan: Promise<DeploymentPlan | undefined> }>();

  constructor(
    private readonly remote: StepInvoker,
    private readonly local: StepInvoker,
    private readonly store: Pick<StateStore, 'getDeployment'>,
  ) {}

  async invoke(request: StepRequest, options: InvokeOptions = {}): Promise<StepOutcome> {
    const plan = await this.planOf(request);
    return plan && runsInRunner(plan, request) ? this.local.invoke(request, options) : this.remote.invoke(request, options);
  }

  private planOf(request: StepRequest): Promise<DeploymentPlan | undefined> {
    const cached = this.plans.get(request.deploymentId);
    if (cached && cached.version === request.deploymentVersion && request.deploymentVersion !== undefined) return cached.plan;
    const plan = this.store.getDeployment(request.deploymentId).then((d) => d?.plan);
    this.plans.set(request.deploymentId, { version: request.deploymentVersion, plan });
    return plan;
  }
}
