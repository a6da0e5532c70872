import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox/index.js';
import type { Harness } from './engine.js';

/**
 * Runs an example directory's blueprints in a harness: the example's files copied into the
 * harness directory, every Kubernetes node pointed at the sandbox, AWS waits not slowed down.
 * Returns the function that puts the harness's settings back.
 */
export function useExampleWithSandbox(h: Harness, example: string, sandbox: Sandbox): () => void {
  const saved = { ...h.settings };
  cpSync(example, h.dir, { recursive: true });
  const kubeconfig = path.join(h.dir, 'sandbox.kubeconfig');
  writeFileSync(kubeconfig, sandbox.kubeconfig());
  Object.assign(h.settings, { kubeconfigOverride: kubeconfig, awsWaitScale: 0 });
  return () => {
    delete h.settings.kubeconfigOverride;
    Object.assign(h.settings, saved);
  };
}
