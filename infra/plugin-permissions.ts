import type { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

export const OWNER_TAG = 'isthmus:owner';
/** The tag an administrator puts on hosts that a tier's steps may run commands on (SSM). */
export const TARGET_TAG = 'isthmus:target';

/** The AWS managed policies EKS clusters, node groups and add-ons need: what roles Isthmus creates may get. */
export const DEFAULT_ATTACHABLE_POLICIES = [
  'AmazonEKSClusterPolicy',
  'AmazonEKSVPCResourceController',
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonSSMManagedInstanceCore',
  'service-role/AmazonEBSCSIDriverPolicy',
];

export interface PluginPermissionOptions {
  /**
   * Which `isthmus:owner` tag values (`<deployment>/<instance>`) this step role may create and
   * change: `*` for production, `pr-*` for previews, so a preview can never touch what
   * production deployments own.
   */
  ownerPattern: string;
  /** The tier (`production`, `preview`): SSM commands run only on hosts whose `isthmus:target` tag names it. */
  tier: string;
  /** The permissions boundary every role Isthmus creates must carry. */
  roleBoundaryArn: string;
  /** Managed policy ARNs (full) that may be attached to roles Isthmus created. */
  attachablePolicyArns: string[];
  /** Existing roles (ARNs) the steps may pass besides the ones Isthmus created (use_external_resource). */
  passableRoleArns: string[];
  /** Route 53 hosted zone ids whose records the steps may change; none: no Route 53 access at all. */
  hostedZoneIds: string[];
}

/**
 * What the shipped plugins need (src/plugins/aws, ssm), and no more: reads are listed action by
 * action (EC2 has no resource-level permissions for Describe*); creates must carry Isthmus's owner
 * tag matching `ownerPattern`; changes and deletes apply only to resources whose owner tag matches
 * it; roles are created only under the permissions boundary, get only allow-listed policies and
 * are passed only to EKS/EC2; commands run only on instances tagged for Isthmus; Route 53 only in
 * the configured zones.
 */
export function pluginStatements(stack: Stack, options: PluginPermissionOptions): PolicyStatement[] {
  const arn = (service: string, resource: string, region = stack.region) => `arn:${stack.partition}:${service}:${region}:${stack.account}:${resource}`;
  const tagged = { StringLike: { [`aws:ResourceTag/${OWNER_TAG}`]: options.ownerPattern } };
  const tagging = { StringLike: { [`aws:RequestTag/${OWNER_TAG}`]: options.ownerPattern } };
  const ec2Creates = [
    'ec2:CreateVpc',
    'ec2:CreateSubnet',
    'ec2:CreateSecurityGroup',
    'ec2:CreateInternetGateway',
    'ec2:AllocateAddress',
    'ec2:CreateNatGateway',
    'ec2:CreateRouteTable',
    'ec2:ImportKeyPair',
    'ec2:CreateKeyPair',
    'ec2:CreateVolume',
  ];
  const roles = arn('iam', 'role/*', '');
  const statements = [
    new PolicyStatement({
      sid: 'Ec2Read',
      actions: [
        'ec2:DescribeVpcs',
        'ec2:DescribeSubnets',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeInternetGateways',
        'ec2:DescribeAddresses',
        'ec2:DescribeNatGateways',
        'ec2:DescribeRouteTables',
        'ec2:DescribeKeyPairs',
        'ec2:DescribeVolumes',
      ],
      resources: ['*'],
    }),
    // The owner tag is set by the create call itself (TagSpecifications), so a resumed create finds it.
    new PolicyStatement({ sid: 'Ec2CreateTagged', actions: ec2Creates, resources: ['*'], conditions: tagging }),
    new PolicyStatement({
      sid: 'Ec2TagOnCreate',
      actions: ['ec2:CreateTags'],
      resources: ['*'],
      conditions: { StringEquals: { 'ec2:CreateAction': ec2Creates.map((a) => a.slice(4)) } },
    }),
    new PolicyStatement({
      sid: 'Ec2ChangeOwned',
      actions: [
        'ec2:ModifyVpcAttribute',
        'ec2:ModifySubnetAttribute',
        'ec2:DeleteVpc',
        'ec2:DeleteSubnet',
        'ec2:DeleteSecurityGroup',
        'ec2:AuthorizeSecurityGroupIngress',
        'ec2:RevokeSecurityGroupIngress',
        'ec2:AuthorizeSecurityGroupEgress',
        'ec2:RevokeSecurityGroupEgress',
        'ec2:AttachInternetGateway',
        'ec2:DetachInternetGateway',
        'ec2:DeleteInternetGateway',
        'ec2:ReleaseAddress',
        'ec2:DeleteNatGateway',
        'ec2:AssociateRouteTable',
        'ec2:DisassociateRouteTable',
        'ec2:DeleteRouteTable',
        'ec2:CreateRoute',
        'ec2:DeleteRoute',
        'ec2:DeleteKeyPair',
        'ec2:DeleteVolume',
      ],
      resources: ['*'],
      conditions: tagged,
    }),
    // Heal replaces a node of a node group Isthmus owns (EKS propagates the node group's tags to its instances).
    new PolicyStatement({
      sid: 'ReplaceNodeGroupInstances',
      actions: ['ec2:TerminateInstances'],
      resources: [arn('ec2', 'instance/*')],
      conditions: { StringLike: { 'aws:ResourceTag/eks:nodegroup-name': '*', [`aws:ResourceTag/${OWNER_TAG}`]: options.ownerPattern } },
    }),
    new PolicyStatement({ sid: 'IamRolesRead', actions: ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies'], resources: [roles] }),
    // A role Isthmus creates is capped by the boundary, so no role it makes can do more than the boundary allows.
    new PolicyStatement({
      sid: 'IamRolesCreateBounded',
      actions: ['iam:CreateRole'],
      resources: [roles],
      conditions: { ...tagging, StringEquals: { 'iam:PermissionsBoundary': options.roleBoundaryArn } },
    }),
    new PolicyStatement({ sid: 'IamRolesTagOwned', actions: ['iam:TagRole'], resources: [roles], conditions: tagging }),
    // Only allow-listed policies, and only on roles Isthmus created (the step cannot escalate its own role).
    new PolicyStatement({
      sid: 'IamRolesAttachListed',
      actions: ['iam:AttachRolePolicy'],
      resources: [roles],
      conditions: { ...tagged, 'ForAnyValue:StringEquals': { 'iam:PolicyARN': options.attachablePolicyArns } },
    }),
    new PolicyStatement({
      sid: 'IamRolesChangeOwned',
      actions: ['iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:DeleteRole'],
      resources: [roles],
      conditions: tagged,
    }),
    new PolicyStatement({
      sid: 'PassOwnedRolesToEks',
      actions: ['iam:PassRole'],
      resources: [roles],
      conditions: {
        StringLike: { [`iam:ResourceTag/${OWNER_TAG}`]: options.ownerPattern },
        StringEquals: { 'iam:PassedToService': ['eks.amazonaws.com', 'ec2.amazonaws.com', 'pods.eks.amazonaws.com'] },
      },
    }),
    new PolicyStatement({
      sid: 'EksRead',
      actions: ['eks:DescribeCluster', 'eks:DescribeNodegroup', 'eks:DescribeUpdate', 'eks:DescribeAddon'],
      resources: [arn('eks', 'cluster/*'), arn('eks', 'nodegroup/*'), arn('eks', 'addon/*')],
    }),
    new PolicyStatement({
      sid: 'EksCreateTagged',
      actions: ['eks:CreateCluster', 'eks:TagResource'],
      resources: [arn('eks', 'cluster/*'), arn('eks', 'nodegroup/*'), arn('eks', 'addon/*'), arn('eks', 'podidentityassociation/*')],
      conditions: tagging,
    }),
    new PolicyStatement({
      sid: 'EksChangeOwned',
      actions: [
        'eks:DeleteCluster',
        'eks:CreateNodegroup',
        'eks:DeleteNodegroup',
        'eks:UpdateNodegroupConfig',
        'eks:CreateAddon',
        'eks:DeleteAddon',
        'eks:CreatePodIdentityAssociation',
      ],
      resources: [arn('eks', 'cluster/*'), arn('eks', 'nodegroup/*'), arn('eks', 'addon/*'), arn('eks', 'podidentityassociation/*')],
      conditions: tagged,
    }),
    new PolicyStatement({
      sid: 'SsmRunDocuments',
      actions: ['ssm:SendCommand'],
      resources: [
        `arn:${stack.partition}:ssm:${stack.region}::document/AWS-RunPowerShellScript`,
        `arn:${stack.partition}:ssm:${stack.region}::document/AWS-RunShellScript`,
      ],
    }),
    // Commands run only on hosts an administrator tagged for this tier (`isthmus:target`).
    new PolicyStatement({
      sid: 'SsmRunOnTaggedHosts',
      actions: ['ssm:SendCommand'],
      resources: [arn('ec2', 'instance/*'), arn('ssm', 'managed-instance/*')],
      conditions: { StringEquals: { [`ssm:resourceTag/${TARGET_TAG}`]: options.tier } },
    }),
    new PolicyStatement({ sid: 'SsmReadCommands', actions: ['ssm:GetCommandInvocation', 'ssm:ListCommandInvocations'], resources: ['*'] }),
  ];
  if (options.passableRoleArns.length > 0) {
    statements.push(
      new PolicyStatement({
        sid: 'PassListedRoles',
        actions: ['iam:PassRole'],
        resources: options.passableRoleArns,
        conditions: { StringEquals: { 'iam:PassedToService': ['eks.amazonaws.com', 'ec2.amazonaws.com', 'pods.eks.amazonaws.com'] } },
      }),
    );
  }
  if (options.hostedZoneIds.length > 0) {
    statements.push(
      new PolicyStatement({
        sid: 'Route53Records',
        actions: ['route53:ChangeResourceRecordSets'],
        resources: options.hostedZoneIds.map((id) => `arn:${stack.partition}:route53:::hostedzone/${id}`),
      }),
    );
    statements.push(new PolicyStatement({ sid: 'Route53Changes', actions: ['route53:GetChange'], resources: [`arn:${stack.partition}:route53:::change/*`] }));
  }
  return statements;
}
