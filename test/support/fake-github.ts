import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Comment {
  id: number;
  body: string;
  issue: number;
  user: { login: string; type: string };
}
interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: Array<{ name: string }>;
  user: { login: string; type: string };
}

/**
 * A stand-in for the GitHub REST API: the comment and issue endpoints the action calls, recorded.
 * Like the default GITHUB_TOKEN, the token writes as github-actions[bot] and may not ask `GET /user`.
 */
export class FakeGitHub {
  static readonly BOT = { login: 'github-actions[bot]', type: 'Bot' };
  readonly calls: string[] = [];
  readonly comments: Comment[] = [];
  readonly issues: Issue[] = [];
  /** Users' access (GET /repos/o/r/collaborators/:user/permission); anyone else reads. */
  readonly permissions = new Map<string, string>();
  /** Reactions made to comments. */
  readonly reactions: Array<{ commentId: number; content: string }> = [];
  /** Open pull requests (GET /repos/o/r/pulls/:n). */
  readonly openPulls = new Map<number, { headSha: string; base: string; fork?: boolean; state?: string }>();
  /** Pull requests by the commits they hold (GET /repos/o/r/commits/:sha/pulls). */
  readonly pulls: Array<{ number: number; sha: string; merged: boolean; base: string }> = [];
  private nextId = 1000;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
      const url = new URL(req.url ?? '/', 'http://x');
      this.calls.push(`${req.method} ${url.pathname}`);
      const send = (code: number, data: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      const auth = req.headers.authorization ?? '';
      if (!auth.includes('fake-token')) return send(401, { message: 'Bad credentials' });
      if (url.pathname === '/user') return send(403, { message: 'Resource not accessible by integration' });
      const commentsOf = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname);
      const comment = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
      const issuePath = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(url.pathname);
      const permission = /^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/.exec(url.pathname);
      if (permission && req.method === 'GET') {
        const role = this.permissions.get(decodeURIComponent(permission[1]!)) ?? 'read';
        return send(200, { permission: role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role, role_name: role, user: { login: permission[1] } });
      }
      const reaction = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)\/reactions$/.exec(url.pathname);
      if (reaction && req.method === 'POST') {
        this.reactions.push({ commentId: Number(reaction[1]), content: String(body['content']) });
        return send(201, { id: this.nextId++, content: body['content'] });
      }
      const pull = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(url.pathname);
      if (pull && req.method === 'GET') {
        const p = this.openPulls.get(Number(pull[1]));
        if (!p) return send(404, { message: 'Not Found' });
        const own = { id: 1296269, full_name: 'Codertocat/Hello-World' };
        return send(200, {
          number: Number(pull[1]),
          state: p.state ?? 'open',
          head: { sha: p.headSha, repo: p.fork ? { id: 99, full_name: 'someone/Hello-World' } : own },
          base: { ref: p.base, repo: own },
        });
      }
      const pullsOf = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})\/pulls$/.exec(url.pathname);
      if (pullsOf && req.method === 'GET')
        return send(
          200,
          this.pulls
            .filter((p) => p.sha === pullsOf[1])
            .map((p) => ({ number: p.number, merged_at: p.merged ? '2026-12-03T10:00:00Z' : null, base: { ref: p.base } })),
        );
      if (commentsOf) {
        const m = commentsOf;
        const issue = Number(m[1]);
        if (req.method === 'GET')
          return send(
            200,
            this.comments.filter((c) => c.issue === issue).map((c) => ({ id: c.id, body: c.body, user: c.user })),
          );
        const c = { id: this.nextId++, body: String(body['body']), issue, user: FakeGitHub.BOT };
        this.comments.push(c);
        return send(201, { id: c.id, body: c.body, user: c.user });
      }
      if (comment && req.method === 'PATCH') {
        const c = this.comments.find((x) => x.id === Number(comment[1]));
        if (!c) return send(404, { message: 'Not Found' });
        c.body = String(body['body']);
        return send(200, { id: c.id, body: c.body });
      }
      if (url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues$/)) {
        if (req.method === 'GET') {
          const label = url.searchParams.get('labels');
          const state = url.searchParams.get('state') ?? 'open';
          return send(
            200,
            this.issues.filter((i) => i.state === state && (!label || i.labels.some((l) => l.name === label))),
          );
        }
        const issue: Issue = {
          number: this.issues.length + 1,
          title: String(body['title']),
          body: String(body['body']),
          state: 'open',
          labels: ((body['labels'] as string[]) ?? []).map((name) => ({ name })),
          user: FakeGitHub.BOT,
        };
        this.issues.push(issue);
        return send(201, issue);
      }
      if (issuePath && req.method === 'PATCH') {
        const issue = this.issues.find((i) => i.number === Number(issuePath[1]));
        if (!issue) return send(404, { message: 'Not Found' });
        Object.assign(issue, body);
        return send(200, issue);
      }
      send(404, { message: `not faked: ${req.method} ${url.pathname}` });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Someone else's comment (a user quoting the marker, say). */
  commentAs(login: string, issue: number, body: string): void {
    this.comments.push({ id: this.nextId++, body, issue, user: { login, type: 'User' } });
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}
