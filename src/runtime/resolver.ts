import { attributeOf, dig, evaluateFunctions, FunctionEvaluationError, type RuntimeResolver, type YamlMap, type YamlValue } from '../dsl/index.js';
import type { DeploymentPlan, PlannedNode } from '../plan/index.js';
import type { DeploymentRecord, NodeInstanceRecord, StateStore } from '../state/index.js';
import { Redactor } from './redact.js';
import type { SecretsProvider } from './secrets.js';

export interface ResolverScope {
  store: StateStore;
  deployment: DeploymentRecord;
  secrets: SecretsProvider;
  /** Secret values read, so logs and events can mask them. */
  onSecret: (value: string) => void;
  /** Live views of the instances an operation runs on (their runtime properties may have changed). */
  self?: { instance: { id: string; runtimeProperties: YamlMap }; nodeId: string };
  source?: { instance: { id: string; runtimeProperties: YamlMap }; nodeId: string };
  target?: { instance: { id: string; runtimeProperties: YamlMap }; nodeId: string };
  /** Guards get_capability recursion between deployments. */
  depth?: number;
}

/**
 * Evaluates functions against a deployment's stored state (Cloudify semantics): get_attribute
 * looks at runtime properties, then node properties; a node name resolves to its only
 * instance, or to the one the current instance is related to or hosted on.
 */
export function deploymentResolver(scope: ResolverScope): RuntimeResolver {
  const plan: DeploymentPlan = scope.deployment.plan;
  // Inputs a Component's parent filled from its secrets: get_input resolved many of them into the
  // plan already (outputs, properties, operation inputs), so their values are masked from the start.
  for (const name of scope.deployment.sensitiveInputs ?? []) maskAll(plan.inputs[name] ?? null, scope.onSecret);
  const nodes = new Map<string, PlannedNode>(plan.nodes.map((n) => [n.id, n]));
  let instances: Promise<NodeInstanceRecord[]> | undefined;
  const allInstances = () => (instances ??= scope.store.listNodeInstances(scope.deployment.id));
  const nodeOf = (id: string): PlannedNode => {
    const n = nodes.get(id);
    if (!n) throw new FunctionEvaluationError(`node '${id}' does not exist in deployment '${scope.deployment.id}'`);
    return n;
  };
  const special = (ref: string) => (ref === 'SELF' ? scope.self : ref === 'SOURCE' ? scope.source : ref === 'TARGET' ? scope.target : undefined);

  const instanceOfNode = async (nodeId: string): Promise<{ id: string; runtimeProperties: YamlMap }> => {
    const candidates = (await allInstances()).filter((i) => i.nodeId === nodeId);
    if (candidates.length === 1) return candidates[0]!;
    const selfId = scope.self?.instance.id;
    const planned = plan.nodeInstances.find((i) => i.id === selfId);
    const related = planned?.relationships.filter((r) => r.targetNode === nodeId).map((r) => r.targetId) ?? [];
    const byRelationship = candidates.filter((c) => related.includes(c.id));
    if (byRelationship.length === 1) return byRelationship[0]!;
    let host = planned?.hostId;
    while (host) {
      const h = candidates.find((c) => c.id === host);
      if (h) return h;
      host = plan.nodeInstances.find((i) => i.id === host)?.hostId;
    }
    if (candidates.length === 0) throw new FunctionEvaluationError(`node '${nodeId}' has no instances`);
    throw new FunctionEvaluationError(`get_attribute of node '${nodeId}' is ambiguous: it has ${candidates.length} instances and none is related to this one`);
  };

  const resolver: RuntimeResolver = {
    async attribute(ref, path) {
      const s = special(ref);
      if (ref === 'SELF' || ref === 'SOURCE' || ref === 'TARGET') {
        if (!s) throw new FunctionEvaluationError(`${ref} has no meaning here`);
        return attributeOf(s.instance.runtimeProperties, nodeOf(s.nodeId).properties, path);
      }
      const inst = await instanceOfNode(ref);
      return attributeOf(inst.runtimeProperties, nodeOf(ref).properties, path);
    },
    async attributesList(node, path) {
      const n = nodeOf(node);
      return (await allInstances())
        .filter((i) => i.nodeId === node)
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((i) => attributeOf(i.runtimeProperties, n.properties, path));
    },
    async attributesDict(node, attributes) {
      const n = nodeOf(node);
      const out: YamlMap = {};
      for (const i of (await allInstances()).filter((x) => x.nodeId === node)) {
        const entry: YamlMap = {};
        for (const a of attributes) entry[String(a)] = attributeOf(i.runtimeProperties, n.properties, [a]);
        out[i.id] = entry;
      }
      return out;
    },
    async property(ref, path) {
      const s = special(ref);
      const nodeId = s ? s.nodeId : ref;
      return evaluateFunctions(dig(nodeOf(nodeId).properties, path), resolver);
    },
    async input(name, path) {
      if (!Object.hasOwn(plan.inputs, name)) throw new FunctionEvaluationError(`input '${name}' does not exist`);
      return evaluateFunctions(dig(plan.inputs[name] ?? null, path), resolver);
    },
    async secret(name, path) {
      const value = await scope.secrets.get(name);
      if (value === undefined) throw new FunctionEvaluationError(`secret '${name}' is not set`);
      maskAll(value, scope.onSecret);
      return dig(value, path);
    },
    async capability(deploymentId, capability, path) {
      if ((scope.depth ?? 0) > 5) throw new FunctionEvaluationError('get_capability chain is too deep');
      const other = await scope.store.getDeployment(deploymentId);
      if (!other) throw new FunctionEvaluationError(`deployment '${deploymentId}' does not exist`);
      const def = other.plan.capabilities[capability];
      if (!def) throw new FunctionEvaluationError(`deployment '${deploymentId}' has no capability '${capability}'`);
      const value = await evaluateFunctions(
        def.value,
        deploymentResolver({ ...scope, deployment: other, self: undefined, source: undefined, target: undefined, depth: (scope.depth ?? 0) + 1 }),
      );
      return dig(value, path);
    },
    async environmentCapability(capability, path) {
      // Cloudify's environment is the deployment that created this one as a Component.
      const parent = scope.deployment.parent;
      if (!parent)
        throw new FunctionEvaluationError(
          `get_environment_capability '${capability}': deployment '${scope.deployment.id}' was not created by a Component, so it has no parent environment; use get_capability with a deployment id`,
        );
      return resolver.capability(parent.deploymentId, capability, path);
    },
    async sys(entity, property) {
      if (entity === 'deployment' && property === 'id') return scope.deployment.id;
      if (entity === 'deployment' && (property === 'blueprint' || property === 'blueprint_id')) return scope.deployment.blueprintFile;
      if (entity === 'deployment' && property === 'owner') return 'isthmus';
      if (entity === 'tenant' && property === 'name') return 'default_tenant';
      throw new FunctionEvaluationError(`get_sys [${entity}, ${property}] is not known`);
    },
    async label(key, index) {
      // get_label (DSL 1_5): the values of a deployment label, or one of them by index.
      const values = plan.labels?.[key];
      if (!values) throw new FunctionEvaluationError(`the deployment has no label '${key}'`);
      return index === undefined ? values : (values[index] ?? null);
    },
  };
  return resolver;
}

function maskAll(value: YamlValue, onSecret: (v: string) => void): void {
  if (typeof value === 'string' && value.length >= 3) onSecret(value);
  else if (typeof value === 'number' && String(value).length >= 3) onSecret(String(value));
  else if (Array.isArray(value)) for (const v of value) maskAll(v, onSecret);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) maskAll(v, onSecret);
}

/** Evaluates a deployment's outputs (or capabilities) against its current state. */
export async function evaluateDeploymentOutputs(
  store: StateStore,
  deployment: DeploymentRecord,
  secrets: SecretsProvider,
  which: 'outputs' | 'capabilities' = 'outputs',
): Promise<YamlMap> {
  // Secrets a value reads are masked: outputs end up in PR comments and job summaries.
  const redactor = new Redactor();
  const resolver = deploymentResolver({ store, deployment, secrets, onSecret: (v) => redactor.add(v) });
  const out: YamlMap = {};
  for (const [name, def] of Object.entries(deployment.plan[which])) {
    try {
      out[name] = await evaluateFunctions(def.value, resolver);
    } catch (err) {
      out[name] = null;
      if (!(err instanceof FunctionEvaluationError)) throw err;
    }
  }
  return redactor.redactValue(out);
}
