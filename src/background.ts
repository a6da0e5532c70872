import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a background service of a working directory records about itself (`.isthmus/<name>.json`). */
export interface ServiceInfo {
  pid: number;
}

export interface BackgroundService<I extends ServiceInfo> {
  /** `dynamodb`, `sandbox`: names the info and lock files under `.isthmus/`. */
  name: string;
  /** How long to wait for another command that is starting it. */
  timeoutMs: number;
  answers(info: I): Promise<boolean>;
  /** Starts it detached and returns its info once it answers. */
  start(infoFile: string): Promise<I>;
}

const serviceFile = (stateDir: string, name: string) => path.join(stateDir, '.isthmus', `${name}.json`);

/**
 * Local mode's background services (DynamoDB Local, the sandbox) run once per working directory, so
 * separate commands share them: reuse the recorded one if it answers, else start it under a lock
 * file, so two commands starting at once do not start two.
 */
export async function ensureBackgroundService<I extends ServiceInfo>(stateDir: string, service: BackgroundService<I>): Promise<I> {
  const dir = path.join(stateDir, '.isthmus');
  mkdirSync(dir, { recursive: true });
  const infoFile = serviceFile(stateDir, service.name);
  const lockFile = path.join(dir, `${service.name}.lock`);
  const deadline = Date.now() + service.timeoutMs;
  for (;;) {
    if (existsSync(infoFile)) {
      const info = JSON.parse(readFileSync(infoFile, 'utf8')) as I;
      if (await service.answers(info)) return info;
    }
    let fd: number | undefined;
    try {
      fd = openSync(lockFile, 'wx');
    } catch {
      // Another command is starting it; wait for it to answer.
      if (Date.now() > deadline) throw new Error(`${service.name} did not start; remove ${lockFile} if no other isthmus command is running`);
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      rmSync(infoFile, { force: true });
      const info = await service.start(infoFile);
      writeFileSync(infoFile, JSON.stringify(info));
      return info;
    } finally {
      closeSync(fd);
      rmSync(lockFile, { force: true });
    }
  }
}

/** Stops a directory's background service; false when none was recorded. */
export function stopBackgroundService(stateDir: string, name: string): boolean {
  const infoFile = serviceFile(stateDir, name);
  if (!existsSync(infoFile)) return false;
  const info = JSON.parse(readFileSync(infoFile, 'utf8')) as ServiceInfo;
  try {
    process.kill(info.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(infoFile, { force: true });
  return true;
}
