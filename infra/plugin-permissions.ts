import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

const OWNER_TAG = 'isthmus:owner';

/**
 * What the shipped plugins need (src/plugins/aws, ssm), and no more: reads are listed action by
 * action (EC2 has no resource-level permissions for Describe*); creates must carry Isthmus's owner
 * tag; changes and deletes apply only to resources with that tag; instances are terminated only
 * when they belong to an EKS node group (heal); roles are passed only to EKS.
 */
export function pluginStatements(stack: Stack): PolicyStatement[] {
  const arn = (service: string, resource: string, region = stack.region) => `arn:${stack.partition}:${service}:${region}:${stack.account}:${resource}`;
  const tagged = { StringLike: { [`aws:ResourceTag/${OWNER_TAG}`]: '*' } };
  const tagging = { StringLike: { [`aws:RequestTag/${OWNER_TAG}`]: '*' } };
  const ec2Creates = ['ec2:CreateVpc', 'ec2:CreateSubnet', 'ec2:CreateSecurityGroup', 'ec2:CreateInternetGateway', 'ec2:AllocateAddress', 'ec2:CreateNatGateway', 'ec2:CreateRouteTable', 'ec2:ImportKeyPair', 'ec2:CreateKeyPair', 'ec2:CreateVolume'];
  return [
    new PolicyStatement({
      sid: 'Ec2Read',
      actions: ['ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'ec2:DescribeInternetGateways', 'ec2:DescribeAddresses', 'ec2:DescribeNatGateways', 'ec2:DescribeRouteTables', 'ec2:DescribeKeyPairs', 'ec2:DescribeVolumes'],
      resources: ['*'],
    }),
    // The owner tag is set by the create call itself (TagSpecifications), so a resumed create finds it.
    new PolicyStatement({ sid: 'Ec2CreateTagged', actions: ec2Creates, resources: ['*'], conditions: tagging }),
    new PolicyStatement({ sid: 'Ec2TagOnCreate', actions: ['ec2:CreateTags'], resources: ['*'], conditions: { StringEquals: { 'ec2:CreateAction': ec2Creates.map((a) => a.slice(4)) } } }),
    new PolicyStatement({
      sid: 'Ec2ChangeOwned',
      actions: [
        'ec2:ModifyVpcAttribute', 'ec2:ModifySubnetAttribute', 'ec2:DeleteVpc', 'ec2:DeleteSubnet', 'ec2:DeleteSecurityGroup',
        'ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:RevokeSecurityGroupEgress',
        'ec2:AttachInternetGateway', 'ec2:DetachInternetGateway', 'ec2:DeleteInternetGateway', 'ec2:ReleaseAddress', 'ec2:DeleteNatGateway',
        'ec2:AssociateRouteTable', 'ec2:DisassociateRouteTable', 'ec2:DeleteRouteTable', 'ec2:CreateRoute', 'ec2:DeleteRoute', 'ec2:DeleteKeyPair', 'ec2:DeleteVolume',
      ],
      resources: ['*'],
      conditions: tagged,
    }),
    new PolicyStatement({ sid: 'ReplaceNodeGroupInstances', actions: ['ec2:TerminateInstances'], resources: [arn('ec2', 'instance/*')], conditions: { StringLike: { 'aws:ResourceTag/eks:nodegroup-name': '*' } } }),
    new PolicyStatement({ sid: 'IamRolesRead', actions: ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies'], resources: [arn('iam', 'role/*', '')] }),
    new PolicyStatement({ sid: 'IamRolesCreateTagged', actions: ['iam:CreateRole', 'iam:TagRole'], resources: [arn('iam', 'role/*', '')], conditions: tagging }),
    // Only roles Isthmus created can get policies or be deleted: the step cannot escalate its own role.
    new PolicyStatement({ sid: 'IamRolesChangeOwned', actions: ['iam:AttachRolePolicy', 'iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:DeleteRole'], resources: [arn('iam', 'role/*', '')], conditions: tagged }),
    new PolicyStatement({ sid: 'PassRolesToEks', actions: ['iam:PassRole'], resources: [arn('iam', 'role/*', '')], conditions: { StringEquals: { 'iam:PassedToService': ['eks.amazonaws.com', 'ec2.amazonaws.com', 'pods.eks.amazonaws.com'] } } }),
    new PolicyStatement({
      sid: 'Eks',
      actions: ['eks:CreateCluster', 'eks:DescribeCluster', 'eks:DeleteCluster', 'eks:CreateNodegroup', 'eks:DescribeNodegroup', 'eks:DeleteNodegroup', 'eks:UpdateNodegroupConfig', 'eks:DescribeUpdate', 'eks:CreateAddon', 'eks:DescribeAddon', 'eks:DeleteAddon', 'eks:TagResource', 'eks:CreatePodIdentityAssociation'],
      resources: [arn('eks', 'cluster/*'), arn('eks', 'nodegroup/*'), arn('eks', 'addon/*'), arn('eks', 'podidentityassociation/*')],
    }),
    new PolicyStatement({ sid: 'Route53Records', actions: ['route53:ChangeResourceRecordSets', 'route53:GetChange'], resources: [`arn:${stack.partition}:route53:::hostedzone/*`, `arn:${stack.partition}:route53:::change/*`] }),
    new PolicyStatement({
      sid: 'SsmRunCommand',
      actions: ['ssm:SendCommand'],
      resources: [`arn:${stack.partition}:ssm:${stack.region}::document/AWS-RunPowerShellScript`, `arn:${stack.partition}:ssm:${stack.region}::document/AWS-RunShellScript`, arn('ec2', 'instance/*'), arn('ssm', 'managed-instance/*')],
    }),
    new PolicyStatement({ sid: 'SsmReadCommands', actions: ['ssm:GetCommandInvocation', 'ssm:ListCommandInvocations'], resources: ['*'] }),
  ];
}
