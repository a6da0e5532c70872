/** Bundles the step Lambda (lambdas/step/handler.ts) into <dir>/index.mjs (handler: index.handler). */
import path from 'node:path';
import { bundle, isMain, repositoryRoot } from './bundle.js';

export async function bundleStepLambda(dir = path.join(repositoryRoot(), 'build', 'lambda', 'step')): Promise<string> {
  await bundle('lambdas/step/handler.ts', path.join(dir, 'index.mjs'));
  return dir;
}

if (isMain(import.meta.url)) await bundleStepLambda(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
