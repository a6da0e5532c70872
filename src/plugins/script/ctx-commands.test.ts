import { describe, expect, it } from 'vitest';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import { operationContext } from '../../../test/support/operation-context.js';
import { CtxCommandError, runCtxCommand, type CtxRequests, type CtxResources } from './ctx-commands.js';

function context(): OperationContext {
  return operationContext({
    node: { id: 'web', type: 't', typeHierarchy: ['t'], properties: { port: 80, nested: { list: [{ a: 1 }] } } },
    instance: { id: 'web_1', nodeId: 'web', state: 'creating', runtimeProperties: { keep: true } },
    operation: { retryNumber: 2, maxRetries: 5 },
  });
}

const resources: CtxResources = {
  read: async (p) => {
    throw new CtxCommandError(`resource '${p}' does not exist in the blueprint directory`);
  },
  download: async (p) => {
    throw new CtxCommandError(`resource '${p}' does not exist in the blueprint directory`);
  },
};

describe('ctx commands', () => {
  it('reads and writes through key paths, with dashes or underscores, @JSON values and list indices', async () => {
    const ctx = context();
    const run = (...args: string[]) => runCtxCommand(ctx, args, {}, resources, new Set());
    expect(await run('node', 'properties', 'nested.list[0].a')).toBe(1);
    expect(await run('operation', 'retry-number')).toBe(2);
    await run('instance', 'runtime-properties', 'a.b[1]', '@{"x": true}');
    expect(ctx.instance.runtimeProperties).toEqual({ keep: true, a: { b: [undefined, { x: true }] } });
    expect(await run('instance', 'runtime_properties', 'a.b[1].x')).toBe(true);
    await expect(run('instance', 'runtime-properties', 'missing')).rejects.toThrow("'missing' is not set");
  });

  it('never reaches the prototype chain through a key path', async () => {
    const ctx = context();
    for (const key of ['__proto__.polluted', 'constructor.prototype.polluted', 'a.__proto__.polluted', 'prototype']) {
      await expect(runCtxCommand(ctx, ['instance', 'runtime-properties', key, 'x'], {}, resources, new Set())).rejects.toThrow(/cannot be part of a key path/);
      await expect(runCtxCommand(ctx, ['instance', 'runtime-properties', key], {}, resources, new Set())).rejects.toThrow(/cannot be part of a key path/);
    }
    await expect(runCtxCommand(ctx, ['set-runtime-properties', 'self', '@{"a": {"__proto__": {"polluted": 1}}}'], {}, resources, new Set())).rejects.toThrow(
      /'__proto__' cannot be a key of a value/,
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('records returns, abort and retry requests for when the script ends', async () => {
    const requests: CtxRequests = {};
    const ctx = context();
    await runCtxCommand(ctx, ['returns', '@[1,2]'], requests, resources, new Set());
    await runCtxCommand(ctx, ['retry-operation', 'later', '30'], requests, resources, new Set());
    await runCtxCommand(ctx, ['abort-operation', 'no', 'disk'], requests, resources, new Set());
    expect(requests).toEqual({ returned: [1, 2], retry: { message: 'later', afterSeconds: 30 }, abort: 'no disk' });
    await expect(runCtxCommand(ctx, ['retry-operation', 'x', 'soon'], requests, resources, new Set())).rejects.toThrow(/is not a number of seconds/);
  });

  it('answers any argument list a script may send with a value or a command error, never anything else (fuzzed)', async () => {
    const words = [
      'node',
      'instance',
      'source',
      'target',
      'properties',
      'runtime-properties',
      'id',
      'type',
      'host-ip',
      'logger',
      'info',
      'returns',
      'download-resource',
      'get-resource',
      'set-runtime-properties',
      'self',
      'operation',
      'retry',
      'deployment',
      'blueprint',
      '@',
      '@{',
      '@[1',
      '@null',
      '@"x"',
      'a.b',
      '[0]',
      'a..b',
      '__proto__',
      '__proto__.polluted',
      'constructor.prototype.x',
      '',
      ' ',
      'x'.repeat(300),
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 3000; i++) {
      const args = Array.from({ length: 1 + Math.floor(random() * 5) }, () => words[Math.floor(random() * words.length)]!);
      const ctx = context();
      try {
        await runCtxCommand(ctx, args, {}, resources, new Set());
      } catch (err) {
        if (!(err instanceof CtxCommandError || err instanceof OperationError)) throw new Error(`ctx ${JSON.stringify(args)} threw ${String(err)}`);
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
