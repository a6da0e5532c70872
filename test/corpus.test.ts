import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBlueprint } from '../src/dsl/index.js';
import { planDeployment } from '../src/plan/index.js';
import { defaultPluginRegistry } from '../src/plugins/index.js';
import { lifecycleSteps } from '../src/workflows/index.js';

/**
 * Real Cloudify blueprints from the shared corpus (cloudify-community/blueprint-examples).
 * The corpus lives beside the repository in CI and on developer machines; a plain clone
 * without it runs the rest of the suite (these cases then have nothing to read).
 */
const corpus = path.resolve(import.meta.dirname, '../../shared/corpus');
const examples = path.join(corpus, 'blueprints/cloudify-community__blueprint-examples');
const plugins = path.join(corpus, 'plugins');
const haveCorpus = existsSync(examples);

describe.runIf(haveCorpus)('corpus blueprints', () => {
  const load = (rel: string) => loadBlueprint(path.join(examples, rel), { pluginDirs: [plugins], placeholders: true, rootDir: examples });

  it('plans the Kubernetes on EKS blueprint with its AWS and Kubernetes plugin types', () => {
    const r = load('kubernetes/aws-eks/blueprint.yaml');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plan = planDeployment(r.blueprint!, { seed: 'eks' });
    const cluster = plan.nodes.find((n) => n.type === 'cloudify.nodes.aws.eks.Cluster')!;
    expect(cluster).toBeDefined();
    const nodeGroup = plan.nodes.find((n) => n.type === 'cloudify.nodes.aws.eks.NodeGroup')!;
    expect(nodeGroup.relationships.map((r) => r.target)).toContain(cluster.id);
    // The node group's install waits for the cluster's.
    const steps = lifecycleSteps(plan, 'install');
    const clusterCreate = steps.findIndex((s) => s.instanceId.startsWith(`${cluster.id}_`) && s.operation.endsWith('lifecycle.create'));
    const groupCreate = steps.findIndex((s) => s.instanceId.startsWith(`${nodeGroup.id}_`) && s.operation.endsWith('lifecycle.create'));
    expect(clusterCreate).toBeGreaterThanOrEqual(0);
    expect(groupCreate).toBeGreaterThan(clusterCreate);
    // With Isthmus's own AWS and Kubernetes libraries, every AWS and Kubernetes operation,
    // explicit implementation strings included, maps to a native one, its Python helpers run with
    // the ctx proxy, its key pair with the utilities plugin and its Helm releases with the Helm plugin.
    const runnable = planDeployment(r.blueprint!, { seed: 'eks', catalog: defaultPluginRegistry().catalog() });
    expect(runnable.unsupported).toEqual([]);
  });

  it("runs the REST plugin's operations in the utilities and client-certificate examples natively", () => {
    const files = [
      'rest-plugin-cert/client-cert.yaml',
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `utilities-examples/cloudify_rest/example-${n}-blueprint.yaml`),
    ].filter((f) => existsSync(path.join(examples, f)));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const r = load(f);
      expect(
        r.diagnostics.filter((d) => d.severity === 'error'),
        f,
      ).toEqual([]);
      const plan = planDeployment(r.blueprint!, { seed: 'rest', catalog: defaultPluginRegistry().catalog() });
      expect(
        plan.unsupported.filter((u) => u.implementation.startsWith('rest.')),
        f,
      ).toEqual([]);
    }
  });

  it('plans a scaling-group blueprint from the corpus', () => {
    const r = load('scaling-example/ansible.yaml');
    expect(r.blueprint).toBeDefined();
    const plan = planDeployment(r.blueprint!, { seed: 'scale' });
    expect(Object.keys(plan.scalingGroups)).toEqual(['vm-group']);
  });

  it('reports blueprint: imports without a mapping as unsupported, naming the id', () => {
    const r = load('db-lb-app/app/application.yaml');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'import.blueprint-unmapped', message: "blueprint 'infrastructure' is not mapped to a file" }),
    ]);
  });

  it('rejects a genuinely malformed corpus file at its line', () => {
    const r = load('getting-started/mc-localstack.yaml');
    expect(r.diagnostics[0]).toMatchObject({ code: 'yaml.syntax', position: { line: 32 } });
  });
});
