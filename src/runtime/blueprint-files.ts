import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { StateStore } from '../state/index.js';
import { OperationError } from './errors.js';

export const BLUEPRINT_FILES_FORMAT = 'isthmus.blueprint-files/1';

/** The files of a blueprint directory, by path relative to it (always `/`-separated). */
export interface BlueprintFilesManifest {
  format: typeof BLUEPRINT_FILES_FORMAT;
  files: Record<string, { digest: string; size: number }>;
}

const COMPLETE = '.isthmus-complete';

export async function loadManifest(store: StateStore, digest: string): Promise<BlueprintFilesManifest | undefined> {
  const blob = await store.getBlob(digest);
  if (!blob) return undefined;
  const manifest = JSON.parse(gunzipSync(blob).toString('utf8')) as BlueprintFilesManifest;
  if (manifest.format !== BLUEPRINT_FILES_FORMAT)
    throw new OperationError(
      `blueprint files ${digest} have format '${manifest.format}', which this step function does not read; deploy the matching Isthmus version`,
      false,
    );
  return manifest;
}

/** A manifest path that stays inside the directory it is written to. */
function safeRelative(rel: string): string {
  const normal = path.posix.normalize(rel);
  if (normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal) || normal.includes('\0'))
    throw new OperationError(`blueprint file path '${rel}' leaves the blueprint directory`, false);
  return normal;
}

/**
 * Writes a deployment's shipped blueprint directory under `cacheRoot` (the Lambda's /tmp) and
 * returns it. Each manifest is written once per warm container: into a scratch directory, checked
 * against its digests, then renamed into place, so a concurrent or crashed step never sees half.
 */
export async function materializeBlueprintFiles(
  store: StateStore,
  digest: string,
  cacheRoot: string = path.join(tmpdir(), 'isthmus-blueprints'),
): Promise<string> {
  const dir = path.join(cacheRoot, digest);
  if (existsSync(path.join(dir, COMPLETE))) return dir;
  const manifest = await loadManifest(store, digest);
  if (!manifest)
    throw new OperationError(
      `the deployment's blueprint files (${digest}) are not in the state table; run the workflow again from the action or CLI to ship them`,
      false,
    );
  const scratch = `${dir}.${randomUUID()}`;
  try {
    for (const [rel, file] of Object.entries(manifest.files)) {
      const target = path.join(scratch, safeRelative(rel));
      const blob = await store.getBlob(file.digest);
      if (!blob) throw new OperationError(`blueprint file '${rel}' (${file.digest}) is missing from the state table`, false);
      const data = gunzipSync(blob);
      if (createHash('sha256').update(data).digest('hex') !== file.digest) throw new OperationError(`blueprint file '${rel}' does not match its digest`, false);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, data);
    }
    await mkdir(scratch, { recursive: true });
    await writeFile(path.join(scratch, COMPLETE), '');
    try {
      await rename(scratch, dir);
    } catch (err) {
      // Another step of this container got there first (or a crashed one left a partial copy).
      if (!existsSync(path.join(dir, COMPLETE))) {
        await rm(dir, { recursive: true, force: true });
        await rename(scratch, dir);
      } else if ((err as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return dir;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
