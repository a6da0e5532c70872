import { getOctokit } from '@actions/github';

/** The GitHub calls the action makes (an interface, so the driver logic is testable without HTTP). */
export interface GitHubPort {
  /** Creates the comment holding `marker`, or edits it in place. */
  upsertComment(issueNumber: number, marker: string, body: string): Promise<'created' | 'updated'>;
  /** The body of the comment holding `marker`, if there is one. */
  findComment(issueNumber: number, marker: string): Promise<string | undefined>;
  /** Opens an issue for an unhealthy deployment, or updates the open one. */
  reportUnhealthy(marker: string, title: string, body: string): Promise<'opened' | 'updated'>;
  /** Closes the deployment's open health issue, if any, with a comment. */
  reportHealthy(marker: string, body: string): Promise<boolean>;
  /** The pull requests a commit belongs to (merged ones included), with the branch each went into. */
  pullRequestsOf?(sha: string): Promise<Array<{ number: number; merged: boolean; base: string }>>;
  /** A user's access to the repository, as GitHub computes it (`admin`, `maintain`, `write`, `triage`, `read`, `none`). */
  permissionOf?(user: string): Promise<string>;
  /** Reacts to a comment (`eyes` when a command is taken, `+1`/`-1` when it is done or refused). */
  react?(commentId: number, content: '+1' | '-1' | 'eyes' | 'confused'): Promise<void>;
  /** A pull request: its state, branches, and whether its code comes from another repository. */
  pullRequest?(number: number): Promise<PullRequestInfo>;
}

export interface PullRequestInfo {
  number: number;
  state: string;
  headSha: string;
  base: string;
  /** The head is another repository's (or a deleted one): its code must not run with this repository's credentials. */
  fork: boolean;
}

export const HEALTH_LABEL = 'isthmus-unhealthy';

/** Who the default `GITHUB_TOKEN` writes as: it cannot ask (`GET /user` is refused to installation tokens). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

export interface GitHubPortOptions {
  /** The login the token writes as, when it cannot be asked (a GitHub App's `<slug>[bot]`). */
  author?: string;
  /** The REST API's base URL (GitHub Enterprise; a local fake in tests). */
  apiUrl?: string;
}

export function gitHubPort(token: string, owner: string, repo: string, options: GitHubPortOptions = {}): GitHubPort {
  const octokit = getOctokit(token, options.apiUrl ? { baseUrl: options.apiUrl } : {});
  // Anyone can write a comment or issue holding our marker: only what this token wrote is ours.
  let self: Promise<string> | undefined;
  const ownLogin = () =>
    (self ??= options.author
      ? Promise.resolve(options.author)
      : octokit.rest.users.getAuthenticated().then(
          (r) => r.data.login,
          () => ACTIONS_BOT_LOGIN,
        ));
  const findIssue = async (marker: string) => {
    const [login, issues] = await Promise.all([
      ownLogin(),
      octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, state: 'open', labels: HEALTH_LABEL, per_page: 100 }),
    ]);
    return issues.find((i) => !i.pull_request && i.user?.login === login && (i.body ?? '').includes(marker));
  };
  const findMine = async (issueNumber: number, marker: string) => {
    const [login, comments] = await Promise.all([
      ownLogin(),
      octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 }),
    ]);
    return comments.find((c) => c.user?.login === login && (c.body ?? '').includes(marker));
  };
  return {
    async findComment(issueNumber, marker) {
      return (await findMine(issueNumber, marker))?.body ?? undefined;
    },
    async upsertComment(issueNumber, marker, body) {
      const mine = await findMine(issueNumber, marker);
      if (mine) {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
        return 'updated';
      }
      await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
      return 'created';
    },
    async reportUnhealthy(marker, title, body) {
      const open = await findIssue(marker);
      if (open) {
        await octokit.rest.issues.update({ owner, repo, issue_number: open.number, title, body });
        return 'updated';
      }
      await octokit.rest.issues.create({ owner, repo, title, body, labels: [HEALTH_LABEL] });
      return 'opened';
    },
    async permissionOf(user) {
      const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: user });
      // role_name knows maintain and triage; permission folds them into write and read.
      return (data as { role_name?: string }).role_name ?? data.permission;
    },
    async react(commentId, content) {
      await octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id: commentId, content });
    },
    async pullRequest(number) {
      const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
      const head = data.head.repo;
      const fork = !head || head.id !== data.base.repo.id || head.full_name !== data.base.repo.full_name;
      return { number, state: data.state, headSha: data.head.sha, base: data.base.ref, fork };
    },
    async pullRequestsOf(sha) {
      const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha, per_page: 100 });
      return data.map((p) => ({ number: p.number, merged: Boolean(p.merged_at), base: p.base.ref }));
    },
    async reportHealthy(marker, body) {
      const open = await findIssue(marker);
      if (!open) return false;
      await octokit.rest.issues.createComment({ owner, repo, issue_number: open.number, body });
      await octokit.rest.issues.update({ owner, repo, issue_number: open.number, state: 'closed', state_reason: 'completed' });
      return true;
    },
  };
}
