/** Bundles the step Lambda (lambdas/step/handler.ts) into <dir>/index.mjs (handler: index.handler) and its plugin chunks. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { bundle, isMain, repositoryRoot } from './bundle.js';

export async function bundleStepLambda(dir = path.join(repositoryRoot(), 'build', 'lambda', 'step')): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  await bundle('lambdas/step/handler.ts', path.join(dir, 'index.mjs'), { split: true });
  return dir;
}

if (isMain(import.meta.url)) await bundleStepLambda(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
