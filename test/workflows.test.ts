import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIRS = ['examples/workflows', '.github/workflows'];

/** Every `uses:` of a workflow file's steps. */
function usesOf(file: string): string[] {
  const doc = parse(readFileSync(file, 'utf8')) as { jobs?: Record<string, { steps?: Array<{ uses?: string }> }> };
  return Object.values(doc.jobs ?? {}).flatMap((job) => (job.steps ?? []).flatMap((step) => (step.uses ? [step.uses] : [])));
}

describe('shipped workflows (finding 19: actions pinned by tag)', () => {
  it('pin every third-party action to a full commit SHA, as GitHub hardening guide recommends', () => {
    const files = DIRS.flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => path.join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      for (const uses of usesOf(file)) {
        // Local actions, and Isthmus itself (users pin the release they reviewed; the comment says how).
        if (uses.startsWith('./') || uses.startsWith('isthmus-dev/isthmus@')) continue;
        expect(uses, `${file}: ${uses}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      }
    }
  });

  it('check out without persisting the token, where blueprint scripts run in the job', () => {
    for (const file of readdirSync('examples/workflows').map((f) => path.join('examples/workflows', f))) {
      const doc = parse(readFileSync(file, 'utf8')) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }> };
      for (const step of Object.values(doc.jobs).flatMap((j) => j.steps))
        if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials'], file).toBe(false);
    }
  });
});
