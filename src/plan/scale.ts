/**
 * Scaling a deployment's plan (Cloudify's scale workflow): which instances a scale adds or
 * removes, for nodes and scaling groups, and the plan after it. The update planner reuses the
 * same reconstruction of a plan's scaling units.
 */
import { IsthmusError } from '../errors.js';
import type { DeploymentPlan, PlannedNodeInstance } from './model.js';
import { allToOneTargets, buildUnits, COMPUTE_TYPE, connect, instantiateUnit, type ScalingModel, type UnitInstance } from './instances.js';

/** A scale request refused before anything changes (unknown entity, limits, bad include/exclude). */
export class ScaleError extends IsthmusError {
  override readonly name = 'ScaleError';
  constructor(message: string) {
    super('plan.scale', message);
  }
}

export interface ScaleRequest {
  /** A node or a scaling group. */
  entity: string;
  delta: number;
  /** With a node hosted (transitively) on a Compute: scale that Compute instead. */
  scaleCompute?: boolean;
  includeInstances?: string[];
  excludeInstances?: string[];
}

export interface ScaleResult {
  plan: DeploymentPlan;
  /** Node instances the scale adds (scale-out) or removes (scale-in). */
  added: string[];
  removed: string[];
  /** Scaling-group instances removed (scale-in of a group). */
  removedGroupInstances: string[];
  /** Existing instances that gain or lose relationship instances, with the other end. */
  addedRelationships: Array<{ sourceId: string; targetId: string; type: string }>;
  removedRelationships: Array<{ sourceId: string; targetId: string; type: string }>;
}

export function scalingModelOf(plan: DeploymentPlan): ScalingModel {
  return {
    nodes: plan.nodes.map((n) => ({
      id: n.id,
      ...(n.hostId ? { host: n.hostId } : {}),
      isCompute: n.typeHierarchy.includes(COMPUTE_TYPE),
      scalable: n.scalable,
      relationships: n.relationships,
    })),
    groups: Object.fromEntries(Object.entries(plan.scalingGroups).map(([name, g]) => [name, { members: g.members, scalable: g.scalable }])),
  };
}

/** Rebuilds the unit-instance tree of a stored plan (instances keep their ids). */
export function reconstruct(plan: DeploymentPlan, units: ReturnType<typeof buildUnits>['units']): UnitInstance[] {
  const records = new Map(plan.nodeInstances.map((i) => [i.id, i]));
  const ancestorId = (record: PlannedNodeInstance, key: string | undefined): string | undefined => {
    if (!key) return undefined;
    if (key.startsWith('group:')) return record.scalingGroups.find((g) => g.name === key.slice(6))?.id;
    for (let h = record.hostId; h; h = records.get(h)?.hostId) if (records.get(h)?.nodeId === key) return h;
    return undefined;
  };
  const byId = new Map<string, UnitInstance>();
  const parentIds = new Map<string, string | undefined>();
  for (const record of plan.nodeInstances) {
    const unit = units.get(record.nodeId);
    if (!unit) continue;
    byId.set(record.id, { unit, id: record.id, parent: undefined });
    parentIds.set(record.id, ancestorId(record, unit.parentKey));
    for (const g of record.scalingGroups) {
      if (byId.has(g.id)) continue;
      const gu = units.get(`group:${g.name}`);
      if (!gu) continue;
      byId.set(g.id, { unit: gu, id: g.id, parent: undefined });
      parentIds.set(g.id, ancestorId(record, gu.parentKey));
    }
  }
  for (const [id, inst] of byId) {
    const p = parentIds.get(id);
    inst.parent = p ? byId.get(p) : undefined;
  }
  return [...byId.values()];
}

function descendants(all: UnitInstance[], roots: Set<string>): Set<string> {
  const out = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const i of all)
      if (!out.has(i.id) && i.parent && out.has(i.parent.id)) {
        out.add(i.id);
        grew = true;
      }
  }
  return out;
}

/**
 * A deployment's plan after scaling a node or group by `delta` under each of its parent
 * instances (Cloudify's counts are per host or group instance). Existing instances keep their ids
 * and, for all_to_one, their target; new relationship instances connect new and existing ones.
 */
export function scalePlan(plan: DeploymentPlan, request: ScaleRequest, newId: (prefix: string) => string): ScaleResult {
  const model = scalingModelOf(plan);
  const { units, parentOf } = buildUnits(model);
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  let key: string;
  if (plan.scalingGroups[request.entity]) key = `group:${request.entity}`;
  else if (nodes.has(request.entity)) {
    key = request.entity;
    if (request.scaleCompute) {
      for (let n = nodes.get(key); n; n = n.hostId ? nodes.get(n.hostId) : undefined) {
        if (n.typeHierarchy.includes('cloudify.nodes.Compute')) {
          key = n.id;
          break;
        }
      }
    }
  } else throw new ScaleError(`'${request.entity}' is neither a node nor a scaling group of this deployment`);
  if (!Number.isInteger(request.delta)) throw new ScaleError(`delta must be a whole number, got ${request.delta}`);
  const unit = units.get(key)!;
  const scalable = unit.isGroup ? plan.scalingGroups[unit.name]!.scalable : nodes.get(unit.name)!.scalable;

  const all = reconstruct(plan, units);
  const parents: Array<UnitInstance | undefined> = unit.parentKey ? all.filter((i) => i.unit.key === unit.parentKey) : [undefined];
  const added: string[] = [];
  const removedUnits = new Set<string>();
  const include = new Set(request.includeInstances ?? []);
  const exclude = new Set(request.excludeInstances ?? []);
  if (request.delta > 0 && (include.size > 0 || exclude.size > 0))
    throw new ScaleError('include_instances and exclude_instances apply only when scaling in (delta < 0)');
  for (const parent of parents) {
    const current = all.filter((i) => i.unit === unit && i.parent === parent);
    const target = current.length + request.delta;
    if (target < scalable.minInstances) throw new ScaleError(`scaling '${unit.name}' to ${target} would go below min_instances ${scalable.minInstances}`);
    if (scalable.maxInstances !== -1 && target > scalable.maxInstances)
      throw new ScaleError(`scaling '${unit.name}' to ${target} would go above max_instances ${scalable.maxInstances}`);
    if (request.delta > 0) {
      const created: UnitInstance[] = [];
      instantiateUnit(unit, parent, newId, created, request.delta);
      all.push(...created);
      for (const c of created) if (!c.unit.isGroup) added.push(c.id);
    } else if (request.delta < 0) {
      // Instances named by include_instances (or containing one) go first; excluded ones never.
      const memberOf = (candidate: UnitInstance, ids: Set<string>) => [...descendants(all, new Set([candidate.id]))].some((d) => ids.has(d));
      const eligible = current.filter((c) => !memberOf(c, exclude));
      const ordered = [...eligible.filter((c) => memberOf(c, include)), ...eligible.filter((c) => !memberOf(c, include)).reverse()];
      if (ordered.length < -request.delta)
        throw new ScaleError(`cannot remove ${-request.delta} instance(s) of '${unit.name}': only ${ordered.length} are not excluded`);
      for (const c of ordered.slice(0, -request.delta)) removedUnits.add(c.id);
    }
  }
  const removedAll = descendants(all, removedUnits);
  const kept = all.filter((i) => !removedAll.has(i.id));

  const previousAllToOne = allToOneTargets(model.nodes, plan.nodeInstances);
  const connected = connect(model, kept, parentOf, previousAllToOne);
  if (connected.diagnostics.length > 0) throw new ScaleError(connected.diagnostics[0]!.message);

  const newPlan = withInstances(plan, connected.instances, connected.groupInstances);

  const oldRecords = new Map(plan.nodeInstances.map((i) => [i.id, i]));
  const relKey = (s: string, r: { targetId: string; type: string }) => `${s}\u0000${r.targetId}\u0000${r.type}`;
  const oldRels = new Set(plan.nodeInstances.flatMap((i) => i.relationships.map((r) => relKey(i.id, r))));
  const newRels = new Set(connected.instances.flatMap((i) => i.relationships.map((r) => relKey(i.id, r))));
  const addedRelationships = connected.instances
    .filter((i) => oldRecords.has(i.id))
    .flatMap((i) => i.relationships.filter((r) => !oldRels.has(relKey(i.id, r))).map((r) => ({ sourceId: i.id, targetId: r.targetId, type: r.type })));
  const removedRelationships = plan.nodeInstances
    .filter((i) => !removedAll.has(i.id))
    .flatMap((i) => i.relationships.filter((r) => !newRels.has(relKey(i.id, r))).map((r) => ({ sourceId: i.id, targetId: r.targetId, type: r.type })));
  return {
    plan: newPlan,
    added,
    removed: plan.nodeInstances.filter((i) => removedAll.has(i.id)).map((i) => i.id),
    removedGroupInstances: all.filter((i) => i.unit.isGroup && removedAll.has(i.id)).map((i) => i.id),
    addedRelationships,
    removedRelationships,
  };
}

/** The plan without some node instances (after a scale-in, or to roll back a scale-out). */
export function withoutInstances(plan: DeploymentPlan, ids: Set<string>): DeploymentPlan {
  const instances = plan.nodeInstances.filter((i) => !ids.has(i.id)).map((i) => ({ ...i, relationships: i.relationships.filter((r) => !ids.has(r.targetId)) }));
  const liveGroups = new Set(instances.flatMap((i) => i.scalingGroups.map((g) => g.id)));
  const groupInstances = Object.fromEntries(Object.entries(plan.scalingGroups).map(([name, g]) => [name, g.instanceIds.filter((id) => liveGroups.has(id))]));
  return withInstances(plan, instances, groupInstances);
}

/** A plan with another set of node instances: instance counts and scaling-group instances follow. */
export function withInstances(plan: DeploymentPlan, instances: PlannedNodeInstance[], groupInstances: Record<string, string[]>): DeploymentPlan {
  const counts = new Map<string, number>();
  for (const i of instances) counts.set(i.nodeId, (counts.get(i.nodeId) ?? 0) + 1);
  return {
    ...plan,
    nodes: plan.nodes.map((n) => ({ ...n, numberOfInstances: counts.get(n.id) ?? 0 })),
    nodeInstances: instances,
    scalingGroups: Object.fromEntries(Object.entries(plan.scalingGroups).map(([name, g]) => [name, { ...g, instanceIds: groupInstances[name] ?? [] }])),
  };
}
