import type { YamlMap, YamlValue } from '../dsl/index.js';
import type { ScheduleSpec } from '../plan/schedules.js';
import type { DeploymentPlan } from '../plan/index.js';
import { INSTANCE_STATES, type InstanceState, type TaskSpec } from '../workflows/graph.js';

/** Cloudify's node instance states, as the workflows define them. */
export const NODE_INSTANCE_STATES = INSTANCE_STATES;
export type NodeInstanceState = InstanceState;

export type DeploymentStatus = 'created' | 'active' | 'failed' | 'uninstalled';

export interface DeploymentRecord {
  id: string;
  blueprintFile: string;
  blueprintDigest: string;
  /** Digest of the manifest of the blueprint directory's files shipped to the step Lambda (AWS mode). */
  resources?: string;
  inputs: YamlMap;
  plan: DeploymentPlan;
  /** Evaluated blueprint outputs, refreshed after install/update/scale/heal. */
  outputs: YamlMap;
  status: DeploymentStatus;
  createdAt: string;
  updatedAt: string;
  latestExecutionId?: string;
  /** A Component's child deployment: the deployment and node instance that created it (get_environment_capability reads there). */
  parent?: { deploymentId: string; nodeInstanceId: string };
  /** Inputs whose values came from secrets (a parent's get_secret): masked wherever get_input reads them, as get_secret's are. */
  sensitiveInputs?: string[];
  /** Execution schedules created at run time (`isthmus schedules create`), beside the blueprint's. */
  schedules?: Record<string, ScheduleSpec>;
  /** Execution schedules: what each has run (occurrences are claimed here before they run, so none runs twice). */
  scheduleRuns?: Record<string, { runs: number; last?: string; executionId?: string }>;
  /** The deployment's current revision (its history), and the execution that made it. */
  revision?: { number: number; executionId: string };
  /** Optimistic-locking counter; every update is conditional on it. */
  version: number;
}

export interface CheckStatusResult {
  ok: boolean;
  at: string;
  message?: string;
}

/** What the last check_drift found on an instance. */
export interface CheckDriftResult {
  state: 'in_sync' | 'drifted' | 'unknown';
  at: string;
  /** The drifted objects and fields, as the check reported them. */
  differences?: YamlValue;
  /** Why the drift is unknown (the check failed). */
  message?: string;
}

export interface NodeInstanceRecord {
  deploymentId: string;
  id: string;
  nodeId: string;
  hostId?: string;
  state: NodeInstanceState;
  runtimeProperties: YamlMap;
  lastCheckStatus?: CheckStatusResult;
  lastCheckDrift?: CheckDriftResult;
  version: number;
}

/** Cloudify's execution statuses; `terminated` means succeeded. */
export type ExecutionStatus = 'pending' | 'started' | 'cancelling' | 'force_cancelling' | 'cancelled' | 'terminated' | 'failed';
export const ACTIVE_EXECUTION_STATUSES: readonly ExecutionStatus[] = ['pending', 'started', 'cancelling', 'force_cancelling'];

/** What a scale execution keeps for its resume: the instances it adds or removes and the plan it moves to. */
export interface ScaleContext {
  direction: 'out' | 'in';
  added: string[];
  removed: string[];
  /** Uninstall what a failed scale-out added (the scale workflow's `rollback_if_failed`). */
  rollback: boolean;
  /** The plan after scaling (the state store compresses plans). */
  plan: DeploymentPlan;
  /** Runtime properties added instances start with (the utilities plugin's scaleuplist). */
  runtimeProperties?: Record<string, YamlMap>;
}

/** What an update execution keeps for its resume. */
export interface UpdateContext {
  /** The plan while the update runs: the old and the new instances together. */
  plan: DeploymentPlan;
  /** The plan once the update has succeeded. */
  finalPlan: DeploymentPlan;
  added: string[];
  removed: string[];
  inputs: YamlMap;
  blueprintFile: string;
  blueprintDigest: string;
  /** The shipped blueprint files (AWS mode): the new directory plus what only the old one had. */
  resources?: string;
}

/** Workflow-specific data of an execution, one member per kind of execution that needs any. */
export interface ExecutionContext {
  scale?: ScaleContext;
  update?: UpdateContext;
  /** A scale of a node that resizes in place (an EKS node group): no instances change. */
  resize?: { node: string; delta: number };
  /** The instances a heal found failing (a record for readers of the execution; the tasks say what runs). */
  heal?: { failing: string[] };
  /** The uninstall that undoes a failed scale-out. */
  scaleRollback?: { scaleExecution: string; added: string[] };
}

/** Who or what started an execution: shown in a deployment's history. */
export interface ExecutionTrigger {
  /** `cli <user>@<host>`, `github <event>` … */
  by: string;
  /** The pull request, commit and workflow run behind it, when a GitHub event started it. */
  pr?: number;
  commit?: string;
  run?: string;
  /** A rollback: the revision it returns to. */
  rollbackTo?: number;
}

/**
 * One revision of a deployment: what an install or update left it as — its plan, inputs and
 * blueprint (files as shipped, content-addressed) — and who made it. Rollback returns to one.
 */
export interface RevisionRecord {
  deploymentId: string;
  /** 1 for the install, then one more per update (a rollback is an update). */
  revision: number;
  at: string;
  workflow: string;
  executionId: string;
  plan: DeploymentPlan;
  inputs: YamlMap;
  blueprintFile: string;
  blueprintDigest: string;
  resources?: string;
  trigger?: ExecutionTrigger;
}

/** A revision without its plan: what a history listing shows. */
export type RevisionSummary = Omit<RevisionRecord, 'plan'>;

export interface ExecutionRecord {
  deploymentId: string;
  id: string;
  workflow: string;
  parameters: YamlMap;
  /** Who or what started it (the CLI, a GitHub event), when the starter said. */
  trigger?: ExecutionTrigger;
  status: ExecutionStatus;
  createdAt: string;
  startedAt?: string;
  endedAt?: string;
  error?: string;
  taskCount: number;
  /** Workflow-specific data kept for resume (e.g. the plan a scale or update moves to). */
  context?: ExecutionContext;
  version: number;
}

/**
 * Stored task status. Success is not written on the task: the step record of its current
 * attempt says it (one write per successful task); failures and reschedules are written here.
 */
export type TaskStatus = 'pending' | 'succeeded' | 'failed';

/** One unit of a workflow's task graph, as stored. */
/** A workflow's task as stored: its spec, and where its execution has got to. */
export interface TaskRecord extends TaskSpec {
  executionId: string;
  status: TaskStatus;
  attempt: number;
  /** Attempts before this number do not count against max_retries (a resumed execution's fresh budget). */
  retryBase?: number;
  /** Epoch ms before which the task must not be sent again. */
  retryAt?: number;
  error?: string;
  result?: YamlValue;
  version: number;
}

export interface StepOutcome {
  status: 'succeeded' | 'retry' | 'failed';
  /**
   * The step may or may not have run (invoke error, function crash or timeout): the engine sends
   * the same attempt again, which replays a recorded outcome instead of acting twice.
   */
  infrastructure?: boolean;
  /**
   * The operation never started: its execution stopped starting operations (cancel, or a failure)
   * while the step waited for an operation slot. Nothing was recorded; the task stays as it was.
   */
  notStarted?: boolean;
  retryAfter?: number;
  error?: string;
  recoverable?: boolean;
  result?: YamlValue;
  /**
   * With status `retry`: work on a child deployment that only a driver can do (plan a blueprint,
   * run a workflow). The driver does it, then sends the task's next attempt, which does not count
   * against max_retries; a driver that cannot fails the task.
   */
  child?: ChildRequest;
  /**
   * The step's node instance as the step left it (in the answer only, never stored), so the
   * driver can send it with the instance's next steps instead of each step reading it again.
   */
  instance?: NodeInstanceRecord;
}

/** What a Component operation asks its driver to do with a child deployment (see StepOutcome.child). */
export type ChildRequest =
  | {
      action: 'create';
      deploymentId: string;
      /** Cloudify's resource_config.blueprint: an id (mapped like `blueprint:` imports), an archive (a directory or file of the repository), a main file. */
      blueprint: { id?: string; archive?: string; mainFile?: string };
      inputs: YamlMap;
      /** Inputs whose values hold a secret the parent read. */
      sensitiveInputs?: string[];
    }
  | { action: 'execute'; deploymentId: string; executionId: string; workflow: string; parameters: YamlMap; timeoutSeconds?: number }
  /** check_status then heal on the child (the heal execution has `executionId`, its check `<executionId>.check`). */
  | { action: 'heal'; deploymentId: string; executionId: string; timeoutSeconds?: number }
  /** A deployment update of the child to its blueprint (found again) and new inputs. */
  | {
      action: 'update';
      deploymentId: string;
      executionId: string;
      blueprint: { id?: string; archive?: string; mainFile?: string };
      inputs: YamlMap;
      sensitiveInputs?: string[];
      timeoutSeconds?: number;
    }
  | { action: 'delete'; deploymentId: string };

export type EventLevel = 'info' | 'warning' | 'error' | 'debug';

export interface EventRecord {
  executionId: string;
  /** Sortable: ISO timestamp + sequence. */
  id: string;
  at: string;
  type: string;
  level: EventLevel;
  message: string;
  nodeInstanceId?: string;
  taskId?: string;
}

export interface LockRecord {
  deploymentId: string;
  executionId: string;
  owner: string;
  /** Epoch ms when the lease ends unless renewed. */
  expiresAt: number;
  fencingToken: number;
}
