import type { ScheduleSpec } from './schedules.js';
import type { Interfaces, NodeRelationship, OutputDefinition, Plugin, ScalableProperties, YamlMap, YamlValue } from '../dsl/index.js';

/** Why an operation cannot run in Isthmus (yet): shown by `plan` and refused by workflows before they start. */
export interface UnsupportedOperation {
  node: string;
  operation: string;
  implementation: string;
  reason: string;
}

/** A workflow a blueprint declares: its implementation (`plugin.module.function`) and parameters. */
export interface CustomWorkflow {
  plugin: string;
  /** The mapping without its plugin prefix, e.g. `cloudify_custom_workflow.tasks.customwf`. */
  task: string;
  parameters: Record<string, { default?: YamlValue; required: boolean }>;
}

export interface PlannedNode {
  id: string;
  type: string;
  typeHierarchy: string[];
  properties: YamlMap;
  interfaces: Interfaces;
  relationships: NodeRelationship[];
  hostId?: string;
  scalable: ScalableProperties;
  /** Instances planned for this node (after hosts and groups multiply it). */
  numberOfInstances: number;
}

export interface PlannedRelationshipInstance {
  type: string;
  typeHierarchy: string[];
  targetNode: string;
  targetId: string;
}

export interface PlannedNodeInstance {
  id: string;
  nodeId: string;
  /** The contained_in parent. */
  hostId?: string;
  /**
   * Cloudify's `host_id`: the instance itself when it is a `cloudify.nodes.Compute`, else its nearest
   * Compute ancestor (the machine `ctx instance host-ip` and host-agent operations mean).
   */
  computeHostId?: string;
  relationships: PlannedRelationshipInstance[];
  /** Scaling-group instances that hold this instance directly (nested groups included, innermost first), not those of its host. */
  scalingGroups: Array<{ name: string; id: string }>;
}

export interface PlannedScalingGroup {
  members: string[];
  scalable: ScalableProperties;
  instanceIds: string[];
}

/** A deployment plan: plain data, stored in DynamoDB and diffed by the update workflow. */
export interface DeploymentPlan {
  planVersion: 1;
  dslVersion: string;
  mainFile: string;
  inputs: YamlMap;
  nodes: PlannedNode[];
  nodeInstances: PlannedNodeInstance[];
  scalingGroups: Record<string, PlannedScalingGroup>;
  outputs: Record<string, OutputDefinition>;
  capabilities: Record<string, OutputDefinition>;
  workflows: string[];
  /** The blueprint's own workflows (`workflows:`): mapping and parameter defaults (absent in plans of earlier versions). */
  customWorkflows?: Record<string, CustomWorkflow>;
  /** Deployment labels (`labels:`), key → values, for get_label. */
  labels: Record<string, YamlValue[]>;
  /** Execution schedules (`deployment_settings.default_schedules`), by name. */
  schedules?: Record<string, ScheduleSpec>;
  /** Plugins the blueprint declares (implementation strings name them). */
  plugins: Record<string, Plugin>;
  unsupported: UnsupportedOperation[];
}
