import { parseSchedules } from './schedules.js';
import type { Blueprint, YamlValue } from '../dsl/index.js';
import { cycleDiagnostic, findNodeCycle } from './graph.js';
import { createIdGenerator } from './ids.js';
import { COMPUTE_TYPE, planInstancesOf } from './instances.js';
import type { DeploymentPlan, PlannedNode, UnsupportedOperation } from './model.js';
import { computeHostOf, EMPTY_PLUGIN_CATALOG, hostOsOf, unsupportedReason, type PluginCatalog } from './operations.js';
import { PlanError } from './errors.js';

export interface PlanOptions {
  /** Seed for instance ids (reproducible plans in tests and PR comments). */
  seed?: string;
  catalog?: PluginCatalog;
}

/** Turns a loaded blueprint into a deployment plan: node instances, relationship instances, what can run. */
export function planDeployment(blueprint: Blueprint, options: PlanOptions = {}): DeploymentPlan {
  const cycle = findNodeCycle(blueprint);
  if (cycle) throw new PlanError([cycleDiagnostic(blueprint, cycle)]);
  const newId = createIdGenerator(options.seed);
  const { instances, groupInstances, diagnostics } = planInstancesOf(
    {
      nodes: Object.values(blueprint.nodeTemplates).map((t) => ({
        id: t.id,
        ...(t.host ? { host: t.host } : {}),
        isCompute: t.hierarchy.includes(COMPUTE_TYPE),
        scalable: t.scalable,
        relationships: t.relationships,
      })),
      groups: blueprint.scalingGroups,
    },
    newId,
  );
  const scheduled = parseSchedules(blueprint.deploymentSettings?.['default_schedules']);
  for (const message of scheduled.errors)
    diagnostics.push({
      code: 'deployment_settings.schedule',
      severity: 'error',
      message,
      hint: "Cloudify's form: {workflow, since, until, recurrence, count, weekdays, workflow_parameters}",
      position: { file: blueprint.mainFile, line: 1, column: 1 },
    });
  if (diagnostics.length > 0) throw new PlanError(diagnostics);

  const counts = new Map<string, number>();
  for (const i of instances) counts.set(i.nodeId, (counts.get(i.nodeId) ?? 0) + 1);
  const catalog = options.catalog ?? EMPTY_PLUGIN_CATALOG;
  const unsupported: UnsupportedOperation[] = [];
  const templates = new Map(
    Object.values(blueprint.nodeTemplates).map((t) => [t.id, { typeHierarchy: t.hierarchy, properties: t.properties, ...(t.host ? { hostId: t.host } : {}) }]),
  );
  const hostOf = (id: string) => computeHostOf(id, templates);
  const nodes: PlannedNode[] = Object.values(blueprint.nodeTemplates).map((t) => {
    const node: PlannedNode = {
      id: t.id,
      type: t.type,
      typeHierarchy: t.hierarchy,
      properties: t.properties,
      interfaces: t.interfaces,
      relationships: t.relationships,
      scalable: t.scalable,
      numberOfInstances: counts.get(t.id) ?? 0,
    };
    if (t.host) node.hostId = t.host;
    const check = (ifaces: typeof t.interfaces, prefix: string, host: string | undefined) => {
      for (const [iface, ops] of Object.entries(ifaces)) {
        for (const [name, op] of Object.entries(ops)) {
          const reason = unsupportedReason(op, blueprint.plugins, catalog, host, hostOsOf(host, templates));
          if (reason) unsupported.push({ node: t.id, operation: `${prefix}${iface}.${name}`, implementation: op.implementation, reason });
        }
      }
    };
    check(t.interfaces, '', hostOf(t.id));
    for (const rel of t.relationships) {
      check(rel.sourceInterfaces, `relationship ${rel.target} source: `, hostOf(t.id));
      check(rel.targetInterfaces, `relationship ${rel.target} target: `, hostOf(rel.target));
    }
    return node;
  });

  return {
    planVersion: 1,
    dslVersion: blueprint.dslVersion,
    mainFile: blueprint.mainFile,
    inputs: blueprint.inputValues,
    nodes,
    nodeInstances: instances,
    scalingGroups: Object.fromEntries(
      Object.values(blueprint.scalingGroups).map((g) => [g.name, { members: g.members, scalable: g.scalable, instanceIds: groupInstances[g.name] ?? [] }]),
    ),
    outputs: blueprint.outputs,
    capabilities: blueprint.capabilities,
    workflows: Object.keys(blueprint.workflows),
    customWorkflows: Object.fromEntries(
      Object.values(blueprint.workflows).map((w) => [
        w.name,
        {
          plugin: w.plugin,
          task: w.mapping.slice(w.plugin.length + 1),
          parameters: Object.fromEntries(
            Object.entries(w.parameters).map(([name, p]) => [
              name,
              { ...(p.hasDefault ? { default: p.default ?? null } : {}), required: p.required && !p.hasDefault },
            ]),
          ),
        },
      ]),
    ),
    plugins: blueprint.plugins,
    labels: Object.fromEntries(
      Object.entries(blueprint.labels).map(([k, v]) => [k, Array.isArray((v as { values?: unknown }).values) ? (v as { values: YamlValue[] }).values : []]),
    ),
    unsupported,
    ...(Object.keys(scheduled.schedules).length > 0 ? { schedules: scheduled.schedules } : {}),
  };
}
