import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlueprintError, loadBlueprint } from '../src/dsl/index.js';
import { planDeployment } from '../src/plan/index.js';
import { seededRandom } from '../src/plan/ids.js';
import { writeBlueprintFiles } from './support/blueprint-files.js';

/**
 * Mutation fuzzing: every mutated blueprint must end in a plan or in positioned errors,
 * never in an uncaught exception. Seeds are the examples shipped here, and the shared corpus
 * of real Cloudify blueprints when it is checked out beside the repository.
 */
const repoRoot = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(repoRoot, '../shared/corpus/blueprints');
const corpusPlugins = path.resolve(repoRoot, '../shared/corpus/plugins');
const CASES = Number(process.env['ISTHMUS_FUZZ_CASES'] ?? 2000);

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((e) => {
    const full = path.join(dir, e);
    return statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(e) ? [full] : [];
  });
}

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ':',
  '- ',
  '&a ',
  '*a',
  '"',
  "'",
  '\t',
  '{ get_input: nope }',
  '{ get_property: [SELF, x] }',
  '{ concat: 1 }',
  'derived_from: cloudify.nodes.Root',
  '__proto__: 1',
  '<<: *a',
  '!!binary x',
  '%',
  '@',
  '\u0000',
  '\uFFFF',
];

function mutate(text: string, random: () => number): string {
  const lines = text.split('\n');
  const pick = () => Math.floor(random() * lines.length);
  const kind = Math.floor(random() * 7);
  const i = pick();
  switch (kind) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, lines[pick()] ?? '');
      break;
    case 2:
      lines[i] = ' '.repeat(Math.floor(random() * 6)) + (lines[i] ?? '').trimStart();
      break;
    case 3: {
      const line = lines[i] ?? '';
      const at = Math.floor(random() * (line.length + 1));
      lines[i] = line.slice(0, at) + TOKENS[Math.floor(random() * TOKENS.length)] + line.slice(at);
      break;
    }
    case 4:
      lines[i] = (lines[i] ?? '').replace(/[a-z_]+/, (w) => w.split('').reverse().join(''));
      break;
    case 5:
      return lines.slice(0, pick()).join('\n');
    default:
      lines[i] = (lines[i] ?? '').replace(/\d+/, String(Math.floor(random() * 1e6) - 5e5));
  }
  return lines.join('\n');
}

describe('fuzzing the loader and planner with mutated blueprints', () => {
  const seeds = [...yamlFiles(path.join(repoRoot, 'examples')), ...yamlFiles(corpus)]
    .filter((f) => /^tosca_definitions_version:/m.test(readFileSync(f, 'utf8')))
    .map((f) => readFileSync(f, 'utf8'));

  it(`turns ${CASES} mutations into plans or positioned errors, never a crash`, () => {
    expect(seeds.length).toBeGreaterThan(0);
    const dir = writeBlueprintFiles({ 'scripts/create.sh': 'true\n' });
    const file = path.join(dir, 'blueprint.yaml');
    const random = seededRandom(Number(process.env['ISTHMUS_FUZZ_SEED'] ?? 20261124));
    let planned = 0;
    let rejected = 0;
    for (let n = 0; n < CASES; n++) {
      let text = seeds[n % seeds.length]!;
      const rounds = 1 + Math.floor(random() * 3);
      for (let r = 0; r < rounds; r++) text = mutate(text, random);
      writeFileSync(file, text);
      const result = loadBlueprint(file, { rootDir: dir, placeholders: true, pluginDirs: existsSync(corpusPlugins) ? [corpusPlugins] : [] });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (!result.blueprint) {
        rejected++;
        expect(errors.length, text).toBeGreaterThan(0);
        for (const e of errors) expect(e.position, `${e.code}: ${e.message}`).toBeDefined();
        continue;
      }
      try {
        planDeployment(result.blueprint, { seed: String(n) });
        planned++;
      } catch (err) {
        expect(err, text).toBeInstanceOf(BlueprintError);
        rejected++;
      }
    }
    expect(planned + rejected).toBe(CASES);
    expect(planned).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  }, 600_000);
});
