import type { YamlMap, YamlValue } from '../dsl/index.js';
import type { PluginSettings } from '../settings.js';
import type { ChildRequest, NodeInstanceRecord, NodeInstanceState, StepOutcome } from '../state/index.js';

export type { StepOutcome };

/** The step protocol (DESIGN.md): what the driver sends for one operation. */
export interface StepRequest {
  deploymentId: string;
  executionId: string;
  taskId: string;
  attempt: number;
  /** Qualified operation name, e.g. cloudify.interfaces.lifecycle.create. */
  operation: string;
  nodeInstanceId: string;
  relationship?: { side: 'source' | 'target'; sourceId: string; targetId: string; type: string };
  /** Inputs given by the workflow (execute_operation kwargs); override the planned ones. */
  inputs?: YamlMap;
  /** State the instance takes if the operation succeeds (informative: the stored task decides). */
  setState?: NodeInstanceState;
  /** Record the outcome as the instance's health instead of changing its state (the stored task decides). */
  checkStatus?: boolean;
  maxRetries?: number;
  /** The execution's workflow (Cloudify's `ctx.workflow_id`). */
  workflow?: string;
  /**
   * The fencing token of the deployment lock the driver holds for this execution. A step runs only
   * while the lock is this execution's with this token, and records its outcome only if it still is.
   */
  fencingToken: number;
  /** The deployment version the driver saw: lets a warm runtime reuse its copy of the plan. */
  deploymentVersion?: number;
  /**
   * The instances the step reads (its own and, for a relationship operation, the other end) as
   * the driver last saw them written. Used only with `firstSend`; a stale one costs a version
   * conflict on write, after which the step reads the instance again.
   */
  instances?: NodeInstanceRecord[];
  /**
   * No earlier send of this attempt exists (the driver chose the attempt in this run), so there
   * is no recorded outcome to replay and the step may skip reading one.
   */
  firstSend?: boolean;
}

export interface OperationLogger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

export interface InstanceView {
  id: string;
  nodeId: string;
  state: string;
  /** Cloudify's host: this instance when it is a Compute, else its nearest Compute ancestor (ctx.instance.host_ip's machine). */
  computeHostId?: string;
  /** Mutable: changes are saved when the operation ends. */
  runtimeProperties: Record<string, YamlValue>;
}

export interface NodeView {
  id: string;
  type: string;
  typeHierarchy: string[];
  properties: YamlMap;
}

/** What a plugin operation sees: Cloudify's `ctx`, in TypeScript. */
export interface OperationContext {
  deployment: { id: string };
  /** The deployment's blueprint: its file's name without the extension (Cloudify's blueprint id). */
  blueprint: { id: string };
  /** The execution running this operation and its workflow (Cloudify's `ctx.execution_id`, `ctx.workflow_id`). */
  execution: { id: string; workflowId: string };
  node: NodeView;
  instance: InstanceView;
  /** Relationship operations: both ends (runtime properties of the side running are saved). */
  source?: { node: NodeView; instance: InstanceView };
  target?: { node: NodeView; instance: InstanceView };
  /** `executor`: where Cloudify would run it (`host_agent`: on the node's host; `central_deployment_agent`: where steps run). */
  operation: { name: string; retryNumber: number; maxRetries: number; implementation: string; executor?: string };
  /** Operation inputs with every function evaluated. */
  inputs: YamlMap;
  logger: OperationLogger;
  /** Asks the engine to run this operation again after `afterSeconds` (long waits, e.g. an EKS cluster). */
  retry(message: string, afterSeconds?: number): never;
  /** Directory of the blueprint (scripts resolve against it). */
  blueprintDir: string;
  /** The process's configuration (default region, kubeconfig override, script user, …). */
  settings: PluginSettings;
  /** Aborted when the step's time is up. */
  signal: AbortSignal;
  /** The instance's relationships, to find e.g. the cluster a resource is managed by. */
  relationships: RelationshipView[];
  /** Evaluates intrinsic functions (get_secret, get_attribute, …) in a value, in this operation's scope. */
  evaluate(value: YamlValue): Promise<YamlValue>;
  /** Reads another instance of the deployment (a copy; changes are not saved). */
  readInstance(id: string): Promise<InstanceView | undefined>;
  /** The deployment's secret store (get_secret's); what is read or written through it is masked. */
  secrets: OperationSecrets;
  /** Another deployment of the same state, with its capabilities evaluated (secrets in them masked). */
  readDeployment(id: string, options?: { health?: boolean }): Promise<DeploymentView | undefined>;
  /** An execution of a deployment of the same state. */
  readExecution(deploymentId: string, executionId: string): Promise<{ id: string; workflow: string; status: string; error?: string } | undefined>;
  /**
   * Ends the operation asking the driver for work on a child deployment (a Component's create,
   * workflow or delete); the operation runs again when it is done, without using a retry.
   */
  awaitChild(request: ChildRequest): never;
  /** Whether a value holds a secret this operation has read (get_secret, ctx.secrets): such values are masked in its logs. */
  containsSecret(value: YamlValue): boolean;
  /** A node of the deployment's plan (its properties unevaluated). */
  readNode(id: string): NodeView | undefined;
}

export interface DeploymentView {
  id: string;
  status: string;
  capabilities: YamlMap;
  /** Set on a Component's child deployment: the deployment and instance that created it. */
  parent?: { deploymentId: string; nodeInstanceId: string };
  /** With `health`: the instances whose last status check failed. */
  unhealthy?: Array<{ id: string; message?: string }>;
}

export interface OperationSecrets {
  get(name: string): Promise<YamlValue | undefined>;
  put(name: string, value: string, options?: { overwrite?: boolean }): Promise<void>;
  delete(name: string): Promise<void>;
}

/** A relationship of the instance an operation runs on (Cloudify's `ctx.instance.relationships`). */
export interface RelationshipView {
  type: string;
  typeHierarchy: string[];
  target: { node: NodeView; instanceId: string };
}

// biome-ignore lint/suspicious/noConfusingVoidType: an operation either returns a value (Cloudify's `ctx returns`) or nothing; plugin modules are written as plain async functions.
export type OperationFunction = (ctx: OperationContext) => Promise<YamlValue | void>;
