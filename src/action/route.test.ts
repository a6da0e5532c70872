import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER, writeBlueprintFiles } from '../../test/support/blueprint-files.js';
import { parseBlueprint } from '../dsl/index.js';
import { planDeployment } from '../plan/index.js';
import { Redactor } from '../runtime/index.js';
import { commentMarker, MAX_COMMENT_CHARS, planDigestIn, renderReport, sameDigest } from './comment.js';
import { InputError, readInputs } from './inputs.js';
import { matchesFilter, previewDeploymentId, routeEvent } from './route.js';

const inputs = (extra: Record<string, string> = {}) => readInputs((n) => ({ blueprint: 'deploy/blueprint.yaml', ...extra })[n] ?? '');
const pr = (action: string, head = 'o/r') => ({
  action,
  pull_request: { number: 5, head: { sha: 'abc', repo: { full_name: head } }, base: { repo: { full_name: 'o/r' } } },
});

describe('routeEvent', () => {
  it('previews pull requests, plans forks only, tears down on close', () => {
    expect(routeEvent('pull_request', pr('opened'), inputs())).toEqual({ kind: 'preview', deploymentId: 'pr-5-deploy', pr: 5, headSha: 'abc' });
    expect(routeEvent('pull_request', pr('synchronize'), inputs()).kind).toBe('preview');
    expect(routeEvent('pull_request_target', pr('opened', 'fork/r'), inputs())).toMatchObject({
      kind: 'plan-only',
      why: expect.stringContaining('fork (fork/r)'),
    });
    expect(routeEvent('pull_request', pr('closed'), inputs())).toEqual({ kind: 'teardown', deploymentId: 'pr-5-deploy', pr: 5 });
    expect(routeEvent('pull_request', pr('labeled'), inputs()).kind).toBe('skip');
  });

  it('finding 16: fork detection fails closed — a missing head repository, or another repository id, is a fork', () => {
    const event = (head: unknown, base: unknown = { id: 1, full_name: 'o/r' }) => ({
      action: 'opened',
      pull_request: { number: 5, head: { sha: 'abc', repo: head }, base: { repo: base } },
    });
    expect(routeEvent('pull_request_target', event(null), inputs())).toMatchObject({ kind: 'plan-only', why: expect.stringContaining('a deleted repository') });
    expect(routeEvent('pull_request_target', event(undefined), inputs()).kind).toBe('plan-only');
    expect(routeEvent('pull_request_target', event({ id: 2 }), inputs()).kind).toBe('plan-only');
    // Same name, another repository (the original was renamed and the name reused).
    expect(routeEvent('pull_request_target', event({ id: 2, full_name: 'o/r' }), inputs()).kind).toBe('plan-only');
    expect(routeEvent('pull_request_target', event({ id: 1, full_name: 'o/r' }), inputs()).kind).toBe('preview');
    // Closing a fork's pull request never tears anything down.
    expect(routeEvent('pull_request_target', { ...event(null), action: 'closed' }, inputs()).kind).toBe('skip');
  });

  it('updates environments on pushes to named branches, dispatches workflows, sweeps on schedule', () => {
    expect(routeEvent('push', {}, inputs({ 'deploy-branches': 'main, staging' }), 'refs/heads/staging')).toEqual({
      kind: 'environment',
      deploymentId: 'env-staging',
      branch: 'staging',
    });
    expect(routeEvent('push', {}, inputs({ 'deploy-branches': 'main' }), 'refs/heads/feature').kind).toBe('skip');
    expect(
      routeEvent('workflow_dispatch', {}, inputs({ 'deployment-id': 'prod', workflow: 'scale', parameters: '{scalable_entity_name: web, delta: 2}' })),
    ).toEqual({ kind: 'dispatch', deploymentId: 'prod', workflow: 'scale', parameters: { scalable_entity_name: 'web', delta: 2 } });
    expect(routeEvent('workflow_dispatch', {}, inputs()).kind).toBe('skip');
    expect(routeEvent('schedule', {}, inputs({ deployments: 'prod-*' }))).toEqual({ kind: 'sweep', filter: 'prod-*', mode: 'heal' });
    expect(routeEvent('schedule', {}, inputs({ 'sweep-mode': 'reconcile' }))).toEqual({ kind: 'sweep', mode: 'reconcile' });
    // A push names the commit it brings (to find the pull request that reviewed its plan); anything else is ignored.
    const sha = 'a'.repeat(40);
    expect(routeEvent('push', { after: sha }, inputs({ 'deploy-branches': 'main' }), 'refs/heads/main')).toMatchObject({ kind: 'environment', sha });
    expect(routeEvent('push', { after: 'HEAD; rm -rf' }, inputs({ 'deploy-branches': 'main' }), 'refs/heads/main')).not.toHaveProperty('sha');
  });

  it('a pull request into a deploy branch also names the environment it would change', () => {
    const pr = (base: string) => ({
      action: 'opened',
      pull_request: { number: 4, head: { sha: 'h', repo: { id: 1, full_name: 'o/r' } }, base: { ref: base, repo: { id: 1, full_name: 'o/r' } } },
    });
    expect(routeEvent('pull_request', pr('main'), inputs({ 'deploy-branches': 'main' }))).toMatchObject({
      kind: 'preview',
      environment: { deploymentId: 'env-main', branch: 'main' },
    });
    expect(routeEvent('pull_request', pr('feature'), inputs({ 'deploy-branches': 'main' }))).not.toHaveProperty('environment');
  });

  it('names previews after the blueprint and filters sweeps by prefix or glob', () => {
    expect(previewDeploymentId(3, 'blueprints/web.yaml')).toBe('pr-3-web');
    expect(matchesFilter('prod-eu', 'prod-*')).toBe(true);
    expect(matchesFilter('pr-1', 'prod')).toBe(false);
  });

  it('refuses bad inputs clearly', () => {
    expect(inputs({ 'preview-ttl': '3d' }).previewTtlMs).toBe(3 * 86_400_000);
    expect(inputs({ 'preview-ttl': '90m' }).previewTtlMs).toBe(90 * 60_000);
    expect(() => inputs({ 'preview-ttl': '0d' })).toThrow(/preview-ttl' must be a duration like 90m, 12h, 3d or 2w, not '0d'/);
    expect(() => inputs({ 'preview-ttl': '3 days' })).toThrow(/must be a duration/);
    expect(() => readInputs(() => '')).toThrow(InputError);
    expect(() => inputs({ mode: 'cloud' })).toThrow(/mode/);
    expect(() => inputs({ parameters: '[1, 2]' })).toThrow(/must be a mapping/);
  });
});

describe('renderReport', () => {
  it('carries the marker, redacts secrets, and stays under the size limit by dropping the graph and changes', () => {
    const changes = Array.from({ length: 5000 }, (_, i) => ({
      action: 'add' as const,
      entity: 'node' as const,
      name: `node_${i}_${'x'.repeat(20)}`,
      detail: 'cloudify.nodes.Root',
    }));
    const text = renderReport(
      { deploymentId: 'd', title: 'T', status: 'succeeded', changes, outputs: { url: 'http://h/?token=s3cr3t' } },
      new Redactor(['s3cr3t']),
    );
    expect(text.startsWith(commentMarker('d'))).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(text).toContain('more changes, left out');
    expect(text).not.toContain('s3cr3t');
    expect(new Redactor(['secret', 'a-secret']).redact('a-secret-b')).toBe('***-b');
  });
});

describe('the plan digest a comment shows', () => {
  const digest = 'ab12'.repeat(16);
  it('is carried in a hidden marker and shown short, with how to apply exactly it', () => {
    const text = renderReport({ deploymentId: 'd', title: 'T', status: 'planned', planDigest: digest });
    expect(planDigestIn(text)).toBe(digest);
    expect(text).toContain(`plan-digest: ${digest.slice(0, 32)}`);
    expect(planDigestIn('no marker')).toBeUndefined();
  });
  it('finding 1: matches by a prefix of at least 32 characters (128 bits), case-insensitively; a shorter one is refused', () => {
    expect(sameDigest(digest.slice(0, 32).toUpperCase(), digest)).toBe(true);
    expect(sameDigest(digest.slice(0, 31), digest)).toBe(false);
    expect(sameDigest(digest.slice(0, 12), digest)).toBe(false);
    expect(sameDigest('ffff'.repeat(8), digest)).toBe(false);
    expect(() => readInputs((n) => ({ blueprint: 'x.yaml', 'plan-digest': digest.slice(0, 12) })[n] ?? '')).toThrow(/32 to 64 hex/);
  });
});

describe('hostile names and outputs in the comment (finding 7: Markdown/HTML injection)', () => {
  const HOSTILE = [
    'a"]; click A call alert(1)',
    '`x` `',
    '<img src=x onerror=alert(1)>',
    '</details><!--',
    '@octocat',
    '[l](https://evil.example)',
    'x|y',
    '```',
  ];
  const plan = () => {
    const nodes = HOSTILE.map(
      (name, i) =>
        `  ${JSON.stringify(name)}:\n    type: cloudify.nodes.Root\n${i > 0 ? `    relationships: [{ type: cloudify.relationships.depends_on, target: ${JSON.stringify(HOSTILE[i - 1])} }]\n` : ''}`,
    );
    const dir = writeBlueprintFiles({ 'b.yaml': `${HEADER}node_templates:\n${nodes.join('')}` });
    return planDeployment(parseBlueprint(path.join(dir, 'b.yaml'), { rootDir: dir }), { seed: 's' });
  };

  it('escapes every hostile value for its context: table cells, code, notes, errors, Mermaid labels and markers', () => {
    const p = plan();
    const text = renderReport({
      deploymentId: 'd --> <b>x</b>',
      title: 'Preview deployment `d --> <b>x</b>`',
      status: 'failed',
      notes: ['node `<img src=x>` said @octocat [l](https://evil.example)'],
      changes: HOSTILE.map((name) => ({ action: 'add' as const, entity: 'node' as const, name, detail: name })),
      plan: p,
      outputs: Object.fromEntries(HOSTILE.map((name) => [name, name])),
      error: 'boom\n```\n</pre><img src=x>\n::error::x',
    });
    // Only Isthmus's own markup: its two hidden markers, one <details>, no element from the values.
    expect(text.match(/<!--/g)).toHaveLength(1);
    expect(text.match(/<\/details>/g)).toHaveLength(1);
    expect(text.match(/<\/pre>/g)).toHaveLength(1);
    expect(text).not.toMatch(/<img|<b>|-->.*<b>/);
    expect(text).not.toMatch(/@octocat/);
    expect(text).not.toContain('](https://evil');
    expect(text).not.toContain('https://evil');
    // Every table row still has its four cells.
    for (const row of text.split('\n').filter((l) => l.startsWith('| add |'))) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
    // The code fences are the Mermaid block's two.
    expect(text.match(/```/g)).toHaveLength(2);
    const mermaid = text.slice(text.indexOf('```mermaid'), text.lastIndexOf('```'));
    expect(mermaid).not.toMatch(/"\];/);
    for (const line of mermaid.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/^ {2}n\d+(\["[^"]*"\]| -->\|"[^"|]*"\| n\d+)$/);
  });

  it('reads /isthmus commands from the first line of a new pull request comment, never from bots or issues', () => {
    const comment = (body: string, extra: object = {}) => ({
      action: 'created',
      issue: { number: 9, pull_request: { url: 'x' } },
      comment: { id: 5, body, user: { login: 'octo', type: 'User' } },
      ...extra,
    });
    expect(routeEvent('issue_comment', comment('/isthmus apply'), inputs())).toEqual({ kind: 'command', command: 'apply', pr: 9, commentId: 5, user: 'octo' });
    expect(routeEvent('issue_comment', comment('/Isthmus PLAN please\nmore'), inputs())).toMatchObject({ kind: 'command', command: 'plan' });
    expect(routeEvent('issue_comment', comment('/isthmus destroy'), inputs())).toMatchObject({
      kind: 'skip',
      why: expect.stringContaining("unknown command '/isthmus destroy'"),
    });
    expect(routeEvent('issue_comment', comment('lgtm\n/isthmus apply'), inputs()).kind).toBe('skip');
    expect(routeEvent('issue_comment', { ...comment('/isthmus apply'), action: 'edited' }, inputs()).kind).toBe('skip');
    expect(routeEvent('issue_comment', comment('/isthmus apply', { issue: { number: 9 } }), inputs()).kind).toBe('skip');
    expect(
      routeEvent('issue_comment', comment('/isthmus apply', { comment: { id: 5, body: '/isthmus apply', user: { login: 'x[bot]', type: 'Bot' } } }), inputs())
        .kind,
    ).toBe('skip');
  });
});
