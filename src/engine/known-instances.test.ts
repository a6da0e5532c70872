import { describe, expect, it } from 'vitest';
import type { NodeInstanceRecord } from '../state/index.js';
import { KnownInstances } from './known-instances.js';

const instance = (id: string, version: number, props: Record<string, string> = {}): NodeInstanceRecord => ({
  deploymentId: 'd',
  id,
  nodeId: id.split('_')[0]!,
  state: 'started',
  runtimeProperties: props,
  version,
});

describe('KnownInstances', () => {
  it('keeps the newest version of each instance, whatever order answers arrive in', () => {
    const known = new KnownInstances([instance('a_1', 1)]);
    known.offer(instance('a_1', 3, { ip: 'new' }));
    known.offer(instance('a_1', 2, { ip: 'old' }));
    expect(known.get('a_1')).toMatchObject({ version: 3, runtimeProperties: { ip: 'new' } });
  });

  it('gives a request its instances only when all are known and small enough', () => {
    const known = new KnownInstances([instance('a_1', 1), instance('b_1', 1, { blob: 'x'.repeat(2000) })]);
    expect(known.forRequest(['a_1'])?.map((i) => i.id)).toEqual(['a_1']);
    expect(known.forRequest(['a_1', 'c_1'])).toBeUndefined();
    expect(known.forRequest(['a_1', 'b_1'], 1000)).toBeUndefined();
    expect(known.forRequest(['a_1', 'b_1'])).toHaveLength(2);
    known.forget('a_1');
    expect(known.forRequest(['a_1'])).toBeUndefined();
  });
});
