import { describe, expect, it } from 'vitest';
import { SHIPPED_PLUGINS } from './shipped.js';
import { defaultPluginRegistry } from './index.js';

describe('shipped plugins', () => {
  it('declare exactly the tasks their modules implement (what plan reports before any is loaded)', async () => {
    for (const descriptor of SHIPPED_PLUGINS) {
      const module = await descriptor.load();
      expect(module.name).toBe(descriptor.name);
      expect([...descriptor.tasks].sort(), descriptor.name).toEqual(Object.keys(module.operations).sort());
    }
  });

  it('resolve a task to code that loads its plugin on first use, and no unknown task', async () => {
    const registry = defaultPluginRegistry();
    expect(registry.resolve({ kind: 'plugin', plugin: 'kubernetes', task: 'cloudify_kubernetes.tasks.resource_create' })).toBeTypeOf('function');
    expect(registry.resolve({ kind: 'plugin', plugin: 'kubernetes', task: 'no_such_task' })).toBeUndefined();
    expect(registry.catalog().tasks?.get('aws')?.has('cloudify_aws.eks.resources.cluster.create')).toBe(true);
  });
});
