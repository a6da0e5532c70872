/**
 * A small, stateful stand-in for the AWS services that have no local edition (EC2, IAM, EKS,
 * Route 53), driven through aws-sdk-client-mock: resources go through their real life cycles
 * (EKS: CREATING → ACTIVE → DELETING → gone, over a few reads), errors carry AWS's codes, and a
 * node group's instances appear as Nodes in a Kubernetes sandbox, so scaling and healing can be
 * observed from both sides.
 */
import * as ec2 from '@aws-sdk/client-ec2';
import * as eks from '@aws-sdk/client-eks';
import * as iam from '@aws-sdk/client-iam';
import * as route53 from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import type { Sandbox } from '../../src/sandbox/index.js';

type Tags = Array<{ Key?: string; Value?: string }>;
type Input = Record<string, unknown>;
/** The part of an aws-sdk-client-mock stub used here, without its per-client generics. */
interface Stub {
  on(command: never): { callsFake(fn: (input: never) => Promise<unknown>): unknown };
  restore(): void;
}

export function awsError(code: string, message = code, status = 400): Error {
  return Object.assign(new Error(message), { name: code, Code: code, $metadata: { httpStatusCode: status } });
}

interface Ec2Resource {
  id: string;
  kind: string;
  tags: Tags;
  state: string;
  reads: number;
  data: Input;
}

interface ClusterState {
  name: string;
  status: string;
  reads: number;
  tags: Record<string, string>;
  request: Input;
}

interface GroupState {
  cluster: string;
  name: string;
  status: string;
  reads: number;
  tags: Record<string, string>;
  scaling: { minSize: number; maxSize: number; desiredSize: number };
  instances: string[];
  updates: Map<string, { status: string; reads: number }>;
  issues: Array<{ code: string; message: string; resourceIds: string[] }>;
}

export interface FakeAwsOptions {
  /** Reads of a CREATING/DELETING/UPDATING resource before it moves on. */
  ticks?: number;
  /** Where node group instances become Kubernetes Nodes. */
  sandbox?: Sandbox;
  /** Commands that fail once with a throttling error before succeeding. */
  throttleOnce?: string[];
  /** The public address the next elastic IPs get (e.g. 127.0.0.1, to reach a local sshd as the "instance"). */
  elasticIp?: string;
  /** AMIs DescribeImages knows. */
  images?: Array<{ ImageId: string; Name: string; OwnerId: string; CreationDate: string }>;
}

export class FakeAws {
  readonly calls: string[] = [];
  readonly ec2 = new Map<string, Ec2Resource>();
  readonly roles = new Map<string, { name: string; arn: string; tags: Tags; policies: Set<string>; boundary?: string | undefined }>();
  readonly clusters = new Map<string, ClusterState>();
  readonly groups = new Map<string, GroupState>();
  readonly addons = new Map<string, { status: string; reads: number }>();
  readonly records = new Map<string, route53.ResourceRecordSet>();
  readonly routes = new Set<string>();
  readonly rules = new Set<string>();
  readonly terminated: string[] = [];
  private readonly stubs: Stub[] = [];
  private seq = 0;
  private readonly throttle: Set<string>;
  private readonly ticks: number;

  constructor(private readonly options: FakeAwsOptions = {}) {
    this.ticks = options.ticks ?? 2;
    this.throttle = new Set(options.throttleOnce ?? []);
  }

  private next(prefix: string): string {
    return `${prefix}-${(++this.seq).toString(16).padStart(8, '0')}`;
  }

  private record(name: string): void {
    this.calls.push(name);
    if (this.throttle.delete(name)) throw awsError(name.startsWith('ec2:') ? 'RequestLimitExceeded' : 'ThrottlingException', 'Rate exceeded', 400);
  }

  /** Everything Isthmus created that still exists (by kind), for "uninstall left nothing" checks. */
  inventory(): Record<string, number> {
    const out: Record<string, number> = {};
    const add = (k: string, n: number) => {
      if (n > 0) out[k] = (out[k] ?? 0) + n;
    };
    for (const r of this.ec2.values()) if (r.state !== 'deleted' && r.state !== 'terminated') add(r.kind, 1);
    add('role', this.roles.size);
    add('cluster', this.clusters.size);
    add('nodegroup', this.groups.size);
    add('addon', this.addons.size);
    add('record', this.records.size);
    add('route', this.routes.size);
    add('rule', this.rules.size);
    return out;
  }

  restore(): void {
    for (const s of this.stubs) s.restore();
  }

  install(): this {
    const [e, i, k, r] = [
      mockClient(ec2.EC2Client),
      mockClient(iam.IAMClient),
      mockClient(eks.EKSClient),
      mockClient(route53.Route53Client),
    ] as unknown as Stub[];
    this.stubs.push(e!, i!, k!, r!);
    this.installEc2(e!);
    this.installEc2Instances(e!);
    this.installIam(i!);
    this.installEks(k!);
    this.installRoute53(r!);
    return this;
  }

  // ---- EC2 ----

  private create(kind: string, prefix: string, input: Input, data: Input = {}, state = 'available'): Ec2Resource {
    const tags = ((input['TagSpecifications'] as Array<{ Tags?: Tags }> | undefined)?.[0]?.Tags ?? []) as Tags;
    const r: Ec2Resource = { id: this.next(prefix), kind, tags, state, reads: 0, data: { ...input, ...data } };
    this.ec2.set(r.id, r);
    return r;
  }

  private find(kind: string, input: Input, idsKey?: string): Ec2Resource[] {
    const ids = idsKey ? (input[idsKey] as string[] | undefined) : undefined;
    const filters = ((input['Filters'] ?? input['Filter']) as Array<{ Name: string; Values: string[] }> | undefined) ?? [];
    let list = [...this.ec2.values()].filter((r) => r.kind === kind);
    if (ids) {
      const missing = ids.filter((id) => !list.some((r) => r.id === id));
      if (missing.length > 0)
        throw awsError(
          `Invalid${kind === 'vpc' ? 'Vpc' : kind === 'subnet' ? 'Subnet' : kind === 'volume' ? 'Volume' : kind === 'route-table' ? 'RouteTable' : kind === 'address' ? 'Allocation' : kind === 'instance' ? 'Instance' : kind === 'eni' ? 'NetworkInterface' : 'Resource'}ID.NotFound`,
          `${missing.join(', ')} not found`,
        );
      list = list.filter((r) => ids.includes(r.id));
    }
    for (const f of filters) {
      if (f.Name.startsWith('tag:')) list = list.filter((r) => r.tags.some((t) => t.Key === f.Name.slice(4) && f.Values.includes(t.Value ?? '')));
      else if (f.Name.endsWith('-id')) list = list.filter((r) => f.Values.includes(r.id));
      else if (f.Name === 'group-name') list = list.filter((r) => f.Values.includes(String(r.data['GroupName'])));
      else if (f.Name === 'instance-state-name') list = list.filter((r) => f.Values.includes(r.state));
    }
    return list;
  }

  private remove(id: string, notFound: string, dependents?: () => boolean): Record<string, never> {
    if (!this.ec2.has(id)) throw awsError(notFound, `${id} does not exist`);
    if (dependents?.()) throw awsError('DependencyViolation', `${id} has dependencies and cannot be deleted`);
    this.ec2.delete(id);
    return {};
  }

  private installEc2(s: Stub): void {
    const on = (cmd: new (input: never) => object, name: string, fn: (input: Input) => object) =>
      s.on(cmd as never).callsFake(async (input: Input) => {
        this.record(`ec2:${name}`);
        return fn(input);
      });
    const inVpc = (vpc: string) => [...this.ec2.values()].some((r) => r.kind !== 'vpc' && r.data['VpcId'] === vpc && r.kind !== 'internet-gateway');
    on(ec2.CreateVpcCommand, 'CreateVpc', (inp) => ({ Vpc: { VpcId: this.create('vpc', 'vpc', inp).id, State: 'available' } }));
    on(ec2.DescribeVpcsCommand, 'DescribeVpcs', (inp) => ({
      Vpcs: this.find('vpc', inp, 'VpcIds').map((r) => ({ VpcId: r.id, State: r.state, CidrBlock: r.data['CidrBlock'] as string | undefined, Tags: r.tags })),
    }));
    on(ec2.ModifyVpcAttributeCommand, 'ModifyVpcAttribute', (inp) => {
      const v = this.ec2.get(String(inp['VpcId']));
      if (!v) throw awsError('InvalidVpcID.NotFound');
      Object.assign(v.data, inp);
      return {};
    });
    on(ec2.DeleteVpcCommand, 'DeleteVpc', (inp) =>
      this.remove(
        String(inp['VpcId']),
        'InvalidVpcID.NotFound',
        () => inVpc(String(inp['VpcId'])) || [...this.ec2.values()].some((r) => r.kind === 'internet-gateway' && r.data['AttachedVpc'] === inp['VpcId']),
      ),
    );
    on(ec2.CreateSubnetCommand, 'CreateSubnet', (inp) => {
      if (!this.ec2.has(String(inp['VpcId']))) throw awsError('InvalidVpcID.NotFound');
      const r = this.create('subnet', 'subnet', inp);
      return { Subnet: { SubnetId: r.id, AvailabilityZone: String(inp['AvailabilityZone'] ?? 'us-east-1a'), State: 'available' } };
    });
    on(ec2.DescribeSubnetsCommand, 'DescribeSubnets', (inp) => ({
      Subnets: this.find('subnet', inp, 'SubnetIds').map((r) => ({
        SubnetId: r.id,
        State: r.state,
        VpcId: r.data['VpcId'] as string | undefined,
        CidrBlock: r.data['CidrBlock'] as string | undefined,
        AvailabilityZone: (r.data['AvailabilityZone'] as string | undefined) ?? 'us-east-1a',
        Tags: r.tags,
      })),
    }));
    on(ec2.ModifySubnetAttributeCommand, 'ModifySubnetAttribute', (inp) => {
      Object.assign(this.ec2.get(String(inp['SubnetId']))?.data ?? {}, inp);
      return {};
    });
    on(ec2.DeleteSubnetCommand, 'DeleteSubnet', (inp) =>
      this.remove(String(inp['SubnetId']), 'InvalidSubnetID.NotFound', () =>
        [...this.ec2.values()].some((r) => r.kind === 'natgateway' && r.state !== 'deleted' && r.data['SubnetId'] === inp['SubnetId']),
      ),
    );
    on(ec2.CreateSecurityGroupCommand, 'CreateSecurityGroup', (inp) => {
      if ([...this.ec2.values()].some((r) => r.kind === 'security-group' && r.data['GroupName'] === inp['GroupName'] && r.data['VpcId'] === inp['VpcId']))
        throw awsError('InvalidGroup.Duplicate');
      return { GroupId: this.create('security-group', 'sg', inp).id };
    });
    on(ec2.DescribeSecurityGroupsCommand, 'DescribeSecurityGroups', (inp) => ({
      SecurityGroups: this.find('security-group', inp, 'GroupIds').map((r) => {
        // Rules are kept as they were authorized: `in|out:group:permissions JSON`.
        const granted = (dir: string) =>
          [...this.rules]
            .filter((k) => k.startsWith(`${dir}:${r.id}:`))
            .flatMap((k) => JSON.parse(k.slice(dir.length + r.id.length + 2)) as ec2.IpPermission[]);
        return {
          GroupId: r.id,
          GroupName: String(r.data['GroupName']),
          VpcId: r.data['VpcId'] as string | undefined,
          Tags: r.tags,
          IpPermissions: granted('in'),
          IpPermissionsEgress: granted('out'),
        };
      }),
    }));
    on(ec2.DeleteSecurityGroupCommand, 'DeleteSecurityGroup', (inp) => this.remove(String(inp['GroupId']), 'InvalidGroup.NotFound'));
    const rule = (dir: string, add: boolean) => (inp: Input) => {
      const key = `${dir}:${String(inp['GroupId'])}:${JSON.stringify(inp['IpPermissions'])}`;
      if (add && this.rules.has(key)) throw awsError('InvalidPermission.Duplicate');
      if (!add && !this.rules.has(key)) throw awsError('InvalidPermission.NotFound');
      if (add) this.rules.add(key);
      else this.rules.delete(key);
      return {};
    };
    on(ec2.AuthorizeSecurityGroupIngressCommand, 'AuthorizeSecurityGroupIngress', rule('in', true));
    on(ec2.RevokeSecurityGroupIngressCommand, 'RevokeSecurityGroupIngress', rule('in', false));
    on(ec2.AuthorizeSecurityGroupEgressCommand, 'AuthorizeSecurityGroupEgress', rule('out', true));
    on(ec2.RevokeSecurityGroupEgressCommand, 'RevokeSecurityGroupEgress', rule('out', false));
    on(ec2.CreateInternetGatewayCommand, 'CreateInternetGateway', (inp) => ({
      InternetGateway: { InternetGatewayId: this.create('internet-gateway', 'igw', inp).id },
    }));
    on(ec2.DescribeInternetGatewaysCommand, 'DescribeInternetGateways', (inp) => ({
      InternetGateways: this.find('internet-gateway', inp, 'InternetGatewayIds').map((r) => ({ InternetGatewayId: r.id })),
    }));
    on(ec2.AttachInternetGatewayCommand, 'AttachInternetGateway', (inp) => {
      const g = this.ec2.get(String(inp['InternetGatewayId']))!;
      if (g.data['AttachedVpc']) throw awsError('Resource.AlreadyAssociated');
      g.data['AttachedVpc'] = inp['VpcId'];
      return {};
    });
    on(ec2.DetachInternetGatewayCommand, 'DetachInternetGateway', (inp) => {
      const g = this.ec2.get(String(inp['InternetGatewayId']));
      if (!g?.data['AttachedVpc']) throw awsError('Gateway.NotAttached');
      delete g.data['AttachedVpc'];
      return {};
    });
    on(ec2.DeleteInternetGatewayCommand, 'DeleteInternetGateway', (inp) =>
      this.remove(
        String(inp['InternetGatewayId']),
        'InvalidInternetGatewayID.NotFound',
        () => !!this.ec2.get(String(inp['InternetGatewayId']))?.data['AttachedVpc'],
      ),
    );
    on(ec2.AllocateAddressCommand, 'AllocateAddress', (inp) => {
      const r = this.create('address', 'eipalloc', inp, { PublicIp: this.options.elasticIp ?? `198.51.100.${this.seq % 250}` });
      return { AllocationId: r.id, PublicIp: String(r.data['PublicIp']) };
    });
    on(ec2.DescribeAddressesCommand, 'DescribeAddresses', (inp) => ({
      Addresses: this.find('address', inp, 'AllocationIds').map((r) => ({
        AllocationId: r.id,
        PublicIp: String(r.data['PublicIp']),
        ...(r.data['NatGateway'] ? { AssociationId: 'eipassoc-nat' } : {}),
        ...(r.data['AssociationId']
          ? {
              AssociationId: String(r.data['AssociationId']),
              NetworkInterfaceId: r.data['NetworkInterfaceId'] as string,
              InstanceId: r.data['InstanceId'] as string,
            }
          : {}),
      })),
    }));
    on(ec2.ReleaseAddressCommand, 'ReleaseAddress', (inp) => {
      if (this.ec2.get(String(inp['AllocationId']))?.data['AssociationId']) throw awsError('InvalidIPAddress.InUse', 'Address is in use');
      return this.remove(String(inp['AllocationId']), 'InvalidAllocationID.NotFound', () =>
        [...this.ec2.values()].some((r) => r.kind === 'natgateway' && r.state !== 'deleted' && r.data['AllocationId'] === inp['AllocationId']),
      );
    });
    on(ec2.CreateNatGatewayCommand, 'CreateNatGateway', (inp) => {
      const existing = [...this.ec2.values()].find((r) => r.kind === 'natgateway' && r.data['ClientToken'] === inp['ClientToken']);
      const r = existing ?? this.create('natgateway', 'nat', inp, {}, 'pending');
      return { NatGateway: { NatGatewayId: r.id, State: r.state } };
    });
    on(ec2.DescribeNatGatewaysCommand, 'DescribeNatGateways', (inp) => ({
      NatGateways: this.find('natgateway', inp).map((r) => {
        if (r.state === 'pending' && ++r.reads >= this.ticks) r.state = 'available';
        if (r.state === 'deleting' && ++r.reads >= this.ticks) r.state = 'deleted';
        return { NatGatewayId: r.id, State: r.state as ec2.NatGatewayState };
      }),
    }));
    on(ec2.DeleteNatGatewayCommand, 'DeleteNatGateway', (inp) => {
      const r = this.ec2.get(String(inp['NatGatewayId']));
      if (!r) throw awsError('NatGatewayNotFound');
      r.state = 'deleting';
      r.reads = 0;
      return { NatGatewayId: r.id };
    });
    on(ec2.CreateRouteTableCommand, 'CreateRouteTable', (inp) => ({ RouteTable: { RouteTableId: this.create('route-table', 'rtb', inp).id } }));
    on(ec2.DescribeRouteTablesCommand, 'DescribeRouteTables', (inp) => ({
      RouteTables: this.find('route-table', inp, 'RouteTableIds').map((r) => ({
        RouteTableId: r.id,
        Associations: Object.entries((r.data['assoc'] as Record<string, string>) ?? {}).map(([subnet, id]) => ({
          SubnetId: subnet,
          RouteTableAssociationId: id,
        })),
      })),
    }));
    on(ec2.AssociateRouteTableCommand, 'AssociateRouteTable', (inp) => {
      const t = this.ec2.get(String(inp['RouteTableId']))!;
      t.data['assoc'] ??= {};
      const assoc = t.data['assoc'] as Record<string, string>;
      assoc[String(inp['SubnetId'])] = this.next('rtbassoc');
      return { AssociationId: assoc[String(inp['SubnetId'])] };
    });
    on(ec2.DisassociateRouteTableCommand, 'DisassociateRouteTable', (inp) => {
      for (const t of this.ec2.values()) {
        const assoc = t.data['assoc'] as Record<string, string> | undefined;
        for (const [k, v] of Object.entries(assoc ?? {})) if (v === inp['AssociationId']) delete assoc![k];
      }
      return {};
    });
    on(ec2.DeleteRouteTableCommand, 'DeleteRouteTable', (inp) =>
      this.remove(
        String(inp['RouteTableId']),
        'InvalidRouteTableID.NotFound',
        () =>
          [...this.routes].some((x) => x.startsWith(`${String(inp['RouteTableId'])}/`)) ||
          Object.keys((this.ec2.get(String(inp['RouteTableId']))?.data['assoc'] as object) ?? {}).length > 0,
      ),
    );
    on(ec2.CreateRouteCommand, 'CreateRoute', (inp) => {
      const key = `${String(inp['RouteTableId'])}/${String(inp['DestinationCidrBlock'])}`;
      if (this.routes.has(key)) throw awsError('RouteAlreadyExists');
      if (!inp['GatewayId'] && !inp['NatGatewayId']) throw awsError('InvalidParameterCombination', 'no route target');
      this.routes.add(key);
      return { Return: true };
    });
    on(ec2.DeleteRouteCommand, 'DeleteRoute', (inp) => {
      const key = `${String(inp['RouteTableId'])}/${String(inp['DestinationCidrBlock'])}`;
      if (!this.routes.delete(key)) throw awsError('InvalidRoute.NotFound');
      return {};
    });
    on(ec2.DescribeKeyPairsCommand, 'DescribeKeyPairs', (inp) => {
      const names = (inp['KeyNames'] as string[] | undefined) ?? [];
      const found = [...this.ec2.values()].filter((r) => r.kind === 'key-pair' && names.includes(r.id));
      if (found.length < names.length) throw awsError('InvalidKeyPair.NotFound');
      return { KeyPairs: found.map((r) => ({ KeyName: r.id, Tags: r.tags })) };
    });
    const keypair = (inp: Input) => {
      const name = String(inp['KeyName']);
      if (this.ec2.has(name)) throw awsError('InvalidKeyPair.Duplicate');
      const tags = ((inp['TagSpecifications'] as Array<{ Tags?: Tags }> | undefined)?.[0]?.Tags ?? []) as Tags;
      this.ec2.set(name, { id: name, kind: 'key-pair', tags, state: 'available', reads: 0, data: {} });
      return { KeyName: name, KeyMaterial: '-----BEGIN RSA PRIVATE KEY-----\nfake\n-----END RSA PRIVATE KEY-----' };
    };
    on(ec2.ImportKeyPairCommand, 'ImportKeyPair', keypair);
    on(ec2.CreateKeyPairCommand, 'CreateKeyPair', keypair);
    on(ec2.DeleteKeyPairCommand, 'DeleteKeyPair', (inp) => {
      this.ec2.delete(String(inp['KeyName']));
      return {};
    });
    on(ec2.CreateVolumeCommand, 'CreateVolume', (inp) => ({ VolumeId: this.create('volume', 'vol', inp, {}, 'creating').id }));
    on(ec2.DescribeVolumesCommand, 'DescribeVolumes', (inp) => ({
      Volumes: this.find('volume', inp, 'VolumeIds').map((r) => {
        if (r.state === 'creating' && ++r.reads >= this.ticks) r.state = 'available';
        if (r.state === 'deleting' && ++r.reads >= this.ticks) {
          r.state = 'deleted';
          this.ec2.delete(r.id);
        }
        const attach = r.data['AttachState'] as string | undefined;
        if (attach && attach !== 'attached' && ++(r.data as { AttachReads: number }).AttachReads >= this.ticks) {
          if (attach === 'attaching') r.data['AttachState'] = 'attached';
          else {
            Object.assign(r.data, { AttachedTo: undefined, Device: undefined, AttachState: undefined });
            r.state = 'available';
          }
        }
        return {
          VolumeId: r.id,
          State: r.state as ec2.VolumeState,
          AvailabilityZone: String(r.data['AvailabilityZone'] ?? ''),
          ...(r.data['AttachedTo']
            ? {
                Attachments: [
                  {
                    InstanceId: String(r.data['AttachedTo']),
                    Device: String(r.data['Device']),
                    State: r.data['AttachState'] as ec2.VolumeAttachmentState,
                    VolumeId: r.id,
                  },
                ],
              }
            : {}),
        };
      }),
    }));
    on(ec2.DeleteVolumeCommand, 'DeleteVolume', (inp) => {
      const r = this.ec2.get(String(inp['VolumeId']));
      if (!r) throw awsError('InvalidVolume.NotFound');
      r.state = 'deleting';
      r.reads = 0;
      return {};
    });
    on(ec2.TerminateInstancesCommand, 'TerminateInstances', (inp) => {
      for (const id of inp['InstanceIds'] as string[]) this.terminate(id);
      return { TerminatingInstances: (inp['InstanceIds'] as string[]).map((id) => ({ InstanceId: id })) };
    });
  }

  // ---- EC2 instances, interfaces, images, attachments ----

  /** An instance as DescribeInstances shows it; its state moves on as it is read. */
  private describeVm(r: Ec2Resource): ec2.Instance {
    const next: Record<string, string> = { pending: 'running', stopping: 'stopped', 'shutting-down': 'terminated' };
    if (next[r.state] && ++r.reads >= this.ticks) {
      r.state = next[r.state]!;
      r.reads = 0;
      if (r.state === 'terminated')
        for (const eni of this.ec2.values())
          if (eni.kind === 'eni' && eni.data['AttachedTo'] === r.id) Object.assign(eni.data, { AttachedTo: undefined, AttachmentId: undefined });
    }
    const enis = [...this.ec2.values()].filter((x) => x.kind === 'eni' && x.data['AttachedTo'] === r.id);
    const address = [...this.ec2.values()].find(
      (a) => a.kind === 'address' && a.data['AssociationId'] && (a.data['InstanceId'] === r.id || enis.some((e) => e.id === a.data['NetworkInterfaceId'])),
    );
    const privateIp = String(enis[0]?.data['PrivateIpAddress'] ?? r.data['PrivateIpAddress']);
    return {
      InstanceId: r.id,
      ImageId: String(r.data['ImageId']),
      InstanceType: String(r.data['InstanceType'] ?? 't3.micro') as ec2._InstanceType,
      KeyName: r.data['KeyName'] as string | undefined,
      State: { Name: r.state as ec2.InstanceStateName },
      PrivateIpAddress: privateIp,
      ...(address && r.state === 'running' ? { PublicIpAddress: String(address.data['PublicIp']) } : {}),
      NetworkInterfaces: enis.map((e) => ({
        NetworkInterfaceId: e.id,
        PrivateIpAddress: String(e.data['PrivateIpAddress']),
        PrivateIpAddresses: [{ PrivateIpAddress: String(e.data['PrivateIpAddress']), Primary: true }],
      })),
      Tags: r.tags,
    };
  }

  private installEc2Instances(s: Stub): void {
    const on = (cmd: new (input: never) => object, name: string, fn: (input: Input) => object) =>
      s.on(cmd as never).callsFake(async (input: Input) => {
        this.record(`ec2:${name}`);
        return fn(input);
      });
    const images = this.options.images ?? [
      { ImageId: 'ami-0000000000000a001', Name: 'debian-12-amd64-20260101', OwnerId: '136693071363', CreationDate: '2026-01-01T00:00:00.000Z' },
      { ImageId: 'ami-0000000000000a002', Name: 'debian-12-amd64-20261101', OwnerId: '136693071363', CreationDate: '2026-11-01T00:00:00.000Z' },
    ];
    const vm = (id: string) => {
      const r = this.ec2.get(id);
      if (r?.kind !== 'instance') throw awsError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
      return r;
    };
    const eni = (id: string) => {
      const r = this.ec2.get(id);
      if (r?.kind !== 'eni') throw awsError('InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${id}' does not exist`);
      return r;
    };
    on(ec2.DescribeImagesCommand, 'DescribeImages', (inp) => {
      const wanted = inp['ImageIds'] as string[] | undefined;
      const missing = wanted?.find((id) => !images.some((i) => i.ImageId === id));
      if (missing) throw awsError('InvalidAMIID.NotFound', `The image id '[${missing}]' does not exist`);
      const glob = (pattern: string) =>
        new RegExp(
          `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.')}$`,
        );
      let list = images.filter((i) => !wanted || wanted.includes(i.ImageId));
      const owners = inp['Owners'] as string[] | undefined;
      if (owners) list = list.filter((i) => owners.includes(i.OwnerId));
      for (const f of (inp['Filters'] as Array<{ Name: string; Values: string[] }> | undefined) ?? []) {
        if (f.Name === 'name') list = list.filter((i) => f.Values.some((v) => glob(v).test(i.Name)));
        else if (f.Name === 'owner-id') list = list.filter((i) => f.Values.includes(i.OwnerId));
        else if (f.Name === 'image-id') list = list.filter((i) => f.Values.includes(i.ImageId));
      }
      return { Images: list };
    });
    on(ec2.RunInstancesCommand, 'RunInstances', (inp) => {
      const token = inp['ClientToken'];
      const existing = token ? [...this.ec2.values()].find((r) => r.kind === 'instance' && r.data['ClientToken'] === token) : undefined;
      if (existing) return { Instances: [this.describeVm(existing)] };
      if (!images.some((i) => i.ImageId === inp['ImageId']))
        throw awsError('InvalidAMIID.NotFound', `The image id '[${String(inp['ImageId'])}]' does not exist`);
      const nics = (inp['NetworkInterfaces'] as Array<{ NetworkInterfaceId?: string; DeviceIndex?: number }> | undefined) ?? [];
      if (nics.length > 0 && (inp['SubnetId'] || inp['SecurityGroupIds']))
        throw awsError('InvalidParameterCombination', 'Network interfaces and an instance-level security groups may not be specified on the same request');
      if (inp['UserData'] !== undefined && Buffer.from(String(inp['UserData']), 'base64').toString('base64') !== String(inp['UserData']))
        throw awsError('InvalidParameterValue', 'Invalid BASE64 encoding of user data');
      const r = this.create('instance', 'i', inp, { PrivateIpAddress: `10.0.0.${(this.seq % 200) + 10}` }, 'pending');
      for (const n of nics) {
        const x = eni(String(n.NetworkInterfaceId));
        if (x.data['AttachedTo']) throw awsError('InvalidNetworkInterface.InUse', `Interface ${x.id} is in use`);
        Object.assign(x.data, { AttachedTo: r.id, AttachmentId: `eni-attach-${r.id}` });
      }
      return { Instances: [this.describeVm(r)] };
    });
    on(ec2.DescribeInstancesCommand, 'DescribeInstances', (inp) => ({
      Reservations: [{ Instances: this.find('instance', inp, 'InstanceIds').map((r) => this.describeVm(r)) }],
    }));
    on(ec2.StopInstancesCommand, 'StopInstances', (inp) => {
      for (const id of inp['InstanceIds'] as string[]) Object.assign(vm(id), { state: 'stopping', reads: 0 });
      return {};
    });
    on(ec2.StartInstancesCommand, 'StartInstances', (inp) => {
      for (const id of inp['InstanceIds'] as string[]) Object.assign(vm(id), { state: 'pending', reads: 0 });
      return {};
    });
    on(ec2.ModifyInstanceAttributeCommand, 'ModifyInstanceAttribute', (inp) => {
      Object.assign(vm(String(inp['InstanceId'])).data, inp);
      return {};
    });
    on(ec2.CreateNetworkInterfaceCommand, 'CreateNetworkInterface', (inp) => {
      if (!this.ec2.has(String(inp['SubnetId']))) throw awsError('InvalidSubnetID.NotFound', `${String(inp['SubnetId'])} does not exist`);
      const r = this.create('eni', 'eni', inp, { PrivateIpAddress: `10.0.1.${(this.seq % 200) + 10}` });
      return { NetworkInterface: { NetworkInterfaceId: r.id, PrivateIpAddress: String(r.data['PrivateIpAddress']) } };
    });
    on(ec2.DescribeNetworkInterfacesCommand, 'DescribeNetworkInterfaces', (inp) => ({
      NetworkInterfaces: this.find('eni', inp, 'NetworkInterfaceIds').map((r) => ({
        NetworkInterfaceId: r.id,
        SubnetId: r.data['SubnetId'] as string | undefined,
        TagSet: r.tags,
        Status: (r.data['AttachedTo'] ? 'in-use' : 'available') as ec2.NetworkInterfaceStatus,
        PrivateIpAddress: String(r.data['PrivateIpAddress']),
        ...(r.data['AttachedTo'] ? { Attachment: { InstanceId: String(r.data['AttachedTo']), AttachmentId: String(r.data['AttachmentId']) } } : {}),
      })),
    }));
    on(ec2.AttachNetworkInterfaceCommand, 'AttachNetworkInterface', (inp) => {
      const x = eni(String(inp['NetworkInterfaceId']));
      vm(String(inp['InstanceId']));
      if (x.data['AttachedTo']) throw awsError('InvalidNetworkInterface.InUse', `Interface ${x.id} is in use`);
      Object.assign(x.data, { AttachedTo: inp['InstanceId'], AttachmentId: `eni-attach-${x.id}` });
      return { AttachmentId: `eni-attach-${x.id}` };
    });
    on(ec2.DetachNetworkInterfaceCommand, 'DetachNetworkInterface', (inp) => {
      const x = [...this.ec2.values()].find((r) => r.kind === 'eni' && r.data['AttachmentId'] === inp['AttachmentId']);
      if (!x) throw awsError('InvalidAttachmentID.NotFound', `${String(inp['AttachmentId'])} does not exist`);
      Object.assign(x.data, { AttachedTo: undefined, AttachmentId: undefined });
      return {};
    });
    on(ec2.DeleteNetworkInterfaceCommand, 'DeleteNetworkInterface', (inp) => {
      const x = eni(String(inp['NetworkInterfaceId']));
      if (x.data['AttachedTo']) throw awsError('InvalidNetworkInterface.InUse', `Interface ${x.id} is currently in use`);
      if ([...this.ec2.values()].some((a) => a.kind === 'address' && a.data['NetworkInterfaceId'] === x.id && a.data['AssociationId']))
        throw awsError('InvalidNetworkInterface.InUse', `Interface ${x.id} has an associated address`);
      this.ec2.delete(x.id);
      return {};
    });
    on(ec2.AssociateAddressCommand, 'AssociateAddress', (inp) => {
      const a = this.ec2.get(String(inp['AllocationId']));
      if (a?.kind !== 'address') throw awsError('InvalidAllocationID.NotFound', `${String(inp['AllocationId'])} does not exist`);
      if (a.data['AssociationId'] && inp['AllowReassociation'] === false) throw awsError('Resource.AlreadyAssociated', `${a.id} is already associated`);
      if (inp['NetworkInterfaceId']) eni(String(inp['NetworkInterfaceId']));
      if (inp['InstanceId']) vm(String(inp['InstanceId']));
      Object.assign(a.data, { AssociationId: `eipassoc-${a.id}`, NetworkInterfaceId: inp['NetworkInterfaceId'], InstanceId: inp['InstanceId'] });
      return { AssociationId: `eipassoc-${a.id}` };
    });
    on(ec2.DisassociateAddressCommand, 'DisassociateAddress', (inp) => {
      const a = [...this.ec2.values()].find((r) => r.kind === 'address' && r.data['AssociationId'] === inp['AssociationId']);
      if (!a) throw awsError('InvalidAssociationID.NotFound', `${String(inp['AssociationId'])} does not exist`);
      Object.assign(a.data, { AssociationId: undefined, NetworkInterfaceId: undefined, InstanceId: undefined });
      return {};
    });
    on(ec2.AttachVolumeCommand, 'AttachVolume', (inp) => {
      const v = this.ec2.get(String(inp['VolumeId']));
      if (v?.kind !== 'volume') throw awsError('InvalidVolume.NotFound', `${String(inp['VolumeId'])} does not exist`);
      if (vm(String(inp['InstanceId'])).state !== 'running') throw awsError('IncorrectState', `${String(inp['InstanceId'])} is not running`);
      if (v.data['AttachedTo']) throw awsError('VolumeInUse', `${v.id} is already attached to an instance`);
      Object.assign(v.data, { AttachedTo: inp['InstanceId'], Device: inp['Device'], AttachState: 'attaching', AttachReads: 0 });
      v.state = 'in-use';
      return { State: 'attaching' };
    });
    on(ec2.DetachVolumeCommand, 'DetachVolume', (inp) => {
      const v = this.ec2.get(String(inp['VolumeId']));
      if (v?.kind !== 'volume') throw awsError('InvalidVolume.NotFound', `${String(inp['VolumeId'])} does not exist`);
      if (!v.data['AttachedTo']) throw awsError('IncorrectState', `${v.id} is not attached`);
      Object.assign(v.data, { AttachState: 'detaching', AttachReads: 0 });
      return { State: 'detaching' };
    });
  }

  // ---- IAM ----

  private installIam(s: Stub): void {
    const on = (cmd: new (input: never) => object, name: string, fn: (input: Input) => object) =>
      s.on(cmd as never).callsFake(async (input: Input) => {
        this.record(`iam:${name}`);
        return fn(input);
      });
    const role = (inp: Input) => {
      const r = this.roles.get(String(inp['RoleName']));
      if (!r) throw awsError('NoSuchEntity', `The role with name ${String(inp['RoleName'])} cannot be found.`, 404);
      return r;
    };
    on(iam.GetRoleCommand, 'GetRole', (inp) => {
      const r = role(inp);
      return { Role: { RoleName: r.name, Arn: r.arn, Tags: r.tags, Path: '/', RoleId: 'AROA', CreateDate: new Date() } };
    });
    on(iam.CreateRoleCommand, 'CreateRole', (inp) => {
      const name = String(inp['RoleName']);
      if (this.roles.has(name)) throw awsError('EntityAlreadyExists', '', 409);
      JSON.parse(String(inp['AssumeRolePolicyDocument']));
      const r = {
        name,
        arn: `arn:aws:iam::123456789012:role${String(inp['Path'] ?? '/')}${name}`,
        tags: (inp['Tags'] as Tags) ?? [],
        policies: new Set<string>(),
        boundary: inp['PermissionsBoundary'] as string | undefined,
      };
      this.roles.set(name, r);
      return { Role: { RoleName: name, Arn: r.arn, Path: '/', RoleId: 'AROA', CreateDate: new Date() } };
    });
    on(iam.AttachRolePolicyCommand, 'AttachRolePolicy', (inp) => {
      role(inp).policies.add(String(inp['PolicyArn']));
      return {};
    });
    on(iam.DetachRolePolicyCommand, 'DetachRolePolicy', (inp) => {
      role(inp).policies.delete(String(inp['PolicyArn']));
      return {};
    });
    on(iam.ListAttachedRolePoliciesCommand, 'ListAttachedRolePolicies', (inp) => ({
      AttachedPolicies: [...role(inp).policies].map((p) => ({ PolicyArn: p })),
    }));
    on(iam.ListRolePoliciesCommand, 'ListRolePolicies', (inp) => {
      role(inp);
      return { PolicyNames: [] };
    });
    on(iam.DeleteRoleCommand, 'DeleteRole', (inp) => {
      if (role(inp).policies.size > 0) throw awsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.', 409);
      this.roles.delete(String(inp['RoleName']));
      return {};
    });
  }

  // ---- EKS ----

  private group(inp: Input): GroupState {
    const g = this.groups.get(`${String(inp['clusterName'] ?? inp['name'])}/${String(inp['nodegroupName'])}`);
    if (!g) throw awsError('ResourceNotFoundException', `No node group found for name: ${String(inp['nodegroupName'])}.`, 404);
    return g;
  }

  /** The node group's Auto Scaling group: as many instances (and Ready Nodes) as desired. */
  private reconcile(g: GroupState): void {
    while (g.instances.length < g.scaling.desiredSize) {
      const id = `i-${(++this.seq).toString(16).padStart(17, '0')}`;
      g.instances.push(id);
      this.options.sandbox?.addNode({
        name: `ip-10-0-0-${this.seq}.ec2.internal`,
        pool: g.name,
        zone: 'us-east-1d',
        labels: { 'eks.amazonaws.com/nodegroup': g.name },
        providerID: `aws:///us-east-1d/${id}`,
      });
    }
    while (g.instances.length > g.scaling.desiredSize) this.terminate(g.instances[g.instances.length - 1]!);
  }

  private nodeNameOf(instanceId: string): string | undefined {
    return this.options.sandbox?.api.peek('', 'Node').find((n) => (n.spec as { providerID?: string } | undefined)?.providerID?.endsWith(`/${instanceId}`))
      ?.metadata.name;
  }

  /** An instance goes (its Node too); the group replaces it on its next reconcile if it still wants the capacity. */
  terminate(instanceId: string): void {
    const vm = this.ec2.get(instanceId);
    if (vm?.kind === 'instance') {
      if (vm.state !== 'terminated') {
        vm.state = 'shutting-down';
        vm.reads = 0;
      }
      return;
    }
    for (const g of this.groups.values()) {
      if (!g.instances.includes(instanceId)) continue;
      g.instances = g.instances.filter((i) => i !== instanceId);
      this.terminated.push(instanceId);
      const node = this.nodeNameOf(instanceId);
      if (node) this.options.sandbox?.removeNode(node);
      return;
    }
    throw awsError('InvalidInstanceID.NotFound', `The instance ID '${instanceId}' does not exist`);
  }

  /** Nodes of a group, by instance id. */
  nodesOf(group: string): string[] {
    const g = [...this.groups.values()].find((x) => x.name === group);
    return (g?.instances ?? []).map((i) => this.nodeNameOf(i) ?? i);
  }

  private installEks(s: Stub): void {
    const on = (cmd: new (input: never) => object, name: string, fn: (input: Input) => object) =>
      s.on(cmd as never).callsFake(async (input: Input) => {
        this.record(`eks:${name}`);
        return fn(input);
      });
    const cluster = (name: string) => {
      const c = this.clusters.get(name);
      if (!c) throw awsError('ResourceNotFoundException', `No cluster found for name: ${name}.`, 404);
      return c;
    };
    const describeCluster = (c: ClusterState): eks.Cluster => ({
      name: c.name,
      arn: `arn:aws:eks:us-east-1:123456789012:cluster/${c.name}`,
      status: c.status as eks.ClusterStatus,
      tags: c.tags,
      ...(c.status === 'ACTIVE'
        ? {
            endpoint: `https://${c.name}.gr7.us-east-1.eks.amazonaws.com`,
            certificateAuthority: { data: Buffer.from('fake-ca').toString('base64') },
            identity: { oidc: { issuer: `https://oidc.eks.us-east-1.amazonaws.com/id/${c.name.toUpperCase()}` } },
          }
        : {}),
      accessConfig: c.request['accessConfig'] as eks.AccessConfigResponse,
    });
    on(eks.CreateClusterCommand, 'CreateCluster', (inp) => {
      const name = String(inp['name']);
      if (this.clusters.has(name)) throw awsError('ResourceInUseException', `Cluster already exists with name: ${name}`, 409);
      if (!inp['roleArn']) throw awsError('InvalidParameterException', 'roleArn is required');
      const c: ClusterState = { name, status: 'CREATING', reads: 0, tags: (inp['tags'] as Record<string, string>) ?? {}, request: inp };
      this.clusters.set(name, c);
      return { cluster: describeCluster(c) };
    });
    on(eks.DescribeClusterCommand, 'DescribeCluster', (inp) => {
      const c = cluster(String(inp['name']));
      if (c.status === 'CREATING' && ++c.reads >= this.ticks) c.status = 'ACTIVE';
      if (c.status === 'DELETING' && ++c.reads >= this.ticks) {
        this.clusters.delete(c.name);
        throw awsError('ResourceNotFoundException', `No cluster found for name: ${c.name}.`, 404);
      }
      return { cluster: describeCluster(c) };
    });
    on(eks.DeleteClusterCommand, 'DeleteCluster', (inp) => {
      const c = cluster(String(inp['name']));
      if ([...this.groups.values()].some((g) => g.cluster === c.name)) throw awsError('ResourceInUseException', `Cluster has nodegroups attached`, 409);
      c.status = 'DELETING';
      c.reads = 0;
      return { cluster: describeCluster(c) };
    });
    const describeGroup = (g: GroupState): eks.Nodegroup => ({
      nodegroupName: g.name,
      clusterName: g.cluster,
      nodegroupArn: `arn:aws:eks:us-east-1:123456789012:nodegroup/${g.cluster}/${g.name}/x`,
      status: g.status as eks.NodegroupStatus,
      scalingConfig: { ...g.scaling },
      tags: g.tags,
      health: { issues: g.issues.map((i) => ({ code: i.code as eks.NodegroupIssueCode, message: i.message, resourceIds: i.resourceIds })) },
    });
    on(eks.CreateNodegroupCommand, 'CreateNodegroup', (inp) => {
      const c = cluster(String(inp['clusterName']));
      if (c.status !== 'ACTIVE') throw awsError('ResourceInUseException', 'cluster is not ACTIVE', 409);
      const key = `${c.name}/${String(inp['nodegroupName'])}`;
      if (this.groups.has(key)) throw awsError('ResourceInUseException', 'NodeGroup already exists', 409);
      const sc = inp['scalingConfig'] as { minSize: number; maxSize: number; desiredSize: number };
      const g: GroupState = {
        cluster: c.name,
        name: String(inp['nodegroupName']),
        status: 'CREATING',
        reads: 0,
        tags: (inp['tags'] as Record<string, string>) ?? {},
        scaling: { ...sc },
        instances: [],
        updates: new Map(),
        issues: [],
      };
      this.groups.set(key, g);
      return { nodegroup: describeGroup(g) };
    });
    on(eks.DescribeNodegroupCommand, 'DescribeNodegroup', (inp) => {
      const g = this.group(inp);
      if ((g.status === 'CREATING' || g.status === 'UPDATING') && ++g.reads >= this.ticks) g.status = 'ACTIVE';
      if (g.status === 'DELETING' && ++g.reads >= this.ticks) {
        for (const i of [...g.instances]) this.terminate(i);
        this.groups.delete(`${g.cluster}/${g.name}`);
        throw awsError('ResourceNotFoundException', 'No node group found', 404);
      }
      if (g.status === 'ACTIVE') this.reconcile(g);
      return { nodegroup: describeGroup(g) };
    });
    on(eks.UpdateNodegroupConfigCommand, 'UpdateNodegroupConfig', (inp) => {
      const g = this.group(inp);
      if (g.status !== 'ACTIVE') throw awsError('ResourceInUseException', 'node group is not ACTIVE', 409);
      const sc = inp['scalingConfig'] as Partial<GroupState['scaling']>;
      const next = { ...g.scaling, ...sc };
      if (next.desiredSize > next.maxSize || next.desiredSize < next.minSize) throw awsError('InvalidParameterException', 'desired size out of bounds');
      g.scaling = next;
      g.status = 'UPDATING';
      g.reads = 0;
      const id = this.next('update');
      g.updates.set(id, { status: 'InProgress', reads: 0 });
      return { update: { id, status: 'InProgress', type: 'ConfigUpdate' } };
    });
    on(eks.DescribeUpdateCommand, 'DescribeUpdate', (inp) => {
      const g = this.group({ clusterName: inp['name'], nodegroupName: inp['nodegroupName'] });
      const u = g.updates.get(String(inp['updateId']));
      if (!u) throw awsError('ResourceNotFoundException', 'No update found', 404);
      if (u.status === 'InProgress' && ++u.reads >= this.ticks) {
        u.status = 'Successful';
        g.status = 'ACTIVE';
        this.reconcile(g);
      }
      return { update: { id: String(inp['updateId']), status: u.status } };
    });
    on(eks.DeleteNodegroupCommand, 'DeleteNodegroup', (inp) => {
      const g = this.group(inp);
      g.status = 'DELETING';
      g.reads = 0;
      return { nodegroup: describeGroup(g) };
    });
    on(eks.CreateAddonCommand, 'CreateAddon', (inp) => {
      cluster(String(inp['clusterName']));
      this.addons.set(`${String(inp['clusterName'])}/${String(inp['addonName'])}`, { status: 'CREATING', reads: 0 });
      return { addon: { addonName: String(inp['addonName']), status: 'CREATING' } };
    });
    on(eks.DescribeAddonCommand, 'DescribeAddon', (inp) => {
      const key = `${String(inp['clusterName'])}/${String(inp['addonName'])}`;
      const a = this.addons.get(key);
      if (!a) throw awsError('ResourceNotFoundException', 'No addon', 404);
      if (a.status === 'CREATING' && ++a.reads >= this.ticks) a.status = 'ACTIVE';
      if (a.status === 'DELETING' && ++a.reads >= this.ticks) {
        this.addons.delete(key);
        throw awsError('ResourceNotFoundException', 'No addon', 404);
      }
      return { addon: { addonName: String(inp['addonName']), status: a.status as eks.AddonStatus } };
    });
    on(eks.DeleteAddonCommand, 'DeleteAddon', (inp) => {
      const a = this.addons.get(`${String(inp['clusterName'])}/${String(inp['addonName'])}`);
      if (!a) throw awsError('ResourceNotFoundException', 'No addon', 404);
      a.status = 'DELETING';
      a.reads = 0;
      return {};
    });
  }

  /** An ACTIVE cluster that something other than Isthmus created (for use_external_resource). */
  existingCluster(name: string): void {
    this.clusters.set(name, { name, status: 'ACTIVE', reads: 0, tags: { team: 'platform' }, request: { name, accessConfig: { authenticationMode: 'API' } } });
  }

  /** Simulates an EKS health issue on a node group (and its node going NotReady). */
  breakInstance(group: string, instanceIndex = 0): { instanceId: string; node: string } {
    const g = [...this.groups.values()].find((x) => x.name === group)!;
    const instanceId = g.instances[instanceIndex]!;
    const node = this.nodeNameOf(instanceId)!;
    this.options.sandbox?.setNodeReady(node, false);
    return { instanceId, node };
  }

  // ---- Route 53 ----

  private installRoute53(s: Stub): void {
    const changes = new Map<string, number>();
    s.on(route53.ChangeResourceRecordSetsCommand as never).callsFake(async (inp: route53.ChangeResourceRecordSetsCommandInput) => {
      this.record('route53:ChangeResourceRecordSets');
      for (const c of inp.ChangeBatch?.Changes ?? []) {
        const key = `${inp.HostedZoneId}/${c.ResourceRecordSet?.Name}/${c.ResourceRecordSet?.Type}`;
        if (c.Action === 'DELETE') {
          if (!this.records.delete(key))
            throw awsError('InvalidChangeBatch', `Tried to delete resource record set [name='${c.ResourceRecordSet?.Name}'] but it was not found`);
        } else this.records.set(key, c.ResourceRecordSet!);
      }
      const id = `/change/${this.next('C')}`;
      changes.set(id, 0);
      return { ChangeInfo: { Id: id, Status: 'PENDING', SubmittedAt: new Date() } };
    });
    s.on(route53.GetChangeCommand as never).callsFake(async (inp: { Id: string }) => {
      this.record('route53:GetChange');
      const n = (changes.get(inp.Id) ?? 0) + 1;
      changes.set(inp.Id, n);
      return { ChangeInfo: { Id: inp.Id, Status: n >= this.ticks ? 'INSYNC' : 'PENDING', SubmittedAt: new Date() } };
    });
  }
}
