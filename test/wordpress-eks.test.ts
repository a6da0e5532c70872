import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHeal } from '../src/engine/index.js';
import { forgetAwsClients } from '../src/plugins/aws/index.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { createHarness, type Harness } from './support/engine.js';
import { useExampleWithSandbox } from './support/example-env.js';
import { FakeAws } from './support/fake-aws.js';
import { FakeSsm } from './support/fake-ssm.js';

const EXAMPLE = path.resolve('examples/wordpress-hybrid');
const EDGE = ['mi-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60002'];

/**
 * examples/wordpress-hybrid/eks.yaml end to end: WordPress on an existing EKS cluster (EKS through
 * the stateful mock, Kubernetes through the sandbox) and a Windows service on two SSM-managed hosts
 * (one on premises, one EC2) configured with WordPress's load-balancer address.
 */
describe('examples/wordpress-hybrid on EKS with a Windows edge service', () => {
  let sandbox: Sandbox;
  let aws: FakeAws;
  let ssm: FakeSsm;
  let h: Harness;
  let restoreEnv: (() => void) | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ timing: { podReadyMs: 50, loadBalancerMs: 50 } });
    aws = new FakeAws({ sandbox }).install();
    aws.existingCluster('prod');
    ssm = new FakeSsm()
      .host(EDGE[0]!, { Role: 'wordpress-edge' })
      .host(EDGE[1]!, { Role: 'wordpress-edge' })
      .host('i-0ffffffffffffffff', { Role: 'billing' })
      .install();
    forgetAwsClients();
    h = await createHarness({ maxRetries: 30, secrets: { wordpress_db_password: 'wp-pa55' } });
    restoreEnv = useExampleWithSandbox(h, EXAMPLE, sandbox);
  });
  afterAll(async () => {
    aws?.restore();
    ssm?.restore();
    await sandbox?.close();
    restoreEnv?.();
  });

  it('installs both halves in one workflow, heals the Windows side, and uninstalls both, leaving the cluster', async () => {
    const dep = await h.deploy(readFileSync(path.join(EXAMPLE, 'eks.yaml'), 'utf8'), 'wp-eks', { eks_cluster_name: 'prod', namespace: 'wp' });
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    expect(install.status).toBe('terminated');

    // Kubernetes: WordPress and MySQL run in the cluster, behind a load balancer.
    expect(
      sandbox.api
        .peek('apps', 'Deployment')
        .filter((d) => d.metadata.namespace === 'wp')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(['mysql', 'wordpress']);
    const instances = await h.store.listNodeInstances(dep);
    const lb = instances.find((i) => i.nodeId === 'wordpress_service')!.runtimeProperties['load_balancer'];
    expect(typeof lb).toBe('string');

    // Windows: the edge service on both tagged hosts (not the billing one), configured with that address, running.
    for (const host of EDGE) {
      expect(ssm.service(host, 'WordPressEdge')).toEqual({
        status: 'Running',
        binaryPath: 'C:\\Program Files\\EdgeProxy\\edge-proxy.exe --service',
        environment: [`BACKEND_ADDRESS=${String(lb)}`, 'BACKEND_PORT=80', 'PUBLIC_HOST=wordpress.example.test'],
      });
    }
    expect(ssm.service('i-0ffffffffffffffff', 'WordPressEdge')).toBeUndefined();
    expect(ssm.commands.every((c) => c.document === 'AWS-RunPowerShellScript')).toBe(true);
    // The Windows side was configured only once WordPress's address existed.
    const configure = ssm.commands.findIndex((c) => c.script.includes('-Name Environment'));
    expect(configure).toBeGreaterThan(0);

    const outputs = (await h.store.getDeployment(dep))!.outputs;
    expect(outputs['load_balancer']).toBe(lb);
    expect(outputs['cluster_endpoint']).toBe('https://prod.gr7.us-east-1.eks.amazonaws.com');
    expect(Object.keys(outputs['edge_hosts'] as object).sort()).toEqual([...EDGE].sort());
    expect(outputs['wordpress_url']).toBe('http://wordpress.example.test/');

    // Someone stops the service on one host: check_status finds it, heal reinstalls the edge service.
    ssm.service(EDGE[1]!, 'WordPressEdge')!.status = 'Stopped';
    const heal = await runHeal(h.deps, dep, {}, { retries: { maxRetries: 30, retryInterval: 0 } });
    expect(heal.healed).toEqual([instances.find((i) => i.nodeId === 'edge_proxy')!.id]);
    expect(heal.heal.status).toBe('terminated');
    for (const host of EDGE) expect(ssm.service(host, 'WordPressEdge')?.status).toBe('Running');
    const check = await h.run(dep, 'check_status');
    expect(check.status).toBe('terminated');

    // Drift of the Windows service through SSM: in sync, then its configuration edited on one host.
    const edge = instances.find((i) => i.nodeId === 'edge_proxy')!.id;
    const driftOf = async () => (await h.store.listNodeInstances(dep)).find((i) => i.id === edge)!.lastCheckDrift;
    expect((await h.run(dep, 'check_drift', { node_ids: ['edge_proxy'] })).status).toBe('terminated');
    expect(await driftOf()).toMatchObject({ state: 'in_sync' });
    const edited = ssm.service(EDGE[0]!, 'WordPressEdge')!;
    const changed = edited.environment[0]!.split('=')[0]!;
    edited.environment = [`${changed}=http://elsewhere`, ...edited.environment.slice(1)];
    expect((await h.run(dep, 'check_drift', { node_ids: ['edge_proxy'] })).status).toBe('terminated');
    expect(await driftOf()).toMatchObject({ state: 'drifted', differences: { [EDGE[0]!]: [`configuration.${changed}`] } });

    const uninstall = await h.run(dep, 'uninstall');
    expect(uninstall.error).toBeUndefined();
    for (const host of EDGE) expect(ssm.service(host, 'WordPressEdge')).toBeUndefined();
    expect(sandbox.api.peek('apps', 'Deployment').filter((d) => d.metadata.namespace === 'wp')).toEqual([]);
    // The cluster was adopted (use_external_resource): it stays.
    expect([...aws.clusters.keys()]).toEqual(['prod']);
  }, 120_000);
});
