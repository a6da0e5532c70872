import { checkDrift } from './drift.js';
import type { OperationContext, OperationFunction } from '../../runtime/types.js';
import type { PluginModule } from '../registry.js';
import { prepare } from './common.js';
import { EC2_OPERATIONS, ec2Check } from './ec2.js';
import { EC2_INSTANCE_OPERATIONS, instanceCheck } from './ec2-instances.js';
import { EKS_CHECKS, EKS_OPERATIONS } from './eks.js';
import { IAM_OPERATIONS } from './iam.js';
import { ROUTE53_OPERATIONS } from './route53.js';

export { kubeconfigFor } from './eks.js';
export { NODEGROUP_LABEL } from './node-group-health.js';
export { OWNER_TAG, forgetAwsClients } from './common.js';

const prefixed = (prefix: string, ops: Record<string, OperationFunction>) => Object.fromEntries(Object.entries(ops).map(([k, fn]) => [`${prefix}.${k}`, fn]));

/** Cloudify's prepare/precreate operations only record the configuration. */
const PREPARE: Record<string, OperationFunction> = Object.fromEntries(
  [
    'ec2.resources.vpc.prepare',
    'ec2.resources.subnet.prepare',
    'ec2.resources.securitygroup.prepare',
    'ec2.resources.internet_gateway.prepare',
    'ec2.resources.nat_gateway.prepare',
    'ec2.resources.elasticip.prepare',
    'ec2.resources.routetable.prepare',
    'ec2.resources.route.prepare',
    'ec2.resources.keypair.prepare',
    'ec2.resources.ebs.prepare',
    'ec2.resources.instances.prepare',
    'ec2.resources.eni.prepare',
    'ec2.resources.image.prepare',
    'iam.resources.role.precreate',
    'eks.resources.cluster.prepare',
    'eks.resources.node_group.prepare',
    'route53.resources.record_set.prepare',
  ].map((k) => [`cloudify_aws.${k}`, prepare]),
);

/** Cloudify's one check_status for every AWS type: Isthmus checks each kind its own way. */
async function checkStatus(ctx: OperationContext) {
  if (ctx.node.typeHierarchy.includes('cloudify.nodes.aws.eks.NodeGroup')) return EKS_CHECKS.nodeGroup(ctx);
  if (ctx.node.typeHierarchy.includes('cloudify.nodes.aws.eks.Cluster')) return EKS_CHECKS.cluster(ctx);
  if (ctx.node.typeHierarchy.includes('cloudify.nodes.aws.ec2.Instances') || ctx.node.typeHierarchy.includes('cloudify.nodes.aws.ec2.Interface'))
    return instanceCheck(ctx);
  return ec2Check(ctx);
}

/** The AWS plugin: `aws.cloudify_aws.<service>.resources.<resource>.<operation>` (Cloudify's names). */
/** Cloudify's check_drift names; one comparison, by node type (drift.ts). */
export const DRIFT_TASKS = [
  'cloudify_aws.ec2.resources.vpc.check_drift',
  'cloudify_aws.ec2.resources.subnet.check_drift',
  'cloudify_aws.ec2.resources.securitygroup.check_drift',
  'cloudify_aws.ec2.resources.eni.check_drift',
  'cloudify_aws.ec2.resources.instances.check_drift',
  'cloudify_aws.eks.resources.cluster.check_drift',
  'cloudify_aws.eks.resources.node_group.check_drift',
];

export const awsPlugin: PluginModule = {
  name: 'aws',
  operations: {
    ...PREPARE,
    ...prefixed('cloudify_aws.ec2.resources', EC2_OPERATIONS),
    ...prefixed('cloudify_aws.ec2.resources', EC2_INSTANCE_OPERATIONS),
    ...prefixed('cloudify_aws.iam.resources', IAM_OPERATIONS),
    ...prefixed('cloudify_aws.eks.resources', EKS_OPERATIONS),
    ...prefixed('cloudify_aws.route53.resources', ROUTE53_OPERATIONS),
    'cloudify_aws.workflows.check_status.check_status': checkStatus,
    ...Object.fromEntries(DRIFT_TASKS.map((task) => [task, checkDrift])),
  },
};
