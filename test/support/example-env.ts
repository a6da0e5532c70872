import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox/index.js';
import type { Harness } from './engine.js';

const ENV = ['ISTHMUS_KUBECONFIG_OVERRIDE', 'ISTHMUS_AWS_WAIT_SCALE'] as const;

/**
 * Runs an example directory's blueprints in a harness: the example's files copied into the
 * harness directory, every Kubernetes node pointed at the sandbox, AWS waits not slowed down.
 * Returns the function that puts the environment back.
 */
export function useExampleWithSandbox(h: Harness, example: string, sandbox: Sandbox): () => void {
  const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
  cpSync(example, h.dir, { recursive: true });
  const kubeconfig = path.join(h.dir, 'sandbox.kubeconfig');
  writeFileSync(kubeconfig, sandbox.kubeconfig());
  process.env['ISTHMUS_KUBECONFIG_OVERRIDE'] = kubeconfig;
  process.env['ISTHMUS_AWS_WAIT_SCALE'] = '0';
  return () => {
    for (const k of ENV) if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  };
}
