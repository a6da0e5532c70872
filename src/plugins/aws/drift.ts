import {
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type IpPermission,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { YamlMap, YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import { apiParameters, call, currentId, isMap, OWNER_TAG, properties } from './common.js';
import { ec2Of, ruleTarget, T } from './ec2.js';
import { describeCluster, describeGroup, eksOf, groupRef } from './eks.js';

/*
 * check_drift for the AWS resources Cloudify's plugin checks (VPC, subnet, security group and its
 * rules, ENI, instances, EKS cluster and node group): the live resource against what the blueprint
 * asks for — the fields its resource_config sets that AWS reports back, its Tags, the rules a rule
 * node authorized, and for a node group the sizes Isthmus last applied (scale changes them on
 * purpose). A resource that is gone has drifted. The report is `{drifted, differences}`, as the
 * Kubernetes plugin's; nothing is changed.
 */

type Differences = string[];

/** The node's Tags (Cloudify's [{Key, Value}]) that the live tags lack or hold differently. */
function tagDifferences(want: YamlValue | undefined, live: Record<string, string | undefined>): Differences {
  if (!Array.isArray(want)) return [];
  return want.filter(isMap).flatMap((t) => {
    const key = String(t['Key']);
    if (key === OWNER_TAG) return [];
    const have = live[key];
    return have === String(t['Value'] ?? '') ? [] : [`Tags.${key}${have === undefined ? ' (missing)' : ` (${have})`}`];
  });
}

const tagMap = (tags: Tag[] | undefined): Record<string, string | undefined> => Object.fromEntries((tags ?? []).map((t) => [t.Key ?? '', t.Value]));

/** Fields of `want` that the live resource reports differently (only those AWS reports back). */
function fieldDifferences(want: YamlMap, live: Record<string, unknown>, fields: string[]): Differences {
  return fields
    .filter((f) => want[f] !== undefined && want[f] !== null && live[f] !== undefined && String(live[f]) !== String(want[f]))
    .map((f) => `${f} (${String(live[f])})`);
}

/** Whether `have` (a live rule) grants everything `want` (a rule the node authorized) does. */
function grants(have: IpPermission, want: IpPermission): boolean {
  if (String(have.IpProtocol) !== String(want.IpProtocol)) return false;
  if ((want.FromPort ?? -1) !== (have.FromPort ?? -1) || (want.ToPort ?? -1) !== (have.ToPort ?? -1)) return false;
  const has = <T>(list: T[] | undefined, match: (x: T) => boolean) => (list ?? []).some(match);
  return (
    (want.IpRanges ?? []).every((r) => has(have.IpRanges, (x) => x.CidrIp === r.CidrIp)) &&
    (want.Ipv6Ranges ?? []).every((r) => has(have.Ipv6Ranges, (x) => x.CidrIpv6 === r.CidrIpv6)) &&
    (want.UserIdGroupPairs ?? []).every((r) => has(have.UserIdGroupPairs, (x) => x.GroupId === r.GroupId)) &&
    (want.PrefixListIds ?? []).every((r) => has(have.PrefixListIds, (x) => x.PrefixListId === r.PrefixListId))
  );
}

const describePermission = (p: IpPermission) =>
  `${p.IpProtocol ?? ''} ${p.FromPort ?? ''}-${p.ToPort ?? ''} from ${[
    ...(p.IpRanges ?? []).map((r) => r.CidrIp),
    ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6),
    ...(p.UserIdGroupPairs ?? []).map((r) => r.GroupId),
    ...(p.PrefixListIds ?? []).map((r) => r.PrefixListId),
  ].join(', ')}`;

async function ec2Drift(ctx: OperationContext, id: string): Promise<Differences | undefined> {
  const ec2 = await ec2Of(ctx);
  const props = await properties(ctx);
  const want = apiParameters(props, {});
  const type = ctx.node.typeHierarchy;
  if (type.includes(T.vpc)) {
    const vpc = (await call(`describing ${id}`, () => ec2.send(new DescribeVpcsCommand({ VpcIds: [id] })), ['InvalidVpcID.NotFound']))?.Vpcs?.[0];
    return vpc && [...fieldDifferences(want, { ...vpc }, ['CidrBlock', 'InstanceTenancy']), ...tagDifferences(props['Tags'], tagMap(vpc.Tags))];
  }
  if (type.includes(T.subnet)) {
    const subnet = (await call(`describing ${id}`, () => ec2.send(new DescribeSubnetsCommand({ SubnetIds: [id] })), ['InvalidSubnetID.NotFound']))
      ?.Subnets?.[0];
    return (
      subnet && [
        ...fieldDifferences(want, { ...subnet }, ['CidrBlock', 'AvailabilityZone', 'AvailabilityZoneId']),
        ...tagDifferences(props['Tags'], tagMap(subnet.Tags)),
      ]
    );
  }
  if (type.includes(T.securityGroup)) {
    const group = (await call(`describing ${id}`, () => ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] })), ['InvalidGroup.NotFound']))
      ?.SecurityGroups?.[0];
    return group && [...fieldDifferences(want, { ...group }, ['VpcId']), ...tagDifferences(props['Tags'], tagMap(group.Tags))];
  }
  if (type.includes(T.eni)) {
    const eni = (
      await call(`describing ${id}`, () => ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id] })), [
        'InvalidNetworkInterfaceID.NotFound',
      ])
    )?.NetworkInterfaces?.[0];
    return eni && [...fieldDifferences(want, { ...eni }, ['SubnetId', 'Description']), ...tagDifferences(props['Tags'], tagMap(eni.TagSet))];
  }
  if (type.includes(T.instances)) {
    const vm = (await call(`describing ${id}`, () => ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })), ['InvalidInstanceID.NotFound']))
      ?.Reservations?.[0]?.Instances?.[0];
    if (!vm || vm.State?.Name === 'terminated' || vm.State?.Name === 'shutting-down') return undefined;
    return [
      ...(vm.State?.Name !== 'running' && vm.State?.Name !== 'pending' ? [`State (${vm.State?.Name ?? 'unknown'})`] : []),
      ...fieldDifferences(want, { ...vm }, ['InstanceType', 'ImageId', 'KeyName']),
      ...tagDifferences(props['Tags'], tagMap(vm.Tags)),
    ];
  }
  throw new OperationError(`check_drift does not know how to compare a ${ctx.node.type}`, false);
}

async function ruleDrift(ctx: OperationContext, direction: 'ingress' | 'egress'): Promise<YamlMap> {
  const { groupId, permissions } = await ruleTarget(ctx);
  const ec2 = await ec2Of(ctx);
  const group = (await call(`describing ${groupId}`, () => ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] })), ['InvalidGroup.NotFound']))
    ?.SecurityGroups?.[0];
  if (!group) return { [`security group ${groupId}`]: ['missing'] };
  const live = (direction === 'ingress' ? group.IpPermissions : group.IpPermissionsEgress) ?? [];
  const missing = permissions.filter((want) => !live.some((have) => grants(have, want))).map((p) => `${direction} ${describePermission(p)} (missing)`);
  return missing.length > 0 ? { [`security group ${groupId}`]: missing } : {};
}

async function eksDrift(ctx: OperationContext): Promise<YamlMap> {
  const { eks } = await eksOf(ctx);
  const props = await properties(ctx);
  const want = apiParameters(props, {});
  if (ctx.node.typeHierarchy.includes('cloudify.nodes.aws.eks.NodeGroup')) {
    const ref = await groupRef(ctx);
    const group = await describeGroup(eks, ref);
    const name = `node group ${ref.clusterName}/${ref.nodegroupName}`;
    if (!group) return { [name]: ['missing'] };
    // The sizes last applied: what create set, or what scale set since (recorded as scaling_config).
    const applied = isMap(ctx.instance.runtimeProperties['scaling_config'])
      ? ctx.instance.runtimeProperties['scaling_config']
      : isMap(want['scalingConfig'])
        ? want['scalingConfig']
        : {};
    const live = group.scalingConfig ?? {};
    const sizes = (['minSize', 'maxSize', 'desiredSize'] as const)
      .filter((k) => typeof applied[k] === 'number' && live[k] !== applied[k])
      .map((k) => `scalingConfig.${k} (${String(live[k])}, applied ${String(applied[k])})`);
    const types =
      Array.isArray(want['instanceTypes']) && JSON.stringify(want['instanceTypes']) !== JSON.stringify(group.instanceTypes ?? want['instanceTypes']);
    const diffs = [...sizes, ...(types ? [`instanceTypes (${(group.instanceTypes ?? []).join(', ')})`] : []), ...tagsOf(props, group.tags)];
    return diffs.length > 0 ? { [name]: diffs } : {};
  }
  const id = currentId(ctx);
  if (!id) throw new OperationError(`${ctx.node.id} has no EKS cluster (is it installed?)`, false);
  const cluster = await describeCluster(eks, id);
  if (!cluster) return { [`EKS cluster ${id}`]: ['missing'] };
  const diffs = [
    ...(cluster.status !== 'ACTIVE' && cluster.status !== 'UPDATING' ? [`status (${cluster.status ?? 'unknown'})`] : []),
    ...fieldDifferences(want, { ...cluster }, ['version', 'roleArn']),
    ...tagsOf(props, cluster.tags),
  ];
  return diffs.length > 0 ? { [`EKS cluster ${id}`]: diffs } : {};
}

/** EKS tags are a map; the node's Tags or resource_config.tags name what they should hold. */
function tagsOf(props: YamlMap, live: Record<string, string> | undefined): Differences {
  const declared = isMap(apiParameters(props, {})['tags']) ? (apiParameters(props, {})['tags'] as YamlMap) : {};
  const asList: YamlValue = [
    ...(Array.isArray(props['Tags']) ? props['Tags'] : []),
    ...Object.entries(declared).map(([Key, Value]) => ({ Key, Value: Value ?? '' })),
  ];
  return tagDifferences(asList, live ?? {});
}

/** cloudify_aws.*.check_drift: the drift of this node's resource; never changes it. */
export async function checkDrift(ctx: OperationContext): Promise<YamlValue> {
  const type = ctx.node.typeHierarchy;
  let differences: YamlMap;
  if (type.includes('cloudify.nodes.aws.ec2.SecurityGroupRuleIngress')) differences = await ruleDrift(ctx, 'ingress');
  else if (type.includes('cloudify.nodes.aws.ec2.SecurityGroupRuleEgress')) differences = await ruleDrift(ctx, 'egress');
  else if (type.some((t) => t.startsWith('cloudify.nodes.aws.eks.'))) differences = await eksDrift(ctx);
  else {
    const id = currentId(ctx);
    if (!id) throw new OperationError(`${ctx.node.id} has no AWS resource (is it installed?)`, false);
    const diffs = await ec2Drift(ctx, id);
    differences = diffs === undefined ? { [id]: ['missing'] } : diffs.length > 0 ? { [id]: diffs } : {};
  }
  const names = Object.keys(differences);
  ctx.logger.info(names.length === 0 ? 'no drift' : `drift in ${names.join(', ')}`);
  return { drifted: names.length > 0, differences };
}
