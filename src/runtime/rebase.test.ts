import { describe, expect, it } from 'vitest';
import { rebase } from './execute.js';

describe('rebase of runtime-property changes', () => {
  it('applies only what the operation changed, into nested mappings, keeping concurrent changes', () => {
    const read = { runs: { create: 1 }, ip: '10.0.0.1', gone: 1 };
    const written = { runs: { create: 1, 'establish@a': 1 }, ip: '10.0.0.1' };
    const latest = { runs: { create: 1, 'establish@b': 1 }, ip: '10.0.0.1', gone: 1, other: true };
    expect(rebase(read, written, latest)).toEqual({ runs: { create: 1, 'establish@a': 1, 'establish@b': 1 }, ip: '10.0.0.1', other: true });
  });

  it('lets a changed scalar win over the latest value', () => {
    expect(rebase({ a: 1 }, { a: 2 }, { a: 5 })).toEqual({ a: 2 });
  });

  it("merges a changed list with another step's change: our additions and removals, onto the latest list", () => {
    // Another step replaced 1 with 0; this one appended 2.
    expect(rebase({ l: [1] }, { l: [1, 2] }, { l: [0] })).toEqual({ l: [0, 2] });
    // Three steps each appending themselves to a list none of them saw: all three stay.
    expect(rebase({}, { members: ['c'] }, { members: ['a', 'b'] })).toEqual({ members: ['a', 'b', 'c'] });
    expect(rebase({ l: [{ id: 1 }, { id: 2 }] }, { l: [{ id: 2 }] }, { l: [{ id: 1 }, { id: 2 }, { id: 3 }] })).toEqual({ l: [{ id: 2 }, { id: 3 }] });
    // A map created concurrently by both: merged key by key.
    expect(rebase({}, { m: { a: 1 } }, { m: { b: 2 } })).toEqual({ m: { a: 1, b: 2 } });
  });
});
