import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleStepLambda } from '../scripts/build-lambda.js';

/** The files a module imports statically (`import … from "./x"` at its top), followed transitively. */
function staticClosure(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/(?:^|[;}])\s*(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?"(\.{1,2}\/[^"]+)"/g))
      visit(path.normalize(path.join(path.dirname(file), m[1]!)));
  };
  visit(entry);
  return [...seen];
}

describe('the step Lambda bundle (#14: a cold start loads its core and the plugin in use)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await bundleStepLambda(path.join(mkdtempSync(path.join(tmpdir(), 'isthmus-lambda-')), 'step'));
  }, 120_000);
  afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('keeps each shipped plugin in a chunk of its own, outside the core the handler loads', () => {
    const core = staticClosure(dir, 'index.mjs');
    const chunks = readdirSync(path.join(dir, 'chunks'));
    for (const plugin of ['kubernetes', 'aws', 'ssm', 'rest', 'http']) {
      const chunk = chunks.find((c) => c.startsWith(`${plugin}-`));
      expect(chunk, plugin).toBeDefined();
      expect(core).not.toContain(path.join('chunks', chunk!));
    }
    const coreBytes = core.reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
    expect(coreBytes).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  });

  it('imports, and every chunk resolves (what Lambda will load)', () => {
    const script = `const m = await import(${JSON.stringify(path.join(dir, 'index.mjs'))});
      if (typeof m.handler !== 'function') throw new Error('no handler');
      for (const c of ${JSON.stringify(readdirSync(path.join(dir, 'chunks')).filter((c) => c.endsWith('.mjs')))}) await import(${JSON.stringify(path.join(dir, 'chunks'))} + '/' + c);
      process.stdout.write('ok');`;
    expect(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        env: { ...process.env, STATE_TABLE: 't', AWS_REGION: 'us-east-1' },
      }),
    ).toBe('ok');
  });
});
