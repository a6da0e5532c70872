/**
 * Validates and plans every blueprint under a directory and prints one line per file, then a
 * JSON line of why planned blueprints cannot be installed (reason → blueprints), then a JSON
 * summary line. A blueprint is a YAML file with tosca_definitions_version that no other file there
 * imports (imported files are checked through their importers). A planned blueprint is
 * installable when its install workflow needs no operation Isthmus cannot run, and the blueprints
 * its Components install (found as the driver finds them) are installable too.
 *
 *   npm run conformance -- DIR [--plugins DIR] [--json]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadBlueprint, formatDiagnostic, UNSUPPORTED_CODES } from '../src/dsl/index.js';
import { planDeployment, type UnsupportedOperation } from '../src/plan/index.js';
import { defaultPluginRegistry } from '../src/plugins/index.js';
import { componentReferences, unsupportedComponents } from '../src/driver/component-blueprints.js';

function parseArgs(argv: string[]): { dir: string; pluginDirs: string[]; verbose: boolean } {
  const pluginDirs: string[] = [];
  let dir: string | undefined;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--plugins') pluginDirs.push(argv[++i] ?? '');
    else if (a === '--verbose' || a === '-v') verbose = true;
    else dir = a;
  }
  if (!dir) {
    console.error('usage: npm run conformance -- DIR [--plugins DIR] [--verbose]');
    process.exit(2);
  }
  return { dir, pluginDirs, verbose };
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const st = statSync(full);
    if (st.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(entry)) out.push(full);
  }
  return out.sort();
}

/** Files named by other files' relative imports (a cheap textual scan, as a reviewer would do). */
function importedFiles(files: string[]): Set<string> {
  const imported = new Set<string>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const block = /^imports:\s*\n((?:[ \t]*(?:-.*|#.*)?\n)*)/m.exec(text);
    if (!block) continue;
    for (const m of block[1]!.matchAll(/^\s*-\s*['"]?([^'"\s#]+)/gm)) {
      let spec = m[1]!;
      const ns = spec.lastIndexOf('--');
      if (ns > 0) spec = spec.slice(ns + 2);
      if (spec.includes(':')) continue;
      imported.add(path.resolve(path.dirname(f), spec));
    }
  }
  return imported;
}

const { dir, pluginDirs, verbose } = parseArgs(process.argv.slice(2));
const all = yamlFiles(dir);
const imported = importedFiles(all);
const blueprints = all.filter((f) => !imported.has(path.resolve(f)) && /^tosca_definitions_version:/m.test(readFileSync(f, 'utf8')));
const counts = { total: 0, planned: 0, installable: 0, unsupported: 0, invalid: 0, failed: 0 };
const catalog = defaultPluginRegistry().catalog();
const blockers = new Map<string, number>();
/** Planned blueprints (by absolute path), printed once their Components' children are known. */
const planned = new Map<string, { rel: string; line: string; blocking: UnsupportedOperation[]; children: Array<{ node: string; file: string }> }>();

/** Operations the install workflow runs (node and relationship lifecycles). */
const INSTALL_OPERATION =
  /(?:cloudify\.interfaces\.lifecycle\.(?:precreate|create|configure|start|poststart)|cloudify\.interfaces\.relationship_lifecycle\.(?:preconfigure|postconfigure|establish))$/;

/** A reason without the names of one blueprint, so that blueprints group by it. */
function reasonGroup(u: UnsupportedOperation): string {
  if (u.reason.includes('executor host_agent')) return 'runs on a host (executor host_agent): SSH hosts';
  if (u.reason.startsWith("cannot find the Component's blueprint")) return "a Component's blueprint is not in the repository";
  if (/^blueprint_archive '.*' is an archive/.test(u.reason)) return "a Component's blueprint is an archive (Isthmus does not unpack archives)";
  if (u.reason.startsWith('component: ')) return "a Component's child blueprint is not installable";
  return u.reason
    .replace(/'[^']*' is not a declared plugin/, 'a plugin that is not declared')
    .replace(/does not implement '(.+)\.[^.']+'$/, "does not implement '$1.*'");
}
for (const file of blueprints) {
  counts.total++;
  const rel = path.relative(dir, file);
  try {
    const result = loadBlueprint(file, { pluginDirs, placeholders: true, rootDir: dir });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (!result.blueprint) {
      if (errors.every((e) => UNSUPPORTED_CODES.has(e.code))) {
        counts.unsupported++;
        console.log(`unsupported ${rel}: ${errors.map((e) => `${e.code}: ${e.message}`).join('; ')}`);
      } else {
        counts.invalid++;
        const first = errors.find((e) => !UNSUPPORTED_CODES.has(e.code)) ?? errors[0]!;
        console.log(`invalid     ${rel}: ${formatDiagnostic(first)}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`);
        if (verbose) for (const e of errors.slice(1)) console.log(`              ${formatDiagnostic(e)}`);
      }
      continue;
    }
    const plan = planDeployment(result.blueprint, { seed: rel, catalog });
    counts.planned++;
    const components = componentReferences(plan.nodes, { parentFile: path.resolve(file), rootDir: path.resolve(dir), imports: {} });
    const blocking = [...plan.unsupported, ...unsupportedComponents(components)].filter((u) => INSTALL_OPERATION.test(u.operation));
    planned.set(path.resolve(file), {
      rel,
      line: `${plan.nodes.length} nodes, ${plan.nodeInstances.length} instances`,
      blocking,
      children: components.flatMap((c) => (c.file ? [{ node: c.node, file: c.file }] : [])),
    });
  } catch (err) {
    counts.failed++;
    console.log(`failed      ${rel}: ${(err as Error).stack ?? String(err)}`);
  }
}

/** Blocking reasons of a planned blueprint, its Components' child blueprints' included (a child not in the corpus counts as unknown, not as a block). */
function blockingOf(file: string, seen: Set<string> = new Set()): UnsupportedOperation[] {
  const entry = planned.get(file)!;
  if (seen.has(file)) return entry.blocking;
  seen.add(file);
  const out = [...entry.blocking];
  for (const child of entry.children) {
    if (!planned.has(child.file)) continue;
    if (blockingOf(child.file, seen).length > 0)
      out.push({
        node: child.node,
        operation: 'cloudify.interfaces.lifecycle.start',
        implementation: 'cfy_extensions.cloudify_types.component.execute_start',
        reason: `component: its blueprint ${planned.get(child.file)!.rel} is not installable`,
      });
  }
  return out;
}
for (const [file, entry] of planned) {
  const blocking = blockingOf(file);
  if (blocking.length === 0) counts.installable++;
  for (const reason of new Set(blocking.map(reasonGroup))) blockers.set(reason, (blockers.get(reason) ?? 0) + 1);
  const why = blocking.length === 0 ? 'installable' : `not installable: ${[...new Set(blocking.map(reasonGroup))].join('; ')}`;
  console.log(`planned     ${entry.rel}: ${entry.line}; ${why}`);
}
console.log(JSON.stringify({ notInstallableBecause: Object.fromEntries([...blockers].sort((a, b) => b[1] - a[1])) }));
console.log(JSON.stringify(counts));
process.exitCode = counts.failed > 0 ? 1 : 0;
