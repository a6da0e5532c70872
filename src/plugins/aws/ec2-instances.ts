import {
  AttachNetworkInterfaceCommand,
  AttachVolumeCommand,
  CreateNetworkInterfaceCommand,
  DeleteNetworkInterfaceCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeVolumesCommand,
  DetachNetworkInterfaceCommand,
  DetachVolumeCommand,
  type EC2Client,
  type Filter,
  type Instance,
  ModifyInstanceAttributeCommand,
  ModifyNetworkInterfaceAttributeCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  type TagSpecification,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { createHash } from 'node:crypto';
import type { YamlMap, YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext, OperationFunction } from '../../runtime/types.js';
import {
  apiParameters,
  call,
  currentId,
  externalId,
  isExternal,
  isMap,
  must,
  ownerOf,
  plain,
  properties,
  related,
  remember,
  requiredRelatedId,
  waitSeconds,
} from './common.js';
import { createTracked, deleteTracked, ec2Of, first, sdk, T, tagSpec } from './ec2.js';

/*
 * The VM path on AWS, with Cloudify's names: EC2 instances (cloudify.nodes.aws.ec2.Instances, a
 * Compute), network interfaces, AMI lookup and EBS attachments. An instance is a host Isthmus
 * reaches over SSH: its `ip` runtime property (the public address with use_public_ip, else the
 * private one) and its agent_config, as for any Compute. Creates are idempotent like the other AWS
 * types: RunInstances carries a client token made from the instance's owner, so a step that died
 * after the call finds the same instance instead of launching a second one.
 */

const EBS_VOLUME = 'cloudify.nodes.aws.ec2.EBSVolume';
const KEYPAIR = 'cloudify.nodes.aws.ec2.Keypair';
const str = (v: YamlValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const ids = async (ctx: OperationContext, type: string) => (await related(ctx, type)).map((r) => r.id).filter((id): id is string => !!id);

/** An instance as EC2 describes it now (undefined once it is gone). */
async function describeInstance(ec2: EC2Client, id: string): Promise<Instance | undefined> {
  const r = await call(`describing instance ${id}`, () => ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })), ['InvalidInstanceID.NotFound']);
  return r?.Reservations?.flatMap((x) => x.Instances ?? [])[0];
}

/** EC2 wants UserData in base64 (boto3, which Cloudify's plugin uses, encodes it itself). */
function userData(value: YamlValue | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return Buffer.from(text, 'utf8').toString('base64');
}

// ---- instances ----

async function instancesCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const params = apiParameters(props, ctx.inputs);
  const ec2 = await ec2Of(ctx);
  const external = externalId(ctx, props);
  if (external) {
    if (!(await describeInstance(ec2, external))) throw new OperationError(`instance ${external} (use_external_resource) does not exist`, false);
    remember(ctx, external, { use_external_resource: true, instance_ids: [external] });
    return;
  }
  if (currentId(ctx)) return;
  if (Number(params['MaxCount'] ?? 1) > 1 || Number(params['MinCount'] ?? 1) > 1)
    throw new OperationError(`node '${ctx.node.id}': one EC2 instance per node instance; scale the node (or its group) instead of MinCount/MaxCount`, false);
  const request: YamlMap = { ...params, MinCount: 1, MaxCount: 1 };
  // The network: the interfaces it is related to (by device index), else a subnet and security groups.
  const nics: YamlMap[] = Array.isArray(params['NetworkInterfaces']) ? params['NetworkInterfaces'].filter(isMap) : [];
  for (const eni of await related(ctx, T.eni)) {
    if (!eni.id || nics.some((n) => n['NetworkInterfaceId'] === eni.id)) continue;
    nics.push({ NetworkInterfaceId: eni.id, DeviceIndex: (eni.instance.runtimeProperties['device_index'] as YamlValue) ?? null });
  }
  if (nics.length > 0) {
    let next = 0;
    const used = new Set(nics.map((n) => n['DeviceIndex']).filter((d) => typeof d === 'number'));
    for (const n of nics) {
      if (typeof n['DeviceIndex'] === 'number') continue;
      while (used.has(next)) next++;
      n['DeviceIndex'] = next;
      used.add(next);
    }
    request['NetworkInterfaces'] = nics.sort((a, b) => Number(a['DeviceIndex']) - Number(b['DeviceIndex']));
    // Interfaces carry their own subnet and groups: EC2 refuses both at once.
    delete request['SubnetId'];
    delete request['SecurityGroupIds'];
  } else {
    if (!str(request['SubnetId'])) {
      const subnet = (await ids(ctx, T.subnet))[0];
      if (subnet) request['SubnetId'] = subnet;
    }
    const groups = [...(Array.isArray(params['SecurityGroupIds']) ? params['SecurityGroupIds'].map(String) : []), ...(await ids(ctx, T.securityGroup))];
    if (groups.length > 0) request['SecurityGroupIds'] = [...new Set(groups)];
  }
  // Isthmus: a related key pair logs the agent's key in, as the instance's SSH host key pair.
  if (!str(request['KeyName'])) {
    const key = (await ids(ctx, KEYPAIR))[0];
    if (key) request['KeyName'] = key;
  }
  if (!str(request['ImageId']))
    throw new OperationError(`node '${ctx.node.id}': resource_config.ImageId is required (an AMI id, or get_attribute of an Image node)`, false);
  const encoded = userData(params['UserData']);
  if (encoded) request['UserData'] = encoded;
  else delete request['UserData'];
  const given = Array.isArray(params['TagSpecifications']) ? (params['TagSpecifications'].filter(isMap) as unknown as TagSpecification[]) : [];
  const ours = tagSpec(ctx, props, 'instance')[0]!;
  const instanceTags = [...(given.find((t) => t.ResourceType === 'instance')?.Tags ?? []), ...(ours.Tags ?? [])];
  request['TagSpecifications'] = [
    ...given.filter((t) => t.ResourceType !== 'instance'),
    { ResourceType: 'instance', Tags: instanceTags },
  ] as unknown as YamlValue;
  const token = createHash('sha256').update(ownerOf(ctx)).digest('hex').slice(0, 64);
  const r = await must(`launching an instance of ${String(request['ImageId'])}`, () =>
    ec2.send(new RunInstancesCommand({ ...sdk(request), ClientToken: token })),
  );
  const id = r.Instances?.[0]?.InstanceId;
  if (!id) throw new OperationError('RunInstances returned no instance', true);
  const { UserData: _hidden, ...config } = params;
  remember(ctx, id, { use_external_resource: false, resource_config: config, instance_ids: [id] });
  ctx.logger.info(`instance ${id} launched`);
}

/** The addresses Cloudify records, and `ip` (what the host is reached at). */
function recordAddresses(ctx: OperationContext, props: YamlMap, instance: Instance): void {
  const rp = ctx.instance.runtimeProperties;
  const ipv4 = (instance.NetworkInterfaces ?? []).flatMap((n) => (n.PrivateIpAddresses ?? []).map((a) => a.PrivateIpAddress)).filter((a): a is string => !!a);
  const ipv6 = (instance.NetworkInterfaces ?? []).flatMap((n) => (n.Ipv6Addresses ?? []).map((a) => a.Ipv6Address)).filter((a): a is string => !!a);
  const privateIp = instance.PrivateIpAddress ?? ipv4[0] ?? null;
  const publicIp = instance.PublicIpAddress ?? null;
  rp['private_ip_address'] = privateIp;
  rp['public_ip_address'] = publicIp;
  rp['ipv4_address'] = privateIp;
  rp['ipv4_addresses'] = ipv4.length > 0 ? ipv4 : privateIp ? [privateIp] : [];
  rp['ipv6_addresses'] = ipv6;
  if (ipv6[0]) rp['ipv6_address'] = ipv6[0];
  if (props['use_public_ip'] === true) {
    if (!publicIp)
      throw new OperationError(
        `instance ${instance.InstanceId} has no public IP but use_public_ip is true: associate an ElasticIP with it (or its interface), or launch it in a subnet that maps public IPs`,
        false,
      );
    rp['ip'] = publicIp;
  } else rp['ip'] = props['use_ipv6_ip'] === true && ipv6[0] ? ipv6[0] : privateIp;
}

/** Start: until the instance runs (starting it if it was stopped), then its addresses. */
async function instancesStart(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  if (!id) throw new OperationError('the instance is not created yet', false);
  const ec2 = await ec2Of(ctx);
  const instance = await describeInstance(ec2, id);
  const state = instance?.State?.Name;
  if (!instance || state === 'terminated' || state === 'shutting-down') throw new OperationError(`instance ${id} is ${state ?? 'gone'}`, false);
  if (state === 'running') {
    recordAddresses(ctx, await properties(ctx), instance);
    ctx.logger.info(`instance ${id} is running at ${String(ctx.instance.runtimeProperties['ip'])}`);
    return;
  }
  if (state === 'stopped' && !isExternal(ctx)) await must(`starting instance ${id}`, () => ec2.send(new StartInstancesCommand({ InstanceIds: [id] })));
  ctx.retry(`instance ${id} is ${state}`, waitSeconds(ctx, 10, 30));
}

async function instancesPoststart(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  if (!id) return;
  const instance = await describeInstance(await ec2Of(ctx), id);
  if (instance) ctx.instance.runtimeProperties['resource'] = plain({ ...instance, UserData: undefined });
}

async function instancesStop(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  if (!id || isExternal(ctx)) return;
  const ec2 = await ec2Of(ctx);
  const state = (await describeInstance(ec2, id))?.State?.Name;
  if (!state || state === 'stopped' || state === 'terminated') return;
  if (state === 'running' || state === 'pending')
    await call(`stopping instance ${id}`, () => ec2.send(new StopInstancesCommand({ InstanceIds: [id] })), ['UnsupportedOperation', 'IncorrectInstanceState']);
  ctx.retry(`instance ${id} is stopping`, waitSeconds(ctx, 10, 30));
}

async function instancesDelete(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  if (!id) return;
  if (isExternal(ctx)) {
    ctx.logger.info(`instance ${id} was adopted (use_external_resource); left in place`);
    return;
  }
  const ec2 = await ec2Of(ctx);
  const state = (await describeInstance(ec2, id))?.State?.Name;
  if (!state || state === 'terminated') {
    for (const key of ['aws_resource_id', 'ip', 'public_ip_address', 'private_ip_address']) delete ctx.instance.runtimeProperties[key];
    ctx.logger.info(`instance ${id} terminated`);
    return;
  }
  if (state !== 'shutting-down')
    await call(`terminating instance ${id}`, () => ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] })), ['InvalidInstanceID.NotFound']);
  ctx.retry(`instance ${id} is shutting down`, waitSeconds(ctx, 10, 30));
}

async function instancesModify(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  if (!id) throw new OperationError('the instance is not created yet', false);
  const attributes = isMap(ctx.inputs['resource_config']) ? ctx.inputs['resource_config'] : {};
  const ec2 = await ec2Of(ctx);
  await must(`modifying instance ${id}`, () => ec2.send(new ModifyInstanceAttributeCommand(sdk({ ...attributes, InstanceId: id }))));
}

// ---- network interfaces ----

async function describeInterface(ec2: EC2Client, id: string) {
  const r = await call(`describing interface ${id}`, () => ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id] })), [
    'InvalidNetworkInterfaceID.NotFound',
  ]);
  return r?.NetworkInterfaces?.[0];
}

async function eniCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const all = apiParameters(props, ctx.inputs);
  // DeviceIndex is how the instance attaches it, not a parameter of the interface.
  const { DeviceIndex: deviceIndex, ...params } = all;
  const subnetId = await requiredRelatedId(ctx, params, 'SubnetId', T.subnet);
  const groups = [...(Array.isArray(params['Groups']) ? params['Groups'].map(String) : []), ...(await ids(ctx, T.securityGroup))];
  await createTracked(ctx, {
    label: 'network interface',
    idFilter: 'network-interface-id',
    find: async (ec2, Filters: Filter[]) =>
      first(
        (await must('describing interfaces', () => ec2.send(new DescribeNetworkInterfacesCommand({ Filters })))).NetworkInterfaces,
        (n) => n.NetworkInterfaceId,
      ),
    create: async (ec2, p) => {
      const r = await must('creating a network interface', () =>
        ec2.send(
          new CreateNetworkInterfaceCommand({
            ...sdk(p),
            SubnetId: subnetId,
            ...(groups.length > 0 ? { Groups: [...new Set(groups)] } : {}),
            TagSpecifications: tagSpec(ctx, props, 'network-interface'),
          }),
        ),
      );
      return { id: r.NetworkInterface?.NetworkInterfaceId ?? '', extra: { private_ip_address: r.NetworkInterface?.PrivateIpAddress ?? null } };
    },
  });
  const rp = ctx.instance.runtimeProperties;
  rp['device_index'] = typeof deviceIndex === 'number' ? deviceIndex : (rp['device_index'] ?? null);
  rp['resource_config'] = params;
}

/** Start: attached to the instance it is related to, if any (an instance that names it in its launch attaches it itself). */
async function eniAttach(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  const instance = (await ids(ctx, T.instances))[0];
  if (!id || !instance || isExternal(ctx)) return;
  const ec2 = await ec2Of(ctx);
  const eni = await describeInterface(ec2, id);
  if (eni?.Attachment?.InstanceId === instance) {
    ctx.instance.runtimeProperties['attachment_id'] = eni.Attachment.AttachmentId ?? null;
    return;
  }
  const index = ctx.instance.runtimeProperties['device_index'];
  const r = await must(`attaching ${id} to ${instance}`, () =>
    ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: id, InstanceId: instance, DeviceIndex: typeof index === 'number' ? index : 1 })),
  );
  ctx.instance.runtimeProperties['attachment_id'] = r.AttachmentId ?? null;
}

async function eniDetach(ctx: OperationContext): Promise<void> {
  const attachment = str(ctx.instance.runtimeProperties['attachment_id']);
  if (!attachment || isExternal(ctx)) return;
  const ec2 = await ec2Of(ctx);
  await call(`detaching interface ${String(currentId(ctx))}`, () => ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: attachment })), [
    'InvalidAttachmentID.NotFound',
  ]);
  delete ctx.instance.runtimeProperties['attachment_id'];
}

/** Delete: an interface still held by a terminating instance is waited for. */
async function eniDelete(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  if (id && !isExternal(ctx)) {
    const eni = await describeInterface(await ec2Of(ctx), id);
    if (eni?.Status === 'in-use') ctx.retry(`interface ${id} is still attached to ${eni.Attachment?.InstanceId ?? 'an instance'}`, waitSeconds(ctx, 10, 30));
  }
  await deleteTracked(ctx, 'network interface', (ec2, eniId) => ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eniId })), [
    'InvalidNetworkInterfaceID.NotFound',
  ]);
}

async function eniModify(ctx: OperationContext): Promise<void> {
  const id = currentId(ctx);
  if (!id) throw new OperationError('the interface is not created yet', false);
  const attributes = isMap(ctx.inputs['resource_config']) ? ctx.inputs['resource_config'] : {};
  const ec2 = await ec2Of(ctx);
  await must(`modifying interface ${id}`, () => ec2.send(new ModifyNetworkInterfaceAttributeCommand(sdk({ ...attributes, NetworkInterfaceId: id }))));
}

// ---- images (lookup) ----

/**
 * Create: the AMI resource_id names, or the newest that resource_config's filters (Filters,
 * Owners, ImageIds, ExecutableUsers) find. Isthmus looks images up; it never registers or
 * deregisters one, so the image is left in place on uninstall.
 */
async function imageCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const params = apiParameters(props, ctx.inputs);
  const ec2 = await ec2Of(ctx);
  const named = str(ctx.inputs['aws_resource_id']) ?? str(props['resource_id']);
  const query = named
    ? { ImageIds: [named] }
    : sdk<Record<string, unknown>>(
        Object.fromEntries(Object.entries(params).filter(([k]) => ['Filters', 'Owners', 'ImageIds', 'ExecutableUsers', 'IncludeDeprecated'].includes(k))),
      );
  if (!named && Object.keys(query).length === 0)
    throw new OperationError(`node '${ctx.node.id}': give resource_id or resource_config Filters/Owners to find the image`, false);
  const images =
    (await call('looking up images', () => ec2.send(new DescribeImagesCommand(query)), ['InvalidAMIID.NotFound', 'InvalidAMIID.Malformed']))?.Images ?? [];
  const newest = images.filter((i) => i.ImageId).sort((a, b) => String(b.CreationDate ?? '').localeCompare(String(a.CreationDate ?? '')))[0];
  if (!newest) throw new OperationError(`no image matches ${named ?? JSON.stringify(query)}`, false);
  remember(ctx, newest.ImageId!, { use_external_resource: true, image_name: newest.Name ?? null, creation_date: newest.CreationDate ?? null });
  ctx.logger.info(`image ${newest.ImageId} (${newest.Name ?? 'unnamed'}) found`);
}

async function imageDelete(ctx: OperationContext): Promise<void> {
  delete ctx.instance.runtimeProperties['aws_resource_id'];
}

// ---- EBS attachments ----

/** Attaches a volume and waits until EC2 says it is attached. */
async function attachVolume(ctx: OperationContext, volumeId: string, instanceId: string, device: string): Promise<void> {
  const ec2 = await ec2Of(ctx);
  const volume = (await must(`describing volume ${volumeId}`, () => ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] })))).Volumes?.[0];
  const attachment = volume?.Attachments?.find((a) => a.InstanceId === instanceId);
  if (attachment?.State === 'attached') {
    ctx.logger.info(`volume ${volumeId} is attached to ${instanceId} as ${attachment.Device ?? device}`);
    return;
  }
  if (!attachment) {
    if (volume?.State === 'in-use')
      throw new OperationError(`volume ${volumeId} is attached to another instance (${volume.Attachments?.map((a) => a.InstanceId).join(', ')})`, false);
    await must(`attaching ${volumeId} to ${instanceId}`, () =>
      ec2.send(new AttachVolumeCommand({ VolumeId: volumeId, InstanceId: instanceId, Device: device })),
    );
  }
  ctx.retry(`volume ${volumeId} is attaching to ${instanceId}`, waitSeconds(ctx, 5, 15));
}

/** Detaches a volume (if attached) and waits until it is available. */
async function detachVolume(ctx: OperationContext, volumeId: string, instanceId: string | undefined): Promise<void> {
  const ec2 = await ec2Of(ctx);
  const volume = (
    await call(`describing volume ${volumeId}`, () => ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] })), ['InvalidVolume.NotFound'])
  )?.Volumes?.[0];
  const attachment = volume?.Attachments?.find((a) => !instanceId || a.InstanceId === instanceId);
  if (!volume || !attachment || attachment.State === 'detached') return;
  if (attachment.State === 'attached')
    await call(`detaching ${volumeId}`, () => ec2.send(new DetachVolumeCommand({ VolumeId: volumeId, ...(instanceId ? { InstanceId: instanceId } : {}) })), [
      'IncorrectState',
      'InvalidAttachment.NotFound',
    ]);
  ctx.retry(`volume ${volumeId} is detaching`, waitSeconds(ctx, 5, 15));
}

async function ebsAttach(ctx: OperationContext): Promise<void> {
  const params = apiParameters(await properties(ctx), ctx.inputs);
  const volumeId = await requiredRelatedId(ctx, params, 'VolumeId', EBS_VOLUME);
  const instanceId = await requiredRelatedId(ctx, params, 'InstanceId', T.instances);
  const device = str(params['Device']);
  if (!device) throw new OperationError(`node '${ctx.node.id}': resource_config.Device (e.g. /dev/sdh) is required`, false);
  remember(ctx, volumeId, { instance_id: instanceId, device });
  await attachVolume(ctx, volumeId, instanceId, device);
}

async function ebsDetach(ctx: OperationContext): Promise<void> {
  const volumeId = str(ctx.instance.runtimeProperties['aws_resource_id']);
  if (!volumeId || isExternal(ctx)) return;
  await detachVolume(ctx, volumeId, str(ctx.instance.runtimeProperties['instance_id']));
  delete ctx.instance.runtimeProperties['aws_resource_id'];
}

/** cloudify.relationships.aws.ebs.attachment.connected_to: the source volume attached to the target instance as its device_name. */
async function ebsAttachUsingRelationship(ctx: OperationContext): Promise<void> {
  if (!ctx.source || !ctx.target) throw new OperationError('attach_using_relationship runs on a relationship', false);
  const volumeId = str(ctx.source.instance.runtimeProperties['aws_resource_id']);
  const instanceId = str(ctx.target.instance.runtimeProperties['aws_resource_id']);
  const device = str(((await ctx.evaluate(ctx.source.node.properties)) as YamlMap)['device_name']);
  if (!volumeId || !instanceId) throw new OperationError('the volume and the instance must be created before they are attached', false);
  if (!device) throw new OperationError(`node '${ctx.source.node.id}': device_name is required to attach the volume`, false);
  await attachVolume(ctx, volumeId, instanceId, device);
  ctx.instance.runtimeProperties['attachment'] = { instance_id: instanceId, device };
}

async function ebsDetachUsingRelationship(ctx: OperationContext): Promise<void> {
  if (!ctx.source || !ctx.target) throw new OperationError('detach_using_relationship runs on a relationship', false);
  const volumeId = str(ctx.source.instance.runtimeProperties['aws_resource_id']);
  if (!volumeId) return;
  await detachVolume(ctx, volumeId, str(ctx.target.instance.runtimeProperties['aws_resource_id']));
  delete ctx.instance.runtimeProperties['attachment'];
}

/** check_status of instances and interfaces. */
export async function instanceCheck(ctx: OperationContext): Promise<YamlValue> {
  const id = currentId(ctx);
  if (!id) throw new OperationError(`${ctx.node.id} has no AWS resource (is it installed?)`, false);
  const ec2 = await ec2Of(ctx);
  if (ctx.node.typeHierarchy.includes(T.eni)) {
    const eni = await describeInterface(ec2, id);
    if (!eni) throw new OperationError(`${id} no longer exists`, true);
    return { healthy: true, state: eni.Status ?? 'unknown' };
  }
  const state = (await describeInstance(ec2, id))?.State?.Name;
  if (state !== 'running') throw new OperationError(`instance ${id} is ${state ?? 'gone'}`, true);
  return { healthy: true, state };
}

export const EC2_INSTANCE_OPERATIONS: Record<string, OperationFunction> = {
  'instances.create': instancesCreate,
  'instances.start': instancesStart,
  'instances.poststart': instancesPoststart,
  'instances.stop': instancesStop,
  'instances.delete': instancesDelete,
  'instances.modify_instance_attribute': instancesModify,
  'eni.create': eniCreate,
  'eni.attach': eniAttach,
  'eni.poststart': async () => undefined,
  'eni.detach': eniDetach,
  'eni.delete': eniDelete,
  'eni.modify_network_interface_attribute': eniModify,
  'image.create': imageCreate,
  'image.delete': imageDelete,
  'ebs.attach': ebsAttach,
  'ebs.detach': ebsDetach,
  'ebs.attach_using_relationship': ebsAttachUsingRelationship,
  'ebs.detach_using_relationship': ebsDetachUsingRelationship,
};
