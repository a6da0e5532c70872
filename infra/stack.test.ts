import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleStepLambda } from '../scripts/build-lambda.js';
import { IsthmusStack } from './stack.js';

/** The stack synthesized offline, and what it grants, statement by statement. */
describe('IsthmusStack', () => {
  let dir: string;
  let template: Template;
  let stack: IsthmusStack;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'isthmus-infra-'));
    const code = await bundleStepLambda(path.join(dir, 'step'));
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    stack = new IsthmusStack(app, 'Isthmus', { githubRepository: 'octo-org/shop', githubOwnerId: '123', githubRepositoryId: '456', stepCodePath: code, env: { account: '111122223333', region: 'eu-west-1' } });
    template = Template.fromStack(stack);
    app.synth();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps state in one on-demand table with the state schema, TTL on events, PITR, retained on delete', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'expiresAtEpoch', Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      },
    });
  });

  it('runs the step Lambda on nodejs24.x, arm64, with the table in its environment', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 900,
      Environment: { Variables: { STATE_TABLE: Match.anyValue(), ISTHMUS_SECRETS_PREFIX: 'isthmus/' } },
    });
  });

  it('grants nothing as * on *, and each role exactly its statements', () => {
    type Statement = { Action: string | string[]; Resource: unknown; Sid?: string };
    const policies = template.findResources('AWS::IAM::Policy');
    const statements = Object.values(policies).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement);
    // No inline role policies and no managed policies anywhere (a custom-resource Lambda would bring both).
    for (const role of Object.values(template.findResources('AWS::IAM::Role')) as Array<{ Properties: Record<string, unknown> }>) {
      expect(role.Properties['Policies']).toBeUndefined();
      expect(role.Properties['ManagedPolicyArns']).toBeUndefined();
    }
    expect(Object.keys(template.findResources('AWS::Lambda::Function'))).toHaveLength(1);
    template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    for (const s of statements) {
      const actions = ([] as string[]).concat(s.Action);
      expect(actions.some((a) => a === '*' || a.endsWith(':*')), JSON.stringify(s)).toBe(false);
      // On every resource, only actions named one by one (EC2 reads have no resource-level permissions).
      if (s.Resource === '*') expect(actions.every((a) => !a.includes('*')), JSON.stringify(s)).toBe(true);
    }
    const sids = statements.map((s) => s.Sid).sort();
    expect(sids).toEqual(['Ec2ChangeOwned', 'Ec2CreateTagged', 'Ec2Read', 'Ec2TagOnCreate', 'Eks', 'IamRolesChangeOwned', 'IamRolesCreateTagged', 'IamRolesRead', 'InvokeStep', 'OwnLogs', 'PassRolesToEks', 'ReadIsthmusSecrets', 'ReadIsthmusSecrets', 'ReplaceNodeGroupInstances', 'Route53Records', 'SsmReadCommands', 'SsmRunCommand', 'StateTable', 'StateTable']);
    // Changes to EC2 resources and IAM roles only where Isthmus's owner tag is.
    type Conditioned = Statement & { Condition?: Record<string, Record<string, unknown>> };
    for (const sid of ['Ec2ChangeOwned', 'IamRolesChangeOwned']) expect((statements.find((s) => s.Sid === sid) as Conditioned).Condition).toEqual({ StringLike: { 'aws:ResourceTag/isthmus:owner': '*' } });
    for (const sid of ['Ec2CreateTagged', 'IamRolesCreateTagged']) expect((statements.find((s) => s.Sid === sid) as Conditioned).Condition).toEqual({ StringLike: { 'aws:RequestTag/isthmus:owner': '*' } });
    const secrets = statements.find((s) => s.Sid === 'ReadIsthmusSecrets')!;
    expect(JSON.stringify(secrets.Resource)).toContain(':secret:isthmus/*');
    expect(secrets.Action).toBe('secretsmanager:GetSecretValue');
  });

  it('lets only the repository assume the driver role through GitHub OIDC, in both subject formats', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRoleWithWebIdentity',
            Effect: 'Allow',
            Principal: { Federated: Match.anyValue() },
            Condition: {
              StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
              StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:octo-org/shop:*', 'repo:octo-org@123/shop@456:*'] },
            },
          },
        ],
      },
    });
    template.hasOutput('DriverRoleArn', {});
    template.hasOutput('StepFunctionArn', {});
    template.hasOutput('StateTableName', {});
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  it('refuses a repository that is not owner/repo, and warns when the immutable ids are missing', async () => {
    const app = new App();
    expect(() => new IsthmusStack(app, 'Bad', { githubRepository: 'just-a-name', stepCodePath: dir })).toThrow(/owner\/repo/);
    const warned = new IsthmusStack(app, 'NoIds', { githubRepository: 'o/r', stepCodePath: path.join(dir, 'step') });
    Annotations.fromStack(warned).hasWarning('*', Match.stringLikeRegexp('immutable subject claims need them'));
  });

  it.runIf(spawnSync('cfn-lint', ['--version']).status === 0)('passes cfn-lint (where it is installed)', () => {
    const r = spawnSync('cfn-lint', [path.join(dir, 'cdk.out', 'Isthmus.template.json')], { encoding: 'utf8' });
    // Exit status is a bit mask: 2 errors, 4 warnings, 8 informational. Errors fail; warnings are printed.
    expect((r.status ?? 2) & 2, r.stdout + r.stderr).toBe(0);
  });
});
