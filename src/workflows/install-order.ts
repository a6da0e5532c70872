import type { DeploymentPlan, PlannedNodeInstance } from '../plan/index.js';
import { findOperation } from '../dsl/index.js';

/** One operation a workflow would run, for dry runs (`isthmus plan --workflow install`). */
export interface PlannedStep {
  /** Steps with the same wave may run in parallel; a wave starts after the previous one. */
  wave: number;
  instanceId: string;
  operation: string;
  implementation: string;
  /** For relationship operations: the other end. */
  peer?: string;
}

const INSTALL_SEQUENCE: Array<[string, 'node' | 'relationship']> = [
  ['cloudify.interfaces.validation.create', 'node'],
  ['cloudify.interfaces.lifecycle.precreate', 'node'],
  ['cloudify.interfaces.lifecycle.create', 'node'],
  ['preconfigure', 'relationship'],
  ['cloudify.interfaces.lifecycle.configure', 'node'],
  ['postconfigure', 'relationship'],
  ['cloudify.interfaces.lifecycle.start', 'node'],
  ['cloudify.interfaces.lifecycle.poststart', 'node'],
  ['cloudify.interfaces.monitoring.start', 'node'],
  ['establish', 'relationship'],
];

const UNINSTALL_SEQUENCE: Array<[string, 'node' | 'relationship']> = [
  ['cloudify.interfaces.monitoring.stop', 'node'],
  ['cloudify.interfaces.validation.delete', 'node'],
  ['cloudify.interfaces.lifecycle.prestop', 'node'],
  ['cloudify.interfaces.lifecycle.stop', 'node'],
  ['unlink', 'relationship'],
  ['cloudify.interfaces.lifecycle.delete', 'node'],
  ['cloudify.interfaces.lifecycle.postdelete', 'node'],
];

/**
 * The operations of install (or uninstall) in Cloudify's order: an instance's whole
 * sequence runs after every instance it has a relationship to is started (uninstall: the
 * reverse). Only operations with an implementation are listed. Waves are dependency depths.
 */
export function lifecycleSteps(plan: DeploymentPlan, workflow: 'install' | 'uninstall'): PlannedStep[] {
  const byId = new Map(plan.nodeInstances.map((i) => [i.id, i]));
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>();
  const depthOf = (inst: PlannedNodeInstance, seen: Set<string>): number => {
    const known = depth.get(inst.id);
    if (known !== undefined) return known;
    if (seen.has(inst.id)) return 0;
    seen.add(inst.id);
    let d = 0;
    for (const r of inst.relationships) {
      const t = byId.get(r.targetId);
      if (t) d = Math.max(d, depthOf(t, seen) + 1);
    }
    depth.set(inst.id, d);
    return d;
  };
  for (const inst of plan.nodeInstances) depthOf(inst, new Set());
  const maxDepth = Math.max(0, ...depth.values());
  const ordered = [...plan.nodeInstances].sort((a, b) => depth.get(a.id)! - depth.get(b.id)! || a.id.localeCompare(b.id));
  if (workflow === 'uninstall') ordered.reverse();
  const sequence = workflow === 'install' ? INSTALL_SEQUENCE : UNINSTALL_SEQUENCE;
  const steps: PlannedStep[] = [];
  for (const inst of ordered) {
    const node = nodes.get(inst.nodeId);
    if (!node) continue;
    const wave = workflow === 'install' ? depth.get(inst.id)! : maxDepth - depth.get(inst.id)!;
    const rels = workflow === 'uninstall' ? [...inst.relationships].reverse() : inst.relationships;
    for (const [op, kind] of sequence) {
      if (kind === 'node') {
        const found = findOperation(node.interfaces, op);
        if (found?.implementation) steps.push({ wave, instanceId: inst.id, operation: op, implementation: found.implementation });
        continue;
      }
      for (const r of rels) {
        const rel = node.relationships.find((x) => x.target === r.targetNode && x.type === r.type);
        if (!rel) continue;
        const qualified = `cloudify.interfaces.relationship_lifecycle.${op}`;
        const src = findOperation(rel.sourceInterfaces, qualified);
        const tgt = findOperation(rel.targetInterfaces, qualified);
        if (src?.implementation)
          steps.push({ wave, instanceId: inst.id, operation: `${qualified} (source)`, implementation: src.implementation, peer: r.targetId });
        if (tgt?.implementation)
          steps.push({ wave, instanceId: r.targetId, operation: `${qualified} (target)`, implementation: tgt.implementation, peer: inst.id });
      }
    }
  }
  return steps;
}
