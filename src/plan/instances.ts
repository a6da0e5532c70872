import { CONTAINED_IN as CONTAINED_IN_TYPE, type BlueprintDiagnostic, type NodeRelationship, type ScalableProperties } from '../dsl/index.js';
import type { PlannedNodeInstance, PlannedRelationshipInstance } from './model.js';

/** What instance multiplication needs of a node: shared by blueprints and stored plans. */
export interface ScalingNode {
  id: string;
  host?: string;
  /** A `cloudify.nodes.Compute` (or subtype): the host of everything contained in it, in Cloudify's meaning. */
  isCompute?: boolean;
  scalable: ScalableProperties;
  relationships: NodeRelationship[];
}

export interface ScalingModel {
  nodes: ScalingNode[];
  groups: Record<string, { members: string[]; scalable: ScalableProperties }>;
}

/** A scaling unit: a node template or a scaling group; units nest (hosts, groups). */
export interface Unit {
  key: string;
  name: string;
  isGroup: boolean;
  count: number;
  children: Unit[];
  parentKey?: string;
}

export interface UnitInstance {
  unit: Unit;
  id: string;
  parent: UnitInstance | undefined;
}

const groupKey = (name: string) => `group:${name}`;

/** Cloudify's machine type: instances contained in one run host-agent operations on it. */
export const COMPUTE_TYPE = 'cloudify.nodes.Compute';

/**
 * The unit tree (Cloudify's dsl_parser/multi_instance.py): a node in a scaling group scales
 * with the group; a group whose members are hosted outside it is hosted there; contained_in
 * children scale with their host.
 */
export function buildUnits(model: ScalingModel): { units: Map<string, Unit>; roots: Unit[]; parentOf: (key: string) => string | undefined } {
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const groupOfMember = new Map<string, string>();
  for (const [name, g] of Object.entries(model.groups)) for (const m of g.members) groupOfMember.set(m, name);
  const memberCache = new Map<string, Set<string>>();
  const membersDeep = (group: string): Set<string> => {
    const cached = memberCache.get(group);
    if (cached) return cached;
    const out = new Set<string>();
    memberCache.set(group, out);
    for (const m of model.groups[group]?.members ?? []) {
      if (model.groups[m]) for (const x of membersDeep(m)) out.add(x);
      else out.add(m);
    }
    // Nodes contained in a member are inside the group too.
    let grew = true;
    while (grew) {
      grew = false;
      for (const n of model.nodes)
        if (!out.has(n.id) && n.host && out.has(n.host)) {
          out.add(n.id);
          grew = true;
        }
    }
    return out;
  };
  const parentOf = (key: string): string | undefined => {
    if (key.startsWith('group:')) {
      const name = key.slice(6);
      const outer = groupOfMember.get(name);
      if (outer) return groupKey(outer);
      const inside = membersDeep(name);
      for (const m of inside) {
        const host = nodes.get(m)?.host;
        if (host && !inside.has(host)) return host;
      }
      return undefined;
    }
    const group = groupOfMember.get(key);
    if (group) return groupKey(group);
    return nodes.get(key)?.host;
  };
  const units = new Map<string, Unit>();
  for (const n of model.nodes) units.set(n.id, { key: n.id, name: n.id, isGroup: false, count: n.scalable.defaultInstances, children: [] });
  for (const [name, g] of Object.entries(model.groups))
    units.set(groupKey(name), { key: groupKey(name), name, isGroup: true, count: g.scalable.defaultInstances, children: [] });
  const roots: Unit[] = [];
  for (const [key, unit] of units) {
    const parent = parentOf(key);
    if (parent && units.has(parent)) {
      unit.parentKey = parent;
      units.get(parent)!.children.push(unit);
    } else roots.push(unit);
  }
  return { units, roots, parentOf };
}

/** Creates `unit.count` instances of a unit (and its subtree) under `parent`. */
export function instantiateUnit(
  unit: Unit,
  parent: UnitInstance | undefined,
  newId: (prefix: string) => string,
  out: UnitInstance[],
  count = unit.count,
): void {
  for (let i = 0; i < count; i++) {
    const inst: UnitInstance = { unit, id: newId(unit.name), parent };
    out.push(inst);
    for (const child of unit.children) instantiateUnit(child, inst, newId, out);
  }
}

export interface InstanceResult {
  instances: PlannedNodeInstance[];
  groupInstances: Record<string, string[]>;
  diagnostics: BlueprintDiagnostic[];
}

/** Node instances of a fresh deployment. */
export function planInstancesOf(model: ScalingModel, newId: (prefix: string) => string): InstanceResult {
  const { roots, parentOf } = buildUnits(model);
  const all: UnitInstance[] = [];
  for (const root of roots) instantiateUnit(root, undefined, newId, all);
  return connect(model, all, parentOf, new Map());
}

/**
 * Relationship instances for a set of unit instances: contained_in to the host instance,
 * all_to_all to every target instance (only those in the same instance of a scaling group both
 * nodes share), all_to_one to one target instance (kept stable across modifications).
 */
export function connect(
  model: ScalingModel,
  all: UnitInstance[],
  parentOf: (key: string) => string | undefined,
  previousAllToOne: Map<string, string>,
): InstanceResult {
  const diagnostics: BlueprintDiagnostic[] = [];
  const byNode = new Map<string, UnitInstance[]>();
  const groupInstances: Record<string, string[]> = {};
  for (const inst of all) {
    if (inst.unit.isGroup) {
      groupInstances[inst.unit.name] ??= [];
      groupInstances[inst.unit.name]!.push(inst.id);
    } else {
      const list = byNode.get(inst.unit.name) ?? [];
      list.push(inst);
      byNode.set(inst.unit.name, list);
    }
  }
  // The groups whose instance holds this one directly (nested groups included), up to its host:
  // a group that holds the host is the host's, not this instance's (as Cloudify lists them).
  const groupAncestors = (inst: UnitInstance): Array<{ name: string; id: string }> => {
    const out: Array<{ name: string; id: string }> = [];
    for (let p = inst.parent; p?.unit.isGroup; p = p.parent) out.push({ name: p.unit.name, id: p.id });
    return out;
  };
  const hostInstance = (inst: UnitInstance): UnitInstance | undefined => {
    for (let p = inst.parent; p; p = p.parent) if (!p.unit.isGroup) return p;
    return undefined;
  };
  const groupChain = (node: string): string[] => {
    const out: string[] = [];
    for (let key = parentOf(node); key; key = parentOf(key)) if (key.startsWith('group:')) out.push(key.slice(6));
    return out;
  };
  const groupInstanceOf = (x: UnitInstance, group: string) => {
    for (let p = x.parent; p; p = p.parent) if (p.unit.isGroup && p.unit.name === group) return p.id;
    return undefined;
  };

  const computes = new Set(model.nodes.filter((n) => n.isCompute).map((n) => n.id));
  // Cloudify's host_id: the instance itself when it is a Compute, else its nearest Compute ancestor.
  const computeHost = (inst: UnitInstance): UnitInstance | undefined => {
    for (let x: UnitInstance | undefined = inst; x; x = hostInstance(x)) if (computes.has(x.unit.name)) return x;
    return undefined;
  };
  const instances: PlannedNodeInstance[] = [];
  const records = new Map<string, PlannedNodeInstance>();
  for (const [node, list] of byNode) {
    for (const inst of list) {
      const rec: PlannedNodeInstance = { id: inst.id, nodeId: node, relationships: [], scalingGroups: groupAncestors(inst) };
      const host = hostInstance(inst);
      if (host) rec.hostId = host.id;
      const compute = computeHost(inst);
      if (compute) rec.computeHostId = compute.id;
      instances.push(rec);
      records.set(inst.id, rec);
    }
  }
  for (const node of model.nodes) {
    const sources = byNode.get(node.id) ?? [];
    node.relationships.forEach((rel, index) => {
      const targets = byNode.get(rel.target) ?? [];
      const isContainedIn = rel.hierarchy.includes(CONTAINED_IN_TYPE);
      const targetChain = groupChain(rel.target);
      const sharedGroup = groupChain(node.id).find((g) => targetChain.includes(g));
      if (rel.connectionType === 'all_to_one' && sharedGroup && !isContainedIn) {
        const d: BlueprintDiagnostic = {
          code: 'plan.all-to-one-in-group',
          severity: 'error',
          message: `all_to_one from '${node.id}' to '${rel.target}' is not supported inside scaling group '${sharedGroup}'`,
          hint: 'use all_to_all, or move one node out of the group',
        };
        if (rel.position) d.position = rel.position;
        diagnostics.push(d);
        return;
      }
      let oneTarget: UnitInstance | undefined;
      if (rel.connectionType === 'all_to_one') {
        const previous = previousAllToOne.get(`${node.id}#${index}`);
        oneTarget = targets.find((t) => t.id === previous) ?? targets[0];
      }
      for (const source of sources) {
        let chosen: UnitInstance[];
        if (isContainedIn) {
          const host = hostInstance(source);
          chosen = host && host.unit.name === rel.target ? [host] : [];
        } else if (oneTarget) chosen = [oneTarget];
        else if (sharedGroup) {
          const g = groupInstanceOf(source, sharedGroup);
          chosen = targets.filter((t) => groupInstanceOf(t, sharedGroup) === g);
        } else chosen = targets;
        const rec = records.get(source.id)!;
        for (const t of chosen) {
          const r: PlannedRelationshipInstance = { type: rel.type, typeHierarchy: rel.hierarchy, targetNode: rel.target, targetId: t.id };
          rec.relationships.push(r);
        }
      }
    });
  }
  return { instances, groupInstances, diagnostics };
}

/** For each all_to_one relationship (node#index), the target instance a plan already uses. */
export function allToOneTargets(nodes: ScalingNode[], instances: PlannedNodeInstance[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of nodes) {
    n.relationships.forEach((rel, index) => {
      if (rel.connectionType !== 'all_to_one') return;
      const used = instances.find((i) => i.nodeId === n.id)?.relationships.find((r) => r.targetNode === rel.target && r.type === rel.type)?.targetId;
      if (used) out.set(`${n.id}#${index}`, used);
    });
  }
  return out;
}
