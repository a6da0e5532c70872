/** Bundles the action (src/action/index.ts) into dist/index.js: one ESM file, as the runner loads it. */
import path from 'node:path';
import { bundle, isMain, repositoryRoot } from './bundle.js';

export async function bundleAction(outfile = path.join(repositoryRoot(), 'dist', 'index.js')): Promise<void> {
  await bundle('src/action/index.ts', outfile);
}

if (isMain(import.meta.url)) await bundleAction(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
