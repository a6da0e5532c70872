import { existsSync, readFileSync } from 'node:fs';
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

const HEAVY = ['@kubernetes/client-node', '@aws-sdk/client-ec2', '@aws-sdk/client-eks', '@aws-sdk/client-iam', '@aws-sdk/client-route-53', '@aws-sdk/client-ssm', '@aws-sdk/client-sts'];

describe('the import graph', () => {
  it('the plugin registry loads no plugin client: each plugin is imported when a step first needs it', () => {
    const loaded = packagesLoadedBy('src/plugins/index.ts');
    for (const pkg of HEAVY) expect(loaded.has(pkg), pkg).toBe(false);
  });

  it('the CLI starts without the AWS SDK or the Kubernetes client: commands that need them import them', () => {
    const loaded = [...packagesLoadedBy('src/cli/index.ts')];
    expect(loaded.filter((p) => p.startsWith('@aws-sdk/') || p.startsWith('@kubernetes/') || p.startsWith('@smithy/'))).toEqual([]);
  });

  it('the pure core (dsl, plan, workflows) imports no AWS SDK and no Kubernetes client', () => {
    for (const entry of ['src/dsl/index.ts', 'src/plan/index.ts', 'src/workflows/index.ts']) {
      const loaded = [...packagesLoadedBy(entry)];
      expect(loaded.filter((p) => p.startsWith('@aws-sdk/') || p.startsWith('@kubernetes/')), entry).toEqual([]);
    }
  });
});
