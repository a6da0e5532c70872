import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { YamlMap, YamlValue } from '../../dsl/index.js';
import { OperationError, RetryRequest } from '../../runtime/errors.js';
import { DEFAULT_PLUGIN_SETTINGS, parsePluginSettings, type PluginSettings } from '../../settings.js';
import type { InstanceView, OperationContext, RelationshipView } from '../../runtime/types.js';
import { FakeAws } from '../../../test/support/fake-aws.js';
import { awsPlugin, forgetAwsClients } from './index.js';

const op = (name: string) => awsPlugin.operations[`cloudify_aws.${name}`]!;

interface CtxSpec {
  type: string;
  properties?: YamlMap;
  inputs?: YamlMap;
  runtime?: Record<string, YamlValue>;
  related?: Array<{ type: string; runtime: Record<string, YamlValue> }>;
  retryNumber?: number;
  settings?: Partial<PluginSettings>;
}

/** A step context as the runtime builds it (functions already evaluated). */
function ctxOf(spec: CtxSpec, instanceId = 'node_1'): OperationContext & { instance: InstanceView } {
  const others = new Map<string, InstanceView>();
  const relationships: RelationshipView[] = (spec.related ?? []).map((r, i) => {
    const id = `rel_${i}`;
    others.set(id, { id, nodeId: `rel${i}`, state: 'started', runtimeProperties: r.runtime });
    return {
      type: 'cloudify.relationships.depends_on',
      typeHierarchy: ['cloudify.relationships.depends_on'],
      target: { node: { id: `rel${i}`, type: r.type, typeHierarchy: [r.type], properties: {} }, instanceId: id },
    };
  });
  return {
    deployment: { id: 'dep' },
    blueprint: { id: 'bp' },
    execution: { id: 'e1', workflowId: 'install' },
    node: {
      id: 'node',
      type: spec.type,
      typeHierarchy: [spec.type, 'cloudify.nodes.Root'],
      properties: { client_config: { region_name: 'us-east-1' }, ...(spec.properties ?? {}) },
    },
    instance: { id: instanceId, nodeId: 'node', state: 'creating', runtimeProperties: { ...(spec.runtime ?? {}) } },
    operation: { name: 'cloudify.interfaces.lifecycle.create', retryNumber: spec.retryNumber ?? 0, maxRetries: 10, implementation: '' },
    inputs: spec.inputs ?? {},
    logger: { debug: () => {}, info: () => {}, warning: () => {}, error: () => {} },
    retry: (message, after) => {
      throw new RetryRequest(message, after);
    },
    blueprintDir: '.',
    settings: { ...DEFAULT_PLUGIN_SETTINGS, awsWaitScale: 0, ...spec.settings },
    signal: new AbortController().signal,
    relationships,
    evaluate: async (v) => v,
    readInstance: async (id) => others.get(id),
    readNode: () => undefined,
    readDeployment: async () => undefined,
    readExecution: async () => undefined,
    containsSecret: () => false,
    awaitChild: (request) => {
      throw new Error(`no driver here for child work: ${request.action}`);
    },
    secrets: { get: async () => undefined, put: async () => undefined, delete: async () => undefined },
  };
}

async function outcome(p: Promise<unknown>): Promise<'ok' | 'retry' | 'recoverable' | 'fatal'> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof RetryRequest) return 'retry';
    if (err instanceof OperationError) return err.recoverable ? 'recoverable' : 'fatal';
    throw err;
  }
}

describe('AWS plugin operations (against stateful mocks)', () => {
  let aws: FakeAws;
  beforeEach(() => {
    aws = new FakeAws({ ticks: 2 }).install();
    forgetAwsClients();
  });
  afterEach(() => {
    aws.restore();
  });

  it('VPC: creates once, tagged; a re-run after a lost step result finds it by tag; adopts an external one; refuses a missing one', async () => {
    const spec = {
      type: 'cloudify.nodes.aws.ec2.Vpc',
      properties: { resource_config: { CidrBlock: '10.0.0.0/16' } },
      inputs: { modify_vpc_attribute_args: { EnableDnsHostnames: { Value: true } } },
    };
    const first = ctxOf(spec);
    await op('ec2.resources.vpc.create')(first);
    const id = first.instance.runtimeProperties['aws_resource_id'] as string;
    expect(aws.ec2.get(id)!.tags).toContainEqual({ Key: 'isthmus:owner', Value: 'dep/node_1' });
    expect(aws.ec2.get(id)!.data['EnableDnsHostnames']).toEqual({ Value: true });
    const again = ctxOf(spec); // the runtime properties of the first attempt were never saved
    await op('ec2.resources.vpc.create')(again);
    expect(again.instance.runtimeProperties['aws_resource_id']).toBe(id);
    expect(aws.calls.filter((c) => c === 'ec2:CreateVpc')).toHaveLength(1);

    const adopt = ctxOf({ type: spec.type, properties: { use_external_resource: true, resource_id: id } }, 'other_1');
    await op('ec2.resources.vpc.create')(adopt);
    await op('ec2.resources.vpc.delete')(adopt);
    expect(aws.ec2.has(id)).toBe(true); // adopted resources are left in place
    expect(
      await outcome(op('ec2.resources.vpc.create')(ctxOf({ type: spec.type, properties: { use_external_resource: true, resource_id: 'vpc-missing' } }, 'x_1'))),
    ).toBe('fatal');

    await op('ec2.resources.vpc.delete')(first);
    expect(aws.ec2.has(id)).toBe(false);
    await op('ec2.resources.vpc.delete')(ctxOf({ type: spec.type, runtime: { aws_resource_id: id } })); // already gone: done
  });

  it('subnet needs its VPC; a VPC with subnets refuses deletion (DependencyViolation, retried)', async () => {
    expect(
      await outcome(
        op('ec2.resources.subnet.create')(ctxOf({ type: 'cloudify.nodes.aws.ec2.Subnet', properties: { resource_config: { CidrBlock: '10.0.1.0/24' } } })),
      ),
    ).toBe('fatal');
    const vpc = ctxOf({ type: 'cloudify.nodes.aws.ec2.Vpc', properties: { resource_config: { CidrBlock: '10.0.0.0/16' } } }, 'vpc_1');
    await op('ec2.resources.vpc.create')(vpc);
    const subnet = ctxOf(
      {
        type: 'cloudify.nodes.aws.ec2.Subnet',
        properties: { resource_config: { CidrBlock: '10.0.1.0/24' } },
        related: [{ type: 'cloudify.nodes.aws.ec2.Vpc', runtime: vpc.instance.runtimeProperties }],
      },
      'subnet_1',
    );
    await op('ec2.resources.subnet.create')(subnet);
    expect(await outcome(op('ec2.resources.vpc.delete')(vpc))).toBe('recoverable');
    await op('ec2.resources.subnet.delete')(subnet);
    await op('ec2.resources.vpc.delete')(vpc);
    expect(aws.inventory()).toEqual({});
  });

  it('internet gateway, elastic IP, route table and route, key pair: created once (a re-run finds them), deleted, and a delete of what is already gone is done', async () => {
    const vpc = ctxOf({ type: 'cloudify.nodes.aws.ec2.Vpc', properties: { resource_config: { CidrBlock: '10.0.0.0/16' } } }, 'vpc_1');
    await op('ec2.resources.vpc.create')(vpc);
    const inVpc = [{ type: 'cloudify.nodes.aws.ec2.Vpc', runtime: vpc.instance.runtimeProperties }];
    const igwSpec = { type: 'cloudify.nodes.aws.ec2.InternetGateway', related: inVpc };
    const igw = ctxOf(igwSpec, 'igw_1');
    await op('ec2.resources.internet_gateway.create')(igw);
    await op('ec2.resources.internet_gateway.attach')(igw);
    const igwAgain = ctxOf(igwSpec, 'igw_1');
    await op('ec2.resources.internet_gateway.create')(igwAgain);
    expect(igwAgain.instance.runtimeProperties['aws_resource_id']).toBe(igw.instance.runtimeProperties['aws_resource_id']);

    const eipSpec = { type: 'cloudify.nodes.aws.ec2.ElasticIP', properties: { resource_config: { Domain: 'vpc' } } };
    const eip = ctxOf(eipSpec, 'eip_1');
    await op('ec2.resources.elasticip.create')(eip);
    await op('ec2.resources.elasticip.create')(ctxOf(eipSpec, 'eip_1'));

    const rtSpec = { type: 'cloudify.nodes.aws.ec2.RouteTable', related: inVpc };
    const rt = ctxOf(rtSpec, 'rt_1');
    await op('ec2.resources.routetable.create')(rt);
    await op('ec2.resources.routetable.create')(ctxOf(rtSpec, 'rt_1'));
    const route = ctxOf(
      {
        type: 'cloudify.nodes.aws.ec2.Route',
        properties: { resource_config: { DestinationCidrBlock: '0.0.0.0/0' } },
        related: [
          { type: 'cloudify.nodes.aws.ec2.RouteTable', runtime: rt.instance.runtimeProperties },
          { type: 'cloudify.nodes.aws.ec2.InternetGateway', runtime: igw.instance.runtimeProperties },
        ],
      },
      'route_1',
    );
    await op('ec2.resources.route.create')(route);
    await op('ec2.resources.route.create')(route);

    const keySpec = { type: 'cloudify.nodes.aws.ec2.Keypair', properties: { resource_config: { KeyName: 'isthmus-test' } } };
    const key = ctxOf(keySpec, 'key_1');
    await op('ec2.resources.keypair.create')(key);
    await op('ec2.resources.keypair.create')(ctxOf(keySpec, 'key_1'));
    expect(await outcome(op('ec2.resources.keypair.create')(ctxOf(keySpec, 'someone_else_1')))).toBe('fatal');
    expect(aws.calls.filter((c) => /^ec2:(CreateInternetGateway|AllocateAddress|CreateRouteTable|CreateKeyPair)$/.test(c)).sort()).toEqual([
      'ec2:AllocateAddress',
      'ec2:CreateInternetGateway',
      'ec2:CreateKeyPair',
      'ec2:CreateRouteTable',
    ]);
    expect(aws.calls.filter((c) => c === 'ec2:CreateRoute')).toHaveLength(2);
    expect(aws.routes.size).toBe(1);

    for (const [ctx, ops] of [
      [route, ['route.delete']],
      [rt, ['routetable.delete']],
      [igw, ['internet_gateway.detach', 'internet_gateway.delete']],
      [eip, ['elasticip.delete']],
      [key, ['keypair.delete']],
    ] as const) {
      for (const name of ops) {
        await op(`ec2.resources.${name}`)(ctx);
        await op(`ec2.resources.${name}`)(ctx); // already gone: done
      }
    }
    await op('ec2.resources.vpc.delete')(vpc);
    expect(aws.inventory()).toEqual({});
  });

  it('EKS cluster that ends FAILED fails the create with its health issues, not a retry forever', async () => {
    const spec = {
      type: 'cloudify.nodes.aws.eks.Cluster',
      properties: {
        resource_config: { kwargs: { name: 'broken', roleArn: 'arn:aws:iam::123456789012:role/eks', resourcesVpcConfig: { subnetIds: ['subnet-1'] } } },
      },
    };
    const cluster = ctxOf(spec, 'cluster_1');
    expect(await outcome(op('eks.resources.cluster.create')(cluster))).toBe('retry');
    aws.clusters.get('broken')!.status = 'FAILED';
    expect(await outcome(op('eks.resources.cluster.create')(cluster))).toBe('fatal');
  });

  it('security group rules converge (duplicates and missing rules are fine); a same-named group not ours is refused', async () => {
    const vpc = ctxOf({ type: 'cloudify.nodes.aws.ec2.Vpc', properties: { resource_config: { CidrBlock: '10.0.0.0/16' } } }, 'vpc_1');
    await op('ec2.resources.vpc.create')(vpc);
    const related = [{ type: 'cloudify.nodes.aws.ec2.Vpc', runtime: vpc.instance.runtimeProperties }];
    const sg = ctxOf(
      { type: 'cloudify.nodes.aws.ec2.SecurityGroup', properties: { resource_config: { GroupName: 'web', Description: 'web' } }, related },
      'sg_1',
    );
    await op('ec2.resources.securitygroup.create')(sg);
    expect(
      await outcome(
        op('ec2.resources.securitygroup.create')(
          ctxOf({ type: 'cloudify.nodes.aws.ec2.SecurityGroup', properties: { resource_config: { GroupName: 'web' } }, related }, 'sg_2'),
        ),
      ),
    ).toBe('fatal');
    const rule = ctxOf(
      {
        type: 'cloudify.nodes.aws.ec2.SecurityGroupRuleIngress',
        properties: { resource_config: { kwargs: { IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80 }] } } },
        related: [{ type: 'cloudify.nodes.aws.ec2.SecurityGroup', runtime: sg.instance.runtimeProperties }],
      },
      'rule_1',
    );
    await op('ec2.resources.securitygroup.authorize_ingress_rules')(rule);
    await op('ec2.resources.securitygroup.authorize_ingress_rules')(rule);
    expect(aws.rules.size).toBe(1);
    await op('ec2.resources.securitygroup.revoke_ingress_rules')(rule);
    await op('ec2.resources.securitygroup.revoke_ingress_rules')(rule);
    expect(aws.rules.size).toBe(0);
  });

  it('NAT gateway: one gateway per instance (client token), waits until available, then until deleted', async () => {
    const subnet = { type: 'cloudify.nodes.aws.ec2.Subnet', runtime: { aws_resource_id: 'subnet-1' } };
    const eip = { type: 'cloudify.nodes.aws.ec2.ElasticIP', runtime: { aws_resource_id: 'eipalloc-1', allocation_id: 'eipalloc-1' } };
    const nat = ctxOf({ type: 'cloudify.nodes.aws.ec2.NATGateway', related: [subnet, eip] });
    expect(await outcome(op('ec2.resources.nat_gateway.create')(nat))).toBe('retry');
    // A lost step result: the create is sent again with the same client token and gets the same gateway.
    expect(
      await outcome(op('ec2.resources.nat_gateway.create')(ctxOf({ type: 'cloudify.nodes.aws.ec2.NATGateway', related: [subnet, eip], retryNumber: 1 }))),
    ).toBe('ok');
    expect(aws.calls.filter((c) => c === 'ec2:CreateNatGateway')).toHaveLength(2);
    expect(aws.inventory()['natgateway']).toBe(1);
    expect(await outcome(op('ec2.resources.nat_gateway.create')(nat))).toBe('ok');
    expect(await outcome(op('ec2.resources.nat_gateway.delete')(nat))).toBe('retry');
    expect(await outcome(op('ec2.resources.nat_gateway.delete')(nat))).toBe('retry');
    expect(await outcome(op('ec2.resources.nat_gateway.delete')(nat))).toBe('ok');
  });

  it('finding 4: in AWS, a role is created under the permissions boundary the step Lambda names', async () => {
    // As the step Lambda reads it from the environment infra/stack.ts gives it.
    const settings = parsePluginSettings({ ISTHMUS_ROLE_BOUNDARY_ARN: 'arn:aws:iam::123456789012:policy/IsthmusRoleBoundary' });
    const spec = {
      type: 'cloudify.nodes.aws.iam.Role',
      properties: { resource_config: { RoleName: 'bounded', AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } } },
      settings,
    };
    await op('iam.resources.role.create')(ctxOf(spec));
    expect(aws.roles.get('bounded')!.boundary).toBe('arn:aws:iam::123456789012:policy/IsthmusRoleBoundary');
  });

  it('IAM role: trust policy as JSON, policies attached; a foreign role of that name is refused; delete detaches first and tolerates a role already gone', async () => {
    const spec = {
      type: 'cloudify.nodes.aws.iam.Role',
      properties: {
        resource_config: { RoleName: 'r1', AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } },
        policy_arns: [{ PolicyArn: 'arn:aws:iam::aws:policy/A' }],
      },
      inputs: { modify_role_attribute_args: [{ PolicyArn: 'arn:aws:iam::aws:policy/B' }] },
    };
    const role = ctxOf(spec);
    await op('iam.resources.role.create')(role);
    expect(role.instance.runtimeProperties).toMatchObject({
      aws_resource_id: 'r1',
      aws_resource_arn: 'arn:aws:iam::123456789012:role/r1',
      account_id: '123456789012',
    });
    expect([...aws.roles.get('r1')!.policies]).toEqual(['arn:aws:iam::aws:policy/A', 'arn:aws:iam::aws:policy/B']);
    expect(aws.roles.get('r1')!.boundary).toBeUndefined();
    await op('iam.resources.role.create')(ctxOf(spec)); // the same instance again: converges
    expect(await outcome(op('iam.resources.role.create')(ctxOf(spec, 'someone_else')))).toBe('fatal');
    await op('iam.resources.role.delete')(role);
    expect(aws.roles.size).toBe(0);
    await op('iam.resources.role.delete')(ctxOf({ ...spec, runtime: { aws_resource_id: 'r1' } }));
  });

  it('EKS cluster: create asks to be retried until ACTIVE, then exposes endpoint and kubeconfig; a foreign cluster is refused; delete waits for node groups', async () => {
    const spec = {
      type: 'cloudify.nodes.aws.eks.Cluster',
      properties: { resource_config: { kwargs: { name: 'c1', version: '', roleArn: 'arn:aws:iam::1:role/r', resourcesVpcConfig: { subnetIds: ['s'] } } } },
    };
    const cluster = ctxOf(spec);
    expect(await outcome(op('eks.resources.cluster.create')(cluster))).toBe('retry');
    expect(aws.clusters.get('c1')!.request['version']).toBeUndefined();
    expect(await outcome(op('eks.resources.cluster.create')(cluster))).toBe('retry');
    expect(await outcome(op('eks.resources.cluster.create')(cluster))).toBe('ok');
    expect(cluster.instance.runtimeProperties['endpoint']).toBe('https://c1.gr7.us-east-1.eks.amazonaws.com');
    expect(cluster.instance.runtimeProperties['kubeconfig']).toEqual(cluster.instance.runtimeProperties['kubeconf']);
    expect(await outcome(op('eks.resources.cluster.create')(ctxOf(spec, 'someone_else')))).toBe('fatal');

    const group = ctxOf(
      {
        type: 'cloudify.nodes.aws.eks.NodeGroup',
        properties: {
          resource_config: {
            clusterName: 'c1',
            nodegroupName: 'g1',
            scalingConfig: { minSize: 1, maxSize: 2, desiredSize: 1 },
            nodeRole: 'arn:aws:iam::1:role/n',
            subnets: ['s'],
          },
        },
      },
      'group_1',
    );
    expect(await outcome(op('eks.resources.node_group.create')(group))).toBe('retry');
    expect(await outcome(op('eks.resources.cluster.delete')(cluster))).toBe('retry'); // node group still there
    expect(aws.clusters.get('c1')!.status).toBe('ACTIVE');
    expect(await outcome(op('eks.resources.node_group.start')(group))).toBe('ok');
    expect(await outcome(op('eks.resources.node_group.resize')({ ...group, inputs: { delta: 2 } }))).toBe('fatal'); // 1 + 2 > max 2
    aws.groups.get('c1/g1')!.status = 'CREATE_FAILED';
    expect(await outcome(op('eks.resources.node_group.start')(group))).toBe('fatal');
    aws.groups.delete('c1/g1');
    await op('eks.resources.node_group.delete')(group); // already gone
    expect(await outcome(op('eks.resources.cluster.delete')(cluster))).toBe('retry');
    expect(await outcome(op('eks.resources.cluster.delete')(cluster))).toBe('retry');
    expect(await outcome(op('eks.resources.cluster.delete')(cluster))).toBe('ok');
    expect(aws.clusters.size).toBe(0);
  });

  it('throttling is recoverable; Route 53 records upsert, wait for INSYNC, and delete tolerates a record already gone', async () => {
    aws.restore();
    aws = new FakeAws({ ticks: 2, throttleOnce: ['ec2:CreateVpc'] }).install();
    const vpc = ctxOf({ type: 'cloudify.nodes.aws.ec2.Vpc', properties: { resource_config: { CidrBlock: '10.0.0.0/16' } } });
    expect(await outcome(op('ec2.resources.vpc.create')(vpc))).toBe('recoverable');
    expect(await outcome(op('ec2.resources.vpc.create')(vpc))).toBe('ok');

    const record = ctxOf({
      type: 'cloudify.nodes.aws.route53.RecordSet',
      properties: {
        resource_config: {
          kwargs: { HostedZoneId: 'Z1', ResourceRecordSet: { Name: 'app.example.test', ResourceRecords: [{ Value: 'lb-1.elb.amazonaws.com' }] } },
        },
      },
    });
    expect(await outcome(op('route53.resources.record_set.create')(record))).toBe('retry');
    expect(await outcome(op('route53.resources.record_set.create')(record))).toBe('ok');
    expect([...aws.records.values()][0]).toMatchObject({ Name: 'app.example.test', Type: 'CNAME', TTL: 300 });
    aws.records.clear();
    await op('route53.resources.record_set.delete')(record);
    const pending = ctxOf({
      type: 'cloudify.nodes.aws.route53.RecordSet',
      properties: { resource_config: { HostedZoneId: 'Z1', Name: 'x', ResourceRecords: [{ Value: '' }] } },
    });
    expect(await outcome(op('route53.resources.record_set.create')(pending))).toBe('recoverable'); // the address is not there yet
  });
});
