import { afterEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../../test/support/fake-github.js';
import { gitHubPort } from './github.js';
import { hiddenMarker } from './markdown.js';

describe('GitHub port', () => {
  let github: FakeGitHub | undefined;
  afterEach(async () => github?.stop());

  it("finding 15: the sticky comment is the token's own, never someone else's comment quoting the marker", async () => {
    github = await new FakeGitHub().start();
    const marker = hiddenMarker('deployment', 'pr-1');
    github.commentAs('mallory', 1, `${marker}\nI quote your marker`);
    const port = gitHubPort('fake-token', 'o', 'r', { apiUrl: github.url });
    expect(await port.findComment(1, marker)).toBeUndefined();
    expect(await port.upsertComment(1, marker, `${marker}\nplan`)).toBe('created');
    expect(await port.upsertComment(1, marker, `${marker}\nplan v2`)).toBe('updated');
    expect(github.comments.map((c) => [c.user.login, c.body])).toEqual([
      ['mallory', `${marker}\nI quote your marker`],
      ['github-actions[bot]', `${marker}\nplan v2`],
    ]);
    expect(await port.findComment(1, marker)).toBe(`${marker}\nplan v2`);
  });

  it('a GitHub App token names its login: comments by github-actions[bot] are then not its own', async () => {
    github = await new FakeGitHub().start();
    const marker = hiddenMarker('deployment', 'pr-2');
    const port = gitHubPort('fake-token', 'o', 'r', { apiUrl: github.url, author: 'isthmus-app[bot]' });
    github.commentAs('github-actions[bot]', 2, `${marker}\nfrom another workflow`);
    expect(await port.findComment(2, marker)).toBeUndefined();
  });

  it('health issues are found by marker and author too', async () => {
    github = await new FakeGitHub().start();
    const marker = hiddenMarker('health', 'env-a');
    const port = gitHubPort('fake-token', 'o', 'r', { apiUrl: github.url });
    github.issues.push({
      number: 1,
      title: 'fake',
      body: marker,
      state: 'open',
      labels: [{ name: 'isthmus-unhealthy' }],
      user: { login: 'mallory', type: 'User' },
    });
    expect(await port.reportUnhealthy(marker, 'T', `${marker}\nbody`)).toBe('opened');
    expect(await port.reportUnhealthy(marker, 'T', `${marker}\nbody 2`)).toBe('updated');
    expect(github.issues.map((i) => [i.user.login, i.body])).toEqual([
      ['mallory', marker],
      ['github-actions[bot]', `${marker}\nbody 2`],
    ]);
    expect(await port.reportHealthy(marker, 'ok')).toBe(true);
    expect(github.issues.map((i) => i.state)).toEqual(['open', 'closed']);
  });
});
