import { Annotations, ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import {
  Effect,
  FederatedPrincipal,
  ManagedPolicy,
  OidcProviderNative,
  PolicyStatement,
  Role,
  ServicePrincipal,
  type IOidcProvider,
} from 'aws-cdk-lib/aws-iam';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import { KubectlV33Layer } from '@aws-cdk/lambda-layer-kubectl-v33';
import { Architecture, Code, Function as LambdaFunction, Handler, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DEFAULT_SECRETS_PREFIX } from '../src/settings.js';
import { TABLE_DEFINITION } from '../src/state/table.js';
import { DEFAULT_ATTACHABLE_POLICIES, pluginStatements } from './plugin-permissions.js';

const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

export interface IsthmusStackProps extends StackProps {
  /** `owner/repo` allowed to assume the driver roles. */
  githubRepository: string;
  /** Numeric ids for GitHub's immutable `sub` claims (repo:owner@ID/repo@ID:…); without them only the classic format is trusted. */
  githubOwnerId?: string;
  githubRepositoryId?: string;
  /** An existing GitHub OIDC provider in the account (one per account); created when not given. */
  githubOidcProviderArn?: string;
  /** The bundled step Lambda (scripts/build-lambda.ts). */
  stepCodePath: string;
  /**
   * A Docker build context of the step Lambda with python3 (scripts/build-lambda.ts
   * `bundleStepImage`): when given, the step functions are container images built from it, so
   * Python scripts run in AWS mode. Without it, steps run on the nodejs24.x runtime and a `.py`
   * step fails saying python3 is not installed there.
   */
  stepImagePath?: string;
  /**
   * Helm in the step Lambda: the functions get AWS CDK's kubectl layer (helm at /opt/helm/helm,
   * found by the Helm plugin) and run on x86_64, the layer's architecture. Without it, Helm
   * operations need ISTHMUS_HELM or run in the runner (isthmus-runner-steps: helm).
   */
  helmSteps?: boolean;
  /** Secrets Manager names `get_secret` may read: this prefix (previews: `<prefix>preview/`). */
  secretsPrefix?: string;
  /** Production table name (previews get `<name>-preview`); generated when not given. */
  tableName?: string;
  /** The branch whose workflows (push, dispatch, schedule) may assume the production role. Default `main`. */
  defaultBranch?: string;
  /** GitHub environments whose jobs may assume the production role (`environment: <name>` in the job). */
  environments?: string[];
  /** Route 53 hosted zone ids whose records deployments may change; none: no Route 53 access. */
  hostedZoneIds?: string[];
  /** Managed policies roles Isthmus creates may get (names under arn:aws:iam::aws:policy/, or full ARNs). Default: what EKS needs. */
  attachablePolicies?: string[];
  /** Existing roles (ARNs) deployments may pass to EKS/EC2 (use_external_resource), besides those Isthmus creates. */
  passableRoleArns?: string[];
}

/** What separates previews from production: who may assume the driver role, and what it reaches. */
interface TierSpec {
  /** `production` or `preview`: names resources and the `isthmus:target` tag value of hosts. */
  name: 'production' | 'preview';
  /** OIDC `sub` values (after `repo:owner/repo:`) trusted for this tier. */
  subjects: string[];
  /** Owner-tag values (deployment/instance) this tier's steps may create and change. */
  ownerPattern: string;
  secretsPrefix: string;
  tableName?: string;
}

/**
 * One trust level of Isthmus: its own state table, step Lambda (whose role reaches only this
 * tier's secrets and resources) and the driver role that GitHub workflows of this tier assume.
 * A pull request's workflow (preview tier) can therefore neither read production secrets, nor
 * change production state, nor run a production step.
 */
class IsthmusTier extends Construct {
  readonly table: Table;
  readonly stepFunction: LambdaFunction;
  readonly driverRole: Role;

  constructor(
    scope: Stack,
    id: string,
    spec: TierSpec,
    shared: { provider: IOidcProvider; props: IsthmusStackProps; boundary: ManagedPolicy; attachable: string[] },
  ) {
    super(scope, id);
    const { props } = shared;
    this.table = new Table(this, 'State', {
      ...(spec.tableName ? { tableName: spec.tableName } : {}),
      partitionKey: { name: TABLE_DEFINITION.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_DEFINITION.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE_DEFINITION.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Deployments' state outlives the stack: deleting the stack must not delete it.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const secretsArn = scope.formatArn({
      service: 'secretsmanager',
      resource: 'secret',
      resourceName: `${spec.secretsPrefix}*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const readSecrets = new PolicyStatement({ sid: 'ReadIsthmusSecrets', actions: ['secretsmanager:GetSecretValue'], resources: [secretsArn] });
    const tableAccess = new PolicyStatement({
      sid: 'StateTable',
      actions: [
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:Query',
        'dynamodb:BatchGetItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:DescribeTable',
      ],
      resources: [this.table.tableArn],
    });

    const logGroup = new LogGroup(this, 'StepLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const stepRole = new Role(this, 'StepRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Isthmus ${spec.name} step Lambda: its state table, its secrets, its own logs, and what the shipped plugins manage for ${spec.name}`,
    });
    stepRole.addToPolicy(tableAccess);
    stepRole.addToPolicy(readSecrets);
    // The utilities plugin's key pairs and secrets.Writer: steps create secrets under the tier's
    // prefix, tagged as Isthmus's, and change or delete only secrets so tagged.
    stepRole.addToPolicy(
      new PolicyStatement({
        sid: 'CreateIsthmusSecrets',
        actions: ['secretsmanager:CreateSecret', 'secretsmanager:TagResource'],
        resources: [secretsArn],
        conditions: { StringEquals: { 'aws:RequestTag/isthmus:managed': 'true' } },
      }),
    );
    stepRole.addToPolicy(
      new PolicyStatement({
        sid: 'ChangeIsthmusManagedSecrets',
        actions: ['secretsmanager:PutSecretValue', 'secretsmanager:DeleteSecret'],
        resources: [secretsArn],
        conditions: { StringEquals: { 'aws:ResourceTag/isthmus:managed': 'true' } },
      }),
    );
    for (const statement of pluginStatements(scope, {
      ownerPattern: spec.ownerPattern,
      tier: spec.name,
      roleBoundaryArn: shared.boundary.managedPolicyArn,
      attachablePolicyArns: shared.attachable,
      passableRoleArns: props.passableRoleArns ?? [],
      hostedZoneIds: props.hostedZoneIds ?? [],
    })) {
      stepRole.addToPolicy(statement);
    }
    stepRole.addToPolicy(new PolicyStatement({ sid: 'OwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));

    const stepCode = props.stepImagePath
      ? { code: Code.fromAssetImage(props.stepImagePath, { platform: Platform.LINUX_ARM64 }), handler: Handler.FROM_IMAGE, runtime: Runtime.FROM_IMAGE }
      : { code: Code.fromAsset(props.stepCodePath), handler: 'index.handler', runtime: Runtime.NODEJS_24_X };
    if (props.helmSteps && props.stepImagePath)
      throw new Error('helmSteps gives the step Lambda a layer, which container-image functions (pythonSteps) cannot have: choose one');
    this.stepFunction = new LambdaFunction(this, 'Step', {
      ...stepCode,
      // The kubectl layer's helm is an x86_64 binary.
      architecture: props.helmSteps ? Architecture.X86_64 : Architecture.ARM_64,
      ...(props.helmSteps ? { layers: [new KubectlV33Layer(this, 'HelmLayer')] } : {}),
      memorySize: 1024,
      // A step does one operation; long waits are retries, so 15 minutes is a ceiling, not a plan.
      timeout: Duration.minutes(15),
      role: stepRole,
      logGroup,
      environment: {
        STATE_TABLE: this.table.tableName,
        ISTHMUS_SECRETS_PREFIX: spec.secretsPrefix,
        ISTHMUS_ROLE_BOUNDARY_ARN: shared.boundary.managedPolicyArn,
        NODE_OPTIONS: '--enable-source-maps',
      },
      description: `Isthmus ${spec.name} step handler: runs one operation of a workflow`,
    });

    const [owner, repo] = props.githubRepository.split('/') as [string, string];
    const prefixes = [
      `repo:${owner}/${repo}:`,
      ...(props.githubOwnerId && props.githubRepositoryId ? [`repo:${owner}@${props.githubOwnerId}/${repo}@${props.githubRepositoryId}:`] : []),
    ];
    this.driverRole = new Role(this, 'DriverRole', {
      assumedBy: new FederatedPrincipal(
        shared.provider.oidcProviderArn,
        {
          StringEquals: {
            [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com',
            [`${GITHUB_OIDC_HOST}:sub`]: prefixes.flatMap((p) => spec.subjects.map((s) => `${p}${s}`)),
          },
        },
        'sts:AssumeRoleWithWebIdentity',
      ),
      description: `Isthmus ${spec.name} driver for GitHub repository ${props.githubRepository} (${spec.subjects.join(', ')})`,
      maxSessionDuration: Duration.hours(6),
    });
    this.driverRole.addToPolicy(tableAccess);
    this.driverRole.addToPolicy(
      new PolicyStatement({ sid: 'InvokeStep', effect: Effect.ALLOW, actions: ['lambda:InvokeFunction'], resources: [this.stepFunction.functionArn] }),
    );
    this.driverRole.addToPolicy(readSecrets);

    const title = spec.name === 'production' ? 'Production' : 'Preview';
    new CfnOutput(scope, `${title}StepFunctionArn`, {
      value: this.stepFunction.functionArn,
      description: `step-function input of the action (${spec.name} workflows)`,
    });
    new CfnOutput(scope, `${title}StateTableName`, { value: this.table.tableName, description: `state-table input of the action (${spec.name} workflows)` });
    new CfnOutput(scope, `${title}DriverRoleArn`, {
      value: this.driverRole.roleArn,
      description: `role-to-assume of aws-actions/configure-aws-credentials in ${spec.name} workflows (${spec.subjects.join(', ')})`,
    });
    new CfnOutput(scope, `${title}SecretsPrefix`, {
      value: spec.secretsPrefix,
      description: `secrets-prefix input of the action; get_secret NAME reads ${spec.secretsPrefix}NAME`,
    });
  }
}

/**
 * The serverless side of Isthmus in a user's account, in two tiers that share nothing but the
 * OIDC provider and the role boundary: **production** (assumed only by workflows on the default
 * branch or in the named GitHub environments) and **preview** (assumed only by `pull_request`
 * workflows; reaches only `pr-*` deployments' resources, `<prefix>preview/` secrets, its own
 * table and step Lambda).
 */
export class IsthmusStack extends Stack {
  readonly production: IsthmusTier;
  readonly preview: IsthmusTier;
  readonly roleBoundary: ManagedPolicy;

  constructor(scope: Construct, id: string, props: IsthmusStackProps) {
    super(scope, id, props);
    if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(props.githubRepository))
      throw new Error(`githubRepository must be owner/repo, not '${props.githubRepository}'`);
    const branch = props.defaultBranch ?? 'main';
    if (!/^[A-Za-z0-9._/-]+$/.test(branch) || branch.includes('*')) throw new Error(`defaultBranch must be a branch name, not '${branch}'`);
    for (const env of props.environments ?? [])
      if (!/^[A-Za-z0-9._ -]+$/.test(env)) throw new Error(`environment names are letters, digits, '.', '_', '-' and spaces, not '${env}'`);
    const prefix = props.secretsPrefix ?? DEFAULT_SECRETS_PREFIX;

    // The native AWS::IAM::OIDCProvider resource: no custom-resource Lambda with IAM rights on *.
    const provider: IOidcProvider = props.githubOidcProviderArn
      ? OidcProviderNative.fromOidcProviderArn(this, 'GitHubOidc', props.githubOidcProviderArn)
      : new OidcProviderNative(this, 'GitHubOidc', {
          url: `https://${GITHUB_OIDC_HOST}`,
          clientIds: ['sts.amazonaws.com'],
          removalPolicy: RemovalPolicy.RETAIN,
        });
    if (!(props.githubOwnerId && props.githubRepositoryId)) {
      Annotations.of(this).addWarning(
        'githubOwnerId and githubRepositoryId are not set: only the classic (name-based) OIDC subject is trusted; repositories with immutable subject claims need them',
      );
    }

    // Every role a deployment creates (EKS cluster and node roles) must carry this boundary: it caps
    // what such a role can ever do, whatever policies it gets — no IAM, no secrets, no state table.
    this.roleBoundary = new ManagedPolicy(this, 'RoleBoundary', {
      description: 'Isthmus: the most that a role created by a deployment may do (EKS cluster, node and add-on roles)',
      statements: [
        new PolicyStatement({
          sid: 'EksWorkloads',
          actions: [
            'ec2:*',
            'elasticloadbalancing:*',
            'autoscaling:*',
            'eks:*',
            'ecr:BatchCheckLayerAvailability',
            'ecr:BatchGetImage',
            'ecr:GetAuthorizationToken',
            'ecr:GetDownloadUrlForLayer',
            'ecr:DescribeRepositories',
            'ecr:ListImages',
            'ssm:*',
            'ssmmessages:*',
            'ec2messages:*',
            'logs:*',
            'cloudwatch:*',
            'kms:DescribeKey',
            'kms:CreateGrant',
            'kms:ListGrants',
            'kms:RevokeGrant',
            'sts:AssumeRoleWithWebIdentity',
            'sts:TagSession',
          ],
          resources: ['*'],
        }),
        new PolicyStatement({ sid: 'ServiceLinkedRoles', actions: ['iam:CreateServiceLinkedRole'], resources: ['*'] }),
      ],
    });
    const attachable = (props.attachablePolicies ?? DEFAULT_ATTACHABLE_POLICIES).map((p) =>
      p.startsWith('arn:') ? p : `arn:${this.partition}:iam::aws:policy/${p}`,
    );

    const shared = { provider, props, boundary: this.roleBoundary, attachable };
    this.production = new IsthmusTier(
      this,
      'Production',
      {
        name: 'production',
        subjects: [`ref:refs/heads/${branch}`, ...(props.environments ?? []).map((e) => `environment:${e}`)],
        ownerPattern: '*',
        secretsPrefix: prefix,
        ...(props.tableName ? { tableName: props.tableName } : {}),
      },
      shared,
    );
    this.preview = new IsthmusTier(
      this,
      'Preview',
      {
        name: 'preview',
        subjects: ['pull_request'],
        ownerPattern: 'pr-*',
        secretsPrefix: `${prefix}preview/`,
        ...(props.tableName ? { tableName: `${props.tableName}-preview` } : {}),
      },
      shared,
    );
  }
}
