import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { Diagnostics as DiagnosticsClass, type Diagnostics, type SourcePosition } from './errors.js';
import { loadYaml, isYamlMap, type YamlMap, type YamlValue, type YamlLimits, DEFAULT_YAML_LIMITS } from './yaml-loader.js';
import { positionOf } from './source-map.js';
import { shippedTypeLibrary, shippedPluginLibrary, CLOUDIFY_TYPES_LIBRARY_FILE } from './libraries/index.js';

export const NAMESPACE_DELIMITER = '--';

/** How imports are found: Isthmus never fetches anything from the network while loading a blueprint. */
export interface ImportOptions {
  /** Imports may not resolve outside this directory (default: the repository root containing the blueprint). */
  rootDir?: string;
  /** Directories laid out as `<plugin-name>/plugin[_1_4|_1_5].yaml`, for plugins Isthmus does not ship. */
  pluginDirs?: string[];
  /** `blueprint:<id>` imports: id → path of the blueprint file (relative to the root directory). */
  blueprintImports?: Record<string, string>;
  limits?: YamlLimits;
  /** Most files one blueprint may import (transitively). */
  maxImports?: number;
  /** Most bytes all the blueprint's files read from disk may hold together (default 768 KiB). */
  maxTotalBytes?: number;
}

/** Every file of a blueprint together (the largest real ones, with the AWS plugin's types, are under 500 KB). */
export const DEFAULT_MAX_TOTAL_BYTES = 768 * 1024;

export interface ImportedFile {
  /** Path shown in errors (relative to the working directory where possible). */
  file: string;
  /** Absolute path, or the shipped library's pseudo-path. */
  key: string;
  namespace: string | undefined;
  doc: YamlMap;
  /** Cloudify's basic types are never namespaced and may be redefined by later imports. */
  isCloudifyTypes: boolean;
  /** Resolved from `plugin:<name>`. */
  isPlugin: boolean;
  /** Properties given with a dict-form plugin import (`- plugin:x: {prop: value}`). */
  importProperties?: YamlMap;
}

const CLOUDIFY_TYPES_URL = /^https?:\/\/(www\.)?(cloudify\.co|getcloudify\.org)\/spec\/cloudify\/[^/]+\/types\.yaml$/;
const MANAGER_TYPES_PATH = 'cloudify/types/types.yaml';

export function dslVersionOf(doc: YamlMap): string | undefined {
  const v = doc['tosca_definitions_version'];
  return typeof v === 'string' && v.startsWith('cloudify_dsl_') ? v.slice('cloudify_dsl_'.length) : undefined;
}

/** Finds the repository root above a file (a `.git` entry), or the file's own directory. */
export function defaultRootDir(mainFile: string): string {
  let dir = path.dirname(path.resolve(mainFile));
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.dirname(path.resolve(mainFile));
    dir = parent;
  }
}

function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

function splitNamespace(spec: string): { namespace: string | undefined; target: string } {
  // Cloudify splits on the last delimiter (rpartition).
  const at = spec.lastIndexOf(NAMESPACE_DELIMITER);
  if (at <= 0) return { namespace: undefined, target: spec };
  return { namespace: spec.slice(0, at), target: spec.slice(at + NAMESPACE_DELIMITER.length) };
}

/** Loads the main blueprint file and every file it imports, breadth-first as Cloudify does. */
export function loadImports(mainFile: string, options: ImportOptions, diagnostics: Diagnostics): ImportedFile[] {
  const limits = options.limits ?? DEFAULT_YAML_LIMITS;
  const maxImports = options.maxImports ?? 500;
  const mainAbs = path.resolve(mainFile);
  const rootDir = safeRealpath(path.resolve(options.rootDir ?? defaultRootDir(mainAbs)));
  // The main file too: a symbolic link in a pull request must not read (and echo in an error) a file outside.
  const mainReal = safeRealpath(mainAbs);
  const mainRel = path.relative(rootDir, mainReal);
  if (mainRel.startsWith('..') || path.isAbsolute(mainRel)) {
    diagnostics.error(
      'blueprint.outside-root',
      `the blueprint file resolves outside the blueprint root ${rootDir}`,
      { file: displayPath(mainAbs), line: 1, column: 1 },
      'keep the blueprint inside the repository (a symbolic link may not point out of it), or pass --root',
    );
    return [];
  }
  const mainDoc = readBlueprintFile(mainAbs, displayPath(mainAbs), diagnostics, limits);
  if (!mainDoc) return [];
  // Files read from disk count against one budget, so many large imports cannot add up to a denial of service.
  let budget = (options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES) - fileSize(mainAbs);
  const main: ImportedFile = { file: displayPath(mainAbs), key: mainAbs, namespace: undefined, doc: mainDoc, isCloudifyTypes: false, isPlugin: false };
  const version = dslVersionOf(mainDoc);
  const files: ImportedFile[] = [main];
  const seen = new Set<string>([`${mainAbs}\u0000`]);
  const chains = new Map<ImportedFile, string[]>([[main, [mainAbs]]]);
  const queue: ImportedFile[] = [main];

  while (queue.length > 0) {
    const parent = queue.shift()!;
    const imports = parent.doc['imports'];
    if (imports === undefined || imports === null) continue;
    if (!Array.isArray(imports)) {
      diagnostics.error(
        'import.format',
        "'imports' must be a list",
        positionOf(parent.doc, 'imports'),
        'write each import as a list item: "- path/to/file.yaml"',
      );
      continue;
    }
    const specsSeen = new Set<string>();
    imports.forEach((entry, index) => {
      const at = positionOf(imports, index);
      const parsed = parseImportEntry(entry, at, diagnostics);
      if (!parsed) return;
      if (specsSeen.has(parsed.spec)) {
        diagnostics.error('import.duplicate', `'${parsed.spec}' is imported twice`, at, 'remove the repeated import');
        return;
      }
      specsSeen.add(parsed.spec);
      const { namespace: ownNs, target } = splitNamespace(parsed.spec.trim());
      if (ownNs?.includes(NAMESPACE_DELIMITER)) {
        diagnostics.error('import.namespace', `namespace '${ownNs}' may not contain '${NAMESPACE_DELIMITER}'`, at);
        return;
      }
      const namespace = parent.namespace && ownNs ? `${parent.namespace}${NAMESPACE_DELIMITER}${ownNs}` : (parent.namespace ?? ownNs);
      const resolved = resolveImport(target, parent, version, rootDir, options, at, diagnostics, ownNs);
      if (!resolved) return;
      const effectiveNs = resolved.isCloudifyTypes ? undefined : namespace;
      if (resolved.isCloudifyTypes && ownNs) {
        diagnostics.error(
          'import.namespace',
          "Cloudify's basic types cannot be imported with a namespace",
          at,
          `import '${target}' without '${ownNs}${NAMESPACE_DELIMITER}'`,
        );
        return;
      }
      const seenKey = `${resolved.key}\u0000${effectiveNs ?? ''}`;
      if (seen.has(seenKey)) return; // already imported: Cloudify imports each (file, namespace) once
      const chain = chains.get(parent) ?? [];
      if (chain.includes(resolved.key)) {
        // Same file again under a longer namespace would recurse forever.
        diagnostics.error(
          'import.cycle',
          `import cycle: ${[...chain, resolved.key].map((k) => path.basename(k)).join(' -> ')}`,
          at,
          'remove one of the imports in the cycle',
        );
        return;
      }
      if (files.length >= maxImports) {
        diagnostics.error('import.too-many', `more than ${maxImports} imported files`, at);
        return;
      }
      seen.add(seenKey);
      if (path.isAbsolute(resolved.key)) {
        budget -= fileSize(resolved.key);
        if (budget < 0) {
          diagnostics.error(
            'import.too-large',
            `the blueprint's files together exceed ${options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES} bytes (at '${parsed.spec}')`,
            at,
            'import fewer or smaller files; vendored type files can be trimmed to the types the blueprint uses',
          );
          return;
        }
      }
      const doc = resolved.load();
      if (!doc) return;
      const importVersion = dslVersionOf(doc);
      if (version && importVersion && compareDslVersions(importVersion, version) > 0) {
        diagnostics.error(
          'import.version',
          `'${target}' uses cloudify_dsl_${importVersion}, newer than the main blueprint's cloudify_dsl_${version}`,
          at,
          `raise the main blueprint to cloudify_dsl_${importVersion}`,
        );
      }
      const file: ImportedFile = {
        file: resolved.file,
        key: resolved.key,
        namespace: effectiveNs,
        doc,
        isCloudifyTypes: resolved.isCloudifyTypes || isCloudifyBasicTypes(doc),
        isPlugin: target.startsWith('plugin:'),
      };
      if (parsed.properties) file.importProperties = parsed.properties;
      files.push(file);
      chains.set(file, [...chain, resolved.key]);
      queue.push(file);
    });
  }
  return files;
}

function parseImportEntry(entry: YamlValue, at: SourcePosition | undefined, diagnostics: Diagnostics): { spec: string; properties?: YamlMap } | undefined {
  if (typeof entry === 'string') return { spec: entry };
  if (isYamlMap(entry)) {
    const keys = Object.keys(entry);
    if (keys.length === 1) {
      const props = entry[keys[0]!];
      if (props === null || isYamlMap(props)) return props ? { spec: keys[0]!, properties: props } : { spec: keys[0]! };
    }
  }
  diagnostics.error(
    'import.format',
    'an import must be a string or a single-entry mapping of plugin properties',
    at,
    'write "- plugin:name" or "- plugin:name: {property: value}"',
  );
  return undefined;
}

interface ResolvedImport {
  key: string;
  file: string;
  isCloudifyTypes: boolean;
  load: () => YamlMap | undefined;
}

function resolveImport(
  target: string,
  parent: ImportedFile,
  version: string | undefined,
  rootDir: string,
  options: ImportOptions,
  at: SourcePosition | undefined,
  diagnostics: Diagnostics,
  ownNamespace: string | undefined,
): ResolvedImport | undefined {
  const limits = options.limits ?? DEFAULT_YAML_LIMITS;
  const fromShipped = (name: string, text: string): ResolvedImport => ({
    key: name,
    file: name,
    isCloudifyTypes: name === CLOUDIFY_TYPES_LIBRARY_FILE,
    load: () =>
      cachedLibrary(name, text, diagnostics, (d) => {
        const loaded = loadYaml(text, name, d, limits);
        return loaded && isYamlMap(loaded.value) ? loaded.value : undefined;
      }),
  });
  const fromDisk = (abs: string, library = false): ResolvedImport => ({
    key: abs,
    file: displayPath(abs),
    isCloudifyTypes: false,
    load: () => {
      if (!library) return readBlueprintFile(abs, displayPath(abs), diagnostics, limits);
      // Plugin type files are large and rarely change: reuse their parse while unchanged.
      const st = statSync(abs);
      return cachedLibrary(`${abs}\u0000${st.mtimeMs}\u0000${st.size}`, '', diagnostics, (d) => readBlueprintFile(abs, displayPath(abs), d, limits));
    },
  });

  if (target.startsWith('plugin:')) {
    const name = target.slice('plugin:'.length).split('?')[0]!.trim();
    // A plugin name names a directory inside a plugins directory, never a path out of it.
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) || name.includes('..')) {
      diagnostics.error(
        'import.plugin-name',
        `'${name}' is not a plugin name`,
        at,
        'a plugin name is letters, digits, ".", "_" and "-" (e.g. plugin:cloudify-kubernetes-plugin), not a path',
      );
      return undefined;
    }
    const shipped = shippedPluginLibrary(name, version);
    // A library Isthmus ships whole wins; one it ships in part gives way to the plugin's own file.
    if (shipped && !shipped.partial) return fromShipped(shipped.file, shipped.text);
    for (const dir of options.pluginDirs ?? []) {
      for (const candidate of pluginFileCandidates(version)) {
        const abs = path.resolve(dir, name, candidate);
        if (isFile(abs)) return fromDisk(abs, true);
      }
    }
    if (shipped) return fromShipped(shipped.file, shipped.text);
    diagnostics.error(
      'import.unknown-plugin',
      `plugin '${name}' is neither shipped with Isthmus nor found in a plugins directory`,
      at,
      `pass --plugins DIR where DIR/${name}/plugin.yaml holds its type definitions`,
    );
    return undefined;
  }
  if (target.startsWith('blueprint:')) {
    const id = target.slice('blueprint:'.length).trim();
    if (!ownNamespace) {
      diagnostics.error('import.namespace', `blueprint import '${target}' needs a namespace`, at, `write 'ns--${target}'`);
      return undefined;
    }
    const mapped = options.blueprintImports?.[id];
    if (!mapped) {
      diagnostics.error(
        'import.blueprint-unmapped',
        `blueprint '${id}' is not mapped to a file`,
        at,
        `add "blueprintImports: {${id}: path/to/blueprint.yaml}" to .isthmus.yaml or pass --blueprint-import ${id}=path`,
      );
      return undefined;
    }
    const abs = path.resolve(rootDir, mapped);
    if (!checkInsideRoot(abs, rootDir, target, at, diagnostics)) return undefined;
    if (!isFile(abs)) {
      diagnostics.error('import.not-found', `blueprint '${id}' maps to '${mapped}', which does not exist`, at, 'fix the blueprint import mapping');
      return undefined;
    }
    return fromDisk(abs);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    if (CLOUDIFY_TYPES_URL.test(target)) return fromShipped(CLOUDIFY_TYPES_LIBRARY_FILE, shippedTypeLibrary());
    diagnostics.error(
      'import.remote-url',
      `remote import '${target}' is not fetched: Isthmus never downloads blueprint files during a run`,
      at,
      'vendor the file into the repository and import it by relative path',
    );
    return undefined;
  }
  const parentDir = parent.key.startsWith('isthmus:') ? rootDir : path.dirname(parent.key);
  const abs = path.resolve(parentDir, target);
  if (isFile(abs)) {
    if (!checkInsideRoot(abs, rootDir, target, at, diagnostics)) return undefined;
    return fromDisk(abs);
  }
  if (target.replace(/^\.\//, '') === MANAGER_TYPES_PATH) return fromShipped(CLOUDIFY_TYPES_LIBRARY_FILE, shippedTypeLibrary());
  if (!checkInsideRoot(abs, rootDir, target, at, diagnostics)) return undefined;
  diagnostics.error(
    'import.not-found',
    `imported file '${target}' does not exist (looked for ${displayPath(abs)})`,
    at,
    'check the path; imports are relative to the importing file',
  );
  return undefined;
}

interface CachedLibrary {
  doc: YamlMap | undefined;
  diagnostics: Diagnostics['items'];
}
const libraryCache = new Map<string, CachedLibrary>();

/**
 * Parsed type libraries (shipped and plugin files) are shared between loads; loaded values are
 * never mutated, so sharing is safe. Their diagnostics are replayed to each load.
 */
function cachedLibrary(key: string, text: string, diagnostics: Diagnostics, load: (d: Diagnostics) => YamlMap | undefined): YamlMap | undefined {
  const cacheKey = `${key}\u0000${text.length}`;
  let entry = libraryCache.get(cacheKey);
  if (!entry) {
    const own = new DiagnosticsClass();
    entry = { doc: load(own), diagnostics: own.items };
    if (libraryCache.size > 64) libraryCache.clear();
    libraryCache.set(cacheKey, entry);
  }
  diagnostics.items.push(...entry.diagnostics);
  return entry.doc;
}

function pluginFileCandidates(version: string | undefined): string[] {
  if (version === '1_5') return ['plugin_1_5.yaml', 'plugin_1_4.yaml', 'plugin.yaml'];
  if (version === '1_4') return ['plugin_1_4.yaml', 'plugin.yaml'];
  return ['plugin.yaml'];
}

function checkInsideRoot(abs: string, rootDir: string, target: string, at: SourcePosition | undefined, diagnostics: Diagnostics): boolean {
  const real = safeRealpath(abs);
  const rel = path.relative(rootDir, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    diagnostics.error(
      'import.outside-root',
      `import '${target}' resolves outside the blueprint root ${rootDir}`,
      at,
      'keep imported files inside the repository, or pass --root',
    );
    return false;
  }
  return true;
}

function readBlueprintFile(abs: string, file: string, diagnostics: Diagnostics, limits: YamlLimits): YamlMap | undefined {
  let bytes: Buffer;
  try {
    const size = statSync(abs).size;
    if (size > limits.maxBytes) {
      diagnostics.error(
        'yaml.too-large',
        `file is ${size} bytes; the limit is ${limits.maxBytes}`,
        { file, line: 1, column: 1 },
        'split the blueprint into imported files',
      );
      return undefined;
    }
    bytes = readFileSync(abs);
  } catch (err) {
    diagnostics.error('import.not-found', `cannot read '${file}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      file,
      line: 1,
      column: 1,
    });
    return undefined;
  }
  const loaded = loadYaml(bytes, file, diagnostics, limits);
  if (!loaded) return undefined;
  if (loaded.value === null) return {};
  if (!isYamlMap(loaded.value)) {
    diagnostics.error(
      'blueprint.format',
      'a blueprint file must be a YAML mapping',
      { file, line: 1, column: 1 },
      'start the file with "tosca_definitions_version: cloudify_dsl_1_5"',
    );
    return undefined;
  }
  return loaded.value;
}

function isCloudifyBasicTypes(doc: YamlMap): boolean {
  const meta = doc['metadata'];
  return isYamlMap(meta) && meta['cloudify_types'] === true;
}

function fileSize(abs: string): number {
  try {
    return statSync(abs).size;
  } catch {
    return 0;
  }
}

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export const SUPPORTED_DSL_VERSIONS = ['1_0', '1_1', '1_2', '1_3', '1_4', '1_5'] as const;

export function compareDslVersions(a: string, b: string): number {
  return (
    SUPPORTED_DSL_VERSIONS.indexOf(a as (typeof SUPPORTED_DSL_VERSIONS)[number]) - SUPPORTED_DSL_VERSIONS.indexOf(b as (typeof SUPPORTED_DSL_VERSIONS)[number])
  );
}
