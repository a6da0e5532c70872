import type { SourcePosition } from './errors.js';
import type { YamlMap, YamlValue } from './yaml-loader.js';

export type { YamlMap, YamlValue };

/** A property, input or parameter schema (Cloudify's SchemaProperty). */
export interface PropertySchema {
  type?: string;
  itemType?: string;
  default?: YamlValue;
  hasDefault: boolean;
  /** Cloudify's default for `required` is true. */
  required: boolean;
  description?: string;
  constraints?: Constraint[];
  position?: SourcePosition;
}

export interface Constraint {
  name: string;
  argument: YamlValue;
  position?: SourcePosition;
}

export interface DataType {
  name: string;
  derivedFrom?: string;
  /** Own and inherited properties, parent first. */
  properties: Record<string, PropertySchema>;
  position?: SourcePosition;
}

/** One operation after merging type and template definitions. */
export interface Operation {
  /** `plugin.module.task`, a script path, or '' for a no-op. */
  implementation: string;
  inputs: YamlMap;
  executor?: string;
  maxRetries?: number;
  retryInterval?: number;
  timeout?: number;
  /** Only on type definitions: the declared input schemas, merged into templates' inputs. */
  inputSchema?: Record<string, PropertySchema>;
  position?: SourcePosition;
}

/** interface name → operation name → operation. */
export type Interfaces = Record<string, Record<string, Operation>>;

export interface NodeType {
  name: string;
  derivedFrom?: string;
  /** The type and its ancestors, most general first (Cloudify's type_hierarchy). */
  hierarchy: string[];
  properties: Record<string, PropertySchema>;
  interfaces: Interfaces;
  position?: SourcePosition;
}

export interface RelationshipType {
  name: string;
  derivedFrom?: string;
  hierarchy: string[];
  properties: Record<string, PropertySchema>;
  sourceInterfaces: Interfaces;
  targetInterfaces: Interfaces;
  position?: SourcePosition;
}

export interface Plugin {
  name: string;
  executor?: string;
  packageName?: string;
  properties: YamlMap;
}

export interface NodeRelationship {
  type: string;
  hierarchy: string[];
  target: string;
  properties: YamlMap;
  sourceInterfaces: Interfaces;
  targetInterfaces: Interfaces;
  connectionType: 'all_to_all' | 'all_to_one';
  position?: SourcePosition;
}

export interface ScalableProperties {
  defaultInstances: number;
  minInstances: number;
  /** -1 means unbounded, as in Cloudify. */
  maxInstances: number;
}

export interface NodeTemplate {
  id: string;
  type: string;
  hierarchy: string[];
  /** Merged with the type's defaults; static functions resolved, runtime ones kept as expressions. */
  properties: YamlMap;
  interfaces: Interfaces;
  relationships: NodeRelationship[];
  /** The node's contained_in target, if any. */
  host?: string;
  scalable: ScalableProperties;
  position?: SourcePosition;
}

export interface ScalingGroup {
  name: string;
  members: string[];
  scalable: ScalableProperties;
  position?: SourcePosition;
}

export interface WorkflowDefinition {
  name: string;
  mapping: string;
  plugin: string;
  parameters: Record<string, PropertySchema>;
}

export interface OutputDefinition {
  description?: string;
  value: YamlValue;
  position?: SourcePosition;
}

/** A blueprint after imports, types and templates are resolved: the planner's input. */
export interface Blueprint {
  dslVersion: string;
  mainFile: string;
  description?: string;
  metadata: YamlMap;
  inputs: Record<string, PropertySchema & { displayLabel?: string; hidden?: boolean }>;
  /** Input values after defaults, placeholders and constraint checks. */
  inputValues: YamlMap;
  dataTypes: Record<string, DataType>;
  nodeTypes: Record<string, NodeType>;
  relationshipTypes: Record<string, RelationshipType>;
  plugins: Record<string, Plugin>;
  nodeTemplates: Record<string, NodeTemplate>;
  workflows: Record<string, WorkflowDefinition>;
  outputs: Record<string, OutputDefinition>;
  capabilities: Record<string, OutputDefinition>;
  scalingGroups: Record<string, ScalingGroup>;
  /** Groups and policies that are not scaling (kept, not acted on). */
  groups: YamlMap;
  policies: YamlMap;
  labels: YamlMap;
  blueprintLabels: YamlMap;
  /** `deployment_settings` of the main file (default_schedules …). */
  deploymentSettings?: YamlMap;
  /** Imported `blueprint:` ids by namespace. */
  namespacesMapping: Record<string, string>;
  /** Every file read (main first), for digests and for the update workflow. */
  files: string[];
}
