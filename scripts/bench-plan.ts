/**
 * Planner benchmark: synthetic blueprints with 100, 1,000 and 5,000 node templates
 * (chains, fan-outs, contained_in hosts, ~10 instances each) loaded and planned in-process.
 * Prints one JSON line per size: templates, instances, ms (median of runs), peak RSS MB.
 *
 *   npm run bench:plan
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_YAML_LIMITS, parseBlueprint } from '../src/dsl/index.js';
import { planDeployment } from '../src/plan/index.js';

function syntheticBlueprint(templates: number): string {
  const lines = [
    'tosca_definitions_version: cloudify_dsl_1_5',
    'imports:',
    '  - cloudify/types/types.yaml',
    'inputs:',
    '  replicas: { type: integer, default: 10 }',
    'node_types:',
    '  bench.Service:',
    '    derived_from: cloudify.nodes.SoftwareComponent',
    '    properties:',
    '      port: { type: integer, default: 80 }',
    '      tags: { type: dict, default: {} }',
    '    interfaces:',
    '      cloudify.interfaces.lifecycle:',
    '        create: { implementation: scripts/create.sh, inputs: { name: { default: { get_property: [SELF, port] } } } }',
    'node_templates:',
  ];
  const hosts = Math.max(1, Math.floor(templates / 10));
  for (let h = 0; h < hosts; h++) {
    lines.push(`  host${h}:`, '    type: cloudify.nodes.Compute', '    capabilities: { scalable: { properties: { default_instances: 2 } } }');
  }
  for (let i = 0; i < templates - hosts; i++) {
    lines.push(`  svc${i}:`, '    type: bench.Service', '    properties:', `      port: ${1000 + i}`, `      tags: { name: { concat: [svc, '${i}'] } }`);
    const rels: string[] = [];
    if (i % 3 === 0) {
      // contained in a host: 2 hosts x 5 = 10 instances
      lines.push('    capabilities: { scalable: { properties: { default_instances: 5 } } }');
      rels.push(`      - { type: cloudify.relationships.contained_in, target: host${i % hosts} }`);
    } else {
      lines.push('    capabilities: { scalable: { properties: { default_instances: { get_input: replicas } } } }');
    }
    if (i > 0 && i % 3 === 1) rels.push(`      - { type: cloudify.relationships.depends_on, target: svc${i - 1} }`); // chain
    if (i >= 10 && i % 10 === 2)
      rels.push(`      - { type: cloudify.relationships.connected_to, target: svc${i - 10}, properties: { connection_type: all_to_one } }`); // fan-in
    if (rels.length > 0) lines.push('    relationships:', ...rels);
  }
  return `${lines.join('\n')}\n`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The synthetic blueprints exceed the default file limits, as a user raises them in .isthmus.yaml. */
const LARGE = { limits: { ...DEFAULT_YAML_LIMITS, maxBytes: 8 * 1024 * 1024 }, maxTotalBytes: 8 * 1024 * 1024 };

const dir = mkdtempSync(path.join(tmpdir(), 'isthmus-bench-'));
// The script the synthetic types run: a blueprint's scripts must exist for it to load.
mkdirSync(path.join(dir, 'scripts'));
writeFileSync(path.join(dir, 'scripts', 'create.sh'), 'true\n');
try {
  const results: Record<number, number> = {};
  for (const templates of [100, 1000, 5000]) {
    const file = path.join(dir, `bp-${templates}.yaml`);
    writeFileSync(file, syntheticBlueprint(templates));
    const runs = templates >= 5000 ? 3 : 5;
    const times: number[] = [];
    let instances = 0;
    let peak = 0;
    for (let r = 0; r < runs + 1; r++) {
      (globalThis as { gc?: () => void }).gc?.();
      const t0 = performance.now();
      const plan = planDeployment(parseBlueprint(file, { rootDir: dir, ...LARGE }), { seed: 'bench' });
      const ms = performance.now() - t0;
      peak = Math.max(peak, process.memoryUsage().rss);
      instances = plan.nodeInstances.length;
      if (r > 0) times.push(ms); // first run warms the JIT and the type-library cache
    }
    results[templates] = median(times);
    console.log(JSON.stringify({ templates, instances, ms: Math.round(median(times)), peakRssMb: Math.round(peak / 1048576) }));
  }
  console.log(JSON.stringify({ ratio5000to1000: Number((results[5000]! / results[1000]!).toFixed(2)), goal: { ms1000: 500, ratioMax: 6 } }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
