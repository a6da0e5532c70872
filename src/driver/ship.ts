import { IsthmusError } from '../errors.js';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { StateStore } from '../state/index.js';
import { BLUEPRINT_FILES_FORMAT, loadManifest, type BlueprintFilesManifest } from '../runtime/blueprint-files.js';

/** Directories never shipped: version control, dependencies and Isthmus's own local state. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.isthmus']);
export const SHIP_LIMITS = { files: 2000, bytes: 20 * 1024 * 1024 };

export class ShipError extends IsthmusError {
  override readonly name = 'ShipError';
  constructor(message: string) {
    super('ship.limit', message);
  }
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/**
 * The files of a blueprint directory (relative, `/`-separated, sorted) with their content: what
 * its scripts and resource files resolve against, so both what is shipped and what a plan digest
 * covers. Symbolic links are not followed: they could point outside the directory.
 */
export function readBlueprintDirectory(root: string): Array<{ rel: string; data: Buffer }> {
  const out: Array<{ rel: string; data: Buffer }> = [];
  let total = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(full);
      else if (entry.isFile()) {
        const data = readFileSync(full);
        total += data.length;
        if (total > SHIP_LIMITS.bytes)
          throw new ShipError(
            `the blueprint directory ${root} holds more than ${SHIP_LIMITS.bytes / 1024 / 1024} MB; keep the blueprint and its scripts in a directory of their own`,
          );
        out.push({ rel: path.relative(root, full).split(path.sep).join('/'), data });
      }
      if (out.length > SHIP_LIMITS.files)
        throw new ShipError(
          `the blueprint directory ${root} has more than ${SHIP_LIMITS.files} files; keep the blueprint and its scripts in a directory of their own`,
        );
    }
  };
  walk(root);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** Each file of a blueprint directory with the SHA-256 of its content. */
export function blueprintDirectoryDigests(root: string): Record<string, string> {
  return Object.fromEntries(readBlueprintDirectory(root).map((f) => [f.rel, sha256(f.data)]));
}

/**
 * Ships the blueprint's directory (what its scripts and resource files resolve against) to the
 * state table, content-addressed, so that the step Lambda can run them: Cloudify uploads the
 * blueprint archive to its manager for the same reason. Returns the manifest's digest, stored on
 * the deployment. With `keep` (an update), files of the previous manifest that the new directory
 * no longer has stay available, so that removed nodes can still run their uninstall scripts.
 */
export async function shipBlueprintFiles(store: StateStore, blueprintFile: string, keep?: string): Promise<string> {
  const root = path.dirname(path.resolve(blueprintFile));
  const files = new Map<string, BlueprintFilesManifest['files'][string]>();
  const blobs: Array<{ digest: string; data: Uint8Array }> = [];
  for (const { rel, data } of readBlueprintDirectory(root)) {
    const digest = sha256(data);
    files.set(rel, { digest, size: data.length });
    blobs.push({ digest, data: gzipSync(data) });
  }
  if (keep) {
    const previous = await loadManifest(store, keep);
    for (const [rel, f] of Object.entries(previous?.files ?? {})) if (!files.has(rel)) files.set(rel, f);
  }
  const manifest: BlueprintFilesManifest = { format: BLUEPRINT_FILES_FORMAT, files: Object.fromEntries([...files].sort(([a], [b]) => a.localeCompare(b))) };
  const text = JSON.stringify(manifest);
  const digest = sha256(text);
  // Files first, manifest last: a stored manifest always names stored files.
  await store.putBlobs(blobs);
  await store.putBlobs([{ digest, data: gzipSync(text) }]);
  return digest;
}
