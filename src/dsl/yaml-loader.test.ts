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
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'yaml.duplicate-key', severity: 'warning', position: { file: 'f.yaml', line: 2, column: 1 } })]);
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
