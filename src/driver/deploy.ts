import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BlueprintError, defaultRootDir, loadBlueprint, type LoadOptions, type YamlMap } from '../dsl/index.js';
import { createDeployment, digestOf, startUpdate, type UpdateStart } from '../engine/index.js';
import { planDeployment, type DeploymentPlan, type PluginCatalog } from '../plan/index.js';
import { ConflictError, type DeploymentRecord, type ExecutionTrigger, type StateStore } from '../state/index.js';
import type { RetryDefaults } from '../workflows/index.js';
import { componentReferences, unsupportedComponents } from './component-blueprints.js';
import { readRepositoryConfig } from './repository-config.js';
import { blueprintDirectoryDigests, shipBlueprintFiles } from './ship.js';

/** A blueprint loaded and planned, with the digest that says whether it (or its inputs) changed. */
export interface PlannedBlueprint {
  plan: DeploymentPlan;
  digest: string;
  /** The blueprint file as stored on the deployment (relative to the working directory). */
  blueprintFile: string;
}

/** Loads and plans a blueprint; a blueprint error throws BlueprintError with every diagnostic. */
export function planBlueprint(file: string, options: LoadOptions, catalog: PluginCatalog, cwd: string = process.cwd()): PlannedBlueprint {
  const result = loadBlueprint(file, options);
  if (!result.blueprint) throw new BlueprintError(result.diagnostics);
  const plan = planDeployment(result.blueprint, { catalog });
  // Components: their child blueprints are part of what is reviewed, and one that cannot be found is reported now.
  const rootDir = options.rootDir ?? defaultRootDir(file);
  const imports = { ...readRepositoryConfig(rootDir).blueprintImports, ...(options.blueprintImports ?? {}) };
  const components = componentReferences(plan.nodes, { parentFile: path.resolve(file), rootDir, imports });
  plan.unsupported.push(...unsupportedComponents(components));
  const children = components.flatMap((c) => (c.file ? [c.file] : []));
  return {
    plan,
    digest: planDigest(file, result.blueprint.files, result.blueprint.inputValues, children),
    blueprintFile: path.relative(cwd, path.resolve(file)),
  };
}

/**
 * What a reviewer approves: every file of the blueprint's directory (scripts and resource files
 * run from there, or from the shipped copy of it), every YAML file the blueprint imported from
 * elsewhere, and the input values. A change to any of them is a different plan, even when the
 * YAML is the same: a script gaining `curl … | sh` must not apply under an old approval.
 */
export function planDigest(file: string, loadedFiles: readonly string[], inputValues: YamlMap, componentFiles: readonly string[] = []): string {
  const root = path.dirname(path.resolve(file));
  const directory = blueprintDirectoryDigests(root);
  // A Component's blueprint directory, unless the blueprint's own directory holds it (then its files are in `directory`).
  const components: Record<string, Record<string, string>> = {};
  for (const child of componentFiles) {
    const rel = path.relative(root, path.dirname(child)).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) components[rel] ??= blueprintDirectoryDigests(path.dirname(child));
  }
  const imported: Record<string, string> = {};
  for (const f of loadedFiles) {
    if (f.startsWith('isthmus:')) imported[f] = f;
    else {
      const rel = path.relative(root, path.resolve(f)).split(path.sep).join('/');
      if (!(rel in directory)) imported[rel] = createHash('sha256').update(readFileSync(f)).digest('hex');
    }
  }
  const withComponents = Object.keys(components).length > 0 ? { components } : {};
  return digestOf(JSON.stringify({ format: 'isthmus.plan-digest/2', directory, imported, ...withComponents }), JSON.stringify(inputValues));
}

/** How the driver hands the blueprint's files to the steps. */
export interface ShipOptions {
  /** Ship the blueprint directory to the state table (AWS mode: the step Lambda has no checkout). */
  ship?: boolean;
}

/** Creates the deployment from a blueprint unless it exists. The deployment keeps the inputs given; the plan has the values. */
export async function ensureDeployment(
  store: StateStore,
  id: string,
  file: string,
  options: LoadOptions,
  catalog: PluginCatalog,
  shipping: ShipOptions = {},
): Promise<{ deployment: DeploymentRecord; created: boolean; planned?: PlannedBlueprint }> {
  const existing = await store.getDeployment(id);
  if (existing) return { deployment: existing, created: false };
  const planned = planBlueprint(file, options, catalog);
  const resources = shipping.ship ? await shipBlueprintFiles(store, file) : undefined;
  let deployment: DeploymentRecord;
  try {
    deployment = await createDeployment(store, {
      id,
      blueprintFile: planned.blueprintFile,
      blueprintDigest: planned.digest,
      ...(resources ? { resources } : {}),
      inputs: options.inputs ?? {},
      plan: planned.plan,
    });
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    // Another driver created it at the same moment (or is creating it): use theirs once it is whole.
    for (let waited = 0; waited < 15_000; waited += 250) {
      const theirs = await store.getDeployment(id);
      if (theirs) return { deployment: theirs, created: false };
      await new Promise((r) => setTimeout(r, 250));
    }
    throw err;
  }
  return { deployment, created: true, planned };
}

/** Starts a deployment update from a blueprint (default: the deployment's own file, re-read) and new inputs merged over the stored ones. */
export async function startBlueprintUpdate(
  store: StateStore,
  deployment: DeploymentRecord,
  file: string | undefined,
  options: LoadOptions,
  parameters: YamlMap,
  catalog: PluginCatalog,
  shipping: ShipOptions = {},
  execution: { executionId?: string; retries?: RetryDefaults; cwd?: string; drifted?: string[]; trigger?: ExecutionTrigger } = {},
): Promise<{ started: UpdateStart; planned: PlannedBlueprint }> {
  const inputs = { ...deployment.inputs, ...(options.inputs ?? {}) };
  const source = file ?? deployment.blueprintFile;
  const { cwd, ...start } = execution;
  const planned = planBlueprint(source, { ...options, inputs }, catalog, cwd);
  // A preview changes nothing, so it ships nothing.
  const resources = shipping.ship && parameters['preview'] !== true ? await shipBlueprintFiles(store, source, deployment.resources) : undefined;
  const started = await startUpdate(
    store,
    deployment.id,
    { plan: planned.plan, inputs, blueprintFile: planned.blueprintFile, blueprintDigest: planned.digest, ...(resources ? { resources } : {}) },
    parameters,
    { catalog, ...start },
  );
  return { started, planned };
}
