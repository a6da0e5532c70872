/**
 * Loader benchmark over hostile blueprints: alias bombs, deep nesting, huge scalars, unterminated
 * quotes, oversized files and many imports. Each case runs in a child process of its own (so its
 * memory is its own) and prints one JSON line: the case, whether it loaded or was refused (with
 * the diagnostic's code and position), wall ms of loadBlueprint, and the process's peak RSS
 * growth in MB over its state before loading. Goal: every case within 1 s and 100 MB.
 *
 *   npm run bench:loader
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBlueprint } from '../src/dsl/index.js';

const HEADER = 'tosca_definitions_version: cloudify_dsl_1_5\nimports:\n  - cloudify/types/types.yaml\n';
const MB = 1024 * 1024;

/** Lines from `line(i)` until the text would reach `bytes`. */
function linesUpTo(bytes: number, first: string[], line: (i: number) => string): string {
  const lines = [...first];
  let size = first.join('\n').length;
  for (let i = 0; ; i++) {
    const next = line(i);
    if (size + next.length + 1 > bytes) break;
    lines.push(next);
    size += next.length + 1;
  }
  return lines.join('\n');
}

/** Each case writes its files into `dir` and returns the main blueprint's path. */
const CASES: Record<string, (dir: string) => string> = {
  'billion-laughs': (dir) => {
    const lines = [`${HEADER}dsl_definitions:`, '  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) lines.push(`  a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    lines.push('node_templates:\n  n: { type: cloudify.nodes.Root, properties: { x: *a9 } }');
    return write(dir, 'blueprint.yaml', lines.join('\n'));
  },
  'deep-nesting': (dir) =>
    write(
      dir,
      'blueprint.yaml',
      `${HEADER}node_templates:\n  n: { type: cloudify.nodes.Root, properties: { x: ${'['.repeat(50_000)}${']'.repeat(50_000)} } }\n`,
    ),
  'huge-scalar': (dir) =>
    write(dir, 'blueprint.yaml', `${HEADER}node_templates:\n  n: { type: cloudify.nodes.Root, properties: { x: "${'x'.repeat(MB - 200)}" } }\n`),
  'many-nodes-at-file-limit': (dir) =>
    write(
      dir,
      'blueprint.yaml',
      linesUpTo(256 * 1024 - 100, [`${HEADER}node_templates:`], (i) => `  n${i}: { type: cloudify.nodes.Root }`),
    ),
  'many-nodes-1mb': (dir) =>
    write(
      dir,
      'blueprint.yaml',
      linesUpTo(MB - 100, [`${HEADER}node_templates:`], (i) => `  n${i}: { type: cloudify.nodes.Root }`),
    ),
  'unterminated-quotes-250kb': (dir) =>
    write(
      dir,
      'blueprint.yaml',
      linesUpTo(250 * 1024, [HEADER.trimEnd(), 'inputs:'], (i) => `  i${i}: "open`),
    ),
  'unterminated-quotes-120kb': (dir) =>
    write(
      dir,
      'blueprint.yaml',
      linesUpTo(120 * 1024, [HEADER.trimEnd(), 'inputs:'], (i) => `  i${i}: { default: 'open`),
    ),
  'file-8mb': (dir) => write(dir, 'blueprint.yaml', `${HEADER}node_templates:\n${'  # padding\n'.repeat((8 * MB) / 12)}`),
  'six-250kb-imports': (dir) => {
    const imports: string[] = [];
    for (let f = 0; f < 6; f++) {
      write(
        dir,
        `types${f}.yaml`,
        linesUpTo(250 * 1024, ['tosca_definitions_version: cloudify_dsl_1_5', 'node_types:'], (i) => `  t${f}_${i}: { derived_from: cloudify.nodes.Root }`),
      );
      imports.push(`  - types${f}.yaml`);
    }
    return write(dir, 'blueprint.yaml', `${HEADER}${imports.join('\n')}\nnode_templates:\n  n: { type: cloudify.nodes.Root }\n`);
  },
  '500-imports': (dir) => {
    const imports: string[] = [];
    for (let f = 0; f < 600; f++) {
      write(dir, `lib/t${f}.yaml`, `tosca_definitions_version: cloudify_dsl_1_5\nnode_types:\n  t${f}: { derived_from: cloudify.nodes.Root }\n`);
      imports.push(`  - lib/t${f}.yaml`);
    }
    return write(dir, 'blueprint.yaml', `${HEADER}${imports.join('\n')}\nnode_templates:\n  n: { type: cloudify.nodes.Root }\n`);
  },
};

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** In the child: load one case and print its line. */
function runCase(name: string): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'isthmus-bench-loader-'));
  try {
    const file = CASES[name]!(dir);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const result = loadBlueprint(file, { rootDir: dir });
    const ms = performance.now() - started;
    const peakMb = (process.resourceUsage().maxRSS * 1024 - rssBefore) / MB;
    const error = result.diagnostics.find((d) => d.severity === 'error');
    const outcome = error
      ? {
          refused: `${error.code} at ${error.position ? `${path.basename(error.position.file)}:${error.position.line}:${error.position.column}` : '(no position)'}`,
        }
      : { loaded: true };
    process.stdout.write(
      `${JSON.stringify({ case: name, ...outcome, ms: Math.round(ms), peakRssGrowthMb: Math.round(Math.max(0, peakMb)), withinGoal: ms <= 1000 && peakMb <= 100 && (!error || error.position !== undefined) })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const which = process.argv.indexOf('--case');
if (which >= 0) runCase(process.argv[which + 1]!);
else {
  for (const name of Object.keys(CASES)) {
    process.stdout.write(
      execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--case', name], { encoding: 'utf8', maxBuffer: 16 * MB }),
    );
  }
}
