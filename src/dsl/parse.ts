import { BlueprintError, Diagnostics, sortDiagnostics, type BlueprintDiagnostic } from './errors.js';
import { applyNamespace, checkFunctions, resolveStatic, type StaticResolver } from './functions.js';
import { parseScalingGroups } from './groups.js';
import { loadImports, SUPPORTED_DSL_VERSIONS, type ImportOptions } from './imports.js';
import { resolveInputValues, parseInputs, type InputOptions } from './inputs.js';
import { mergeImports, type Element, type ElementSection } from './merge.js';
import type { Blueprint, OutputDefinition, Plugin, WorkflowDefinition } from './model.js';
import { parseNodeTemplates } from './node-templates.js';
import { checkScriptsExist } from './implementations.js';
import { parseSchemaMap } from './schema.js';
import { keyPositionOf, positionOf } from './source-map.js';
import { checkSchemaTypes, resolveDataTypes, resolveNodeTypes, resolveRelationshipTypes } from './types.js';
import { isYamlMap, type YamlMap } from './yaml-loader.js';

export interface LoadOptions extends ImportOptions, InputOptions {
  /** Input values (already parsed from files and key=value pairs). */
  inputs?: YamlMap;
  /** Refuse operations whose script is not a file of the blueprint (default true, as Cloudify). */
  checkScripts?: boolean;
}

export interface LoadResult {
  blueprint?: Blueprint;
  diagnostics: BlueprintDiagnostic[];
}

/** Loads, checks and resolves a blueprint; never throws for problems in the blueprint itself. */
export function loadBlueprint(mainFile: string, options: LoadOptions = {}): LoadResult {
  const diagnostics = new Diagnostics();
  const blueprint = buildBlueprint(mainFile, options, diagnostics);
  return diagnostics.hasErrors
    ? { diagnostics: sortDiagnostics(diagnostics.items) }
    : { blueprint: blueprint!, diagnostics: sortDiagnostics(diagnostics.items) };
}

/** Like loadBlueprint, but throws a BlueprintError carrying every diagnostic. */
export function parseBlueprint(mainFile: string, options: LoadOptions = {}): Blueprint {
  const result = loadBlueprint(mainFile, options);
  if (!result.blueprint) throw new BlueprintError(result.diagnostics);
  return result.blueprint;
}

function buildBlueprint(mainFile: string, options: LoadOptions, diagnostics: Diagnostics): Blueprint | undefined {
  const files = loadImports(mainFile, options, diagnostics);
  if (files.length === 0) return undefined;
  // A missing plugin or blueprint import makes every later check misleading: report the imports alone.
  if (diagnostics.items.some((d) => d.severity === 'error' && d.code.startsWith('import.'))) return undefined;
  const main = files[0]!;
  const versionRaw = main.doc['tosca_definitions_version'];
  const version = typeof versionRaw === 'string' && versionRaw.startsWith('cloudify_dsl_') ? versionRaw.slice(13) : undefined;
  if (!version || !(SUPPORTED_DSL_VERSIONS as readonly string[]).includes(version)) {
    diagnostics.error(
      'blueprint.version',
      versionRaw === undefined ? 'tosca_definitions_version is missing' : `unsupported tosca_definitions_version ${JSON.stringify(versionRaw)}`,
      positionOf(main.doc, 'tosca_definitions_version') ?? { file: main.file, line: 1, column: 1 },
      'start the blueprint with "tosca_definitions_version: cloudify_dsl_1_5" (1_3, 1_4 and 1_5 are supported)',
    );
    return undefined;
  }
  const merged = mergeImports(files, diagnostics);
  const s = merged.sections;

  const dataTypes = resolveDataTypes(s.data_types, diagnostics);
  const nodeTypes = resolveNodeTypes(s.node_types, diagnostics);
  const relationshipTypes = resolveRelationshipTypes(s.relationships, diagnostics);
  checkSchemaTypes(
    [
      ...Object.values(dataTypes).map((t) => [`data type '${t.name}'`, t.properties] as [string, typeof t.properties]),
      ...Object.values(nodeTypes).map((t) => [`node type '${t.name}'`, t.properties] as [string, typeof t.properties]),
      ...Object.values(relationshipTypes).map((t) => [`relationship '${t.name}'`, t.properties] as [string, typeof t.properties]),
    ],
    dataTypes,
    diagnostics,
  );

  const inputs = parseInputs(s.inputs, diagnostics);
  checkSchemaTypes([['input', inputs]], dataTypes, diagnostics);
  const inputValues = resolveInputValues(inputs, options.inputs ?? {}, dataTypes, diagnostics, options);
  const inputNames = new Set(Object.keys(inputs));

  const nodeTemplates = parseNodeTemplates(s.node_templates, { nodeTypes, relationshipTypes, dataTypes, inputValues, inputNames }, diagnostics);
  if (s.node_templates.size === 0 && files.length > 0) {
    // Cloudify requires node_templates in a blueprint that is deployed (not in imported type files).
    if (!main.doc['node_templates']) diagnostics.warning('blueprint.no-nodes', 'the blueprint has no node_templates', { file: main.file, line: 1, column: 1 });
  }

  const resolver: StaticResolver = {
    inputValue: (name) => (inputNames.has(name) ? { found: true, value: inputValues[name] ?? null } : { found: false }),
    nodeExists: (node) => Boolean(nodeTemplates[node]) || s.node_templates.has(node),
    nodeProperty: (node, path) => {
      const t = nodeTemplates[node];
      if (!t || path.length === 0) return { found: false };
      let v: unknown = t.properties;
      for (const step of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[String(step)] : undefined;
      return { found: true, value: (v ?? null) as YamlMap };
    },
  };
  const { scalingGroups, groups, policies } = parseScalingGroups(s.groups, s.policies, nodeTemplates, resolver, diagnostics);

  const plugins = parsePlugins(s.plugins, diagnostics);
  if (options.checkScripts !== false) checkScriptsExist(mainFile, nodeTemplates, plugins, diagnostics);

  const blueprint: Blueprint = {
    dslVersion: version,
    mainFile: main.file,
    metadata: merged.metadata,
    inputs,
    inputValues,
    dataTypes,
    nodeTypes,
    relationshipTypes,
    plugins,
    nodeTemplates,
    workflows: parseWorkflows(s.workflows, diagnostics),
    outputs: parseOutputs(s.outputs, 'output', resolver, diagnostics),
    capabilities: parseOutputs(s.capabilities, 'capability', resolver, diagnostics),
    scalingGroups,
    groups,
    policies,
    labels: resolveLabels(s.labels, resolver, diagnostics),
    blueprintLabels: plainSection(s.blueprint_labels),
    namespacesMapping: merged.namespacesMapping,
    files: files.map((f) => f.file),
  };
  if (merged.description !== undefined) blueprint.description = merged.description;
  if (merged.deploymentSettings) blueprint.deploymentSettings = merged.deploymentSettings;
  return blueprint;
}

/** Deployment labels: `key: { values: [...] }`, values resolved like properties (get_input allowed). */
function resolveLabels(elements: Map<string, Element>, resolver: StaticResolver, diagnostics: Diagnostics): YamlMap {
  const out: YamlMap = {};
  for (const el of elements.values()) {
    const body = el.value;
    if (!isYamlMap(body) || !Array.isArray(body['values'])) {
      diagnostics.error('label.format', `label '${el.name}' needs a list of values`, el.position, `write "${el.name}: { values: [a, b] }"`);
      continue;
    }
    const scope = { where: `label '${el.name}'`, kind: 'other' as const };
    checkFunctions(body['values'], scope, resolver, diagnostics);
    out[el.name] = { ...body, values: resolveStatic(body['values'], scope, resolver) };
  }
  return out;
}

function plainSection(elements: Map<string, Element>): YamlMap {
  const out: YamlMap = {};
  for (const el of elements.values()) out[el.name] = el.value;
  return out;
}

const PLUGIN_KEYS = [
  'executor',
  'source',
  'install',
  'install_arguments',
  'package_name',
  'package_version',
  'supported_platform',
  'distribution',
  'distribution_version',
  'distribution_release',
  'properties_description',
  'properties',
];

function parsePlugins(elements: Map<string, Element>, diagnostics: Diagnostics): Record<string, Plugin> {
  const out: Record<string, Plugin> = {};
  for (const el of elements.values()) {
    const body = el.value ?? {};
    if (!isYamlMap(body)) {
      diagnostics.error('plugin.format', `plugin '${el.name}' must be a mapping`, el.position);
      continue;
    }
    for (const key of Object.keys(body)) {
      if (!PLUGIN_KEYS.includes(key))
        diagnostics.error(
          'plugin.unknown-key',
          `plugin '${el.name}' has unknown key '${key}'`,
          keyPositionOf(body, key),
          `valid keys: ${PLUGIN_KEYS.join(', ')}`,
        );
    }
    const executor = body['executor'];
    if (executor !== undefined && executor !== 'central_deployment_agent' && executor !== 'host_agent') {
      diagnostics.error('plugin.executor', `plugin '${el.name}': executor must be central_deployment_agent or host_agent`, positionOf(body, 'executor'));
    }
    const plugin: Plugin = { name: el.name, properties: isYamlMap(body['properties']) ? body['properties'] : {} };
    if (typeof executor === 'string') plugin.executor = executor;
    if (typeof body['package_name'] === 'string') plugin.packageName = body['package_name'];
    out[el.name] = plugin;
  }
  return out;
}

function parseWorkflows(elements: Map<string, Element>, diagnostics: Diagnostics): Record<string, WorkflowDefinition> {
  const out: Record<string, WorkflowDefinition> = {};
  for (const el of elements.values()) {
    const body = el.value;
    const mapping = typeof body === 'string' ? body : isYamlMap(body) && typeof body['mapping'] === 'string' ? body['mapping'] : undefined;
    if (!mapping) {
      diagnostics.error(
        'workflow.format',
        `workflow '${el.name}' needs a mapping (plugin.module.function)`,
        el.position,
        'write "my_workflow: { mapping: plugin.module.function }"',
      );
      continue;
    }
    const dot = mapping.indexOf('.');
    out[el.name] = {
      name: el.name,
      mapping,
      plugin: dot > 0 ? mapping.slice(0, dot) : mapping,
      parameters: isYamlMap(body) ? parseSchemaMap(body['parameters'] ?? null, `workflow '${el.name}' parameter`, diagnostics) : {},
    };
  }
  return out;
}

function parseOutputs(
  elements: Map<string, Element>,
  kind: 'output' | 'capability',
  resolver: StaticResolver,
  diagnostics: Diagnostics,
): Record<string, OutputDefinition> {
  const out: Record<string, OutputDefinition> = {};
  for (const el of elements.values()) {
    const body = applyNamespace(el.value, el.namespace);
    if (!isYamlMap(body) || !Object.hasOwn(body, 'value')) {
      diagnostics.error(`${kind}.format`, `${kind} '${el.name}' needs a 'value'`, el.position, `write "${el.name}: { value: ... }"`);
      continue;
    }
    for (const key of Object.keys(body)) {
      if (key !== 'value' && key !== 'description')
        diagnostics.error(`${kind}.unknown-key`, `${kind} '${el.name}' has unknown key '${key}'`, keyPositionOf(body, key), 'valid keys: value, description');
    }
    const scope = { where: `${kind} '${el.name}'`, kind: kind === 'output' ? ('output' as const) : ('capability' as const) };
    checkFunctions(body['value'] ?? null, scope, resolver, diagnostics);
    const def: OutputDefinition = { value: resolveStatic(body['value'] ?? null, scope, resolver) };
    if (typeof body['description'] === 'string') def.description = body['description'];
    if (el.position) def.position = el.position;
    out[el.name] = def;
  }
  return out;
}

export type { ElementSection };
