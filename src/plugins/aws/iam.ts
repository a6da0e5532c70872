import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  type Role,
} from '@aws-sdk/client-iam';
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
  properties,
  remember,
  tagsFor,
} from './common.js';

const policyArns = (v: YamlValue | undefined): string[] =>
  Array.isArray(v) ? v.map((p) => (isMap(p) ? p['PolicyArn'] : p)).filter((p): p is string => typeof p === 'string' && p !== '') : [];

function facts(role: Role): YamlMap {
  const account = /^arn:[^:]+:iam::(\d+):/.exec(role.Arn ?? '')?.[1] ?? null;
  return { aws_resource_arn: role.Arn ?? null, account_id: account, role_id: role.RoleId ?? null };
}

/**
 * create: the role (its trust policy may be a mapping; IAM wants JSON), then the managed
 * policies of the policy_arns property and the modify_role_attribute_args input.
 */
async function roleCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const params = apiParameters(props, ctx.inputs);
  const iam = clientFor(IAMClient, await awsSettings(ctx));
  const external = externalId(ctx, props);
  const name = external ?? (typeof params['RoleName'] === 'string' ? params['RoleName'] : undefined);
  if (!name) throw new OperationError(`node '${ctx.node.id}': resource_config.RoleName is required`, false);
  const existing = (await call(`reading role ${name}`, () => iam.send(new GetRoleCommand({ RoleName: name })), ['NoSuchEntity', 'NoSuchEntityException']))
    ?.Role;
  if (external) {
    if (!existing) throw new OperationError(`IAM role ${name} (use_external_resource) does not exist`, false);
    remember(ctx, name, { use_external_resource: true, ...facts(existing) });
    return;
  }
  let role = existing;
  if (role && !role.Tags?.some((t) => t.Key === OWNER_TAG && t.Value === ownerOf(ctx))) {
    throw new OperationError(
      `IAM role ${name} already exists and was not created by this instance; set use_external_resource: true to use it, or pick another RoleName`,
      false,
    );
  }
  if (!role) {
    const trust = params['AssumeRolePolicyDocument'];
    const document = typeof trust === 'string' ? trust : JSON.stringify(trust ?? {});
    // In AWS the step role may create roles only under the stack's permissions boundary (infra/stack.ts names it).
    const boundary = typeof params['PermissionsBoundary'] === 'string' ? params['PermissionsBoundary'] : ctx.settings.roleBoundaryArn;
    role = (
      await must(`creating role ${name}`, () =>
        iam.send(
          new CreateRoleCommand({
            ...(params as unknown as object),
            RoleName: name,
            AssumeRolePolicyDocument: document,
            Tags: tagsFor(ctx, props),
            ...(boundary ? { PermissionsBoundary: boundary } : {}),
          }),
        ),
      )
    ).Role;
    ctx.logger.info(`IAM role ${name} created`);
  }
  remember(ctx, name, { use_external_resource: false, ...(role ? facts(role) : {}) });
  for (const arn of new Set([...policyArns(props['policy_arns']), ...policyArns(ctx.inputs['modify_role_attribute_args'])])) {
    await must(`attaching ${arn} to ${name}`, () => iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: arn })));
  }
}

/** delete: detach managed policies and remove inline ones (IAM refuses otherwise), then the role. */
async function roleDelete(ctx: OperationContext): Promise<void> {
  const name = currentId(ctx);
  if (!name || isExternal(ctx)) return;
  const iam = clientFor(IAMClient, await awsSettings(ctx));
  const gone = ['NoSuchEntity', 'NoSuchEntityException'];
  const attached =
    (await call(`listing policies of ${name}`, () => iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name })), gone))?.AttachedPolicies ?? [];
  for (const p of attached)
    await call(`detaching ${p.PolicyArn}`, () => iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: p.PolicyArn! })), gone);
  const inline = (await call(`listing inline policies of ${name}`, () => iam.send(new ListRolePoliciesCommand({ RoleName: name })), gone))?.PolicyNames ?? [];
  for (const p of inline) await call(`deleting inline policy ${p}`, () => iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: p })), gone);
  await call(`deleting role ${name}`, () => iam.send(new DeleteRoleCommand({ RoleName: name })), gone);
  delete ctx.instance.runtimeProperties['aws_resource_id'];
  ctx.logger.info(`IAM role ${name} deleted`);
}

export const IAM_OPERATIONS: Record<string, OperationFunction> = {
  'role.create': roleCreate,
  'role.delete': roleDelete,
};
