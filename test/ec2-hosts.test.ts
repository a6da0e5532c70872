import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forgetAwsClients } from '../src/plugins/aws/index.js';
import { HEADER } from './support/blueprint-files.js';
import { createHarness } from './support/engine.js';
import { FakeAws } from './support/fake-aws.js';
import { SSHD, startSshd, type LocalSshd } from './support/sshd.js';

/**
 * The VM path on AWS with Cloudify's types, over the stateful EC2 fake (EC2 has no local edition):
 * an AMI looked up, a network interface in a subnet, an elastic IP on it, a key pair, the instance
 * launched with them, EBS volumes attached both ways — and the instance is then an SSH host: the
 * fake gives the elastic IP the address of a real local sshd, so the script of a node on the
 * instance runs there, over SSH, as it would on the VM.
 */
if (!SSHD) process.stdout.write('ec2-hosts.test.ts: skipped, sshd is not installed (apt-get install openssh-server)\n');

let sshd: LocalSshd;
let publicKey: string;
beforeAll(async () => {
  if (!SSHD) return;
  sshd = await startSshd();
  const dir = mkdtempSync(path.join(tmpdir(), 'isthmus-key-'));
  writeFileSync(path.join(dir, 'k'), sshd.clientKey, { mode: 0o600 });
  publicKey = execFileSync('ssh-keygen', ['-y', '-f', path.join(dir, 'k')], { encoding: 'utf8' }).trim();
  rmSync(dir, { recursive: true });
}, 30_000);
afterAll(async () => {
  await sshd?.dispose();
});

const blueprint = (port: number, user: string, key: string) => `${HEADER}  - plugin:cloudify-aws-plugin
dsl_definitions:
  client_config: &client_config { region_name: us-east-1 }
node_templates:
  vpc: { type: cloudify.nodes.aws.ec2.Vpc, properties: { client_config: *client_config, resource_config: { CidrBlock: 10.0.0.0/16 } } }
  subnet:
    type: cloudify.nodes.aws.ec2.Subnet
    properties: { client_config: *client_config, resource_config: { CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b } }
    relationships: [ { type: cloudify.relationships.depends_on, target: vpc } ]
  security_group:
    type: cloudify.nodes.aws.ec2.SecurityGroup
    properties: { client_config: *client_config, resource_config: { GroupName: vm-ssh, Description: ssh } }
    relationships: [ { type: cloudify.relationships.depends_on, target: vpc } ]
  nic:
    type: cloudify.nodes.aws.ec2.Interface
    properties: { client_config: *client_config, resource_config: { kwargs: { Description: the VM's interface, DeviceIndex: 0 } } }
    relationships:
      - { type: cloudify.relationships.depends_on, target: security_group }
      - { type: cloudify.relationships.depends_on, target: subnet }
  ip:
    type: cloudify.nodes.aws.ec2.ElasticIP
    properties: { client_config: *client_config }
    relationships: [ { type: cloudify.relationships.depends_on, target: nic } ]
  key:
    type: cloudify.nodes.aws.ec2.Keypair
    properties: { client_config: *client_config, resource_config: { KeyName: vm-key, PublicKeyMaterial: '${key}' } }
  ami:
    type: cloudify.nodes.aws.ec2.Image
    properties:
      client_config: *client_config
      resource_config: { kwargs: { Filters: [ { Name: name, Values: [ 'debian-12-amd64-*' ] }, { Name: owner-id, Values: [ '136693071363' ] } ] } }
  vm:
    type: cloudify.nodes.aws.ec2.Instances
    properties:
      client_config: *client_config
      use_public_ip: true
      agent_config: { install_method: none, user: ${user}, port: ${port}, key: { get_secret: vm_key } }
      resource_config:
        ImageId: { get_attribute: [ ami, aws_resource_id ] }
        InstanceType: t3.micro
        kwargs: { UserData: "#cloud-config\\npackages: [ nginx ]\\n" }
    relationships:
      - { type: cloudify.relationships.depends_on, target: ami }
      - { type: cloudify.relationships.depends_on, target: nic }
      - { type: cloudify.relationships.depends_on, target: ip }
      - { type: cloudify.relationships.depends_on, target: key }
  data:
    type: cloudify.nodes.aws.ec2.EBSVolume
    properties: { client_config: *client_config, resource_config: { AvailabilityZone: us-east-1b, Size: 8 } }
  data_attachment:
    type: cloudify.nodes.aws.ec2.EBSAttachment
    properties: { client_config: *client_config, resource_config: { kwargs: { Device: /dev/sdh } } }
    relationships:
      - { type: cloudify.relationships.depends_on, target: data }
      - { type: cloudify.relationships.depends_on, target: vm }
  logs:
    type: cloudify.nodes.aws.ec2.EBSVolume
    properties: { client_config: *client_config, device_name: /dev/sdi, resource_config: { AvailabilityZone: us-east-1b, Size: 4 } }
    relationships: [ { type: cloudify.relationships.aws.ebs.attachment.connected_to, target: vm } ]
  app:
    type: cloudify.nodes.SoftwareComponent
    relationships: [ { type: cloudify.relationships.contained_in, target: vm } ]
    interfaces:
      cloudify.interfaces.lifecycle:
        create: scripts/install.sh
`;

describe.runIf(SSHD)('EC2 instances as SSH hosts (stateful EC2 fake, a real sshd behind the elastic IP)', () => {
  let aws: FakeAws;
  beforeEach(() => {
    aws = new FakeAws({ ticks: 2, elasticIp: '127.0.0.1' }).install();
    forgetAwsClients();
  });
  afterEach(() => {
    aws.restore();
    forgetAwsClients();
  });

  it('installs the network, key, image lookup, instance and volumes; the script of a node on the instance runs on it over SSH; check_status sees it running; uninstall leaves nothing', async () => {
    const h = await createHarness({ maxRetries: 30, secrets: { vm_key: sshd.clientKey }, settings: { awsWaitScale: 0 } });
    mkdirSync(path.join(h.dir, 'scripts'), { recursive: true });
    writeFileSync(
      path.join(h.dir, 'scripts', 'install.sh'),
      '#!/bin/sh\nctx instance runtime-properties installed_on "$(ctx instance host-ip) as $(id -un)"\n',
    );
    const dep = await h.deploy(blueprint(sshd.port, sshd.user, publicKey), 'vm');
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    const byNode = async (node: string) => (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === node)!.runtimeProperties;
    const vm = await byNode('vm');
    const instanceId = String(vm['aws_resource_id']);
    expect(instanceId).toMatch(/^i-/);
    expect(vm).toMatchObject({ ip: '127.0.0.1', public_ip_address: '127.0.0.1', instance_ids: [instanceId] });
    expect(String(vm['private_ip_address'])).toMatch(/^10\.0\.1\./);
    // Launched with the interface (not a subnet), the key pair, the newest matching AMI, base64 user data.
    const launched = aws.ec2.get(instanceId)!.data;
    expect(launched).toMatchObject({ ImageId: 'ami-0000000000000a002', KeyName: 'vm-key', MinCount: 1, MaxCount: 1 });
    expect(launched['NetworkInterfaces']).toEqual([{ NetworkInterfaceId: (await byNode('nic'))['aws_resource_id'], DeviceIndex: 0 }]);
    expect(Buffer.from(String(launched['UserData']), 'base64').toString()).toContain('packages: [ nginx ]');
    expect(await byNode('ip')).toMatchObject({ association_id: expect.stringMatching(/^eipassoc-/) });
    expect(await byNode('app')).toMatchObject({ installed_on: `127.0.0.1 as ${sshd.user}` });
    // Both volumes attached: one through an EBSAttachment node, one through the relationship.
    const volumes = [...aws.ec2.values()].filter((r) => r.kind === 'volume');
    expect(volumes.map((v) => [v.data['AttachedTo'], v.data['Device'], v.data['AttachState']]).sort()).toEqual([
      [instanceId, '/dev/sdh', 'attached'],
      [instanceId, '/dev/sdi', 'attached'],
    ]);

    const check = await h.run(dep, 'execute_operation', { operation: 'cloudify.interfaces.validation.check_status', node_ids: ['vm', 'nic'] });
    expect(check.error).toBeUndefined();
    expect(aws.calls.filter((c) => c === 'ec2:RunInstances')).toHaveLength(1);

    const uninstall = await h.run(dep, 'uninstall');
    expect(uninstall.error).toBeUndefined();
    expect(aws.inventory()).toEqual({});
    expect(aws.ec2.get(instanceId)?.state ?? 'terminated').toBe('terminated');
  }, 120_000);

  it('an image that matches nothing and use_public_ip without a public address fail for good, saying what to do', async () => {
    const h = await createHarness({ maxRetries: 30, secrets: { vm_key: sshd.clientKey }, settings: { awsWaitScale: 0 } });
    mkdirSync(path.join(h.dir, 'scripts'), { recursive: true });
    writeFileSync(path.join(h.dir, 'scripts', 'install.sh'), '#!/bin/sh\n');
    const noImage = await h.run(await h.deploy(blueprint(sshd.port, sshd.user, publicKey).replace('debian-12-amd64-*', 'windows-*'), 'no-image'), 'install');
    expect(noImage.error).toMatch(/no image matches .*windows-\*/);
    const withoutIp = blueprint(sshd.port, sshd.user, publicKey)
      .replace(/ {2}ip:\n(?: {4}.*\n)+/, '')
      .replace('      - { type: cloudify.relationships.depends_on, target: ip }\n', '')
      .replace('KeyName: vm-key', 'KeyName: vm-key-2');
    const noPublicIp = await h.run(await h.deploy(withoutIp, 'no-ip'), 'install');
    expect(noPublicIp.error).toMatch(/has no public IP but use_public_ip is true: associate an ElasticIP/);
  }, 120_000);
});
