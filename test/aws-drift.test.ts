import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetAwsClients } from '../src/plugins/aws/index.js';
import { HEADER } from './support/blueprint-files.js';
import { createHarness } from './support/engine.js';
import { FakeAws } from './support/fake-aws.js';

/**
 * check_drift on AWS resources with Cloudify's types, over the stateful EC2 fake (EC2 has no local
 * edition): in sync after install; then changes made behind Isthmus's back — a tag edited, a rule
 * revoked, an instance stopped and resized, an interface deleted — each reported on its instance.
 */
const blueprint = `${HEADER}  - plugin:cloudify-aws-plugin
dsl_definitions:
  client_config: &client_config { region_name: us-east-1 }
node_templates:
  vpc:
    type: cloudify.nodes.aws.ec2.Vpc
    properties: { client_config: *client_config, resource_config: { CidrBlock: 10.0.0.0/16 }, Tags: [ { Key: team, Value: shop } ] }
  subnet:
    type: cloudify.nodes.aws.ec2.Subnet
    properties: { client_config: *client_config, resource_config: { CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b } }
    relationships: [ { type: cloudify.relationships.depends_on, target: vpc } ]
  security_group:
    type: cloudify.nodes.aws.ec2.SecurityGroup
    properties: { client_config: *client_config, resource_config: { GroupName: web, Description: web } }
    relationships: [ { type: cloudify.relationships.depends_on, target: vpc } ]
  https_in:
    type: cloudify.nodes.aws.ec2.SecurityGroupRuleIngress
    properties:
      client_config: *client_config
      resource_config: { IpPermissions: [ { IpProtocol: tcp, FromPort: 443, ToPort: 443, IpRanges: [ { CidrIp: 0.0.0.0/0 } ] } ] }
    relationships: [ { type: cloudify.relationships.contained_in, target: security_group } ]
  nic:
    type: cloudify.nodes.aws.ec2.Interface
    properties: { client_config: *client_config, resource_config: { kwargs: { Description: web, DeviceIndex: 0 } } }
    relationships:
      - { type: cloudify.relationships.depends_on, target: security_group }
      - { type: cloudify.relationships.depends_on, target: subnet }
  vm:
    type: cloudify.nodes.aws.ec2.Instances
    properties:
      client_config: *client_config
      agent_config: { install_method: none }
      resource_config: { ImageId: ami-0000000000000a002, InstanceType: t3.micro }
    relationships: [ { type: cloudify.relationships.depends_on, target: subnet } ]
`;

describe('check_drift on AWS resources (stateful EC2 fake)', () => {
  let aws: FakeAws;
  beforeEach(() => {
    aws = new FakeAws({ ticks: 1 }).install();
    forgetAwsClients();
  });
  afterEach(() => {
    aws.restore();
    forgetAwsClients();
  });

  it('records in sync after install, then the tag, rule, instance and interface changed behind its back, each on its instance', async () => {
    const h = await createHarness({ maxRetries: 20, settings: { awsWaitScale: 0 } });
    const dep = await h.deploy(blueprint, 'aws-drift');
    expect((await h.run(dep, 'install')).error).toBeUndefined();
    const instances = async () => new Map((await h.store.listNodeInstances(dep)).map((i) => [i.nodeId, i]));
    expect((await h.run(dep, 'check_drift')).error).toBeUndefined();
    for (const [node, i] of await instances()) expect(i.lastCheckDrift, node).toMatchObject({ state: 'in_sync' });

    const before = await instances();
    const id = (node: string) => String(before.get(node)!.runtimeProperties['aws_resource_id']);
    aws.ec2.get(id('vpc'))!.tags = aws.ec2.get(id('vpc'))!.tags.map((t) => (t.Key === 'team' ? { ...t, Value: 'ops' } : t));
    for (const rule of [...aws.rules]) if (rule.startsWith(`in:${id('security_group')}:`)) aws.rules.delete(rule);
    Object.assign(aws.ec2.get(id('vm'))!, { state: 'stopped' });
    aws.ec2.get(id('vm'))!.data['InstanceType'] = 't3.large';
    aws.ec2.delete(id('nic'));

    expect((await h.run(dep, 'check_drift')).error).toBeUndefined();
    const after = await instances();
    expect(after.get('vpc')!.lastCheckDrift).toMatchObject({ state: 'drifted', differences: { [id('vpc')]: ['Tags.team (ops)'] } });
    expect(after.get('https_in')!.lastCheckDrift).toMatchObject({
      state: 'drifted',
      differences: { [`security group ${id('security_group')}`]: ['ingress tcp 443-443 from 0.0.0.0/0 (missing)'] },
    });
    expect(after.get('vm')!.lastCheckDrift).toMatchObject({ state: 'drifted', differences: { [id('vm')]: ['State (stopped)', 'InstanceType (t3.large)'] } });
    expect(after.get('nic')!.lastCheckDrift).toMatchObject({ state: 'drifted', differences: { [id('nic')]: ['missing'] } });
    for (const node of ['subnet', 'security_group']) expect(after.get(node)!.lastCheckDrift, node).toMatchObject({ state: 'in_sync' });
  }, 60_000);
});
