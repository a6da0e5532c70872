import type { Command } from 'commander';
import { IsthmusError } from '../errors.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { defaultRootDir, parseYamlValue, type LoadOptions, type YamlMap } from '../dsl/index.js';
import { readRepositoryConfig } from '../driver/repository-config.js';

export interface BlueprintCliOptions {
  input?: string[];
  plugins?: string[];
  blueprintImport?: string[];
  root?: string;
}

/** The flags of every command that loads a blueprint (validate, plan, install, update). */
export function blueprintFlags(cmd: Command): Command {
  return cmd
    .option('-i, --input <file|key=value>', 'blueprint inputs: a YAML/JSON file or key=value (repeatable)', collect, [])
    .option('--plugins <dir>', 'directory of plugin type files laid out as <name>/plugin.yaml (repeatable)', collect, [])
    .option('--blueprint-import <id=path>', 'map a blueprint:<id> import to a file (repeatable)', collect, [])
    .option('--root <dir>', 'imports may not leave this directory (default: the repository root)');
}

/** Thrown for bad command-line arguments; rendered once by the CLI entry. */
export class UsageError extends IsthmusError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super('cli.usage', message);
  }
}

/**
 * Builds load options from CLI flags and the repository's `.isthmus.yaml`
 * (`blueprintImports: {id: path}`, `pluginDirs: [dir]`, `limits: {fileBytes, totalBytes}` to
 * raise the loader's 256 KiB-per-file and 768 KiB-per-blueprint limits).
 */
export function loadOptionsFrom(blueprint: string, flags: BlueprintCliOptions): LoadOptions {
  const rootDir = path.resolve(flags.root ?? defaultRootDir(blueprint));
  const options: LoadOptions = { rootDir, inputs: readInputs(flags.input ?? []), pluginDirs: [...(flags.plugins ?? [])], blueprintImports: {} };
  const config = readRepositoryConfig(rootDir);
  Object.assign(options.blueprintImports!, config.blueprintImports);
  options.pluginDirs!.push(...(config.pluginDirs ?? []));
  if (config.limits) options.limits = config.limits;
  if (config.maxTotalBytes !== undefined) options.maxTotalBytes = config.maxTotalBytes;
  for (const pair of flags.blueprintImport ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--blueprint-import expects ID=PATH, got '${pair}'`);
    options.blueprintImports![pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return options;
}

/** `-i inputs.yaml` (YAML or JSON file) and `-i key=value` (value read as YAML), later ones win. */
export function readInputs(specs: string[]): YamlMap {
  const out: YamlMap = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq > 0 && !existsSync(spec)) {
      out[spec.slice(0, eq)] = parseYamlValue(spec.slice(eq + 1));
      continue;
    }
    if (!existsSync(spec)) throw new UsageError(`inputs file '${spec}' does not exist (use KEY=VALUE for a single input)`);
    const value = parse(readFileSync(spec, 'utf8')) as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`inputs file '${spec}' must hold a mapping of input names to values`);
    Object.assign(out, value);
  }
  return out;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
