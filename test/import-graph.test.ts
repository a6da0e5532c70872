import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** The packages a module loads at import time: static imports only, followed through our own files. */
function packagesLoadedBy(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // `import … from 'x'` and `export … from 'x'`, but not `import type`/`export type` nor import().
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) {
        const ts = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
        if (existsSync(ts)) visit(ts);
      } else if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(path.join(root, entry));
  return packages;
}

/** Our own modules each source module imports at load time (type-only imports are erased). */
function sourceGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        const text = readFileSync(full, 'utf8');
        const deps = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+'(\.[^']+)'/gm)]
          .map((m) => path.resolve(path.dirname(full), m[1]!.replace(/\.js$/, '.ts')))
          .filter((f) => existsSync(f));
        graph.set(full, deps);
      }
    }
  };
  walk(path.join(root, 'src'));
  return graph;
}

const HEAVY = [
  '@kubernetes/client-node',
  '@aws-sdk/client-ec2',
  '@aws-sdk/client-eks',
  '@aws-sdk/client-iam',
  '@aws-sdk/client-route-53',
  '@aws-sdk/client-ssm',
  '@aws-sdk/client-sts',
];

describe('the import graph', () => {
  it('the plugin registry loads no plugin client: each plugin is imported when a step first needs it', () => {
    const loaded = packagesLoadedBy('src/plugins/index.ts');
    for (const pkg of HEAVY) expect(loaded.has(pkg), pkg).toBe(false);
  });

  it('has no import cycle between modules', () => {
    const graph = sourceGraph();
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(root, f)).join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const dep of graph.get(file) ?? []) visit(dep, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('the CLI starts without the AWS SDK or the Kubernetes client: commands that need them import them', () => {
    const loaded = [...packagesLoadedBy('src/cli/index.ts')];
    expect(loaded.filter((p) => p.startsWith('@aws-sdk/') || p.startsWith('@kubernetes/') || p.startsWith('@smithy/'))).toEqual([]);
  });

  it('the core (dsl, plan, workflows, engine, runtime, state port) imports no AWS SDK and no Kubernetes client; adapters do', () => {
    for (const entry of [
      'src/dsl/index.ts',
      'src/plan/index.ts',
      'src/workflows/index.ts',
      'src/engine/index.ts',
      'src/runtime/index.ts',
      'src/state/index.ts',
    ]) {
      const loaded = [...packagesLoadedBy(entry)];
      expect(
        loaded.filter((p) => p.startsWith('@aws-sdk/') || p.startsWith('@kubernetes/')),
        entry,
      ).toEqual([]);
    }
    expect(packagesLoadedBy('src/state/dynamodb-adapter.ts').has('@aws-sdk/client-dynamodb')).toBe(true);
  });

  it('reads the process environment only at the entry points: everything else receives typed settings from the composition root', () => {
    // The ctx client's source is a program of its own: the `ctx` command a script runs, reading the script's environment.
    const entryPoints = new Set(['src/cli/index.ts', 'src/action/index.ts', 'lambdas/step/handler.ts', 'src/plugins/script/ctx-client.ts']);
    const readers: string[] = [];
    for (const dir of ['src', 'lambdas']) {
      const walk = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          const full = path.join(d, e.name);
          if (e.isDirectory()) walk(full);
          else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && /\bprocess\.env\b/.test(readFileSync(full, 'utf8')))
            readers.push(path.relative(root, full));
        }
      };
      walk(path.join(root, dir));
    }
    expect(readers.filter((f) => !entryPoints.has(f))).toEqual([]);
  });

  it('only the composition root (and the entry points through it) builds adapters', () => {
    const importers = [...sourceGraph()]
      .filter(([, deps]) => deps.some((d) => d.endsWith(path.join('state', 'dynamodb-adapter.ts')) || d.endsWith(path.join('runtime', 'secrets-manager.ts'))))
      .map(([f]) => path.relative(root, f));
    expect(importers.sort()).toEqual(['src/compose.ts']);
  });
});
