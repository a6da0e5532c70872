/**
 * Isthmus's AWS type library, imported as `plugin:cloudify-aws-plugin`. It keeps the node type,
 * property, operation and implementation names of Cloudify's AWS plugin for the resources an EKS
 * cluster and its network need, so published blueprints (kubernetes/aws-eks) plan unchanged; the
 * operations are Isthmus's own (src/plugins/aws), as are the VM path's (Instances, Interface, Image
 * lookup, EBSAttachment: ec2-instances.ts). Types Cloudify users have in blueprints but Isthmus does
 * not run (CloudFormation.Stack, …) are declared too, so such blueprints still parse and their plans
 * name the operations that cannot run.
 */

const AWS = 'aws.cloudify_aws';

/** Inputs every Cloudify AWS operation accepts. */
const OPERATION_INPUTS = `
          inputs:
            aws_resource_id: { type: string, required: false, default: null, description: 'Overrides resource_id for this operation.' }
            runtime_properties: { required: false, default: null, description: 'Merged into the instance''s runtime properties.' }
            force_operation: { required: false, default: false, description: 'Run even when use_external_resource is true.' }
            resource_config: { required: false, default: {}, description: 'Merged over the node''s resource_config for this call.' }`;

function lifecycle(ops: Record<string, string>, withInputs = true): string {
  return Object.entries(ops)
    .map(([op, impl]) => `        ${op}:\n          implementation: ${impl.startsWith('aws.') ? impl : `${AWS}.${impl}`}${withInputs ? OPERATION_INPUTS : ''}`)
    .join('\n');
}

/** The validation interface: Cloudify's one check_status for every AWS type, and the type's own check_drift. */
function validation(spec: TypeSpec): string {
  if (!spec.validation && !spec.drift) return '';
  return `
      cloudify.interfaces.validation:${spec.validation ? `\n        check_status: { implementation: ${AWS}.workflows.check_status.check_status }` : ''}${spec.drift ? `\n        check_drift: { implementation: ${AWS}.${spec.drift} }` : ''}`;
}

const COMMON_PROPERTIES = `
      use_external_resource: { type: boolean, default: false, description: 'Adopt an existing resource (resource_id) instead of creating one; it is left in place on uninstall.' }
      client_config: { type: cloudify.datatypes.aws.ConnectionConfig, required: false, description: 'Region and credentials; the step''s own AWS identity is used when no keys are given.' }
      resource_id: { type: string, default: '', description: 'The id (or name) of an existing resource to adopt.' }`;

const RESOURCE_CONFIG = `
      resource_config: { required: false, default: {}, description: 'Parameters of the AWS API call, in the API''s own case (CidrBlock, …); a kwargs map is merged in, as in Cloudify.' }`;

interface TypeSpec {
  derivedFrom?: string;
  properties?: string;
  validation?: boolean;
  /** The check_drift implementation (Cloudify's name, after `aws.cloudify_aws.`). */
  drift?: string;
  ops: Record<string, string>;
  extraInterfaces?: string;
}

const EC2_BASE = 'cloudify.nodes.aws.ec2.BaseType';

const TYPES: Record<string, TypeSpec> = {
  'cloudify.nodes.aws.ec2.Vpc': {
    drift: 'ec2.resources.vpc.check_drift',
    derivedFrom: EC2_BASE,
    validation: true,
    ops: {
      precreate: 'ec2.resources.vpc.prepare',
      create: 'ec2.resources.vpc.create',
      poststart: 'ec2.resources.vpc.poststart',
      delete: 'ec2.resources.vpc.delete',
      modify_vpc_attribute: 'ec2.resources.vpc.modify_vpc_attribute',
    },
  },
  'cloudify.nodes.aws.ec2.Subnet': {
    drift: 'ec2.resources.subnet.check_drift',
    derivedFrom: EC2_BASE,
    validation: true,
    properties: `
      use_available_zones: { type: boolean, required: false, description: 'Ignored by Isthmus: the subnet is created in the zone given.' }`,
    ops: {
      precreate: 'ec2.resources.subnet.prepare',
      create: 'ec2.resources.subnet.create',
      poststart: 'ec2.resources.subnet.poststart',
      delete: 'ec2.resources.subnet.delete',
      modify_subnet_attribute: 'ec2.resources.subnet.modify_subnet_attribute',
    },
  },
  'cloudify.nodes.aws.ec2.SecurityGroup': {
    drift: 'ec2.resources.securitygroup.check_drift',
    derivedFrom: EC2_BASE,
    validation: true,
    ops: {
      precreate: 'ec2.resources.securitygroup.prepare',
      create: 'ec2.resources.securitygroup.create',
      poststart: 'ec2.resources.securitygroup.poststart',
      delete: 'ec2.resources.securitygroup.delete',
    },
  },
  'cloudify.nodes.aws.ec2.SecurityGroupRuleIngress': {
    drift: 'ec2.resources.securitygroup.check_drift',
    ops: {
      start: 'ec2.resources.securitygroup.authorize_ingress_rules',
      poststart: 'ec2.resources.securitygroup.poststart_authorize',
      stop: 'ec2.resources.securitygroup.revoke_ingress_rules',
    },
  },
  'cloudify.nodes.aws.ec2.SecurityGroupRuleEgress': {
    drift: 'ec2.resources.securitygroup.check_drift',
    ops: {
      start: 'ec2.resources.securitygroup.authorize_egress_rules',
      poststart: 'ec2.resources.securitygroup.poststart_authorize',
      stop: 'ec2.resources.securitygroup.revoke_egress_rules',
    },
  },
  'cloudify.nodes.aws.ec2.InternetGateway': {
    derivedFrom: EC2_BASE,
    validation: true,
    ops: {
      precreate: 'ec2.resources.internet_gateway.prepare',
      create: 'ec2.resources.internet_gateway.create',
      start: 'ec2.resources.internet_gateway.attach',
      stop: 'ec2.resources.internet_gateway.detach',
      delete: 'ec2.resources.internet_gateway.delete',
    },
  },
  'cloudify.nodes.aws.ec2.NATGateway': {
    derivedFrom: EC2_BASE,
    validation: true,
    ops: { precreate: 'ec2.resources.nat_gateway.prepare', create: 'ec2.resources.nat_gateway.create', delete: 'ec2.resources.nat_gateway.delete' },
  },
  'cloudify.nodes.aws.ec2.ElasticIP': {
    validation: true,
    properties: `
      Tags: { required: false, description: 'Tags for the address ([{Key, Value}]).' }
      use_unassociated_addresses: { default: false, description: 'Reuse an allocated address that is not associated.' }
      attach_existing_address: { default: false, description: 'Not used by Isthmus: an address is associated with the instance or interface it is related to.' }`,
    ops: {
      precreate: 'ec2.resources.elasticip.prepare',
      create: 'ec2.resources.elasticip.create',
      start: 'ec2.resources.elasticip.attach',
      stop: 'ec2.resources.elasticip.detach',
      delete: 'ec2.resources.elasticip.delete',
    },
  },
  'cloudify.nodes.aws.ec2.RouteTable': {
    derivedFrom: EC2_BASE,
    validation: true,
    ops: {
      precreate: 'ec2.resources.routetable.prepare',
      create: 'ec2.resources.routetable.create',
      start: 'ec2.resources.routetable.attach',
      stop: 'ec2.resources.routetable.detach',
      delete: 'ec2.resources.routetable.delete',
    },
  },
  'cloudify.nodes.aws.ec2.Route': {
    ops: { precreate: 'ec2.resources.route.prepare', create: 'ec2.resources.route.create', delete: 'ec2.resources.route.delete' },
  },
  'cloudify.nodes.aws.ec2.Keypair': {
    derivedFrom: EC2_BASE,
    properties: `
      log_create_response: { default: false, description: 'Ignored: Isthmus never logs key material.' }
      store_in_runtime_properties: { default: false, description: 'Keep a created private key in the runtime property key_material (not recommended).' }
      create_secret: { default: false, description: 'Store a created private key in Secrets Manager (AWS mode) as secret_name.' }
      secret_name: { required: false, description: 'Secret for create_secret; defaults to the key name.' }
      update_existing_secret: { default: false }
      cloudify_tagging: { default: false }`,
    ops: { precreate: 'ec2.resources.keypair.prepare', create: 'ec2.resources.keypair.create', delete: 'ec2.resources.keypair.delete' },
  },
  'cloudify.nodes.aws.ec2.EBSVolume': {
    derivedFrom: EC2_BASE,
    properties: `
      device_name: { type: string, default: '', description: 'Device name when attached through cloudify.relationships.aws.ebs.attachment.connected_to (e.g. /dev/sdh).' }
      use_available_zones: { type: boolean, required: false }`,
    validation: true,
    ops: {
      precreate: 'ec2.resources.ebs.prepare',
      create: 'ec2.resources.ebs.create',
      poststart: 'ec2.resources.ebs.poststart',
      delete: 'ec2.resources.ebs.delete',
    },
  },
  'cloudify.nodes.aws.iam.Role': {
    properties: `
      policy_arns: { type: list, default: [], description: 'Managed policies to attach: [{PolicyArn: …}].' }`,
    ops: { precreate: 'iam.resources.role.precreate', create: 'iam.resources.role.create', delete: 'iam.resources.role.delete' },
  },
  'cloudify.nodes.aws.eks.Cluster': {
    drift: 'eks.resources.cluster.check_drift',
    properties: `
      cloudify_tagging: { type: boolean, default: true, description: 'Tag the cluster with the deployment and instance that created it.' }
      store_kube_config_in_runtime: { type: boolean, default: true, description: 'Expose the kubeconfig in the runtime properties kubeconf and kubeconfig.' }`,
    validation: true,
    ops: {
      precreate: 'eks.resources.cluster.prepare',
      create: 'eks.resources.cluster.create',
      poststart: 'eks.resources.cluster.poststart',
      delete: 'eks.resources.cluster.delete',
    },
  },
  'cloudify.nodes.aws.eks.NodeGroup': {
    drift: 'eks.resources.node_group.check_drift',
    properties: `
      cloudify_tagging: { type: boolean, default: true }
      drain_timeout: { type: integer, default: 600, description: 'Seconds heal waits for evictions (PodDisruptionBudgets) before giving up.' }
      force_drain: { type: boolean, default: false, description: 'After drain_timeout, delete the pods that could not be evicted instead of failing.' }`,
    validation: true,
    ops: {
      precreate: 'eks.resources.node_group.prepare',
      create: 'eks.resources.node_group.create',
      start: 'eks.resources.node_group.start',
      poststart: 'eks.resources.node_group.poststart',
      delete: 'eks.resources.node_group.delete',
      heal: 'eks.resources.node_group.heal',
    },
    extraInterfaces: `
      isthmus.interfaces.scaling:
        # The scale workflow runs this instead of adding instances: scale with
        # scalable_entity_name=<this node> and delta=N changes the node group's desired size.
        resize:
          implementation: ${AWS}.eks.resources.node_group.resize
          inputs:
            delta: { type: integer, default: 1 }`,
  },
  // Isthmus addition: EKS managed add-ons (e.g. aws-ebs-csi-driver) instead of a Helm release.
  'isthmus.nodes.aws.eks.Addon': {
    ops: { create: 'eks.resources.addon.create', delete: 'eks.resources.addon.delete' },
  },
  'cloudify.nodes.aws.route53.HostedZone': {
    ops: { precreate: 'route53.resources.hosted_zone.prepare', create: 'route53.resources.hosted_zone.create', delete: 'route53.resources.hosted_zone.delete' },
  },
  'cloudify.nodes.aws.route53.RecordSet': {
    ops: { precreate: 'route53.resources.record_set.prepare', create: 'route53.resources.record_set.create', delete: 'route53.resources.record_set.delete' },
  },
  'cloudify.nodes.aws.ec2.Interface': {
    drift: 'ec2.resources.eni.check_drift',
    derivedFrom: EC2_BASE,
    validation: true,
    ops: {
      precreate: 'ec2.resources.eni.prepare',
      create: 'ec2.resources.eni.create',
      start: 'ec2.resources.eni.attach',
      poststart: 'ec2.resources.eni.poststart',
      stop: 'ec2.resources.eni.detach',
      delete: 'ec2.resources.eni.delete',
      modify_network_interface_attribute: 'ec2.resources.eni.modify_network_interface_attribute',
    },
  },
  'cloudify.nodes.aws.ec2.Instances': {
    drift: 'ec2.resources.instances.check_drift',
    derivedFrom: 'cloudify.nodes.Compute',
    validation: true,
    properties: `
      Tags: { required: false }
      cloudify_tagging: { type: boolean, default: true }
      use_ipv6_ip: { default: false }
      use_public_ip: { default: false }
      use_password: { default: false }`,
    ops: {
      precreate: 'ec2.resources.instances.prepare',
      create: 'ec2.resources.instances.create',
      start: 'ec2.resources.instances.start',
      poststart: 'ec2.resources.instances.poststart',
      stop: 'ec2.resources.instances.stop',
      delete: 'ec2.resources.instances.delete',
      modify_instance_attribute: 'ec2.resources.instances.modify_instance_attribute',
    },
  },
  'cloudify.nodes.aws.ec2.Image': {
    properties: `
      use_external_resource: { type: boolean, default: true }`,
    ops: { precreate: 'ec2.resources.image.prepare', create: 'ec2.resources.image.create', delete: 'ec2.resources.image.delete' },
  },
  'cloudify.nodes.aws.ec2.EBSAttachment': {
    ops: { prepare: 'ec2.resources.ebs.prepare', create: 'ec2.resources.ebs.attach', delete: 'ec2.resources.ebs.detach' },
  },
  // Declared for compatibility; their operations have no Isthmus implementation (plans say so).
  'cloudify.nodes.aws.CloudFormation.Stack': {
    ops: {
      precreate: 'cloudformation.resources.stack.prepare',
      create: 'cloudformation.resources.stack.create',
      start: 'cloudformation.resources.stack.start',
      delete: 'cloudformation.resources.stack.delete',
      pull: 'cloudformation.resources.stack.pull',
    },
  },
};

/** Property lines of `base` that `own` does not redefine (a type's own default wins, with no duplicate key). */
function without(base: string, own: string | undefined): string {
  const mine = new Set([...(own ?? '').matchAll(/^\s+([A-Za-z_]+):/gm)].map((m) => m[1]));
  return base
    .split('\n')
    .filter((line) => !mine.has(/^\s+([A-Za-z_]+):/.exec(line)?.[1]))
    .join('\n');
}

function nodeTypes(): string {
  return Object.entries(TYPES)
    .map(([name, spec]) => {
      const shared = without(COMMON_PROPERTIES, spec.properties);
      const props =
        spec.derivedFrom === EC2_BASE
          ? `${RESOURCE_CONFIG}${spec.properties ?? ''}`
          : `${spec.derivedFrom ? '' : shared}${RESOURCE_CONFIG}${spec.properties ?? ''}`;
      const common = spec.derivedFrom === 'cloudify.nodes.Compute' ? shared : '';
      return `
  ${name}:
    derived_from: ${spec.derivedFrom ?? 'cloudify.nodes.Root'}
    properties:${common}${props}
    interfaces:${validation(spec)}
      cloudify.interfaces.lifecycle:
${lifecycle(spec.ops)}${spec.extraInterfaces ?? ''}
`;
    })
    .join('');
}

export const AWS_TYPES_YAML = `
plugins:
  aws:
    executor: central_deployment_agent
    package_name: cloudify-aws-plugin
    package_version: 'isthmus'

data_types:

  cloudify.datatypes.aws.ConnectionConfig:
    properties:
      aws_access_key_id: { type: string, required: false, description: 'Static credentials; prefer the step''s role (leave empty).' }
      aws_secret_access_key: { type: string, required: false }
      aws_session_token: { type: string, required: false }
      region_name: { type: string, required: false, description: 'Region, e.g. us-east-1; defaults to AWS_REGION.' }
      endpoint_url: { type: string, required: false, description: 'Endpoint override (a local or private endpoint).' }
      api_version: { type: string, required: false, description: 'Ignored (the SDK speaks one API version).' }
      assume_role: { type: string, required: false, description: 'A role ARN to assume for the calls.' }
      additional_config: { required: false, description: 'Retry settings: {retries: {max_attempts, mode}}.' }

node_types:

  ${EC2_BASE}:
    derived_from: cloudify.nodes.Root
    properties:${COMMON_PROPERTIES}
      Tags: { required: false, description: 'Tags for the resource ([{Key, Value}]).' }
      cloudify_tagging: { type: boolean, default: true, description: 'Tag the resource with the deployment and instance that created it.' }
${nodeTypes()}
  cloudify.nodes.resources.AmazonWebServices:
    derived_from: cloudify.nodes.Root
    properties:
      client_config: { type: cloudify.datatypes.aws.ConnectionConfig, required: false }
      regions: { type: list, default: [] }
      resource_config: { type: dict, default: { resource_types: [ AWS::EKS::CLUSTER ] } }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: ${AWS}.workflows.resources.initialize
        delete: ${AWS}.workflows.resources.deinitialize

relationships:

  cloudify.relationships.aws.connected_to:
    derived_from: cloudify.relationships.connected_to

  cloudify.relationships.aws.eks.connected_to_eks_cluster:
    derived_from: cloudify.relationships.aws.connected_to
    target_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        establish: { implementation: ${AWS}.eks.resources.cluster.refresh_kubeconfig }
        unlink: { implementation: ${AWS}.eks.resources.cluster.refresh_kubeconfig }

  # A record set connected to its hosted zone (Isthmus reads the zone id from it; no separate association step).
  cloudify.relationships.aws.route53.hosted_zone.connected_to:
    derived_from: cloudify.relationships.aws.connected_to

  cloudify.relationships.aws.route53.record_set.connected_to:
    derived_from: cloudify.relationships.aws.connected_to

  # An EBS volume (source) attached to an instance (target) as the volume's device_name.
  cloudify.relationships.aws.ebs.attachment.connected_to:
    derived_from: cloudify.relationships.aws.connected_to
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        establish: { implementation: ${AWS}.ec2.resources.ebs.attach_using_relationship }
        unlink: { implementation: ${AWS}.ec2.resources.ebs.detach_using_relationship }
`;
