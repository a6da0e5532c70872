import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHeal } from '../src/engine/index.js';
import { forgetAwsClients } from '../src/plugins/aws/index.js';
import { startSandbox, isNodeReady, type Sandbox } from '../src/sandbox/index.js';
import { createHarness, type Harness } from './support/engine.js';
import { useExampleWithSandbox } from './support/example-env.js';
import { FakeAws } from './support/fake-aws.js';

const EXAMPLE = path.resolve('examples/eks-cluster');

/** examples/eks-cluster end to end: AWS through stateful mocks, the cluster through the sandbox. */
describe('examples/eks-cluster', () => {
  let sandbox: Sandbox;
  let aws: FakeAws;
  let h: Harness;
  let restoreEnv: (() => void) | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ nodes: [], timing: { podReadyMs: 50, loadBalancerMs: 50, jobPodMs: 50, evictionMs: 100 } });
    aws = new FakeAws({ sandbox, ticks: 2 }).install();
    forgetAwsClients();
    h = await createHarness({ maxRetries: 30, secrets: { aws_access_key_id: 'AKIAEXAMPLE', aws_secret_access_key: 'secret-key-example' } });
    restoreEnv = useExampleWithSandbox(h, EXAMPLE, sandbox);
  });
  afterAll(async () => {
    aws?.restore();
    await sandbox?.close();
    restoreEnv?.();
  });

  const groupNodes = () => sandbox.api.peek('', 'Node').filter((n) => n.metadata.labels?.['eks.amazonaws.com/nodegroup'] === 'eks_node_groupdemo');

  it('installs, scales the node group, heals a NotReady node and uninstalls, leaving nothing behind', async () => {
    const dep = await h.deploy(readFileSync(path.join(EXAMPLE, 'blueprint.yaml'), 'utf8'), 'eks', { eks_cluster_name: 'demo' });
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    expect(install.status).toBe('terminated');

    // AWS: the network, roles, cluster (API access mode, creator admin), node group, add-ons.
    expect(aws.inventory()).toMatchObject({
      vpc: 1,
      subnet: 4,
      'security-group': 1,
      'internet-gateway': 1,
      natgateway: 2,
      address: 2,
      'route-table': 4,
      'key-pair': 1,
      role: 3,
      cluster: 1,
      nodegroup: 1,
      addon: 2,
      record: 1,
      route: 4,
      rule: 1,
    });
    expect(aws.clusters.get('demo')!.request['accessConfig']).toEqual({
      authenticationMode: 'API_AND_CONFIG_MAP',
      bootstrapClusterCreatorAdminPermissions: true,
    });
    expect(aws.clusters.get('demo')!.tags['isthmus:owner']).toMatch(/^eks\/eks_cluster_/);
    expect([...aws.roles.get('eks_test_roledemo')!.policies]).toEqual([
      'arn:aws:iam::aws:policy/AmazonEKSServicePolicy',
      'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
    ]);
    // Kubernetes: the node group's instances are Ready Nodes; the workload runs on them.
    expect(groupNodes().filter(isNodeReady)).toHaveLength(2);
    const instances = await h.store.listNodeInstances(dep);
    const cluster = instances.find((i) => i.nodeId === 'eks_cluster')!;
    const kubeconf = cluster.runtimeProperties['kubeconf'] as { users: Array<{ user: { exec: { command: string; args: string[] } } }> };
    expect(kubeconf.users[0]!.user.exec.args).toEqual(['--region', 'us-east-1', 'eks', 'get-token', '--cluster-name', 'demo']);
    const deployment = (await h.store.getDeployment(dep))!;
    expect(deployment.outputs?.['endpoint']).toBe('https://demo.gr7.us-east-1.eks.amazonaws.com');
    expect(deployment.outputs?.['node_group_size']).toBe(2);
    const service = instances.find((i) => i.nodeId === 'app_service')!;
    const record = [...aws.records.values()][0]!;
    expect(record.ResourceRecords).toEqual([{ Value: service.runtimeProperties['load_balancer'] }]);

    // Scale the node group: +1 within [1, 4]; then a resize beyond max is refused.
    const scale = await h.run(dep, 'scale', { scalable_entity_name: 'eks_node_group', delta: 1 });
    expect(scale.error).toBeUndefined();
    expect(groupNodes().filter(isNodeReady)).toHaveLength(3);
    expect(aws.calls).toContain('eks:UpdateNodegroupConfig');
    expect((await h.store.listNodeInstances(dep)).filter((i) => i.nodeId === 'eks_node_group')).toHaveLength(1);
    // Drift: a resize Isthmus made is not drift; one made in the console is.
    const driftOf = async (node: string) => (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === node)!.lastCheckDrift;
    expect((await h.run(dep, 'check_drift', { node_ids: ['eks_cluster', 'eks_node_group', 'vpc'] })).error).toBeUndefined();
    for (const node of ['eks_cluster', 'eks_node_group', 'vpc']) expect(await driftOf(node), node).toMatchObject({ state: 'in_sync' });
    const groupState = aws.groups.get('demo/eks_node_groupdemo')!;
    groupState.scaling = { ...groupState.scaling, maxSize: 6 };
    expect((await h.run(dep, 'check_drift', { node_ids: ['eks_node_group'] })).error).toBeUndefined();
    expect(await driftOf('eks_node_group')).toMatchObject({
      state: 'drifted',
      differences: { 'node group demo/eks_node_groupdemo': ['scalingConfig.maxSize (6, applied 4)'] },
    });
    groupState.scaling = { ...groupState.scaling, maxSize: 4 };
    const tooMany = await h.run(dep, 'scale', { scalable_entity_name: 'eks_node_group', delta: 5 });
    expect(tooMany.status).toBe('failed');
    expect(tooMany.error).toMatch(/3 \+ 5 = 8 nodes is outside its bounds \[1, 4\]/);

    // A node stops answering: check_status finds it, heal drains it, terminates its instance, waits for a replacement.
    const broken = aws.breakInstance('eks_node_groupdemo');
    const heal = await runHeal(h.deps, dep, {}, { retries: { maxRetries: 30, retryInterval: 0 } });
    expect(heal.healed.some((id) => id.startsWith('eks_node_group_'))).toBe(true);
    expect(heal.heal.status).toBe('terminated');
    expect(aws.terminated).toContain(broken.instanceId);
    const after = groupNodes();
    expect(after.map((n) => n.metadata.name)).not.toContain(broken.node);
    expect(after.filter(isNodeReady)).toHaveLength(3);
    const group = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'eks_node_group')!;
    expect((group.runtimeProperties['last_heal'] as { replaced: string[] }).replaced).toEqual([broken.node]);

    const uninstall = await h.run(dep, 'uninstall');
    expect(uninstall.error).toBeUndefined();
    expect(aws.inventory()).toEqual({});
    expect(sandbox.api.peek('apps', 'StatefulSet')).toHaveLength(0);
  }, 120_000);
});
