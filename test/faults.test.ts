import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbStateStore, ensureTable } from '../src/state/dynamodb-adapter.js';
import { LocalInvoker } from '../src/invoke/index.js';
import { createDeployment, digestOf, runExecution, startExecution } from '../src/engine/index.js';
import { parseBlueprint } from '../src/dsl/index.js';
import { planDeployment } from '../src/plan/index.js';
import { defaultPluginRegistry } from '../src/plugins/index.js';
import { LocalSecrets } from '../src/runtime/index.js';
import { testPluginSettings } from './support/engine.js';
import { recordingPlugin, RECORDING_TYPES } from './support/engine.js';
import { HEADER, writeBlueprintFiles } from './support/blueprint-files.js';
import { startThrottlingProxy } from './support/throttling-proxy.js';
import path from 'node:path';

describe('DynamoDB throttling', () => {
  it('completes an install while every 7th DynamoDB request is throttled, each operation once', async () => {
    const proxy = await startThrottlingProxy(inject('dynamoDbEndpoint'), 7);
    try {
      const client = new DynamoDBClient({
        endpoint: proxy.endpoint,
        region: 'local',
        credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
        maxAttempts: 10,
      });
      const table = `isthmus-faults-${randomUUID()}`;
      await ensureTable(client, table);
      const store = new DynamoDbStateStore({ tableName: table, client });
      const log: string[] = [];
      const plugins = defaultPluginRegistry([recordingPlugin(log)]);
      const dir = writeBlueprintFiles({
        'bp.yaml': `${HEADER}${RECORDING_TYPES}node_templates:\n  a: { type: rec.Node, capabilities: { scalable: { properties: { default_instances: 10 } } } }\n  b: { type: rec.Node, relationships: [ { type: rec.link, target: a } ] }\n`,
      });
      const plan = planDeployment(parseBlueprint(path.join(dir, 'bp.yaml'), { rootDir: dir }), { seed: 'faults' });
      await createDeployment(store, { id: 'f', blueprintFile: path.join(dir, 'bp.yaml'), blueprintDigest: digestOf('f'), inputs: {}, plan });
      const e = await startExecution(store, { deploymentId: 'f', workflow: 'install' });
      const done = await runExecution(
        {
          store,
          invoker: new LocalInvoker({ store, plugins, secrets: new LocalSecrets(), settings: testPluginSettings(), blueprintDir: () => dir }),
          leaseMs: 5000,
        },
        'f',
        e.id,
      );
      expect(done.error).toBeUndefined();
      expect(done.status).toBe('terminated');
      expect(proxy.throttled).toBeGreaterThan(10);
      for (const i of await store.listNodeInstances('f')) {
        expect(i.state).toBe('started');
        const runs = i.runtimeProperties['runs'] as Record<string, number>;
        // a: create, configure, start; b: those and preconfigure + establish with each of the 10 a's.
        expect(Object.keys(runs)).toHaveLength(i.nodeId === 'a' ? 3 : 23);
        expect(Object.values(runs).every((n) => n === 1)).toBe(true);
      }
      client.destroy();
    } finally {
      await proxy.close();
    }
  });
});
