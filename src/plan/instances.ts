import type { Blueprint, BlueprintDiagnostic } from '../dsl/index.js';
import type { PlannedNodeInstance, PlannedRelationshipInstance } from './model.js';
import { CONTAINED_IN_TYPE } from './constants.js';

/** A scaling unit: a node template or a scaling group; units nest (hosts, groups). */
interface Unit {
  name: string;
  isGroup: boolean;
  count: number;
  children: Unit[];
}

interface UnitInstance {
  unit: Unit;
  id: string;
  parent: UnitInstance | undefined;
}

export interface InstanceResult {
  instances: PlannedNodeInstance[];
  groupInstances: Record<string, string[]>;
  diagnostics: BlueprintDiagnostic[];
}

/**
 * Multiplies node templates into instances (Cloudify's dsl_parser/multi_instance.py): a node
 * in a scaling group scales with the group; a group whose members are hosted outside it is
 * hosted there; contained_in children scale with their host. Relationship instances connect
 * all_to_all, or all_to_one to a single target instance; inside a shared scaling group a
 * source connects only to targets of its own group instance.
 */
export function planInstances(blueprint: Blueprint, newId: (prefix: string) => string): InstanceResult {
  const diagnostics: BlueprintDiagnostic[] = [];
  const nodes = blueprint.nodeTemplates;
  const groupOfMember = new Map<string, string>();
  for (const g of Object.values(blueprint.scalingGroups)) for (const m of g.members) groupOfMember.set(m, g.name);

  const units = new Map<string, Unit>();
  for (const [name, n] of Object.entries(nodes)) units.set(name, { name, isGroup: false, count: n.scalable.defaultInstances, children: [] });
  for (const [name, g] of Object.entries(blueprint.scalingGroups)) units.set(`group:${name}`, { name, isGroup: true, count: g.scalable.defaultInstances, children: [] });

  const parentOf = (key: string): string | undefined => {
    if (key.startsWith('group:')) {
      const name = key.slice(6);
      const outer = groupOfMember.get(name);
      if (outer) return `group:${outer}`;
      // A top-level group is hosted where its members' hosts outside the group are.
      const inside = membersDeep(name);
      for (const m of inside) {
        const host = nodes[m]?.host;
        if (host && !inside.has(host)) return host;
      }
      return undefined;
    }
    const group = groupOfMember.get(key);
    if (group) return `group:${group}`;
    return nodes[key]?.host;
  };
  const memberCache = new Map<string, Set<string>>();
  const membersDeep = (group: string): Set<string> => {
    const cached = memberCache.get(group);
    if (cached) return cached;
    const out = new Set<string>();
    memberCache.set(group, out);
    for (const m of blueprint.scalingGroups[group]?.members ?? []) {
      if (blueprint.scalingGroups[m]) for (const x of membersDeep(m)) out.add(x);
      else {
        out.add(m);
        // Nodes contained in a member are inside the group too.
        for (const [n, t] of Object.entries(nodes)) {
          let h = t.host;
          while (h && h !== m) h = nodes[h]?.host;
          if (h === m) out.add(n);
        }
      }
    }
    return out;
  };

  const roots: Unit[] = [];
  for (const [key, unit] of units) {
    const parent = parentOf(key);
    if (parent && units.has(parent)) units.get(parent)!.children.push(unit);
    else roots.push(unit);
  }

  // Instantiate the unit forest.
  const byNode = new Map<string, UnitInstance[]>();
  const groupInstances: Record<string, string[]> = {};
  const instantiate = (unit: Unit, parent: UnitInstance | undefined, depth: number) => {
    if (depth > 10_000) return;
    for (let i = 0; i < unit.count; i++) {
      const inst: UnitInstance = { unit, id: newId(unit.name), parent };
      if (unit.isGroup) (groupInstances[unit.name] ??= []).push(inst.id);
      else {
        const list = byNode.get(unit.name) ?? [];
        list.push(inst);
        byNode.set(unit.name, list);
      }
      for (const child of unit.children) instantiate(child, inst, depth + 1);
    }
  };
  for (const root of roots) instantiate(root, undefined, 0);

  const groupAncestors = (inst: UnitInstance): Array<{ name: string; id: string }> => {
    const out: Array<{ name: string; id: string }> = [];
    for (let p = inst.parent; p; p = p.parent) if (p.unit.isGroup) out.push({ name: p.unit.name, id: p.id });
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

  const instances: PlannedNodeInstance[] = [];
  const instanceRecord = new Map<string, PlannedNodeInstance>();
  for (const [node, list] of byNode) {
    for (const inst of list) {
      const rec: PlannedNodeInstance = { id: inst.id, nodeId: node, relationships: [], scalingGroups: groupAncestors(inst) };
      const host = hostInstance(inst);
      if (host) rec.hostId = host.id;
      instances.push(rec);
      instanceRecord.set(inst.id, rec);
    }
  }

  for (const [node, template] of Object.entries(nodes)) {
    const sources = byNode.get(node) ?? [];
    for (const rel of template.relationships) {
      const targets = byNode.get(rel.target) ?? [];
      const isContainedIn = rel.hierarchy.includes(CONTAINED_IN_TYPE);
      const sharedGroup = groupChain(node).find((g) => groupChain(rel.target).includes(g));
      if (rel.connectionType === 'all_to_one' && sharedGroup && !isContainedIn) {
        const d: BlueprintDiagnostic = {
          code: 'plan.all-to-one-in-group',
          severity: 'error',
          message: `all_to_one from '${node}' to '${rel.target}' is not supported inside scaling group '${sharedGroup}'`,
          hint: 'use all_to_all, or move one node out of the group',
        };
        if (rel.position) d.position = rel.position;
        diagnostics.push(d);
        continue;
      }
      for (const source of sources) {
        let chosen: UnitInstance[];
        if (isContainedIn) {
          const host = hostInstance(source);
          chosen = host && host.unit.name === rel.target ? [host] : targets.filter((t) => sameGroupInstance(source, t, sharedGroup));
        } else if (rel.connectionType === 'all_to_one') {
          chosen = targets.slice(0, 1);
        } else {
          chosen = sharedGroup ? targets.filter((t) => sameGroupInstance(source, t, sharedGroup)) : targets;
        }
        const rec = instanceRecord.get(source.id)!;
        for (const t of chosen) {
          const r: PlannedRelationshipInstance = { type: rel.type, typeHierarchy: rel.hierarchy, targetNode: rel.target, targetId: t.id };
          rec.relationships.push(r);
        }
      }
    }
  }
  return { instances, groupInstances, diagnostics };
}

function sameGroupInstance(a: UnitInstance, b: UnitInstance, group: string | undefined): boolean {
  if (!group) return true;
  const find = (x: UnitInstance) => {
    for (let p = x.parent; p; p = p.parent) if (p.unit.isGroup && p.unit.name === group) return p.id;
    return undefined;
  };
  return find(a) === find(b);
}
