import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifest, materializeBlueprintFiles, BLUEPRINT_FILES_FORMAT } from '../runtime/index.js';
import type { DynamoDbStateStore } from '../state/dynamodb-adapter.js';
import { createTestStore } from '../../test/support/state.js';
import { writeBlueprintFiles } from '../../test/support/blueprint-files.js';
import { shipBlueprintFiles, ShipError, SHIP_LIMITS } from './ship.js';
import { createHash } from 'node:crypto';

describe('shipping the blueprint directory to the step Lambda', () => {
  let store: DynamoDbStateStore;
  const cache = mkdtempSync(path.join(tmpdir(), 'isthmus-ship-cache-'));
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  const writes = () => (store.requestCounts['PutCommand'] ?? 0) + (store.requestCounts['BatchWriteCommand'] ?? 0);

  it('stores every file content-addressed, and the Lambda side writes the same tree back', async () => {
    // Random bytes do not compress: the gzipped blob spans several items.
    const big = randomBytes(700 * 1024);
    const dir = writeBlueprintFiles({
      'blueprint.yaml': 'tosca_definitions_version: cloudify_dsl_1_5\n',
      'scripts/create.sh': 'echo created\n',
      'resources/deep/app.yaml': 'kind: ConfigMap\n',
      'resources/big.bin': big,
      '.git/HEAD': 'ref: refs/heads/main\n',
      'node_modules/x/index.js': 'export {}\n',
    });
    symlinkSync('/etc/passwd', path.join(dir, 'scripts', 'passwd'));
    const digest = await shipBlueprintFiles(store, path.join(dir, 'blueprint.yaml'));
    const manifest = await loadManifest(store, digest);
    expect(Object.keys(manifest!.files)).toEqual(['blueprint.yaml', 'resources/big.bin', 'resources/deep/app.yaml', 'scripts/create.sh']);

    const copy = await materializeBlueprintFiles(store, digest, cache);
    expect(readFileSync(path.join(copy, 'scripts/create.sh'), 'utf8')).toBe('echo created\n');
    expect(readFileSync(path.join(copy, 'resources/big.bin')).equals(big)).toBe(true);
    expect(readdirSync(copy).sort()).toEqual(['.isthmus-complete', 'blueprint.yaml', 'resources', 'scripts']);
    // A warm container reads it from its cache, without the table.
    const gets = store.requestCounts['QueryCommand'] ?? 0;
    expect(await materializeBlueprintFiles(store, digest, cache)).toBe(copy);
    expect(store.requestCounts['QueryCommand'] ?? 0).toBe(gets);

    // Shipping the same directory again writes nothing new but the manifest check.
    const before = writes();
    expect(await shipBlueprintFiles(store, path.join(dir, 'blueprint.yaml'))).toBe(digest);
    expect(writes() - before).toBeLessThanOrEqual(1);
  });

  it('an update keeps the files only the previous version had, with the new contents of the others', async () => {
    const v1 = writeBlueprintFiles({ 'blueprint.yaml': 'v1', 'scripts/delete-old.sh': 'echo old\n', 'scripts/create.sh': 'echo v1\n' });
    const first = await shipBlueprintFiles(store, path.join(v1, 'blueprint.yaml'));
    const v2 = writeBlueprintFiles({ 'blueprint.yaml': 'v2', 'scripts/create.sh': 'echo v2\n' });
    const second = await shipBlueprintFiles(store, path.join(v2, 'blueprint.yaml'), first);
    const copy = await materializeBlueprintFiles(store, second, cache);
    expect(readFileSync(path.join(copy, 'scripts/create.sh'), 'utf8')).toBe('echo v2\n');
    expect(readFileSync(path.join(copy, 'scripts/delete-old.sh'), 'utf8')).toBe('echo old\n');
  });

  it('refuses a directory over the size limit, naming what to do', async () => {
    const dir = writeBlueprintFiles({ 'blueprint.yaml': 'x', 'huge.bin': Buffer.alloc(SHIP_LIMITS.bytes + 1) });
    await expect(shipBlueprintFiles(store, path.join(dir, 'blueprint.yaml'))).rejects.toThrow(ShipError);
    await expect(shipBlueprintFiles(store, path.join(dir, 'blueprint.yaml'))).rejects.toThrow(/directory of their own/);
  });

  it('a manifest whose paths leave the directory, or a missing manifest, is a clear non-recoverable error', async () => {
    const evil = JSON.stringify({ format: BLUEPRINT_FILES_FORMAT, files: { '../../escape.sh': { digest: 'a'.repeat(64), size: 1 } } });
    const digest = createHash('sha256').update(evil).digest('hex');
    const data = Buffer.from('x');
    await store.putBlobs([
      { digest: 'a'.repeat(64), data: gzipSync(data) },
      { digest, data: gzipSync(evil) },
    ]);
    await expect(materializeBlueprintFiles(store, digest, cache)).rejects.toMatchObject({ recoverable: false });
    await expect(materializeBlueprintFiles(store, digest, cache)).rejects.toThrow(/'\.\.\/\.\.\/escape\.sh' leaves the blueprint directory/);
    await expect(materializeBlueprintFiles(store, 'f'.repeat(64), cache)).rejects.toThrow(/not in the state table/);
  });
});
