import { Annotations, ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { pluginStatements } from './plugin-permissions.js';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, FederatedPrincipal, OidcProviderNative, PolicyStatement, Role, ServicePrincipal, type IOidcProvider } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { secretsPrefix } from '../src/runtime/secrets-prefix.js';
import { TABLE_DEFINITION } from '../src/state/table.js';

const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

export interface IsthmusStackProps extends StackProps {
  /** `owner/repo` allowed to assume the driver role. */
  githubRepository: string;
  /** Numeric ids for GitHub's immutable `sub` claims (repo:owner@ID/repo@ID:…); without them only the classic format is trusted. */
  githubOwnerId?: string;
  githubRepositoryId?: string;
  /** An existing GitHub OIDC provider in the account (one per account); created when not given. */
  githubOidcProviderArn?: string;
  /** The bundled step Lambda (scripts/build-lambda.ts). */
  stepCodePath: string;
  /** Secrets Manager names `get_secret` may read: this prefix. */
  secretsPrefix?: string;
  tableName?: string;
}

/**
 * The serverless side of Isthmus in a user's account: the state table, the step Lambda with only
 * what the shipped plugins need, and the role GitHub Actions assumes through OIDC for one repository.
 */
export class IsthmusStack extends Stack {
  readonly table: Table;
  readonly stepFunction: LambdaFunction;
  readonly driverRole: Role;

  constructor(scope: Construct, id: string, props: IsthmusStackProps) {
    super(scope, id, props);
    if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(props.githubRepository)) throw new Error(`githubRepository must be owner/repo, not '${props.githubRepository}'`);
    const prefix = props.secretsPrefix ?? secretsPrefix({});

    this.table = new Table(this, 'State', {
      ...(props.tableName ? { tableName: props.tableName } : {}),
      partitionKey: { name: TABLE_DEFINITION.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_DEFINITION.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE_DEFINITION.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Deployments' state outlives the stack: deleting the stack must not delete it.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const secretsArn = this.formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: `${prefix}*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const readSecrets = new PolicyStatement({ sid: 'ReadIsthmusSecrets', actions: ['secretsmanager:GetSecretValue'], resources: [secretsArn] });
    const tableAccess = (sid: string) =>
      new PolicyStatement({
        sid,
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'],
        resources: [this.table.tableArn],
      });

    const logGroup = new LogGroup(this, 'StepLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const stepRole = new Role(this, 'StepRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: 'Isthmus step Lambda: state table, its secrets, its own logs, and what the shipped plugins manage' });
    stepRole.addToPolicy(tableAccess('StateTable'));
    stepRole.addToPolicy(readSecrets);
    for (const statement of pluginStatements(this)) stepRole.addToPolicy(statement);
    stepRole.addToPolicy(new PolicyStatement({ sid: 'OwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));

    this.stepFunction = new LambdaFunction(this, 'Step', {
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      handler: 'index.handler',
      code: Code.fromAsset(props.stepCodePath),
      memorySize: 1024,
      // A step does one operation; long waits are retries, so 15 minutes is a ceiling, not a plan.
      timeout: Duration.minutes(15),
      role: stepRole,
      logGroup,
      environment: { STATE_TABLE: this.table.tableName, ISTHMUS_SECRETS_PREFIX: prefix, NODE_OPTIONS: '--enable-source-maps' },
      description: 'Isthmus step handler: runs one operation of a workflow',
    });

    // The native AWS::IAM::OIDCProvider resource: no custom-resource Lambda with IAM rights on *.
    const provider: IOidcProvider = props.githubOidcProviderArn
      ? OidcProviderNative.fromOidcProviderArn(this, 'GitHubOidc', props.githubOidcProviderArn)
      : new OidcProviderNative(this, 'GitHubOidc', { url: `https://${GITHUB_OIDC_HOST}`, clientIds: ['sts.amazonaws.com'], removalPolicy: RemovalPolicy.RETAIN });
    const [owner, repo] = props.githubRepository.split('/') as [string, string];
    const subjects = [`repo:${owner}/${repo}:*`];
    if (props.githubOwnerId && props.githubRepositoryId) subjects.push(`repo:${owner}@${props.githubOwnerId}/${repo}@${props.githubRepositoryId}:*`);
    else Annotations.of(this).addWarning('githubOwnerId and githubRepositoryId are not set: only the classic (name-based) OIDC subject is trusted; repositories with immutable subject claims need them');
    this.driverRole = new Role(this, 'DriverRole', {
      assumedBy: new FederatedPrincipal(
        provider.oidcProviderArn,
        { StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB_OIDC_HOST}:sub`]: subjects } },
        'sts:AssumeRoleWithWebIdentity',
      ),
      description: `Isthmus driver for GitHub repository ${props.githubRepository}`,
      maxSessionDuration: Duration.hours(6),
    });
    this.driverRole.addToPolicy(tableAccess('StateTable'));
    this.driverRole.addToPolicy(new PolicyStatement({ sid: 'InvokeStep', effect: Effect.ALLOW, actions: ['lambda:InvokeFunction'], resources: [this.stepFunction.functionArn] }));
    this.driverRole.addToPolicy(readSecrets);

    new CfnOutput(this, 'StepFunctionArn', { value: this.stepFunction.functionArn, description: 'step-function input of the action' });
    new CfnOutput(this, 'StateTableName', { value: this.table.tableName, description: 'state-table input of the action' });
    new CfnOutput(this, 'DriverRoleArn', { value: this.driverRole.roleArn, description: 'role-to-assume of aws-actions/configure-aws-credentials' });
  }
}
