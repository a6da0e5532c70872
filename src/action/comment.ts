import type { YamlMap } from '../dsl/index.js';
import type { DeploymentPlan, UpdateStep } from '../plan/index.js';
import { renderMermaid } from '../cli/render.js';
import { Redactor } from '../runtime/index.js';
import { hiddenMarker, mdCode, mdInline, mdPre, mdText } from './markdown.js';

/** GitHub refuses comments over 65,536 characters; stay clear of it. */
export const MAX_COMMENT_CHARS = 65_000;

export type ReportStatus = 'succeeded' | 'failed' | 'cancelled' | 'planned' | 'uninstalled' | 'skipped';

/** What one run did to one deployment: the content of its PR comment and job summary. */
export interface RunReport {
  deploymentId: string;
  title: string;
  status: ReportStatus;
  /** Why the run did less than usual (a fork, a re-plan, a lock). */
  notes?: string[];
  /** Further markdown (the sweep's table). */
  body?: string;
  /** Changes against the deployment as it was (all `add` for a new deployment). */
  changes?: UpdateStep[];
  plan?: DeploymentPlan;
  outputs?: YamlMap;
  executionId?: string;
  workflow?: string;
  error?: string;
  runUrl?: string;
  /** Digest of the blueprint and inputs the plan was made from. */
  planDigest?: string;
  /** For a pull request into a deploy branch: what merging it would do to that branch's environment. */
  environment?: EnvironmentPlan;
  /** A pull request to report on besides the route's own (the merged one a push applies). */
  commentOn?: number;
  /** Not for the sticky comment (a refused comment command must not replace the plan shown there). */
  summaryOnly?: boolean;
}

/** The update preview of a deploy branch's environment, as a pull request into it would change it. */
export interface EnvironmentPlan {
  deploymentId: string;
  branch: string;
  /** Whether the environment exists (an update) or would be installed. */
  exists: boolean;
  changes: UpdateStep[];
  planDigest: string;
}

/** The environment plan digest a pull request's comment showed for `deploymentId`, if any. */
export function environmentDigestIn(body: string, deploymentId: string): string | undefined {
  for (const m of body.matchAll(/<!-- isthmus:env-plan=([A-Za-z0-9_.-]+):([0-9a-f]{64}) -->/g)) if (m[1] === deploymentId) return m[2];
  return undefined;
}

/** The hidden marker that finds a deployment's sticky comment again. */
export const commentMarker = (deploymentId: string) => hiddenMarker('deployment', deploymentId);

/**
 * Shown digests are this long, and a `plan-digest` input must give at least this much: 128 bits,
 * so no one can craft a changed blueprint whose digest starts with an approved prefix.
 */
export const SHOWN_DIGEST_CHARS = 32;

/** The plan digest a comment showed (its hidden marker), if any. */
export function planDigestIn(body: string): string | undefined {
  return /<!-- isthmus:plan-digest=([0-9a-f]{64}) -->/.exec(body)?.[1];
}

/** Whether a reviewed digest (a prefix, as shown) names the digest of the plan made now. */
export function sameDigest(reviewed: string, current: string): boolean {
  const r = reviewed.trim().toLowerCase();
  return r.length >= SHOWN_DIGEST_CHARS && current.startsWith(r);
}

const ICON: Record<ReportStatus, string> = { succeeded: '✅', failed: '❌', cancelled: '⏹️', planned: '📝', uninstalled: '🧹', skipped: '⏭️' };

function changesTable(changes: UpdateStep[], limit: number): string {
  if (changes.length === 0) return '_No changes._';
  const rows = changes.slice(0, limit).map((c) => `| ${mdText(c.action)} | ${mdText(c.entity)} | ${mdCode(c.name)} | ${mdText(c.detail ?? '')} |`);
  const more = changes.length > limit ? `\n\n_…and ${changes.length - limit} more changes, left out to keep this comment under GitHub's size limit._` : '';
  return `| change | kind | name | detail |\n|---|---|---|---|\n${rows.join('\n')}${more}`;
}

function outputsTable(outputs: YamlMap): string {
  const entries = Object.entries(outputs);
  if (entries.length === 0) return '_None._';
  return `| output | value |\n|---|---|\n${entries.map(([k, v]) => `| ${mdCode(k)} | ${mdCode(typeof v === 'string' ? v : JSON.stringify(v))} |`).join('\n')}`;
}

/**
 * The sticky PR comment (and job summary) for a run: status, notes, the changes, a Mermaid graph of
 * the plan, the outputs and a link to the run. Long sections shrink (the graph first, then the
 * change list) to stay under GitHub's limit, saying so; secrets are redacted from everything.
 */
export function renderReport(report: RunReport, secrets: Redactor = new Redactor()): string {
  const build = (changeLimit: number, withGraph: boolean) => {
    const parts: string[] = [commentMarker(report.deploymentId), `### ${ICON[report.status]} ${mdInline(report.title)}`, ''];
    const facts = [`Deployment ${mdCode(report.deploymentId)}`, `status **${report.status}**`];
    if (report.workflow) facts.push(`workflow ${mdCode(report.workflow)}`);
    if (report.executionId) facts.push(`execution ${mdCode(report.executionId)}`);
    if (report.runUrl && /^https:\/\/[^\s()<>]+$/.test(report.runUrl)) facts.push(`[run log](${report.runUrl})`);
    parts.push(facts.join(' · '), '');
    for (const n of report.notes ?? []) parts.push(`> ${mdInline(n)}`, '');
    // The body is Markdown that its builder escaped (the sweep's table).
    if (report.body) parts.push(report.body, '');
    if (report.error) parts.push('**Error**', '', mdPre(report.error.slice(0, 4000)), '');
    if (report.changes) parts.push('#### Plan', '', changesTable(report.changes, changeLimit), '');
    if (report.plan) {
      const graph = renderMermaid(report.plan);
      const summary = `${report.plan.nodes.length} nodes, ${report.plan.nodeInstances.length} node instances`;
      parts.push(`<details><summary>Graph of the plan (${summary})</summary>`, '');
      parts.push(
        withGraph ? `\`\`\`mermaid\n${graph}\n\`\`\`` : '_The graph is too large for a comment; run `isthmus plan --mermaid` to see it._',
        '',
        '</details>',
        '',
      );
    }
    if (report.outputs) parts.push('#### Outputs', '', outputsTable(report.outputs), '');
    if (report.environment) {
      const e = report.environment;
      parts.push(
        `#### On merge into ${mdCode(e.branch)}: ${e.exists ? 'update' : 'install'} of ${mdCode(e.deploymentId)}`,
        '',
        changesTable(e.changes, changeLimit),
        '',
        `<!-- isthmus:env-plan=${e.deploymentId}:${e.planDigest} -->`,
        `<sub>Environment plan digest <code>${mdText(e.planDigest.slice(0, SHOWN_DIGEST_CHARS))}</code>. The push that merges this pull request applies it only if its own plan has this digest; otherwise it plans, stops and says why here.</sub>`,
        '',
      );
    }
    if (report.planDigest) {
      parts.push(`<!-- isthmus:plan-digest=${report.planDigest} -->`);
      const shown = mdText(report.planDigest.slice(0, SHOWN_DIGEST_CHARS));
      parts.push(
        `<sub>Plan digest <code>${shown}</code>. To apply exactly this plan, pass <code>plan-digest: ${shown}</code>: an apply whose blueprint, files or inputs changed since re-plans and stops, saying so.</sub>`,
      );
    }
    return secrets.redact(parts.join('\n'));
  };
  let text = build(500, true);
  if (text.length <= MAX_COMMENT_CHARS) return text;
  text = build(500, false);
  for (let limit = 200; text.length > MAX_COMMENT_CHARS && limit >= 0; limit = limit > 10 ? Math.floor(limit / 2) : limit - 10) text = build(limit, false);
  return text.length > MAX_COMMENT_CHARS ? `${text.slice(0, MAX_COMMENT_CHARS - 100)}\n\n_…truncated to GitHub's comment size limit._` : text;
}
