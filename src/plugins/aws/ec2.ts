import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateKeyPairCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  DeleteInternetGatewayCommand,
  DeleteKeyPairCommand,
  DeleteNatGatewayCommand,
  DeleteRouteCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVolumeCommand,
  DeleteVpcCommand,
  DescribeAddressesCommand,
  DescribeInternetGatewaysCommand,
  DescribeKeyPairsCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  DisassociateAddressCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  EC2Client,
  ImportKeyPairCommand,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  ReleaseAddressCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type Filter,
  type IpPermission,
  type ResourceType,
  type TagSpecification,
} from '@aws-sdk/client-ec2';
import { createHash } from 'node:crypto';
import type { YamlMap, YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext, OperationFunction } from '../../runtime/types.js';
import {
  apiParameters,
  awsSettings,
  call,
  clientFor,
  currentId,
  externalId,
  isExternal,
  isMap,
  must,
  OWNER_TAG,
  ownerOf,
  plain,
  properties,
  related,
  remember,
  requiredRelatedId,
  tagsFor,
  waitSeconds,
} from './common.js';

export const T = {
  vpc: 'cloudify.nodes.aws.ec2.Vpc',
  subnet: 'cloudify.nodes.aws.ec2.Subnet',
  securityGroup: 'cloudify.nodes.aws.ec2.SecurityGroup',
  internetGateway: 'cloudify.nodes.aws.ec2.InternetGateway',
  natGateway: 'cloudify.nodes.aws.ec2.NATGateway',
  elasticIp: 'cloudify.nodes.aws.ec2.ElasticIP',
  routeTable: 'cloudify.nodes.aws.ec2.RouteTable',
  instances: 'cloudify.nodes.aws.ec2.Instances',
  eni: 'cloudify.nodes.aws.ec2.Interface',
};

export async function ec2Of(ctx: OperationContext): Promise<EC2Client> {
  return clientFor(EC2Client, await awsSettings(ctx));
}

const ownerFilter = (ctx: OperationContext): Filter[] => [{ Name: `tag:${OWNER_TAG}`, Values: [ownerOf(ctx)] }];
export const tagSpec = (ctx: OperationContext, props: YamlMap, type: ResourceType): TagSpecification[] => [{ ResourceType: type, Tags: tagsFor(ctx, props) }];
/** API parameters as the SDK's input type (the blueprint owns their shape; AWS validates them). */
export const sdk = <T>(params: YamlMap): T => params as unknown as T;

export interface Tracked {
  label: string;
  /** Finds the resource by filters (an id filter, or the owner tag); returns its id. */
  find: (ec2: EC2Client, filters: Filter[]) => Promise<string | undefined>;
  idFilter: string;
  create: (ec2: EC2Client, params: YamlMap, props: YamlMap) => Promise<{ id: string; extra?: YamlMap }>;
}

/**
 * Create for resources AWS names itself (VPC, subnet, …): adopt an external one, or find the one
 * an interrupted earlier attempt created (by the owner tag, set atomically by the create call),
 * or create it. Never two resources for one instance.
 */
export async function createTracked(ctx: OperationContext, kind: Tracked): Promise<void> {
  const props = await properties(ctx);
  const ec2 = await ec2Of(ctx);
  const params = apiParameters(props, ctx.inputs);
  const external = externalId(ctx, props);
  if (external) {
    const found = await kind.find(ec2, [{ Name: kind.idFilter, Values: [external] }]);
    if (!found) throw new OperationError(`${kind.label} ${external} (use_external_resource) does not exist`, false);
    remember(ctx, external, { use_external_resource: true });
    ctx.logger.info(`${kind.label} ${external} adopted (use_external_resource)`);
    return;
  }
  if (ctx.instance.runtimeProperties['aws_resource_id']) return;
  const earlier = await kind.find(ec2, ownerFilter(ctx));
  if (earlier) {
    remember(ctx, earlier, { use_external_resource: false, resource_config: params });
    ctx.logger.info(`${kind.label} ${earlier} was created by an earlier attempt; using it`);
    return;
  }
  const { id, extra } = await kind.create(ec2, params, props);
  remember(ctx, id, { use_external_resource: false, resource_config: params, ...(extra ?? {}) });
  ctx.logger.info(`${kind.label} ${id} created`);
}

/** Delete: skipped for adopted resources; a resource already gone counts as deleted. */
export async function deleteTracked(
  ctx: OperationContext,
  label: string,
  del: (ec2: EC2Client, id: string) => Promise<unknown>,
  gone: string[],
): Promise<void> {
  const id = currentId(ctx);
  if (!id) return;
  if (isExternal(ctx)) {
    ctx.logger.info(`${label} ${id} was adopted (use_external_resource); left in place`);
    return;
  }
  const ec2 = await ec2Of(ctx);
  await call(`deleting ${label} ${id}`, () => del(ec2, id), gone);
  delete ctx.instance.runtimeProperties['aws_resource_id'];
  ctx.logger.info(`${label} ${id} deleted`);
}

export const first = <T>(items: T[] | undefined, id: (t: T) => string | undefined) => (items && items.length > 0 ? id(items[0]!) : undefined);

// ---- VPC ----

async function vpcCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  await createTracked(ctx, {
    label: 'VPC',
    idFilter: 'vpc-id',
    find: async (ec2, Filters) => first((await must('describing VPCs', () => ec2.send(new DescribeVpcsCommand({ Filters })))).Vpcs, (v) => v.VpcId),
    create: async (ec2, params) => ({
      id:
        (await must('creating a VPC', () => ec2.send(new CreateVpcCommand({ ...sdk(params), TagSpecifications: tagSpec(ctx, props, 'vpc') })))).Vpc?.VpcId ??
        '',
    }),
  });
  // Cloudify's create takes modify_vpc_attribute_args ({EnableDnsHostnames: {Value: true}, …}): one call per attribute.
  const args = ctx.inputs['modify_vpc_attribute_args'];
  if (isMap(args) && !isExternal(ctx)) await modifyVpc(ctx, args);
}

async function modifyVpc(ctx: OperationContext, attributes: YamlMap): Promise<void> {
  const id = currentId(ctx);
  if (!id) throw new OperationError('the VPC is not created yet', false);
  const ec2 = await ec2Of(ctx);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'VpcId') continue;
    await must(`setting ${name} on VPC ${id}`, () => ec2.send(new ModifyVpcAttributeCommand(sdk({ VpcId: id, [name]: value }))));
  }
}

// ---- subnet ----

async function subnetCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const vpcId = await requiredRelatedId(ctx, apiParameters(props, ctx.inputs), 'VpcId', T.vpc);
  await createTracked(ctx, {
    label: 'subnet',
    idFilter: 'subnet-id',
    find: async (ec2, Filters) => first((await must('describing subnets', () => ec2.send(new DescribeSubnetsCommand({ Filters })))).Subnets, (s) => s.SubnetId),
    create: async (ec2, params) => {
      const r = await must('creating a subnet', () =>
        ec2.send(new CreateSubnetCommand({ ...sdk(params), VpcId: vpcId, TagSpecifications: tagSpec(ctx, props, 'subnet') })),
      );
      return { id: r.Subnet?.SubnetId ?? '', extra: { availability_zone: r.Subnet?.AvailabilityZone ?? null, vpc_id: vpcId } };
    },
  });
}

async function subnetModify(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  if (!id) throw new OperationError('the subnet is not created yet', false);
  const attributes = isMap(ctx.inputs['resource_config']) ? ctx.inputs['resource_config'] : {};
  const ec2 = await ec2Of(ctx);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'SubnetId') continue;
    await must(`setting ${name} on subnet ${id}`, () => ec2.send(new ModifySubnetAttributeCommand(sdk({ SubnetId: id, [name]: value }))));
  }
}

// ---- security groups and their rules ----

async function securityGroupCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const params = apiParameters(props, ctx.inputs);
  const vpcId = await requiredRelatedId(ctx, params, 'VpcId', T.vpc);
  const name = typeof params['GroupName'] === 'string' ? params['GroupName'] : undefined;
  await createTracked(ctx, {
    label: 'security group',
    idFilter: 'group-id',
    find: async (ec2, Filters) =>
      first((await must('describing security groups', () => ec2.send(new DescribeSecurityGroupsCommand({ Filters })))).SecurityGroups, (g) => g.GroupId),
    create: async (ec2, p) => {
      if (!name) throw new OperationError(`node '${ctx.node.id}': resource_config.GroupName is required`, false);
      const r = await call(
        `creating security group ${name}`,
        () =>
          ec2.send(
            new CreateSecurityGroupCommand({
              ...sdk<{ Description: string; GroupName: string }>({ Description: name, ...p, GroupName: name }),
              VpcId: vpcId,
              TagSpecifications: tagSpec(ctx, props, 'security-group'),
            }),
          ),
        ['InvalidGroup.Duplicate'],
      );
      if (!r)
        throw new OperationError(
          `security group ${name} already exists in ${vpcId} and was not created by this instance; set use_external_resource with its id, or pick another GroupName`,
          false,
        );
      return { id: r.GroupId ?? '', extra: { vpc_id: vpcId } };
    },
  });
}

export async function ruleTarget(ctx: OperationContext): Promise<{ groupId: string; permissions: IpPermission[] }> {
  const params = apiParameters(await properties(ctx), ctx.inputs);
  const groupId = await requiredRelatedId(ctx, params, 'GroupId', T.securityGroup);
  const permissions = Array.isArray(params['IpPermissions']) ? sdk<IpPermission[]>(params['IpPermissions'] as unknown as YamlMap) : [];
  if (permissions.length === 0) throw new OperationError(`node '${ctx.node.id}': resource_config.IpPermissions is empty`, false);
  return { groupId, permissions };
}

function rules(direction: 'ingress' | 'egress', action: 'authorize' | 'revoke'): OperationFunction {
  return async (ctx) => {
    const { groupId, permissions } = await ruleTarget(ctx);
    const ec2 = await ec2Of(ctx);
    const input = { GroupId: groupId, IpPermissions: permissions };
    const command =
      direction === 'ingress'
        ? action === 'authorize'
          ? new AuthorizeSecurityGroupIngressCommand(input)
          : new RevokeSecurityGroupIngressCommand(input)
        : action === 'authorize'
          ? new AuthorizeSecurityGroupEgressCommand(input)
          : new RevokeSecurityGroupEgressCommand(input);
    // Re-running converges: a rule already there (or already gone) is what we wanted.
    const tolerated = action === 'authorize' ? ['InvalidPermission.Duplicate'] : ['InvalidPermission.NotFound', 'InvalidGroup.NotFound'];
    await call(`${action === 'authorize' ? 'authorizing' : 'revoking'} ${direction} rules of ${groupId}`, () => ec2.send(command as never), tolerated);
    ctx.instance.runtimeProperties['aws_resource_id'] = groupId;
    ctx.logger.info(`${direction} rules ${action === 'authorize' ? 'authorized on' : 'revoked from'} ${groupId}`);
  };
}

// ---- internet gateway ----

async function internetGatewayCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  await createTracked(ctx, {
    label: 'internet gateway',
    idFilter: 'internet-gateway-id',
    find: async (ec2, Filters) =>
      first(
        (await must('describing internet gateways', () => ec2.send(new DescribeInternetGatewaysCommand({ Filters })))).InternetGateways,
        (g) => g.InternetGatewayId,
      ),
    create: async (ec2, params) => ({
      id:
        (
          await must('creating an internet gateway', () =>
            ec2.send(new CreateInternetGatewayCommand({ ...sdk(params), TagSpecifications: tagSpec(ctx, props, 'internet-gateway') })),
          )
        ).InternetGateway?.InternetGatewayId ?? '',
    }),
  });
}

async function internetGatewayAttach(ctx: OperationContext): Promise<void> {
  if (isExternal(ctx)) return;
  const id = currentId(ctx)!;
  const vpcs = (await related(ctx, T.vpc)).map((r) => r.id).filter((v): v is string => !!v);
  const params = apiParameters(await properties(ctx), ctx.inputs);
  if (typeof params['VpcId'] === 'string') vpcs.push(params['VpcId']);
  const ec2 = await ec2Of(ctx);
  for (const vpcId of new Set(vpcs)) {
    await call(`attaching internet gateway ${id} to ${vpcId}`, () => ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId })), [
      'Resource.AlreadyAssociated',
    ]);
    ctx.instance.runtimeProperties['vpc_id'] = vpcId;
  }
}

async function internetGatewayDetach(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  const vpcId = ctx.instance.runtimeProperties['vpc_id'];
  if (!id || typeof vpcId !== 'string' || isExternal(ctx)) return;
  const ec2 = await ec2Of(ctx);
  await call(`detaching internet gateway ${id}`, () => ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId })), [
    'Gateway.NotAttached',
    'InvalidInternetGatewayID.NotFound',
  ]);
  delete ctx.instance.runtimeProperties['vpc_id'];
}

// ---- elastic IP ----

async function elasticIpCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const find = async (ec2: EC2Client, Filters: Filter[]) =>
    first((await must('describing addresses', () => ec2.send(new DescribeAddressesCommand({ Filters })))).Addresses, (a) => a.AllocationId);
  await createTracked(ctx, {
    label: 'elastic IP',
    idFilter: 'allocation-id',
    find,
    create: async (ec2, params) => {
      if (props['use_unassociated_addresses'] === true) {
        const free = (await must('describing addresses', () => ec2.send(new DescribeAddressesCommand({})))).Addresses?.find(
          (a) => !a.AssociationId && a.AllocationId,
        );
        if (free) return { id: free.AllocationId!, extra: { allocation_id: free.AllocationId!, public_ip: free.PublicIp ?? null } };
      }
      const r = await must('allocating an elastic IP', () =>
        ec2.send(new AllocateAddressCommand({ Domain: 'vpc', ...sdk(params), TagSpecifications: tagSpec(ctx, props, 'elastic-ip') })),
      );
      return { id: r.AllocationId ?? '', extra: { allocation_id: r.AllocationId ?? null, public_ip: r.PublicIp ?? null } };
    },
  });
  const rp = ctx.instance.runtimeProperties;
  if (!rp['allocation_id']) rp['allocation_id'] = rp['aws_resource_id'] ?? null;
}

/** Start: the address associated with the instance or interface it is related to (an interface first), if any. */
async function elasticIpAttach(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  if (!id || isExternal(ctx)) return;
  const eni = (await related(ctx, T.eni)).find((r) => r.id);
  const instance = (await related(ctx, T.instances)).find((r) => r.id);
  const target = eni ? { NetworkInterfaceId: eni.id! } : instance ? { InstanceId: instance.id! } : undefined;
  if (!target) return;
  const ec2 = await ec2Of(ctx);
  const address = (await must(`describing address ${id}`, () => ec2.send(new DescribeAddressesCommand({ AllocationIds: [id] })))).Addresses?.[0];
  const already = address?.AssociationId && (address.NetworkInterfaceId === target.NetworkInterfaceId || address.InstanceId === target.InstanceId);
  const association = already
    ? address.AssociationId
    : (
        await must(`associating ${address?.PublicIp ?? id} with ${Object.values(target)[0]}`, () =>
          ec2.send(new AssociateAddressCommand({ AllocationId: id, ...target, AllowReassociation: false })),
        )
      ).AssociationId;
  ctx.instance.runtimeProperties['association_id'] = association ?? null;
  ctx.logger.info(`elastic IP ${address?.PublicIp ?? id} associated with ${Object.values(target)[0]}`);
}

async function elasticIpDetach(ctx: OperationContext): Promise<void> {
  const association = ctx.instance.runtimeProperties['association_id'];
  if (typeof association !== 'string' || isExternal(ctx)) return;
  const ec2 = await ec2Of(ctx);
  await call(`disassociating elastic IP ${String(currentId(ctx))}`, () => ec2.send(new DisassociateAddressCommand({ AssociationId: association })), [
    'InvalidAssociationID.NotFound',
  ]);
  delete ctx.instance.runtimeProperties['association_id'];
}

// ---- NAT gateway ----

const natGateways = async (ec2: EC2Client, Filters: Filter[]) =>
  (await must('describing NAT gateways', () => ec2.send(new DescribeNatGatewaysCommand({ Filter: Filters })))).NatGateways ?? [];

/** Creates the gateway (idempotently, by client token) and waits until it is available. */
async function natGatewayCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const ec2 = await ec2Of(ctx);
  const external = externalId(ctx, props);
  if (external) {
    if ((await natGateways(ec2, [{ Name: 'nat-gateway-id', Values: [external] }])).length === 0)
      throw new OperationError(`NAT gateway ${external} (use_external_resource) does not exist`, false);
    remember(ctx, external, { use_external_resource: true });
    return;
  }
  let id = currentId(ctx);
  if (!id) {
    const params = apiParameters(props, ctx.inputs);
    const subnetId = await requiredRelatedId(ctx, params, 'SubnetId', T.subnet);
    const isPrivate = params['ConnectivityType'] === 'private';
    const allocationId = isPrivate ? undefined : await requiredRelatedId(ctx, params, 'AllocationId', T.elasticIp, 'allocation_id');
    const token = createHash('sha256').update(ownerOf(ctx)).digest('hex').slice(0, 64);
    const r = await must('creating a NAT gateway', () =>
      ec2.send(
        new CreateNatGatewayCommand({
          ...sdk(params),
          SubnetId: subnetId,
          ...(allocationId ? { AllocationId: allocationId } : {}),
          ClientToken: token,
          TagSpecifications: tagSpec(ctx, props, 'natgateway'),
        }),
      ),
    );
    id = r.NatGateway?.NatGatewayId ?? '';
    remember(ctx, id, { use_external_resource: false, resource_config: params });
    ctx.logger.info(`NAT gateway ${id} created`);
  }
  const gw = (await natGateways(ec2, [{ Name: 'nat-gateway-id', Values: [id] }]))[0];
  if (gw?.State === 'available') {
    ctx.instance.runtimeProperties['create_response'] = plain(gw);
    return;
  }
  if (gw?.State === 'failed' || gw?.State === 'deleted')
    throw new OperationError(`NAT gateway ${id} is ${gw.State}: ${gw.FailureCode ?? ''} ${gw.FailureMessage ?? ''}`.trim(), false);
  ctx.retry(`NAT gateway ${id} is ${gw?.State ?? 'not visible yet'}`, waitSeconds(ctx, 15, 60));
}

async function natGatewayDelete(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  if (!id || isExternal(ctx)) return;
  const ec2 = await ec2Of(ctx);
  const gw = (await natGateways(ec2, [{ Name: 'nat-gateway-id', Values: [id] }]))[0];
  if (!gw || gw.State === 'deleted') {
    delete ctx.instance.runtimeProperties['aws_resource_id'];
    ctx.logger.info(`NAT gateway ${id} deleted`);
    return;
  }
  if (gw.State !== 'deleting')
    await call(`deleting NAT gateway ${id}`, () => ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: id })), [
      'NatGatewayNotFound',
      'InvalidNatGatewayID.NotFound',
    ]);
  ctx.retry(`NAT gateway ${id} is deleting`, waitSeconds(ctx, 15, 60));
}

// ---- route tables and routes ----

async function routeTableCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const vpcId = await requiredRelatedId(ctx, apiParameters(props, ctx.inputs), 'VpcId', T.vpc);
  await createTracked(ctx, {
    label: 'route table',
    idFilter: 'route-table-id',
    find: async (ec2, Filters) =>
      first((await must('describing route tables', () => ec2.send(new DescribeRouteTablesCommand({ Filters })))).RouteTables, (t) => t.RouteTableId),
    create: async (ec2, params) => ({
      id:
        (
          await must('creating a route table', () =>
            ec2.send(new CreateRouteTableCommand({ ...sdk(params), VpcId: vpcId, TagSpecifications: tagSpec(ctx, props, 'route-table') })),
          )
        ).RouteTable?.RouteTableId ?? '',
      extra: { vpc_id: vpcId },
    }),
  });
}

/** Associates the table with every related subnet; association ids are kept for detach. */
async function routeTableAttach(ctx: OperationContext): Promise<void> {
  if (isExternal(ctx)) return;
  const id = currentId(ctx)!;
  const ec2 = await ec2Of(ctx);
  const table = (await must(`describing route table ${id}`, () => ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [id] })))).RouteTables?.[0];
  const associations: YamlMap = {};
  for (const s of await related(ctx, T.subnet)) {
    if (!s.id) continue;
    const existing = table?.Associations?.find((a) => a.SubnetId === s.id)?.RouteTableAssociationId;
    associations[s.id] =
      existing ??
      (await must(`associating ${id} with ${s.id}`, () => ec2.send(new AssociateRouteTableCommand({ RouteTableId: id, SubnetId: s.id! })))).AssociationId ??
      null;
  }
  ctx.instance.runtimeProperties['associations'] = associations;
}

async function routeTableDetach(ctx: OperationContext): Promise<void> {
  const associations = ctx.instance.runtimeProperties['associations'];
  if (!isMap(associations) || isExternal(ctx)) return;
  const ec2 = await ec2Of(ctx);
  for (const [subnet, association] of Object.entries(associations)) {
    if (typeof association !== 'string') continue;
    await call(`disassociating route table from ${subnet}`, () => ec2.send(new DisassociateRouteTableCommand({ AssociationId: association })), [
      'InvalidAssociationID.NotFound',
    ]);
  }
  delete ctx.instance.runtimeProperties['associations'];
}

async function routeCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const params = apiParameters(props, ctx.inputs);
  const tableId = await requiredRelatedId(ctx, params, 'RouteTableId', T.routeTable);
  const target: YamlMap = {};
  for (const [type, param] of [
    [T.internetGateway, 'GatewayId'],
    [T.natGateway, 'NatGatewayId'],
  ] as const) {
    if (params[param]) continue;
    const r = (await related(ctx, type)).find((x) => x.id);
    if (r) target[param] = r.id!;
  }
  const destination = String(params['DestinationCidrBlock'] ?? params['DestinationIpv6CidrBlock'] ?? params['DestinationPrefixListId'] ?? '');
  if (!destination) throw new OperationError(`node '${ctx.node.id}': resource_config needs DestinationCidrBlock`, false);
  const ec2 = await ec2Of(ctx);
  await call(`creating route ${destination} in ${tableId}`, () => ec2.send(new CreateRouteCommand(sdk({ ...params, ...target, RouteTableId: tableId }))), [
    'RouteAlreadyExists',
  ]);
  remember(ctx, `${tableId}/${destination}`, { route_table_id: tableId, destination, resource_config: { ...params, ...target } as YamlValue });
}

async function routeDelete(ctx: OperationContext): Promise<void> {
  const rp = ctx.instance.runtimeProperties;
  if (typeof rp['route_table_id'] !== 'string' || isExternal(ctx)) return;
  const cfg = isMap(rp['resource_config']) ? rp['resource_config'] : {};
  const ec2 = await ec2Of(ctx);
  const key = cfg['DestinationIpv6CidrBlock']
    ? 'DestinationIpv6CidrBlock'
    : cfg['DestinationPrefixListId']
      ? 'DestinationPrefixListId'
      : 'DestinationCidrBlock';
  await call(
    `deleting route ${String(rp['destination'])}`,
    () => ec2.send(new DeleteRouteCommand(sdk({ RouteTableId: rp['route_table_id'] ?? null, [key]: rp['destination'] ?? null }))),
    ['InvalidRoute.NotFound', 'InvalidRouteTableID.NotFound'],
  );
  delete rp['aws_resource_id'];
}

// ---- key pairs ----

async function keypairCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const params = apiParameters(props, ctx.inputs);
  const ec2 = await ec2Of(ctx);
  const external = externalId(ctx, props);
  const name = external ?? (typeof params['KeyName'] === 'string' ? params['KeyName'] : undefined);
  if (!name) throw new OperationError(`node '${ctx.node.id}': resource_config.KeyName is required`, false);
  const existing = (await call(`describing key pair ${name}`, () => ec2.send(new DescribeKeyPairsCommand({ KeyNames: [name] })), ['InvalidKeyPair.NotFound']))
    ?.KeyPairs?.[0];
  if (external) {
    if (!existing) throw new OperationError(`key pair ${name} (use_external_resource) does not exist`, false);
    remember(ctx, name, { use_external_resource: true });
    return;
  }
  if (existing) {
    const ours = existing.Tags?.some((t) => t.Key === OWNER_TAG && t.Value === ownerOf(ctx));
    if (!ours)
      throw new OperationError(`key pair ${name} already exists and was not created by this instance; set use_external_resource: true to use it`, false);
    remember(ctx, name, { use_external_resource: false });
    return;
  }
  if (props['create_secret'] === true)
    throw new OperationError(
      `node '${ctx.node.id}': create_secret is not supported by Isthmus; import a public key (PublicKeyMaterial) and keep the private key in your own secret store`,
      false,
    );
  const tags = tagSpec(ctx, props, 'key-pair');
  if (params['PublicKeyMaterial']) {
    await must(`importing key pair ${name}`, () =>
      ec2.send(new ImportKeyPairCommand({ KeyName: name, PublicKeyMaterial: Buffer.from(String(params['PublicKeyMaterial'])), TagSpecifications: tags })),
    );
    remember(ctx, name, { use_external_resource: false });
  } else {
    const r = await must(`creating key pair ${name}`, () => ec2.send(new CreateKeyPairCommand({ ...sdk(params), KeyName: name, TagSpecifications: tags })));
    remember(ctx, name, { use_external_resource: false, ...(props['store_in_runtime_properties'] === true ? { key_material: r.KeyMaterial ?? null } : {}) });
    if (props['store_in_runtime_properties'] !== true)
      ctx.logger.warning(
        `key pair ${name}: the private key was not kept (store_in_runtime_properties is false); import a public key instead to keep control of it`,
      );
  }
  ctx.logger.info(`key pair ${name} created`);
}

// ---- EBS volumes ----

async function volumeCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const ec2 = await ec2Of(ctx);
  await createTracked(ctx, {
    label: 'EBS volume',
    idFilter: 'volume-id',
    find: async (e, Filters) => first((await must('describing volumes', () => e.send(new DescribeVolumesCommand({ Filters })))).Volumes, (v) => v.VolumeId),
    create: async (e, params) => ({
      id:
        (
          await must('creating an EBS volume', () =>
            e.send(new CreateVolumeCommand({ VolumeType: 'gp3', ...sdk(params), TagSpecifications: tagSpec(ctx, props, 'volume') })),
          )
        ).VolumeId ?? '',
    }),
  });
  const id = currentId(ctx)!;
  const volume = (await must(`describing volume ${id}`, () => ec2.send(new DescribeVolumesCommand({ VolumeIds: [id] })))).Volumes?.[0];
  if (volume?.State === 'error') throw new OperationError(`EBS volume ${id} is in state error`, false);
  if (volume?.State === 'creating') ctx.retry(`EBS volume ${id} is creating`, waitSeconds(ctx, 5, 30));
  ctx.instance.runtimeProperties['availability_zone'] = volume?.AvailabilityZone ?? null;
  ctx.instance.runtimeProperties['volume'] = plain(volume);
}

async function volumeDelete(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  if (!id || isExternal(ctx)) return;
  const ec2 = await ec2Of(ctx);
  const volume = (await call(`describing volume ${id}`, () => ec2.send(new DescribeVolumesCommand({ VolumeIds: [id] })), ['InvalidVolume.NotFound']))
    ?.Volumes?.[0];
  if (!volume || volume.State === 'deleted') {
    delete ctx.instance.runtimeProperties['aws_resource_id'];
    return;
  }
  if (volume.State === 'in-use')
    throw new OperationError(`EBS volume ${id} is attached (${volume.Attachments?.map((a) => a.InstanceId).join(', ')}); detach it first`, true);
  if (volume.State !== 'deleting') await call(`deleting volume ${id}`, () => ec2.send(new DeleteVolumeCommand({ VolumeId: id })), ['InvalidVolume.NotFound']);
  ctx.retry(`EBS volume ${id} is deleting`, waitSeconds(ctx, 5, 30));
}

/** Cloudify's poststart: refresh what the instance knows about the resource (no change). */
async function noChange(): Promise<void> {}

export const EC2_OPERATIONS: Record<string, OperationFunction> = {
  'vpc.create': vpcCreate,
  'vpc.poststart': noChange,
  'vpc.modify_vpc_attribute': (ctx) => modifyVpc(ctx, isMap(ctx.inputs['resource_config']) ? ctx.inputs['resource_config'] : {}),
  'vpc.delete': (ctx) => deleteTracked(ctx, 'VPC', (ec2, id) => ec2.send(new DeleteVpcCommand({ VpcId: id })), ['InvalidVpcID.NotFound']),
  'subnet.create': subnetCreate,
  'subnet.poststart': noChange,
  'subnet.modify_subnet_attribute': subnetModify,
  'subnet.delete': (ctx) => deleteTracked(ctx, 'subnet', (ec2, id) => ec2.send(new DeleteSubnetCommand({ SubnetId: id })), ['InvalidSubnetID.NotFound']),
  'securitygroup.create': securityGroupCreate,
  'securitygroup.poststart': noChange,
  'securitygroup.delete': (ctx) =>
    deleteTracked(ctx, 'security group', (ec2, id) => ec2.send(new DeleteSecurityGroupCommand({ GroupId: id })), ['InvalidGroup.NotFound']),
  'securitygroup.authorize_ingress_rules': rules('ingress', 'authorize'),
  'securitygroup.revoke_ingress_rules': rules('ingress', 'revoke'),
  'securitygroup.authorize_egress_rules': rules('egress', 'authorize'),
  'securitygroup.revoke_egress_rules': rules('egress', 'revoke'),
  'securitygroup.poststart_authorize': noChange,
  'internet_gateway.create': internetGatewayCreate,
  'internet_gateway.attach': internetGatewayAttach,
  'internet_gateway.detach': internetGatewayDetach,
  'internet_gateway.delete': (ctx) =>
    deleteTracked(ctx, 'internet gateway', (ec2, id) => ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: id })), [
      'InvalidInternetGatewayID.NotFound',
    ]),
  'elasticip.create': elasticIpCreate,
  'elasticip.attach': elasticIpAttach,
  'elasticip.detach': elasticIpDetach,
  'elasticip.delete': (ctx) =>
    deleteTracked(ctx, 'elastic IP', (ec2, id) => ec2.send(new ReleaseAddressCommand({ AllocationId: id })), ['InvalidAllocationID.NotFound']),
  'nat_gateway.create': natGatewayCreate,
  'nat_gateway.delete': natGatewayDelete,
  'routetable.create': routeTableCreate,
  'routetable.attach': routeTableAttach,
  'routetable.detach': routeTableDetach,
  'routetable.delete': (ctx) =>
    deleteTracked(ctx, 'route table', (ec2, id) => ec2.send(new DeleteRouteTableCommand({ RouteTableId: id })), ['InvalidRouteTableID.NotFound']),
  'route.create': routeCreate,
  'route.delete': routeDelete,
  'keypair.create': keypairCreate,
  'keypair.delete': (ctx) => deleteTracked(ctx, 'key pair', (ec2, id) => ec2.send(new DeleteKeyPairCommand({ KeyName: id })), ['InvalidKeyPair.NotFound']),
  'ebs.create': volumeCreate,
  'ebs.poststart': noChange,
  'ebs.delete': volumeDelete,
};

/** check_status for EC2 resources: the resource still exists and is usable. */
export async function ec2Check(ctx: OperationContext): Promise<YamlValue> {
  const id = currentId(ctx);
  if (!id) throw new OperationError(`${ctx.node.id} has no AWS resource (is it installed?)`, false);
  const ec2 = await ec2Of(ctx);
  const type = ctx.node.typeHierarchy;
  let state: string | undefined;
  if (type.includes(T.vpc)) state = (await call('', () => ec2.send(new DescribeVpcsCommand({ VpcIds: [id] })), ['InvalidVpcID.NotFound']))?.Vpcs?.[0]?.State;
  else if (type.includes(T.subnet))
    state = (await call('', () => ec2.send(new DescribeSubnetsCommand({ SubnetIds: [id] })), ['InvalidSubnetID.NotFound']))?.Subnets?.[0]?.State;
  else if (type.includes(T.securityGroup))
    state = (await call('', () => ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] })), ['InvalidGroup.NotFound']))?.SecurityGroups?.[0]
      ? 'available'
      : undefined;
  else if (type.includes(T.internetGateway))
    state = (await call('', () => ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [id] })), ['InvalidInternetGatewayID.NotFound']))
      ?.InternetGateways?.[0]
      ? 'available'
      : undefined;
  else if (type.includes(T.natGateway)) state = (await natGateways(ec2, [{ Name: 'nat-gateway-id', Values: [id] }]))[0]?.State;
  else if (type.includes(T.elasticIp))
    state = (await call('', () => ec2.send(new DescribeAddressesCommand({ AllocationIds: [id] })), ['InvalidAllocationID.NotFound']))?.Addresses?.[0]
      ? 'available'
      : undefined;
  else if (type.includes(T.routeTable))
    state = (await call('', () => ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [id] })), ['InvalidRouteTableID.NotFound']))?.RouteTables?.[0]
      ? 'available'
      : undefined;
  else if (type.includes('cloudify.nodes.aws.ec2.EBSVolume'))
    state = (await call('', () => ec2.send(new DescribeVolumesCommand({ VolumeIds: [id] })), ['InvalidVolume.NotFound']))?.Volumes?.[0]?.State;
  else throw new OperationError(`check_status does not know how to check a ${ctx.node.type}`, false);
  if (!state) throw new OperationError(`${id} no longer exists`, true);
  if (!['available', 'in-use'].includes(state)) throw new OperationError(`${id} is ${state}`, true);
  return { healthy: true, state };
}
