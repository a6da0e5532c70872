import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleAction } from '../scripts/build-action.js';

/** dist/ is committed (the runner runs it as is): it must be what the sources build to. */
describe('dist/index.js', () => {
  it('is the bundle of the current sources (run npm run build:action and commit dist/)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isthmus-dist-'));
    try {
      const fresh = path.join(dir, 'index.js');
      await bundleAction(fresh);
      const committed = readFileSync(path.resolve(import.meta.dirname, '../dist/index.js'), 'utf8');
      expect(committed === readFileSync(fresh, 'utf8'), 'dist/index.js differs from a fresh build: run `npm run build:action` and commit dist/').toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
