import path from 'node:path';
import type { YamlMap } from '../dsl/index.js';
import type { ActionInputs, SweepMode } from './inputs.js';

/** What a run does, decided from the event alone (pure, so every branch is tested). */
export type Route =
  | { kind: 'preview'; deploymentId: string; pr: number; headSha: string; environment?: EnvironmentTarget }
  | { kind: 'plan-only'; deploymentId: string; pr?: number; why: string; environment?: EnvironmentTarget }
  | { kind: 'teardown'; deploymentId: string; pr: number }
  | { kind: 'environment'; deploymentId: string; branch: string; sha?: string; reviewed?: { digest: string; source: string; pr: number } }
  | { kind: 'dispatch'; deploymentId: string; workflow: string; parameters: YamlMap }
  | { kind: 'sweep'; filter?: string; mode: SweepMode }
  | { kind: 'command'; command: CommentCommand; pr: number; commentId: number; user: string }
  | { kind: 'skip'; why: string };

/** What `/isthmus <command>` in a pull request comment asks for. */
export const COMMENT_COMMANDS = ['plan', 'apply', 'heal', 'uninstall'] as const;
export type CommentCommand = (typeof COMMENT_COMMANDS)[number];

interface IssueCommentPayload {
  action?: string;
  issue?: { number?: number; pull_request?: unknown };
  comment?: { id?: number; body?: string; user?: { login?: string; type?: string } };
}

/**
 * The command of a new pull request comment: its first line is `/isthmus <command>` (anything
 * after the command is ignored, so a comment cannot smuggle in arguments). Undefined for any
 * other comment, one on an issue, or one by a bot (our own comments quote commands).
 */
export function commentCommand(payload: unknown): { command: CommentCommand; pr: number; commentId: number; user: string } | { unknown: string } | undefined {
  const p = (payload ?? {}) as IssueCommentPayload;
  if (p.action !== 'created' || !p.issue?.pull_request || typeof p.issue.number !== 'number') return undefined;
  const first = (p.comment?.body ?? '').split(/\r?\n/, 1)[0]!.trim();
  const m = /^\/isthmus(?=\s|$)(?:\s+(\S+))?/i.exec(first);
  if (!m || p.comment?.user?.type === 'Bot' || typeof p.comment?.id !== 'number' || !p.comment.user?.login) return undefined;
  const command = (m[1] ?? '').toLowerCase();
  if (!(COMMENT_COMMANDS as readonly string[]).includes(command)) return { unknown: command.slice(0, 40) };
  return { command: command as CommentCommand, pr: p.issue.number, commentId: p.comment.id, user: p.comment.user.login };
}

/** The environment a pull request merges into (its base is a deploy branch). */
export interface EnvironmentTarget {
  deploymentId: string;
  branch: string;
}

interface PullRequestPayload {
  action?: string;
  number?: number;
  pull_request?: {
    number: number;
    head: { sha: string; repo?: { id?: number; full_name?: string } | null };
    base: { ref?: string; repo: { id?: number; full_name: string } };
  };
  repository?: { full_name?: string };
  /** push: the commit the branch now points at. */
  after?: string;
}

/** `pr-<n>`, plus the blueprint's name when it is not the repository's only `blueprint.yaml`. */
export function previewDeploymentId(pr: number, blueprint: string): string {
  const base = path.basename(blueprint).replace(/\.ya?ml$/, '');
  const name = base === 'blueprint' ? path.basename(path.dirname(path.resolve(blueprint))) : base;
  const suffix = name && name !== '.' ? `-${name}` : '';
  return `pr-${pr}${suffix}`.replace(/[^A-Za-z0-9_.-]/g, '-');
}

export const environmentId = (branch: string) => `env-${branch}`.replace(/[^A-Za-z0-9_.-]/g, '-');

/** The environment a pull request into `base` would change, when `base` is a deploy branch. */
export function environmentOf(base: string | undefined, inputs: ActionInputs): { environment?: EnvironmentTarget } {
  return base && inputs.deployBranches.includes(base) ? { environment: { deploymentId: environmentId(base), branch: base } } : {};
}

/**
 * Whether a pull request's code comes from another repository. Fails closed: a head repository
 * that is missing (a deleted fork) or cannot be compared counts as a fork, and so does one whose
 * id or full name differs from the base's (a name can be renamed and reused; an id cannot).
 */
function isFork(pr: NonNullable<PullRequestPayload['pull_request']>): boolean {
  const head = pr.head.repo;
  if (!head) return true;
  if (head.id !== undefined && pr.base.repo.id !== undefined && head.id !== pr.base.repo.id) return true;
  return !head.full_name || head.full_name !== pr.base.repo.full_name;
}

export function routeEvent(eventName: string, payload: unknown, inputs: ActionInputs, ref = ''): Route {
  const p = (payload ?? {}) as PullRequestPayload;
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = p.pull_request;
      if (!pr) return { kind: 'skip', why: `${eventName} event without a pull_request` };
      const id = inputs.deploymentId ?? previewDeploymentId(pr.number, inputs.blueprint);
      const fork = isFork(pr);
      const target = environmentOf(pr.base.ref, inputs);
      if (p.action === 'closed')
        return fork ? { kind: 'skip', why: 'a pull request from a fork never had a preview' } : { kind: 'teardown', deploymentId: id, pr: pr.number };
      if (!['opened', 'synchronize', 'reopened'].includes(p.action ?? '')) return { kind: 'skip', why: `nothing to do for pull_request '${p.action ?? ''}'` };
      // Code from a fork must not run with this repository's cloud credentials.
      if (fork)
        return {
          kind: 'plan-only',
          deploymentId: id,
          pr: pr.number,
          why: `the pull request comes from a fork (${pr.head.repo?.full_name ?? 'a deleted repository'}): validated and planned only, never applied`,
          ...target,
        };
      return { kind: 'preview', deploymentId: id, pr: pr.number, headSha: pr.head.sha, ...target };
    }
    case 'push': {
      const branch = ref.replace(/^refs\/heads\//, '');
      if (!inputs.deployBranches.includes(branch)) return { kind: 'skip', why: `branch '${branch}' is not in deploy-branches` };
      const sha = typeof p.after === 'string' && /^[0-9a-f]{40}$/.test(p.after) ? p.after : undefined;
      return { kind: 'environment', deploymentId: inputs.deploymentId ?? environmentId(branch), branch, ...(sha ? { sha } : {}) };
    }
    case 'workflow_dispatch': {
      const workflow = inputs.workflow ?? 'install';
      const id = inputs.deploymentId;
      if (!id) return { kind: 'skip', why: "workflow_dispatch needs the 'deployment-id' input" };
      return { kind: 'dispatch', deploymentId: id, workflow, parameters: inputs.parameters };
    }
    case 'issue_comment': {
      const asked = commentCommand(payload);
      if (!asked) return { kind: 'skip', why: 'the comment is not an /isthmus command on a pull request' };
      if ('unknown' in asked)
        return { kind: 'skip', why: `unknown command '/isthmus ${asked.unknown}': use ${COMMENT_COMMANDS.map((c) => `/isthmus ${c}`).join(', ')}` };
      return { kind: 'command', ...asked };
    }
    case 'schedule':
      return { kind: 'sweep', mode: inputs.sweepMode, ...(inputs.deployments ? { filter: inputs.deployments } : {}) };
    default:
      return { kind: 'skip', why: `Isthmus does not act on '${eventName}' events` };
  }
}

/** Whether a deployment id matches the sweep's filter (a prefix, or a glob with *). */
export function matchesFilter(id: string, filter: string | undefined): boolean {
  if (!filter) return true;
  if (!filter.includes('*')) return id.startsWith(filter);
  const re = new RegExp(
    `^${filter
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(id);
}
