import { cpSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER } from './support/blueprint-files.js';
import { createHarness } from './support/engine.js';

/** Real Cloudify scripts from the shared corpus, unchanged, run through the ctx proxy and the cloudify package. */
const examples = path.resolve(import.meta.dirname, '../../shared/corpus/blueprints/cloudify-community__blueprint-examples');

describe.runIf(existsSync(examples))("Cloudify's own example scripts, unchanged", () => {
  it('terraform/vpc convert_tags.py, scaling-example create_temp_file.py and store_deployment_info.py, scalelist create.py', async () => {
    const h = await createHarness({ maxRetries: 0 });
    for (const [from, to] of [
      ['terraform/vpc/scripts/convert_tags.py', 'scripts/convert_tags.py'],
      ['scaling-example/scripts/ansible/create_temp_file.py', 'scripts/create_temp_file.py'],
      ['scaling-example/scripts/ansible/store_deployment_info.py', 'scripts/store_deployment_info.py'],
      ['utilities-examples/cloudify_scalelist/scripts/create.py', 'scripts/scalelist_create.py'],
    ] as const) {
      cpSync(path.join(examples, from), path.join(h.dir, to));
    }
    writeFileSync(path.join(h.dir, 'scripts', 'fill.sh'), 'echo \'{"vpc_id": "vpc-0123"}\' > "$(ctx instance runtime-properties ansible_infra_info_file)"\n');
    const op = (script: string, inputs = '{}') => `{ implementation: scripts/${script}, executor: central_deployment_agent, inputs: ${inputs} }`;
    const dep = await h.deploy(
      `${HEADER}node_types:
  scalelist.Leaf:
    derived_from: cloudify.nodes.Root
    properties: { resource_name: { type: string } }
node_templates:
  tags:
    type: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle:
        create: ${op('convert_tags.py', '{ vpc_tags: [{ Key: Name, Value: main }], subnet_1_tags: [{ Key: tier, Value: web }], subnet_2_tags: [] }')}
  info:
    type: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle:
        create: ${op('create_temp_file.py')}
        configure: ${op('fill.sh')}
        start: ${op('store_deployment_info.py', '{ infra_info_file: { get_attribute: [SELF, ansible_infra_info_file] } }')}
  leaf:
    type: scalelist.Leaf
    properties: { resource_name: leaf-a }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: ${op('scalelist_create.py', '{ _transaction_id: tx-1 }')}
`,
      'corpus-scripts',
    );
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    const instances = await h.store.listNodeInstances(dep);
    const rp = (node: string) => instances.find((i) => i.nodeId === node)!.runtimeProperties;
    expect(rp('tags')).toMatchObject({ vpc_tags: { Name: 'main' }, subnet_1_tags: { tier: 'web' }, subnet_2_tags: {} });
    // The temporary file create_temp_file.py made (filled here, as Ansible would) was read back into runtime properties.
    expect(rp('info')['ansible_infra_info_file']).toMatch(/__ansible_aws_infra_info__$/);
    expect(rp('info')['vpc_id']).toBe('vpc-0123');
    expect(rp('leaf')).toMatchObject({ resource_id: instances.find((i) => i.nodeId === 'leaf')!.id, resource_name: 'leaf-a', _transaction_id: 'tx-1' });
  }, 60_000);
});
