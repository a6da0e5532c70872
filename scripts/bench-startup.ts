/**
 * Start-up benchmark: what a user pays on every command and a Lambda on every cold start. Each
 * case runs as a whole process several times; one JSON line per case gives the median wall time
 * and peak RSS, beside a bare `node -e 0` on the same machine, and the bundles' sizes.
 *
 *   npm run bench:startup
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleStepLambda } from './build-lambda.js';
import { repositoryRoot } from './bundle.js';

const RUNS = Number(process.env['ISTHMUS_BENCH_RUNS'] ?? 5);
const root = repositoryRoot();
const work = mkdtempSync(path.join(tmpdir(), 'isthmus-bench-startup-'));
// Preloaded into every measured process: its peak RSS, written when it exits.
const probe = path.join(work, 'probe.mjs');
writeFileSync(
  probe,
  "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.ISTHMUS_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(name: string, args: string[], extra: Record<string, unknown> = {}): void {
  const walls: number[] = [];
  const rss: number[] = [];
  const rssFile = path.join(work, 'rss');
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--import', probe, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ISTHMUS_BENCH_RSS_FILE: rssFile, AWS_REGION: 'us-east-1' },
    });
    walls.push(performance.now() - started);
    if (r.error) throw r.error;
    rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  process.stdout.write(`${JSON.stringify({ case: name, ms: Math.round(median(walls)), peakRssMb: Math.round(median(rss)), runs: RUNS, ...extra })}\n`);
}

try {
  const cli = path.join(root, 'bin', 'isthmus.js');
  const example = path.join(root, 'examples', 'hello-world', 'blueprint.yaml');
  const lambdaFile = path.join(await bundleStepLambda(path.join(work, 'step')), 'index.mjs');
  const action = path.join(root, 'dist', 'index.js');
  measure('node -e 0', ['-e', '0']);
  measure('isthmus --help', [cli, '--help']);
  measure('isthmus validate hello-world', [cli, 'validate', example]);
  measure('isthmus plan hello-world', [cli, 'plan', example]);
  // Importing the handler module is what a cold start pays before the first event.
  measure('step Lambda: import the handler', ['--input-type=module', '-e', `await import(${JSON.stringify(lambdaFile)})`], {
    bundleBytes: statSync(lambdaFile).size,
  });
  measure('action: parse dist/index.js', ['--check', action], { bundleBytes: statSync(action).size });
} finally {
  rmSync(work, { recursive: true, force: true });
}
