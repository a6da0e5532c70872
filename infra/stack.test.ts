import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleStepImage, bundleStepLambda } from '../scripts/build-lambda.js';
import { IsthmusStack } from './stack.js';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
};

/**
 * The template's intrinsic functions resolved the way CloudFormation would in one account and
 * region (resources by their logical ids), so the policies can go to the IAM simulator.
 */
function resolver(resources: Record<string, { Type: string }>) {
  const arnOf = (logicalId: string): string => {
    const type = resources[logicalId]?.Type;
    if (type === 'AWS::DynamoDB::Table') return `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${logicalId}`;
    if (type === 'AWS::Lambda::Function') return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${logicalId}`;
    if (type === 'AWS::Logs::LogGroup') return `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${logicalId}:*`;
    if (type === 'AWS::IAM::Role') return `arn:aws:iam::${ACCOUNT}:role/${logicalId}`;
    if (type === 'AWS::IAM::OIDCProvider') return `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
    throw new Error(`no ARN for ${logicalId} (${type})`);
  };
  const resolve = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === 'object') {
      if ('Ref' in v) {
        const ref = v['Ref'] as string;
        if (ref === 'AWS::Partition') return 'aws';
        if (ref === 'AWS::Region') return REGION;
        if (ref === 'AWS::AccountId') return ACCOUNT;
        if (resources[ref]?.Type === 'AWS::IAM::ManagedPolicy') return `arn:aws:iam::${ACCOUNT}:policy/${ref}`;
        return ref;
      }
      if ('Fn::Join' in v) {
        const [sep, parts] = v['Fn::Join'] as [string, Json[]];
        return parts.map((p) => String(resolve(p))).join(sep);
      }
      if ('Fn::GetAtt' in v) return arnOf((v['Fn::GetAtt'] as string[])[0]!);
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    }
    return v;
  };
  return resolve;
}

describe('IsthmusStack', () => {
  let dir: string;
  let template: Template;
  let stack: IsthmusStack;
  let policiesOf: (roleLogicalIdPrefix: string) => Statement[];
  let resolve: (v: Json) => Json;
  let logicalId: (prefix: string, type: string) => string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'isthmus-infra-'));
    const code = await bundleStepLambda(path.join(dir, 'step'));
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    stack = new IsthmusStack(app, 'Isthmus', {
      githubRepository: 'octo-org/shop',
      githubOwnerId: '123',
      githubRepositoryId: '456',
      stepCodePath: code,
      environments: ['production'],
      hostedZoneIds: ['Z0PROD'],
      env: { account: ACCOUNT, region: REGION },
    });
    template = Template.fromStack(stack);
    app.synth();
    const json = template.toJSON() as { Resources: Record<string, { Type: string; Properties: Record<string, Json> }> };
    resolve = resolver(json.Resources);
    logicalId = (prefix, type) => Object.keys(json.Resources).find((k) => k.startsWith(prefix) && json.Resources[k]!.Type === type)!;
    policiesOf = (prefix) => {
      const role = logicalId(prefix, 'AWS::IAM::Role');
      return Object.values(json.Resources)
        .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties['Roles']).includes(`"${role}"`))
        .flatMap((r) => (resolve(r.Properties['PolicyDocument']!) as { Statement: Statement[] }).Statement);
    };
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** What the IAM simulator says of one request by a role of the stack. */
  async function decide(rolePrefix: string, action: string, resource: string, context: Record<string, string | string[]> = {}): Promise<string> {
    const result = await runSimulation(
      {
        identityPolicies: [{ name: rolePrefix, policy: { Version: '2012-10-17', Statement: policiesOf(rolePrefix) } }],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        request: { action, principal: `arn:aws:iam::${ACCOUNT}:role/${rolePrefix}`, resource: { accountId: ACCOUNT, resource }, contextVariables: context },
      },
      {},
    );
    if (result.resultType === 'error') throw new Error(`${action} on ${resource}: ${JSON.stringify(result.errors)}`);
    return result.overallResult;
  }
  const table = (tier: string) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${logicalId(`${tier}State`, 'AWS::DynamoDB::Table')}`;
  const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
  const boundary = () => `arn:aws:iam::${ACCOUNT}:policy/${logicalId('RoleBoundary', 'AWS::IAM::ManagedPolicy')}`;
  const cluster = (name: string) => `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${name}`;
  const owner = 'aws:ResourceTag/isthmus:owner';

  it('keeps each tier in its own on-demand table with the state schema, TTL on events, PITR, retained on delete', () => {
    template.resourcePropertiesCountIs('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST' }, 2);
    template.allResources('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'expiresAtEpoch', Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      },
    });
  });

  it('runs each tier its step Lambda on nodejs24.x, arm64, with its table, secrets prefix and the role boundary', () => {
    for (const prefix of ['isthmus/', 'isthmus/preview/']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Timeout: 900,
        Environment: { Variables: { STATE_TABLE: Match.anyValue(), ISTHMUS_SECRETS_PREFIX: prefix, ISTHMUS_ROLE_BOUNDARY_ARN: Match.anyValue() } },
      });
    }
    expect(Object.keys(template.findResources('AWS::Lambda::Function'))).toHaveLength(2);
  });

  it('with pythonSteps, runs the step Lambdas as arm64 container images built from the bundle and a Dockerfile that adds python3', async () => {
    const image = await bundleStepImage(path.join(dir, 'step-image'));
    const dockerfile = readFileSync(path.join(image, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM public\.ecr\.aws\/lambda\/nodejs:24$/m);
    expect(dockerfile).toMatch(/dnf install -y python3/);
    expect(dockerfile).toMatch(/^COPY index\.mjs \$\{LAMBDA_TASK_ROOT\}\/$/m);
    expect(existsSync(path.join(image, 'index.mjs'))).toBe(true);
    const app = new App({ outdir: path.join(dir, 'cdk-image.out') });
    const imaged = Template.fromStack(
      new IsthmusStack(app, 'WithPython', {
        githubRepository: 'o/r',
        stepCodePath: path.join(dir, 'step'),
        stepImagePath: image,
        env: { account: ACCOUNT, region: REGION },
      }),
    );
    const functions = Object.values(imaged.findResources('AWS::Lambda::Function')) as Array<{ Properties: Record<string, unknown> }>;
    expect(functions).toHaveLength(2);
    for (const f of functions) {
      expect(f.Properties).toMatchObject({ PackageType: 'Image', Architectures: ['arm64'], Code: { ImageUri: expect.anything() } });
      expect(f.Properties['Runtime']).toBeUndefined();
    }
  }, 120_000);

  it('with helmSteps, runs the step Lambdas on x86_64 with the kubectl layer (helm at /opt/helm/helm); with pythonSteps too it refuses', () => {
    const app = new App({ outdir: path.join(dir, 'cdk-helm.out') });
    const helmed = Template.fromStack(
      new IsthmusStack(app, 'WithHelm', {
        githubRepository: 'o/r',
        stepCodePath: path.join(dir, 'step'),
        helmSteps: true,
        env: { account: ACCOUNT, region: REGION },
      }),
    );
    const functions = Object.values(helmed.findResources('AWS::Lambda::Function')) as Array<{ Properties: Record<string, unknown> }>;
    expect(functions).toHaveLength(2);
    for (const f of functions) expect(f.Properties).toMatchObject({ Architectures: ['x86_64'], Layers: [expect.anything()] });
    expect(Object.keys(helmed.findResources('AWS::Lambda::LayerVersion')).length).toBeGreaterThan(0);
    expect(
      () =>
        new IsthmusStack(new App({ outdir: path.join(dir, 'cdk-both.out') }), 'Both', {
          githubRepository: 'o/r',
          stepCodePath: path.join(dir, 'step'),
          stepImagePath: path.join(dir, 'step'),
          helmSteps: true,
          env: { account: ACCOUNT, region: REGION },
        }),
    ).toThrow(/helmSteps gives the step Lambda a layer/);
  });

  it('finding 3: trusts pull requests for the preview role only, and the default branch or named environments for production only', () => {
    const json = template.toJSON() as { Resources: Record<string, { Type: string; Properties: Record<string, Json> }> };
    const trustOf = (prefix: string) =>
      (json.Resources[logicalId(prefix, 'AWS::IAM::Role')]!.Properties['AssumeRolePolicyDocument'] as { Statement: Statement[] }).Statement;
    const subjects = (prefix: string) => trustOf(prefix).flatMap((s) => s.Condition?.['StringEquals']?.['token.actions.githubusercontent.com:sub'] ?? []);
    expect(subjects('PreviewDriverRole')).toEqual(['repo:octo-org/shop:pull_request', 'repo:octo-org@123/shop@456:pull_request']);
    expect(subjects('ProductionDriverRole')).toEqual([
      'repo:octo-org/shop:ref:refs/heads/main',
      'repo:octo-org/shop:environment:production',
      'repo:octo-org@123/shop@456:ref:refs/heads/main',
      'repo:octo-org@123/shop@456:environment:production',
    ]);
    for (const prefix of ['PreviewDriverRole', 'ProductionDriverRole']) {
      const [statement] = trustOf(prefix);
      // Exact subjects: no wildcard can match another branch, a tag or another event.
      expect(Object.keys(statement!.Condition!)).toEqual(['StringEquals']);
      expect(statement!.Condition!['StringEquals']!['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com');
    }
    for (const output of ['Preview', 'Production'])
      for (const name of ['DriverRoleArn', 'StepFunctionArn', 'StateTableName', 'SecretsPrefix']) template.hasOutput(`${output}${name}`, {});
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  it('finding 3: a preview driver reaches only preview state, the preview step and preview secrets', async () => {
    expect(await decide('PreviewDriverRole', 'dynamodb:PutItem', table('Preview'))).toBe('Allowed');
    expect(await decide('PreviewDriverRole', 'dynamodb:PutItem', table('Production'))).toBe('ImplicitlyDenied');
    expect(
      await decide(
        'PreviewDriverRole',
        'lambda:InvokeFunction',
        `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${logicalId('ProductionStep', 'AWS::Lambda::Function')}`,
      ),
    ).toBe('ImplicitlyDenied');
    expect(
      await decide(
        'PreviewDriverRole',
        'lambda:InvokeFunction',
        `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${logicalId('PreviewStep', 'AWS::Lambda::Function')}`,
      ),
    ).toBe('Allowed');
    expect(
      await decide('PreviewDriverRole', 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:isthmus/preview/db-AbCdEf`),
    ).toBe('Allowed');
    expect(
      await decide('PreviewDriverRole', 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:isthmus/prod-db-AbCdEf`),
    ).toBe('ImplicitlyDenied');
    expect(await decide('PreviewStepRole', 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:isthmus/prod-db-AbCdEf`)).toBe(
      'ImplicitlyDenied',
    );
    expect(
      await decide('ProductionDriverRole', 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:isthmus/prod-db-AbCdEf`),
    ).toBe('Allowed');
  });

  it("steps create secrets (the utilities plugin's keys and secrets.Writer) only under their tier's prefix and tagged, and change or delete only those", async () => {
    const secret = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-AbCdEf`;
    const tagged = { 'aws:RequestTag/isthmus:managed': 'true' };
    expect(await decide('PreviewStepRole', 'secretsmanager:CreateSecret', secret('isthmus/preview/key_private'), tagged)).toBe('Allowed');
    expect(await decide('PreviewStepRole', 'secretsmanager:CreateSecret', secret('isthmus/preview/key_private'))).toBe('ImplicitlyDenied');
    expect(await decide('PreviewStepRole', 'secretsmanager:CreateSecret', secret('isthmus/prod-db'), tagged)).toBe('ImplicitlyDenied');
    const managed = { 'aws:ResourceTag/isthmus:managed': 'true' };
    expect(await decide('ProductionStepRole', 'secretsmanager:DeleteSecret', secret('isthmus/key_public'), managed)).toBe('Allowed');
    expect(await decide('ProductionStepRole', 'secretsmanager:PutSecretValue', secret('isthmus/db'))).toBe('ImplicitlyDenied');
    expect(await decide('ProductionDriverRole', 'secretsmanager:CreateSecret', secret('isthmus/x'), tagged)).toBe('ImplicitlyDenied');
  });

  it('finding 4: roles are created only under the permissions boundary, get only allow-listed policies, and only owned roles are passed, to EKS/EC2 only', async () => {
    const create = { 'aws:RequestTag/isthmus:owner': 'prod/cluster_role_1' };
    expect(await decide('ProductionStepRole', 'iam:CreateRole', role('eks-cluster'), { ...create, 'iam:PermissionsBoundary': boundary() })).toBe('Allowed');
    expect(await decide('ProductionStepRole', 'iam:CreateRole', role('eks-cluster'), create)).toBe('ImplicitlyDenied');
    expect(
      await decide('ProductionStepRole', 'iam:CreateRole', role('eks-cluster'), {
        ...create,
        'iam:PermissionsBoundary': `arn:aws:iam::${ACCOUNT}:policy/Anything`,
      }),
    ).toBe('ImplicitlyDenied');
    expect(await decide('PreviewStepRole', 'iam:CreateRole', role('eks-cluster'), { ...create, 'iam:PermissionsBoundary': boundary() })).toBe(
      'ImplicitlyDenied',
    );
    const attach = (policy: string) =>
      decide('ProductionStepRole', 'iam:AttachRolePolicy', role('eks-cluster'), { [owner]: 'prod/cluster_role_1', 'iam:PolicyARN': policy });
    expect(await attach('arn:aws:iam::aws:policy/AmazonEKSClusterPolicy')).toBe('Allowed');
    expect(await attach('arn:aws:iam::aws:policy/AdministratorAccess')).toBe('ImplicitlyDenied');
    expect(await attach(`arn:aws:iam::${ACCOUNT}:policy/Anything`)).toBe('ImplicitlyDenied');
    // Never on a role Isthmus did not create (its own step role included).
    expect(
      await decide('ProductionStepRole', 'iam:AttachRolePolicy', role(logicalId('ProductionStepRole', 'AWS::IAM::Role')), {
        'iam:PolicyARN': 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
      }),
    ).toBe('ImplicitlyDenied');
    const pass = (tags: Record<string, string>, service: string) =>
      decide('PreviewStepRole', 'iam:PassRole', role('r'), { ...tags, 'iam:PassedToService': service });
    expect(await pass({ 'iam:ResourceTag/isthmus:owner': 'pr-3-app/role_1' }, 'eks.amazonaws.com')).toBe('Allowed');
    expect(await pass({ 'iam:ResourceTag/isthmus:owner': 'prod/role_1' }, 'eks.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await pass({}, 'eks.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await pass({ 'iam:ResourceTag/isthmus:owner': 'pr-3-app/role_1' }, 'lambda.amazonaws.com')).toBe('ImplicitlyDenied');
  });

  it('finding 4: EKS, EC2 and SSM only on what the tier owns or was tagged for; Route 53 only in the configured zones', async () => {
    expect(await decide('ProductionStepRole', 'eks:DeleteCluster', cluster('shop'), { [owner]: 'prod/cluster_1' })).toBe('Allowed');
    expect(await decide('ProductionStepRole', 'eks:DeleteCluster', cluster('someone-elses'))).toBe('ImplicitlyDenied');
    expect(await decide('PreviewStepRole', 'eks:DeleteCluster', cluster('shop'), { [owner]: 'prod/cluster_1' })).toBe('ImplicitlyDenied');
    expect(await decide('PreviewStepRole', 'eks:DeleteCluster', cluster('pr'), { [owner]: 'pr-3-app/cluster_1' })).toBe('Allowed');
    expect(await decide('PreviewStepRole', 'ec2:DeleteVpc', `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-1`, { [owner]: 'prod/vpc_1' })).toBe('ImplicitlyDenied');
    expect(
      await decide('PreviewStepRole', 'ec2:TerminateInstances', `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-1`, {
        'aws:ResourceTag/eks:nodegroup-name': 'ng',
      }),
    ).toBe('ImplicitlyDenied');
    const host = `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-2`;
    expect(await decide('ProductionStepRole', 'ssm:SendCommand', host, { 'ssm:resourceTag/isthmus:target': 'production' })).toBe('Allowed');
    expect(await decide('ProductionStepRole', 'ssm:SendCommand', host)).toBe('ImplicitlyDenied');
    expect(await decide('PreviewStepRole', 'ssm:SendCommand', host, { 'ssm:resourceTag/isthmus:target': 'production' })).toBe('ImplicitlyDenied');
    // AWS-owned documents have ARNs without an account, which the simulator's data cannot express.
    expect(policiesOf('ProductionStepRole').find((s) => s.Sid === 'SsmRunDocuments')!.Resource).toEqual([
      `arn:aws:ssm:${REGION}::document/AWS-RunPowerShellScript`,
      `arn:aws:ssm:${REGION}::document/AWS-RunShellScript`,
    ]);
    expect(await decide('ProductionStepRole', 'route53:ChangeResourceRecordSets', 'arn:aws:route53:::hostedzone/Z0PROD')).toBe('Allowed');
    expect(await decide('ProductionStepRole', 'route53:ChangeResourceRecordSets', 'arn:aws:route53:::hostedzone/ZOTHER')).toBe('ImplicitlyDenied');
  });

  it('grants no action wildcard in any role policy; only the role boundary (a cap, not a grant) names services with *', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
    );
    for (const r of Object.values(template.findResources('AWS::IAM::Role')) as Array<{ Properties: Record<string, unknown> }>) {
      expect(r.Properties['Policies']).toBeUndefined();
      expect(r.Properties['ManagedPolicyArns']).toBeUndefined();
    }
    for (const s of statements) {
      const actions = ([] as string[]).concat(s.Action);
      expect(
        actions.some((a) => a.includes('*')),
        JSON.stringify(s),
      ).toBe(false);
    }
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
  });

  it('refuses a repository that is not owner/repo or a wildcard branch, and warns when the immutable ids are missing', () => {
    const app = new App();
    expect(() => new IsthmusStack(app, 'Bad', { githubRepository: 'just-a-name', stepCodePath: dir })).toThrow(/owner\/repo/);
    expect(() => new IsthmusStack(app, 'Wild', { githubRepository: 'o/r', defaultBranch: '*', stepCodePath: dir })).toThrow(/branch name/);
    const warned = new IsthmusStack(app, 'NoIds', { githubRepository: 'o/r', stepCodePath: path.join(dir, 'step') });
    Annotations.fromStack(warned).hasWarning('*', Match.stringLikeRegexp('immutable subject claims need them'));
  });

  it.runIf(spawnSync('cfn-lint', ['--version']).status === 0)('passes cfn-lint (where it is installed)', () => {
    const r = spawnSync('cfn-lint', [path.join(dir, 'cdk.out', 'Isthmus.template.json')], { encoding: 'utf8' });
    // Exit status is a bit mask: 2 errors, 4 warnings, 8 informational. Errors fail; warnings are printed.
    expect((r.status ?? 2) & 2, r.stdout + r.stderr).toBe(0);
  });
});
