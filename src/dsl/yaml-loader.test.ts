import { describe, expect, it } from 'vitest';
import { Diagnostics } from './errors.js';
import { positionOf, keyPositionOf } from './source-map.js';
import { loadYaml, reindentQuotedContinuations } from './yaml-loader.js';

function load(text: string) {
  const d = new Diagnostics();
  return { value: loadYaml(text, 'f.yaml', d)?.value, diagnostics: d.items };
}

describe('loadYaml', () => {
  it('reads YAML as PyYAML does: yes/no/on/off and True are booleans, y and n are strings', () => {
    expect(load('a: yes\nb: Off\nc: True\nn: 1\ny: n\n').value).toEqual({ a: true, b: false, c: true, n: 1, y: 'n' });
  });

  it('keeps dates as strings and applies << merge keys with local keys winning', () => {
    expect(load('when: 2024-01-03\nbase: &b { x: 1, y: 2 }\nderived: { <<: *b, y: 3 }\n').value).toEqual({
      when: '2024-01-03',
      base: { x: 1, y: 2 },
      derived: { x: 1, y: 3 },
    });
  });

  it('records positions of mappings, keys and values', () => {
    const { value } = load('top:\n  key: value\n  list:\n    - 1\n    - two\n');
    const top = (value as Record<string, Record<string, unknown>>)['top']!;
    expect(positionOf(top, 'key')).toEqual({ file: 'f.yaml', line: 2, column: 8 });
    expect(keyPositionOf(top, 'key')).toEqual({ file: 'f.yaml', line: 2, column: 3 });
    expect(positionOf(top['list'], 1)).toEqual({ file: 'f.yaml', line: 5, column: 7 });
  });

  it('warns about duplicate keys and keeps the later value, like PyYAML', () => {
    const r = load('a: 1\na: 2\n');
    expect(r.value).toEqual({ a: 2 });
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'yaml.duplicate-key', severity: 'warning', position: { file: 'f.yaml', line: 2, column: 1 } }),
    ]);
  });

  it('accepts quoted strings continued without extra indentation, as PyYAML does, with a warning', () => {
    const text = "p:\n  description: 'one\n  two\n  three'\n  required: false\n";
    expect(reindentQuotedContinuations(text)).toBe("p:\n  description: 'one\n    two\n    three'\n  required: false\n");
    const r = load(text);
    expect(r.value).toEqual({ p: { description: 'one two three', required: false } });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['yaml.lenient-indent']);
  });

  it('refuses files over the size limit', () => {
    const d = new Diagnostics();
    expect(loadYaml('a: 1\n'.repeat(100), 'big.yaml', d, { maxBytes: 100, maxDepth: 10, maxNodes: 100 })).toBeUndefined();
    expect(d.items[0]!.code).toBe('yaml.too-large');
  });
});

describe('hostile blueprint files (finding 10: loader denial of service)', () => {
  it('the quote repair looks at each line once: after a quote that never closes, nothing is re-scanned', () => {
    // Before: every later unterminated line scanned to the end of the file again (worse than quadratic).
    const lines = ['inputs:', ...Array.from({ length: 2000 }, (_, i) => `  i${i}: "open`)];
    const repaired = reindentQuotedContinuations(lines.join('\n')).split('\n');
    expect(repaired[1]).toBe('  i0: "open');
    // Everything after the first unterminated quote belongs to it: indented past its key once.
    expect(repaired[2]).toBe('    i1: "open');
    expect(repaired.at(-1)).toBe('    i1999: "open');
  });

  it('refuses a file over the limit before parsing it, with a positioned error', () => {
    const d = new Diagnostics();
    expect(loadYaml('x'.repeat(400 * 1024), 'big.yaml', d)).toBeUndefined();
    expect(d.items.map((i) => [i.code, i.position?.line, i.position?.column])).toEqual([['yaml.too-large', 1, 1]]);
  });

  it('refuses an alias bomb by counting nodes as they are expanded', () => {
    const d = new Diagnostics();
    const lines = [
      'a0: &a0 [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array.from({ length: 10 }, () => `*a${i}`).join(', ')}]`),
    ];
    expect(loadYaml(lines.join('\n'), 'bomb.yaml', d)).toBeUndefined();
    expect(d.items[0]?.code).toBe('yaml.limit');
  });
});
