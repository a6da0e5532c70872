import { describe, expect, it } from 'vitest';
import { rebase } from './execute.js';

describe('rebase of runtime-property changes', () => {
  it('applies only what the operation changed, into nested mappings, keeping concurrent changes', () => {
    const read = { runs: { create: 1 }, ip: '10.0.0.1', gone: 1 };
    const written = { runs: { create: 1, 'establish@a': 1 }, ip: '10.0.0.1' };
    const latest = { runs: { create: 1, 'establish@b': 1 }, ip: '10.0.0.1', gone: 1, other: true };
    expect(rebase(read, written, latest)).toEqual({ runs: { create: 1, 'establish@a': 1, 'establish@b': 1 }, ip: '10.0.0.1', other: true });
  });

  it('lets a changed scalar or list win over the latest value', () => {
    expect(rebase({ a: 1, l: [1] }, { a: 2, l: [1, 2] }, { a: 5, l: [0] })).toEqual({ a: 2, l: [1, 2] });
  });
});
