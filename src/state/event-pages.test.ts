import { describe, expect, it } from 'vitest';
import type { EventRecord } from './records.js';
import { EVENT_MESSAGE_CHARS, eventsAfter, packEventPages } from './event-pages.js';

const event = (executionId: string, n: number, message = `line ${n}`): EventRecord => ({
  executionId,
  id: `2026-12-02T10:00:00.000Z#t#${String(n).padStart(6, '0')}`,
  at: '2026-12-02T10:00:00.000Z',
  type: 'log',
  level: 'info',
  message,
});

describe('event pages', () => {
  it('packs the events of each execution into pages in id order, under the byte limit', () => {
    const events = [event('a', 3), event('b', 1), event('a', 1), event('a', 2)];
    const pages = packEventPages(events);
    expect(pages.map((p) => p.map((e) => `${e.executionId}${e.id.slice(-1)}`))).toEqual([['a1', 'a2', 'a3'], ['b1']]);
    const many = Array.from({ length: 100 }, (_, i) => event('a', i, 'x'.repeat(1000)));
    const small = packEventPages(many, 10_000);
    expect(small.length).toBeGreaterThan(9);
    for (const p of small) expect(Buffer.byteLength(JSON.stringify(p))).toBeLessThan(10_000 + 200);
    expect(small.flat()).toEqual(many);
  });

  it('cuts a message too long for any page, saying so', () => {
    const [[only]] = packEventPages([event('a', 1, 'y'.repeat(EVENT_MESSAGE_CHARS + 10))]) as [[EventRecord]];
    expect(only.message.length).toBeLessThan(EVENT_MESSAGE_CHARS + 100);
    expect(only.message).toMatch(/cut at 65536 characters\)$/);
  });

  it('lists the events after a given id across overlapping pages, in id order', () => {
    const pages = [
      [event('a', 1), event('a', 4)],
      [event('a', 2), event('a', 3), event('a', 5)],
    ];
    expect(eventsAfter(pages).map((e) => e.message)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
    expect(eventsAfter(pages, event('a', 2).id).map((e) => e.message)).toEqual(['line 3', 'line 4', 'line 5']);
  });
});
