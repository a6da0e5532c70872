import { IsthmusError } from '../errors.js';
import { isDeepStrictEqual } from 'node:util';
import type { DeploymentPlan, PlannedNode } from './model.js';
import { allToOneTargets, buildUnits, connect, type Unit, type UnitInstance } from './instances.js';
import { reconstruct, scalingModelOf, withInstances } from './scale.js';

/** An update the planner cannot express (e.g. a node moved to another host). */
export class UpdateError extends IsthmusError {
  override readonly name = 'UpdateError';
  constructor(message: string) {
    super('plan.update', message);
  }
}

export type RelationshipRef = { sourceId: string; targetId: string; type: string };

/** Deployment update steps, as Cloudify's deployment update reports them. */
export interface UpdateStep {
  action: 'add' | 'remove' | 'modify';
  entity: 'node' | 'relationship' | 'output' | 'input' | 'plugin' | 'workflow';
  name: string;
  detail?: string;
}

export interface UpdateDiff {
  /** The plan an update execution runs with: new definitions, plus removed nodes until they are uninstalled. */
  plan: DeploymentPlan;
  /** The plan once the update succeeded. */
  finalPlan: DeploymentPlan;
  addedNodes: string[];
  removedNodes: string[];
  modifiedNodes: string[];
  addedInstances: string[];
  removedInstances: string[];
  addedRelationships: RelationshipRef[];
  removedRelationships: RelationshipRef[];
  steps: UpdateStep[];
}

/** Operations as they behave: where they were written (source positions) does not count. */
function operationsOf(ifaces: PlannedNode['interfaces']) {
  return Object.fromEntries(
    Object.entries(ifaces).map(([iface, ops]) => [
      iface,
      Object.fromEntries(
        Object.entries(ops).map(([name, op]) => [
          name,
          {
            implementation: op.implementation,
            inputs: op.inputs,
            executor: op.executor ?? null,
            maxRetries: op.maxRetries ?? null,
            retryInterval: op.retryInterval ?? null,
            timeout: op.timeout ?? null,
          },
        ]),
      ),
    ]),
  );
}

/** What makes a node "modified": its definition, not its instances or source positions. */
function nodeSignature(n: PlannedNode) {
  return {
    type: n.type,
    properties: n.properties,
    interfaces: operationsOf(n.interfaces),
    host: n.hostId ?? null,
    relationships: n.relationships.map((r) => ({
      type: r.type,
      target: r.target,
      properties: r.properties,
      connectionType: r.connectionType,
      source: operationsOf(r.sourceInterfaces),
      target_interfaces: operationsOf(r.targetInterfaces),
    })),
  };
}

/**
 * Diffs a deployment's plan against a freshly planned new blueprint/inputs (Cloudify's
 * deployment update): nodes added, removed and modified; existing instances keep their ids, new
 * nodes get instances under their (existing or new) parents, relationships are recomputed.
 */
export function diffPlans(oldPlan: DeploymentPlan, fresh: DeploymentPlan, newId: (prefix: string) => string): UpdateDiff {
  const oldNodes = new Map(oldPlan.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(fresh.nodes.map((n) => [n.id, n]));
  const addedNodes = fresh.nodes.filter((n) => !oldNodes.has(n.id)).map((n) => n.id);
  const removedNodes = oldPlan.nodes.filter((n) => !newNodes.has(n.id)).map((n) => n.id);
  const common = fresh.nodes.filter((n) => oldNodes.has(n.id));
  for (const n of common) {
    const before = oldNodes.get(n.id)!;
    if ((before.hostId ?? null) !== (n.hostId ?? null)) {
      throw new UpdateError(
        `node '${n.id}' moves from host '${before.hostId ?? '(none)'}' to '${n.hostId ?? '(none)'}'; an update cannot move instances — rename the node to replace it`,
      );
    }
  }
  if (
    !isDeepStrictEqual(
      Object.fromEntries(Object.entries(oldPlan.scalingGroups).map(([k, g]) => [k, g.members])),
      Object.fromEntries(Object.entries(fresh.scalingGroups).map(([k, g]) => [k, g.members])),
    )
  ) {
    throw new UpdateError('scaling groups differ; changing groups in an update is not supported yet — scale or reinstall instead');
  }
  const modifiedNodes = common.filter((n) => !isDeepStrictEqual(nodeSignature(n), nodeSignature(oldNodes.get(n.id)!))).map((n) => n.id);

  // Unit instances: existing ones of kept nodes (and their groups), then new nodes under their parents.
  const model = scalingModelOf(fresh);
  const { units, parentOf } = buildUnits(model);
  const kept = reconstruct({ ...oldPlan, nodeInstances: oldPlan.nodeInstances.filter((i) => newNodes.has(i.nodeId)) }, units);
  const all: UnitInstance[] = [...kept];
  const added: string[] = [];
  const isNew = (u: Unit) => !u.isGroup && addedNodes.includes(u.name);
  const instantiateNew = (unit: Unit, parent: UnitInstance | undefined) => {
    for (let i = 0; i < unit.count; i++) {
      const inst: UnitInstance = { unit, id: newId(unit.name), parent };
      all.push(inst);
      added.push(inst.id);
      for (const child of unit.children) {
        if (isNew(child)) instantiateNew(child, inst);
        else if (!child.isGroup) throw new UpdateError(`node '${child.name}' would be hosted on new node '${unit.name}'`);
      }
    }
  };
  for (const unit of units.values()) {
    if (!isNew(unit)) continue;
    const parentUnit = unit.parentKey ? units.get(unit.parentKey) : undefined;
    if (parentUnit && isNew(parentUnit)) continue; // created with its parent
    const parents: Array<UnitInstance | undefined> = unit.parentKey ? kept.filter((k) => k.unit.key === unit.parentKey) : [undefined];
    for (const p of parents) instantiateNew(unit, p);
  }
  // all_to_one keeps the target it had, for nodes that stay.
  const previousAllToOne = allToOneTargets(
    model.nodes.filter((n) => oldNodes.has(n.id)),
    oldPlan.nodeInstances,
  );
  const connected = connect(model, all, parentOf, previousAllToOne);
  if (connected.diagnostics.length > 0) throw new UpdateError(connected.diagnostics[0]!.message);

  const removedInstances = oldPlan.nodeInstances.filter((i) => !newNodes.has(i.nodeId));
  const key = (s: string, r: { targetId: string; type: string }) => `${s}\u0000${r.targetId}\u0000${r.type}`;
  const oldRels = new Set(oldPlan.nodeInstances.flatMap((i) => i.relationships.map((r) => key(i.id, r))));
  const newRels = new Set(connected.instances.flatMap((i) => i.relationships.map((r) => key(i.id, r))));
  const addedSet = new Set(added);
  const addedRelationships = connected.instances
    .filter((i) => !addedSet.has(i.id))
    .flatMap((i) =>
      i.relationships
        .filter((r) => !addedSet.has(r.targetId) && !oldRels.has(key(i.id, r)))
        .map((r) => ({ sourceId: i.id, targetId: r.targetId, type: r.type })),
    );
  const removedRelationships = oldPlan.nodeInstances
    .filter((i) => newNodes.has(i.nodeId))
    .flatMap((i) => i.relationships.filter((r) => !newRels.has(key(i.id, r))).map((r) => ({ sourceId: i.id, targetId: r.targetId, type: r.type })));

  const finalPlan = withInstances(fresh, connected.instances, connected.groupInstances);
  const counts = new Map(finalPlan.nodes.map((n) => [n.id, n.numberOfInstances]));
  // While the update runs, kept nodes also carry the relationships they lose, so those can be unlinked.
  const plan: DeploymentPlan = {
    ...finalPlan,
    nodes: [
      ...finalPlan.nodes.map((n) => {
        const before = oldNodes.get(n.id);
        const lost = before?.relationships.filter((r) => !n.relationships.some((x) => x.type === r.type && x.target === r.target)) ?? [];
        return lost.length > 0 ? { ...n, relationships: [...n.relationships, ...lost] } : n;
      }),
      ...oldPlan.nodes.filter((n) => removedNodes.includes(n.id)),
    ],
    nodeInstances: [...finalPlan.nodeInstances, ...removedInstances],
    plugins: { ...oldPlan.plugins, ...fresh.plugins },
  };

  const steps: UpdateStep[] = [
    ...addedNodes.map((n): UpdateStep => ({ action: 'add', entity: 'node', name: n, detail: `${counts.get(n) ?? 0} instance(s)` })),
    ...removedNodes.map((n): UpdateStep => ({ action: 'remove', entity: 'node', name: n })),
    ...modifiedNodes.map((n): UpdateStep => ({ action: 'modify', entity: 'node', name: n, detail: changedParts(oldNodes.get(n)!, newNodes.get(n)!) })),
    ...addedRelationships.map((r): UpdateStep => ({ action: 'add', entity: 'relationship', name: `${r.sourceId} -> ${r.targetId}`, detail: r.type })),
    ...removedRelationships.map((r): UpdateStep => ({ action: 'remove', entity: 'relationship', name: `${r.sourceId} -> ${r.targetId}`, detail: r.type })),
    ...diffKeys(outputValues(oldPlan.outputs), outputValues(fresh.outputs), 'output'),
    ...diffKeys(oldPlan.inputs, fresh.inputs, 'input'),
    ...diffKeys(oldPlan.plugins, fresh.plugins, 'plugin'),
  ];
  return {
    plan,
    finalPlan,
    addedNodes,
    removedNodes,
    modifiedNodes,
    addedInstances: added.filter((id) => connected.instances.some((i) => i.id === id)),
    removedInstances: removedInstances.map((i) => i.id),
    addedRelationships,
    removedRelationships,
    steps,
  };
}

function outputValues(outputs: DeploymentPlan['outputs']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, { value: o.value, description: o.description ?? null }]));
}

function changedParts(a: PlannedNode, b: PlannedNode): string {
  const sa = nodeSignature(a);
  const sb = nodeSignature(b);
  return (Object.keys(sa) as Array<keyof typeof sa>).filter((k) => !isDeepStrictEqual(sa[k], sb[k])).join(', ');
}

function diffKeys(a: Record<string, unknown>, b: Record<string, unknown>, entity: UpdateStep['entity']): UpdateStep[] {
  const out: UpdateStep[] = [];
  for (const k of Object.keys(b)) if (!(k in a)) out.push({ action: 'add', entity, name: k });
  for (const k of Object.keys(a)) if (!(k in b)) out.push({ action: 'remove', entity, name: k });
  for (const k of Object.keys(b)) if (k in a && !isDeepStrictEqual(a[k], b[k])) out.push({ action: 'modify', entity, name: k });
  return out;
}
