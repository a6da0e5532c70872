import type {
  DeploymentRecord,
  EventRecord,
  ExecutionRecord,
  LockRecord,
  NodeInstanceRecord,
  RevisionRecord,
  RevisionSummary,
  StepOutcome,
  TaskRecord,
} from './records.js';
import type { YamlMap } from '../dsl/index.js';

export interface NodeInstanceUpdate {
  state?: NodeInstanceRecord['state'];
  runtimeProperties?: YamlMap;
  lastCheckStatus?: NodeInstanceRecord['lastCheckStatus'];
  lastCheckDrift?: NodeInstanceRecord['lastCheckDrift'];
}

/**
 * A change to one instance written with a step. Without `expectedVersion` the listed fields are
 * set whatever the version (safe for fields nobody else writes concurrently, like a state).
 */
export interface InstanceChange {
  deploymentId: string;
  id: string;
  expectedVersion?: number;
  update: NodeInstanceUpdate;
}

export type TaskUpdate = Partial<Pick<TaskRecord, 'status' | 'attempt' | 'retryAt' | 'retryBase' | 'error' | 'result' | 'inputs'>>;

/**
 * Everything Isthmus remembers. Every write that changes shared state is conditional: on an
 * item's `version`, or on a lock's lease and fencing token. A lost condition is a ConflictError.
 */
/**
 * The lock a step's writes are conditional on: when another driver has taken the deployment
 * since the step was sent (the fencing token moved on), the step's outcome is not recorded.
 */
export interface StepFence {
  deploymentId: string;
  executionId: string;
  fencingToken: number;
}

export interface StepContext {
  step?: StepOutcome;
  instances: Map<string, NodeInstanceRecord>;
  task?: TaskRecord;
  lock?: LockRecord;
}

export interface StateStore {
  createDeployment(d: DeploymentRecord, instances: NodeInstanceRecord[]): Promise<void>;
  getDeployment(id: string): Promise<DeploymentRecord | undefined>;
  /** Replaces fields of a deployment if its version is still `expectedVersion`; returns the new record. */
  updateDeployment(id: string, expectedVersion: number, patch: Partial<Omit<DeploymentRecord, 'id' | 'version'>>): Promise<DeploymentRecord>;
  listDeployments(): Promise<DeploymentRecord[]>;
  /** Removes the deployment, its instances and its executions' items. */
  /** Deletes a deployment and all of it, under its lock (FencedError when the lock is not `lock`). */
  deleteDeployment(id: string, lock: LockRecord): Promise<void>;

  putNodeInstances(instances: NodeInstanceRecord[]): Promise<void>;
  getNodeInstance(deploymentId: string, id: string): Promise<NodeInstanceRecord | undefined>;
  listNodeInstances(deploymentId: string): Promise<NodeInstanceRecord[]>;
  updateNodeInstance(deploymentId: string, id: string, expectedVersion: number, update: NodeInstanceUpdate): Promise<NodeInstanceRecord>;
  deleteNodeInstances(deploymentId: string, ids: string[]): Promise<void>;
  /** Sets fields of an existing instance whatever its version (bumping it), e.g. its state. */
  /** Sets fields whatever the version; returns the record as written. */
  setNodeInstanceFields(deploymentId: string, id: string, update: NodeInstanceUpdate): Promise<NodeInstanceRecord>;

  createExecution(e: ExecutionRecord, tasks: TaskRecord[]): Promise<void>;
  getExecution(deploymentId: string, id: string): Promise<ExecutionRecord | undefined>;
  findExecution(id: string): Promise<ExecutionRecord | undefined>;
  listExecutions(deploymentId: string): Promise<ExecutionRecord[]>;
  /** Records a revision; refuses (ConflictError) a revision number already taken. */
  putRevision(r: RevisionRecord): Promise<void>;
  /** A deployment's revisions, oldest first, plans included. */
  listRevisions(deploymentId: string): Promise<RevisionRecord[]>;
  /** A deployment's revisions without their plans (one query): for listings. */
  listRevisionSummaries(deploymentId: string): Promise<RevisionSummary[]>;
  /** One revision, its plan included. */
  getRevision(deploymentId: string, revision: number): Promise<RevisionRecord | undefined>;
  updateExecution(
    deploymentId: string,
    id: string,
    expectedVersion: number,
    patch: Partial<Omit<ExecutionRecord, 'id' | 'deploymentId' | 'version'>>,
  ): Promise<ExecutionRecord>;

  listTasks(executionId: string): Promise<TaskRecord[]>;
  updateTask(executionId: string, id: string, expectedVersion: number, update: TaskUpdate): Promise<TaskRecord>;

  /**
   * Records a step's outcome once (keyed by execution, task and attempt) together with the
   * instance changes it made (its own instance, and the other end of a relationship operation),
   * atomically. Returns the outcome already recorded if there is one: a replayed step never acts
   * twice. A lost instance write throws InstanceConflictError naming the instance.
   */
  recordStep(
    key: { executionId: string; taskId: string; attempt: number },
    outcome: StepOutcome,
    instanceChanges?: InstanceChange | readonly InstanceChange[],
    fence?: StepFence,
  ): Promise<{ recorded: boolean; outcome: StepOutcome }>;
  getStep(key: { executionId: string; taskId: string; attempt: number }): Promise<StepOutcome | undefined>;
  /**
   * What a step needs before it runs, in one consistent read: its recorded outcome (if any), the
   * node instances, its task as the driver stored it, and the deployment's lock.
   */
  getStepContext(key: { executionId: string; taskId: string; attempt: number }, deploymentId: string, instanceIds: string[]): Promise<StepContext>;
  /** Every recorded step of an execution (for resume). */
  listSteps(executionId: string): Promise<Array<{ taskId: string; attempt: number; outcome: StepOutcome }>>;

  appendEvents(events: EventRecord[]): Promise<void>;
  listEvents(executionId: string, afterId?: string): Promise<EventRecord[]>;

  /** Takes the deployment lock, or an expired one (a dead driver's); ConflictError names the holder. */
  acquireLock(deploymentId: string, executionId: string, owner: string, leaseMs: number): Promise<LockRecord>;
  renewLock(lock: LockRecord, leaseMs: number): Promise<LockRecord>;
  releaseLock(lock: LockRecord): Promise<void>;
  getLock(deploymentId: string): Promise<LockRecord | undefined>;

  /** Stores content-addressed blobs (key: sha-256 hex of the data); a blob already stored is skipped. */
  putBlobs(blobs: Array<{ digest: string; data: Uint8Array }>): Promise<void>;
  /** A complete blob, or undefined when it is missing or not yet fully written. */
  getBlob(digest: string): Promise<Uint8Array | undefined>;
}
