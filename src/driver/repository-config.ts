import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { IsthmusError } from '../errors.js';
import { DEFAULT_YAML_LIMITS, type LoadOptions } from '../dsl/index.js';

export class RepositoryConfigError extends IsthmusError {
  override readonly name = 'RepositoryConfigError';
  constructor(message: string) {
    super('config.invalid', message);
  }
}

/**
 * What a repository's `.isthmus.yaml` adds to the loading of its blueprints:
 * `blueprintImports: {id: path}` (also how a Component's blueprint id is found),
 * `pluginDirs: [dir]`, and `limits: {fileBytes, totalBytes}` to raise the loader's
 * 256 KiB-per-file and 768 KiB-per-blueprint limits. Read by the CLI and by the driver when it
 * plans a Component's child blueprint, so both load it the same way.
 */
export function readRepositoryConfig(rootDir: string): Pick<LoadOptions, 'blueprintImports' | 'pluginDirs' | 'limits' | 'maxTotalBytes'> {
  const out: Pick<LoadOptions, 'blueprintImports' | 'pluginDirs' | 'limits' | 'maxTotalBytes'> = { blueprintImports: {}, pluginDirs: [] };
  const configFile = path.join(rootDir, '.isthmus.yaml');
  if (!existsSync(configFile)) return out;
  const config = parse(readFileSync(configFile, 'utf8')) as {
    blueprintImports?: Record<string, string>;
    pluginDirs?: string[];
    limits?: { fileBytes?: unknown; totalBytes?: unknown };
  } | null;
  Object.assign(out.blueprintImports!, config?.blueprintImports ?? {});
  for (const dir of config?.pluginDirs ?? []) out.pluginDirs!.push(path.resolve(rootDir, dir));
  const { fileBytes, totalBytes } = config?.limits ?? {};
  if (fileBytes !== undefined) {
    if (typeof fileBytes !== 'number' || !(fileBytes > 0)) throw new RepositoryConfigError(`.isthmus.yaml: limits.fileBytes must be a positive number`);
    out.limits = { ...DEFAULT_YAML_LIMITS, maxBytes: fileBytes };
  }
  if (totalBytes !== undefined) {
    if (typeof totalBytes !== 'number' || !(totalBytes > 0)) throw new RepositoryConfigError(`.isthmus.yaml: limits.totalBytes must be a positive number`);
    out.maxTotalBytes = totalBytes;
  }
  return out;
}
