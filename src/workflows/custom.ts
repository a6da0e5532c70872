import { findOperation, type YamlMap, type YamlValue } from '../dsl/index.js';
import type { CustomWorkflow } from '../plan/index.js';
import type { BuildContext } from './builtins.js';
import { WorkflowError } from './errors.js';
import { DEFAULT_RETRIES, GraphBuilder, type TaskGraph } from './graph.js';

/*
 * Workflows a blueprint declares (`workflows: {name: {mapping, parameters}}`) whose mapping is one
 * Isthmus implements, by the mapping's name without its plugin: the plugin name is whatever the
 * plugin's type file calls it. Each is a pure graph builder like the built-ins.
 */

type CustomBuilder = (parameters: YamlMap, ctx: BuildContext) => TaskGraph;

/** A list parameter as Cloudify's workflows take it: a list, or a JSON text of one (what the CLI passes). */
function listParameter(value: YamlValue | undefined, name: string): string[] {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v) as YamlValue;
    } catch {
      v = [v];
    }
  }
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new WorkflowError(`parameter '${name}' must be a list of names`, 'parameter-type');
  return v as string[];
}

/**
 * cloudify-utilities-plugin's `customwf`: the listed operations on every instance of the listed
 * nodes, one after another in the order given (node by node, instance by instance, operation by
 * operation); the workflow's other parameters are the operations' inputs.
 */
function customwf(parameters: YamlMap, ctx: BuildContext): TaskGraph {
  const { nodes_to_runon, operations_to_execute, allow_kwargs_override, ...kwargs } = parameters;
  const nodeIds = listParameter(nodes_to_runon, 'nodes_to_runon');
  const operations = listParameter(operations_to_execute, 'operations_to_execute');
  const b = new GraphBuilder(ctx.plan, ctx.retries ?? DEFAULT_RETRIES);
  let previous: string[] = [];
  for (const nodeId of nodeIds) {
    const node = ctx.plan.nodes.find((n) => n.id === nodeId);
    if (!node) throw new WorkflowError(`nodes_to_runon names '${nodeId}', which is not a node of the deployment`, 'unknown-node');
    for (const operation of operations) {
      const op = findOperation(node.interfaces, operation);
      if (!op?.implementation) throw new WorkflowError(`node '${nodeId}' has no operation '${operation}'`, 'unknown-operation');
      const clash = allow_kwargs_override === true ? undefined : Object.keys(kwargs).find((k) => Object.hasOwn(op.inputs, k));
      if (clash)
        throw new WorkflowError(
          `parameter '${clash}' would override the input of ${operation} on node '${nodeId}'; set allow_kwargs_override: true to allow it`,
          'kwargs-override',
        );
    }
    const instances = ctx.plan.nodeInstances.filter((i) => i.nodeId === nodeId).sort((a, c) => a.id.localeCompare(c.id));
    for (const instance of instances) {
      for (const operation of operations) {
        const task = b.operation(instance.id, operation, previous, Object.keys(kwargs).length > 0 ? { inputs: kwargs } : {})!;
        previous = [task.id];
      }
    }
  }
  return { tasks: b.tasks };
}

/**
 * cloudify-ansible-plugin's `reload_ansible_playbook`: the `ansible.reload` operation (the playbook
 * run again) on each Playbook and Executor instance, or those of `node_ids` / `node_instance_ids`,
 * one after another; the workflow's non-empty parameters override the operation's inputs.
 */
function reloadPlaybook(parameters: YamlMap, ctx: BuildContext): TaskGraph {
  const { node_ids, node_instance_ids, ...rest } = parameters;
  const nodeIds = new Set(listParameter(node_ids ?? [], 'node_ids'));
  const instanceIds = new Set(listParameter(node_instance_ids ?? [], 'node_instance_ids'));
  const empty = (v: YamlValue) => v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && Object.keys(v).length === 0);
  const kwargs = Object.fromEntries(Object.entries(rest).filter(([, v]) => !empty(v)));
  const playbookTypes = ['cloudify.nodes.ansible.Playbook', 'cloudify.nodes.ansible.Executor'];
  const b = new GraphBuilder(ctx.plan, ctx.retries ?? DEFAULT_RETRIES);
  let previous: string[] = [];
  for (const instance of [...ctx.plan.nodeInstances].sort((a, c) => a.id.localeCompare(c.id))) {
    const node = ctx.plan.nodes.find((n) => n.id === instance.nodeId);
    if (!node?.typeHierarchy.some((t) => playbookTypes.includes(t))) continue;
    if (nodeIds.size > 0 && !nodeIds.has(node.id)) continue;
    if (instanceIds.size > 0 && !instanceIds.has(instance.id)) continue;
    const task = b.operation(instance.id, 'ansible.reload', previous, Object.keys(kwargs).length > 0 ? { inputs: kwargs } : {});
    if (task) previous = [task.id];
  }
  return { tasks: b.tasks };
}

/** An operation on one instance (node_instance_id) or on every instance of nodes of a type, one after another. */
function onInstancesOf(type: string, operation: string, kwargNames: string[], instanceRequired = false): CustomBuilder {
  return (parameters, ctx) => {
    const only = typeof parameters['node_instance_id'] === 'string' && parameters['node_instance_id'] ? parameters['node_instance_id'] : undefined;
    if (instanceRequired && !only) throw new WorkflowError("this workflow needs the parameter 'node_instance_id'", 'missing-parameter');
    const empty = (v: YamlValue | undefined) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    const kwargs = Object.fromEntries(kwargNames.filter((k) => !empty(parameters[k])).map((k) => [k, parameters[k]!]));
    const b = new GraphBuilder(ctx.plan, ctx.retries ?? DEFAULT_RETRIES);
    let previous: string[] = [];
    let found = false;
    for (const instance of [...ctx.plan.nodeInstances].sort((a, c) => a.id.localeCompare(c.id))) {
      const node = ctx.plan.nodes.find((n) => n.id === instance.nodeId);
      if (only ? instance.id !== only : !node?.typeHierarchy.includes(type)) continue;
      found = true;
      const task = b.operation(instance.id, operation, previous, Object.keys(kwargs).length > 0 ? { inputs: kwargs } : {});
      if (task) previous = [task.id];
    }
    if (only && !found) throw new WorkflowError(`node_instance_id '${only}' is not an instance of the deployment`, 'unknown-instance');
    return { tasks: b.tasks };
  };
}

/**
 * The Kubernetes plugin's `refresh_and_store_token` (its aws-eks blueprint's token rotation), one
 * after another: the cluster node reads its kubeconfig again (poststart), the service account and
 * its token Secret are read again (poststart: the token lands in the Secret node's runtime
 * properties), and the node that stores them runs its create again. Each parameter names a node
 * instance or a node (all its instances), as the plugin's defaults (node names) do.
 */
function refreshAndStoreToken(parameters: YamlMap, ctx: BuildContext): TaskGraph {
  const b = new GraphBuilder(ctx.plan, ctx.retries ?? DEFAULT_RETRIES);
  let previous: string[] = [];
  const steps: Array<[string, string]> = [
    ['kubernetes_cluster_node_instance_id', 'cloudify.interfaces.lifecycle.poststart'],
    ['service_account_node_instance_id', 'cloudify.interfaces.lifecycle.poststart'],
    ['secret_token_node_instance_id', 'cloudify.interfaces.lifecycle.poststart'],
    ['store_token_and_kubeconfig_id', 'cloudify.interfaces.lifecycle.create'],
  ];
  for (const [parameter, operation] of steps) {
    const name = parameters[parameter];
    if (typeof name !== 'string' || !name) continue;
    const instances = ctx.plan.nodeInstances.filter((i) => i.id === name || i.nodeId === name).sort((a, c) => a.id.localeCompare(c.id));
    if (instances.length === 0)
      throw new WorkflowError(`${parameter} names '${name}', which is neither a node nor a node instance of the deployment`, 'unknown-node');
    for (const instance of instances) {
      const task = b.operation(instance.id, operation, previous, {});
      if (task) previous = [task.id];
    }
  }
  return { tasks: b.tasks };
}

const CUSTOM_BUILDERS: Record<string, CustomBuilder> = {
  'cloudify_kubernetes.workflows.refresh_and_store_token': refreshAndStoreToken,
  // The Kubernetes plugin's: the instance's update operation with the changes merged into its definition.
  'cloudify_kubernetes.workflows.update_resource_definition': onInstancesOf('', 'cloudify.interfaces.lifecycle.update', ['resource_definition_changes'], true),
  'cloudify_helm.workflows.upgrade_release': onInstancesOf('cloudify.nodes.helm.Release', 'helm.upgrade_release', [
    'chart',
    'flags',
    'set_values',
    'values_file',
  ]),
  'cloudify_helm.workflows.update_repositories': onInstancesOf('cloudify.nodes.helm.Repo', 'helm.update_repo', ['flags']),
  'cloudify_custom_workflow.tasks.customwf': customwf,
  'cloudify_ansible.workflows.reload_playbook': reloadPlaybook,
};

/**
 * Blueprint workflows that change the deployment (they scale it), so the engine starts them from
 * the deployment's state rather than from a graph alone (engine/scale-list.ts).
 */
export const SCALE_LIST_TASKS: readonly string[] = ['cloudify_scalelist.workflows.scaleuplist', 'cloudify_scalelist.workflows.scaledownlist'];

/** The mappings (without their plugin) of the blueprint workflows Isthmus runs. */
export const CUSTOM_WORKFLOW_TASKS = [...Object.keys(CUSTOM_BUILDERS), ...SCALE_LIST_TASKS];

/**
 * A blueprint workflow's parameters: its declared defaults under the given ones. An undeclared
 * parameter or a missing required one is refused, as Cloudify refuses them.
 */
export function workflowParameters(name: string, workflow: CustomWorkflow, given: YamlMap): YamlMap {
  const parameters: YamlMap = {};
  for (const [key, declared] of Object.entries(workflow.parameters)) if ('default' in declared) parameters[key] = declared.default ?? null;
  for (const [key, value] of Object.entries(given)) {
    if (!Object.hasOwn(workflow.parameters, key))
      throw new WorkflowError(
        `${name} has no parameter '${key}'; its parameters: ${Object.keys(workflow.parameters).join(', ') || 'none'}`,
        'unknown-parameter',
      );
    parameters[key] = value;
  }
  const missing = Object.entries(workflow.parameters).find(([key, declared]) => declared.required && !Object.hasOwn(parameters, key));
  if (missing) throw new WorkflowError(`${name} needs the parameter '${missing[0]}'`, 'missing-parameter');
  return parameters;
}

/** Builds a blueprint workflow's graph from its parameters (see workflowParameters) and its implementation. */
export function customWorkflowGraph(name: string, workflow: CustomWorkflow, given: YamlMap, ctx: BuildContext): TaskGraph {
  const builder = Object.hasOwn(CUSTOM_BUILDERS, workflow.task) ? CUSTOM_BUILDERS[workflow.task] : undefined;
  if (!builder)
    throw new WorkflowError(
      `the blueprint's workflow '${name}' maps to ${workflow.plugin}.${workflow.task}, which Isthmus does not run (it runs the built-in workflows and ${CUSTOM_WORKFLOW_TASKS.join(', ')})`,
      'unsupported-workflow',
    );
  return builder(workflowParameters(name, workflow, given), ctx);
}
