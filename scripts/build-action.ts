/**
 * Bundles the action (src/action/index.ts) into dist/index.js, as the runner loads it, with the
 * shipped plugins in dist/chunks/ (loaded only when `mode: local` runs a step of theirs).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { bundle, isMain, repositoryRoot } from './bundle.js';

export async function bundleAction(outfile = path.join(repositoryRoot(), 'dist', 'index.js')): Promise<void> {
  // Chunk names carry content hashes: last build's chunks must not linger beside the new ones.
  rmSync(path.join(path.dirname(outfile), 'chunks'), { recursive: true, force: true });
  await bundle('src/action/index.ts', outfile, { split: true });
}

if (isMain(import.meta.url)) await bundleAction(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
