import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleAction } from '../scripts/build-action.js';

/** Every file below a directory, relative to it. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** dist/ is committed (the runner runs it as is): it must be what the sources build to. */
describe('dist/', () => {
  it('is the bundle of the current sources, chunks included (run npm run build:action and commit dist/)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isthmus-dist-'));
    try {
      await bundleAction(path.join(dir, 'index.js'));
      const committed = path.resolve(import.meta.dirname, '../dist');
      expect(filesOf(committed), 'dist/ has other files than a fresh build: run `npm run build:action` and commit dist/').toEqual(filesOf(dir));
      for (const file of filesOf(dir)) {
        expect(
          readFileSync(path.join(committed, file), 'utf8') === readFileSync(path.join(dir, file), 'utf8'),
          `dist/${file} differs from a fresh build: run \`npm run build:action\` and commit dist/`,
        ).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
