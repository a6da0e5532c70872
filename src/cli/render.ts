import type { BlueprintDiagnostic } from '../dsl/index.js';
import { formatDiagnostic } from '../dsl/index.js';
import { RUNNER_ONLY_PLUGINS, RUNNER_STEPS_LABEL } from '../invoke/routing.js';
import type { DeploymentPlan } from '../plan/index.js';
import type { PlannedStep } from '../workflows/index.js';

export function renderDiagnostics(diagnostics: BlueprintDiagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join('\n');
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function renderPlanTable(plan: DeploymentPlan, steps: PlannedStep[] | undefined, workflow: string): string {
  const out: string[] = [];
  out.push(`Blueprint ${plan.mainFile} (cloudify_dsl_${plan.dslVersion}): ${plan.nodes.length} nodes, ${plan.nodeInstances.length} node instances`);
  out.push('');
  const rows = [['INSTANCE', 'NODE', 'TYPE', 'HOST', 'RELATIONSHIPS']];
  const types = new Map(plan.nodes.map((n) => [n.id, n.type]));
  for (const i of plan.nodeInstances) {
    rows.push([
      i.id,
      i.nodeId,
      types.get(i.nodeId) ?? '',
      i.hostId ?? '-',
      i.relationships.map((r) => `${r.type.replace('cloudify.relationships.', '')}→${r.targetId}`).join(', ') || '-',
    ]);
  }
  out.push(table(rows));
  if (Object.keys(plan.scalingGroups).length > 0) {
    out.push('', 'Scaling groups:');
    for (const [name, g] of Object.entries(plan.scalingGroups)) out.push(`  ${name}: members ${g.members.join(', ')}; ${g.instanceIds.length} instance(s)`);
  }
  if (steps) {
    out.push('', `Operations ${workflow} would run (dry run), in order; the same wave runs in parallel:`);
    if (steps.length === 0) out.push('  (none: every lifecycle operation is a no-op)');
    for (const [n, s] of steps.entries())
      out.push(`  ${String(n + 1).padStart(3)}. [wave ${s.wave}] ${s.instanceId}  ${s.operation}  → ${s.implementation}${s.peer ? `  (with ${s.peer})` : ''}`);
  }
  const runnerOnly = [...RUNNER_ONLY_PLUGINS].filter((p) => Object.hasOwn(plan.plugins, p));
  const labelled = (plan.labels[RUNNER_STEPS_LABEL] ?? []).map(String);
  if (runnerOnly.length > 0 || labelled.length > 0) {
    out.push('', 'Where steps run (AWS mode; in local mode every step runs in this process):');
    if (runnerOnly.includes('ansible'))
      out.push("  ansible operations run in the driver's process (the GitHub runner), which needs ansible-playbook (Debian: ansible-core)");
    if (labelled.length > 0)
      out.push(`  ${RUNNER_STEPS_LABEL}: the steps of ${labelled.join(', ')} run in the driver's process (the runner); the rest in the step Lambda`);
  }
  if (plan.unsupported.length > 0) {
    out.push('', `Unsupported operations (${plan.unsupported.length}); a workflow that needs them refuses before it starts:`);
    for (const u of plan.unsupported.slice(0, 50)) out.push(`  ${u.node} ${u.operation}: ${u.reason}`);
    if (plan.unsupported.length > 50) out.push(`  … and ${plan.unsupported.length - 50} more (use --json for all)`);
  }
  return out.join('\n');
}

/**
 * A label inside a Mermaid node or edge. Node names and types come from the blueprint, so every
 * character that could end the label, style it or start a directive (`"`, `]`, `|`, `;`, `#`,
 * backticks, `<`) is written as Mermaid's entity code (`#34;`).
 */
export function mermaidLabel(value: string): string {
  return value.replace(/\r\n?|\n/g, ' ').replace(/[^A-Za-z0-9 _.,/-]/gu, (c) => `#${c.codePointAt(0)};`);
}

/** A Mermaid flowchart of node instances and their relationships (renders in GitHub comments). */
export function renderMermaid(plan: DeploymentPlan): string {
  // Ids by position: names from the blueprint never reach Mermaid's syntax, and never collide.
  const ids = new Map(plan.nodeInstances.map((inst, n) => [inst.id, `n${n}`]));
  const lines = ['flowchart BT'];
  for (const i of plan.nodeInstances) lines.push(`  ${ids.get(i.id)}["${mermaidLabel(i.id)}<br/><small>${mermaidLabel(i.nodeId)}</small>"]`);
  for (const i of plan.nodeInstances) {
    for (const r of i.relationships) {
      const target = ids.get(r.targetId);
      if (target) lines.push(`  ${ids.get(i.id)} -->|"${mermaidLabel(r.type.replace(/^.*\./, ''))}"| ${target}`);
    }
  }
  return lines.join('\n');
}
