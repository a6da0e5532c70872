import { findOperation, type YamlMap } from '../dsl/index.js';
import type { DeploymentPlan, PlannedNode, PlannedNodeInstance } from '../plan/index.js';

/** Cloudify's node instance states, in install order (the state records store these). */
export const INSTANCE_STATES = [
  'uninitialized',
  'initializing',
  'creating',
  'created',
  'configuring',
  'configured',
  'starting',
  'started',
  'stopping',
  'stopped',
  'deleting',
  'deleted',
] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

/** One task of a workflow's graph, before it is stored. Ids are deterministic (resume relies on them). */
export interface TaskSpec {
  id: string;
  /** `operation` runs a plugin operation; `state` sets the instance state; `check` records health from the state. */
  kind: 'operation' | 'state' | 'check';
  nodeInstanceId: string;
  /** Qualified operation name, e.g. cloudify.interfaces.lifecycle.create. */
  operation?: string;
  /** For relationship operations: which end runs it and the other end. */
  relationship?: { side: 'source' | 'target'; sourceId: string; targetId: string; type: string };
  /** State the instance takes when the task succeeds (written atomically with the step). */
  setState?: InstanceState;
  /** For check_status tasks: record the outcome on the instance instead of failing the workflow. */
  checkStatus?: boolean;
  /** For check_drift tasks: record the drift the operation reports on the instance (in sync, drifted, unknown). */
  checkDrift?: boolean;
  dependsOn: string[];
  maxRetries: number;
  retryInterval: number;
  /** Operation inputs overriding the planned ones (execute_operation kwargs). */
  inputs?: YamlMap;
  /** A failure here does not fail the workflow (uninstall ignore_failure, heal's best-effort stop). */
  ignoreFailure?: boolean;
}

export interface TaskGraph {
  tasks: TaskSpec[];
}

export interface RetryDefaults {
  /** Cloudify's manager default is -1 (forever); Isthmus bounds it. */
  maxRetries: number;
  retryInterval: number;
}

export const DEFAULT_RETRIES: RetryDefaults = { maxRetries: 10, retryInterval: 30 };

/** Builds tasks with unique ids and chains; shared by every workflow builder. */
export class GraphBuilder {
  readonly tasks: TaskSpec[] = [];
  private readonly ids = new Set<string>();
  private readonly nodes: Map<string, PlannedNode>;
  readonly instances: Map<string, PlannedNodeInstance>;

  constructor(
    readonly plan: DeploymentPlan,
    readonly retries: RetryDefaults = DEFAULT_RETRIES,
  ) {
    this.nodes = new Map(plan.nodes.map((n) => [n.id, n]));
    this.instances = new Map(plan.nodeInstances.map((i) => [i.id, i]));
  }

  node(id: string): PlannedNode {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`plan has no node '${id}'`);
    return n;
  }

  instance(id: string): PlannedNodeInstance {
    const i = this.instances.get(id);
    if (!i) throw new Error(`plan has no node instance '${id}'`);
    return i;
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}#${n}`;
    this.ids.add(id);
    return id;
  }

  /** An operation task if the instance's node implements `operation`, else undefined. */
  operation(instanceId: string, operation: string, dependsOn: string[], extra: Partial<TaskSpec> = {}): TaskSpec | undefined {
    const node = this.node(this.instance(instanceId).nodeId);
    const op = findOperation(node.interfaces, operation);
    if (!op?.implementation) return undefined;
    return this.add({
      id: this.uniqueId(`${extra.id ?? instanceId}/${operation}`),
      kind: 'operation',
      nodeInstanceId: instanceId,
      operation,
      dependsOn,
      maxRetries: op.maxRetries ?? this.retries.maxRetries,
      retryInterval: op.retryInterval ?? this.retries.retryInterval,
      ...withoutId(extra),
    });
  }

  /** Both ends of a relationship operation, in parallel; undefined ends are not implemented. */
  relationshipOperation(
    sourceId: string,
    targetId: string,
    relType: string,
    operation: string,
    dependsOn: string[],
    extra: Partial<TaskSpec> = {},
  ): TaskSpec[] {
    const source = this.instance(sourceId);
    const node = this.node(source.nodeId);
    const targetNode = this.instance(targetId).nodeId;
    const rel = node.relationships.find((r) => r.target === targetNode && r.type === relType);
    if (!rel) return [];
    const qualified = `cloudify.interfaces.relationship_lifecycle.${operation}`;
    const out: TaskSpec[] = [];
    for (const side of ['source', 'target'] as const) {
      const op = findOperation(side === 'source' ? rel.sourceInterfaces : rel.targetInterfaces, qualified);
      if (!op?.implementation) continue;
      out.push(
        this.add({
          id: this.uniqueId(`${sourceId}->${targetId}/${operation}/${side}`),
          kind: 'operation',
          nodeInstanceId: side === 'source' ? sourceId : targetId,
          operation: qualified,
          relationship: { side, sourceId, targetId, type: relType },
          dependsOn,
          maxRetries: op.maxRetries ?? this.retries.maxRetries,
          retryInterval: op.retryInterval ?? this.retries.retryInterval,
          ...withoutId(extra),
        }),
      );
    }
    return out;
  }

  state(instanceId: string, state: InstanceState, dependsOn: string[], extra: Partial<TaskSpec> = {}): TaskSpec {
    return this.add({
      id: this.uniqueId(`${instanceId}/state:${state}`),
      kind: 'state',
      nodeInstanceId: instanceId,
      setState: state,
      dependsOn,
      maxRetries: 0,
      retryInterval: 0,
      ...withoutId(extra),
    });
  }

  /** Health of an instance without a check_status operation: healthy when started (Cloudify's default). */
  check(instanceId: string, dependsOn: string[]): TaskSpec {
    return this.add({
      id: this.uniqueId(`${instanceId}/check`),
      kind: 'check',
      nodeInstanceId: instanceId,
      dependsOn,
      maxRetries: 0,
      retryInterval: 0,
      checkStatus: true,
    });
  }

  private add(task: TaskSpec): TaskSpec {
    this.tasks.push(task);
    return task;
  }
}

function withoutId(extra: Partial<TaskSpec>): Partial<TaskSpec> {
  const { id: _id, ...rest } = extra;
  return rest;
}

export { findOperation };

/**
 * A chain of steps for one instance: each step depends on the previous step's tasks (a step
 * may have several parallel tasks, or none). Returns the tasks the chain ends with.
 */
export class Chain {
  private last: string[];
  readonly all: TaskSpec[] = [];

  constructor(start: string[]) {
    this.last = start;
  }

  get tail(): string[] {
    return this.last;
  }

  get deps(): string[] {
    return this.last;
  }

  step(tasks: Array<TaskSpec | undefined>): void {
    const real = tasks.filter((t): t is TaskSpec => t !== undefined);
    if (real.length === 0) return;
    this.all.push(...real);
    this.last = real.map((t) => t.id);
  }
}
