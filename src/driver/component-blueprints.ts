import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isYamlMap, type YamlValue } from '../dsl/index.js';
import type { PlannedNode, UnsupportedOperation } from '../plan/index.js';
import type { ChildRequest } from '../state/index.js';
import { WorkflowError } from '../workflows/index.js';

const ARCHIVE = /\.(zip|tar|tgz|tar\.gz|tar\.bz2|tbz2)$/i;

export interface ComponentBlueprintLookup {
  /** The parent blueprint's file (absolute). */
  parentFile: string;
  /** The repository: a Component's blueprint must be inside it. */
  rootDir: string;
  /** blueprintImports: blueprint id → path relative to rootDir. */
  imports: Record<string, string>;
}

/**
 * The file of a Component's blueprint, inside the repository. Cloudify uploads `blueprint_archive`
 * (usually a URL) to its manager under `id`; Isthmus has no blueprint catalogue and fetches
 * nothing, so the blueprint is found in the repository, in this order: `id` mapped in
 * `blueprintImports` (`.isthmus.yaml` or --blueprint-import, as for `blueprint:` imports); an
 * archive that is a directory or YAML file of the repository (relative to the parent blueprint);
 * and, when the archive is one Isthmus does not have (a URL, or the parent's own archive on a
 * manager), `main_file_name` beside the parent blueprint — blueprint examples ship the child in
 * the same archive as the parent.
 */
export function resolveChildBlueprint(blueprint: Extract<ChildRequest, { action: 'create' }>['blueprint'], where: ComponentBlueprintLookup): string {
  const parentDir = path.dirname(where.parentFile);
  const mainFile = blueprint.mainFile || 'blueprint.yaml';
  const candidates: string[] = [];
  if (blueprint.id && Object.hasOwn(where.imports, blueprint.id)) candidates.push(path.resolve(where.rootDir, where.imports[blueprint.id]!));
  const archive = blueprint.archive ?? '';
  const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(archive);
  const local = archive && !remote ? path.resolve(parentDir, archive) : undefined;
  if (local && existsSync(local)) {
    if (ARCHIVE.test(archive))
      throw new WorkflowError(
        `blueprint_archive '${archive}' is an archive; Isthmus does not unpack archives: point it at the blueprint's directory in the repository`,
        'component.archive',
      );
    candidates.push(statSync(local).isDirectory() ? path.join(local, mainFile) : local);
  } else if (archive && blueprint.mainFile) candidates.push(path.resolve(parentDir, blueprint.mainFile));
  const inside = (p: string) => {
    const rel = path.relative(where.rootDir, p);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  for (const candidate of candidates) {
    if (!inside(candidate)) throw new WorkflowError(`the Component's blueprint ${candidate} is outside the repository ${where.rootDir}`, 'component.outside');
    // A blueprint is never its own Component.
    if (candidate !== where.parentFile && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  const tried = candidates.length > 0 ? ` (looked for ${candidates.map((c) => path.relative(where.rootDir, c)).join(', ')})` : '';
  throw new WorkflowError(
    `cannot find the Component's blueprint${blueprint.id ? ` '${blueprint.id}'` : ''}${remote ? ` (blueprint_archive ${archive} is not fetched)` : ''}${tried}; ` +
      `keep it in the repository and map its id: add "blueprintImports: {${blueprint.id || 'ID'}: path/to/blueprint.yaml}" to .isthmus.yaml or pass --blueprint-import`,
    'component.blueprint',
  );
}

/** A Component node of a plan and the blueprint it installs, when its resource_config names one without functions. */
export interface ComponentReference {
  node: string;
  /** The child blueprint's file; absent when it cannot be found (`problem`) or is named by a function only a step evaluates. */
  file?: string;
  problem?: string;
}

const plainText = (v: YamlValue | undefined): v is string | undefined => v === undefined || v === null || typeof v === 'string';

/**
 * The child blueprints of a plan's Components, found as their configure operation will find them,
 * for what the driver does before anything runs: the plan digest covers the children's files (a
 * reviewed plan covers what its Components install), and `plan` reports a child it cannot find.
 * Components attached to an existing deployment (external_resource) install nothing.
 */
export function componentReferences(nodes: readonly PlannedNode[], where: ComponentBlueprintLookup): ComponentReference[] {
  const out: ComponentReference[] = [];
  for (const node of nodes) {
    if (!node.typeHierarchy.includes('cloudify.nodes.Component')) continue;
    const config = isYamlMap(node.properties['resource_config']) ? node.properties['resource_config'] : {};
    const blueprint = isYamlMap(config['blueprint']) ? config['blueprint'] : {};
    const deployment = isYamlMap(config['deployment']) ? config['deployment'] : {};
    if (deployment['external_resource'] === true) continue;
    const id = blueprint['id'];
    const archive = blueprint['blueprint_archive'];
    const mainFile = blueprint['main_file_name'];
    if (!plainText(id) || !plainText(archive) || !plainText(mainFile)) continue;
    try {
      out.push({
        node: node.id,
        file: resolveChildBlueprint({ ...(id ? { id } : {}), ...(archive ? { archive } : {}), ...(mainFile ? { mainFile } : {}) }, where),
      });
    } catch (err) {
      if (!(err instanceof WorkflowError)) throw err;
      out.push({ node: node.id, problem: err.message });
    }
  }
  return out;
}

/** A Component whose blueprint cannot be found cannot be installed: its configure operation is what fails. */
export function unsupportedComponents(references: readonly ComponentReference[]): UnsupportedOperation[] {
  return references
    .filter((r) => r.problem)
    .map((r) => ({
      node: r.node,
      operation: 'cloudify.interfaces.lifecycle.configure',
      implementation: 'cfy_extensions.cloudify_types.component.create',
      reason: r.problem!,
    }));
}
