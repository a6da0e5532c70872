import type { Blueprint, BlueprintDiagnostic } from '../dsl/index.js';

/**
 * Finds a dependency cycle between node templates (every relationship is a dependency of
 * its source on its target). Returns the cycle as node names, first node repeated last.
 */
export function findNodeCycle(blueprint: Blueprint): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const s = state.get(node);
    if (s === 'done') return undefined;
    if (s === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const rel of blueprint.nodeTemplates[node]?.relationships ?? []) {
      const cycle = visit(rel.target);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of Object.keys(blueprint.nodeTemplates)) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

export function cycleDiagnostic(blueprint: Blueprint, cycle: string[]): BlueprintDiagnostic {
  const first = blueprint.nodeTemplates[cycle[0]!];
  const rel = first?.relationships.find((r) => r.target === cycle[1]);
  const d: BlueprintDiagnostic = {
    code: 'plan.cycle',
    severity: 'error',
    message: `relationships form a cycle: ${cycle.join(' -> ')}`,
    hint: 'remove or reverse one relationship in the cycle',
  };
  const at = rel?.position ?? first?.position;
  if (at) d.position = at;
  return d;
}

/** Node names ordered so that every node comes after the nodes it depends on. */
export function dependencyOrder(blueprint: Blueprint): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (node: string) => {
    if (done.has(node)) return;
    done.add(node);
    for (const rel of blueprint.nodeTemplates[node]?.relationships ?? []) visit(rel.target);
    order.push(node);
  };
  for (const node of Object.keys(blueprint.nodeTemplates)) visit(node);
  return order;
}
