/**
 * `npm run infra:synth -- owner/repo` (or `npx cdk deploy`, cdk.json names this app): the Isthmus
 * stack for one repository. Context: -c githubRepository=owner/repo [-c githubOwnerId=N -c githubRepositoryId=N]
 * [-c githubOidcProviderArn=ARN] [-c secretsPrefix=isthmus/] [-c defaultBranch=main] [-c environments=production,staging]
 * [-c hostedZoneIds=Z1,Z2] [-c attachablePolicies=AmazonEKSClusterPolicy,…] [-c passableRoleArns=arn:…]
 * [-c pythonSteps=true] (step Lambdas as container images with python3; needs Docker to deploy)
 * [-c helmSteps=true] (step Lambdas on x86_64 with AWS CDK's kubectl layer: helm for the Helm plugin).
 */
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { bundleStepImage, bundleStepLambda } from '../scripts/build-lambda.js';
import { IsthmusStack } from './stack.js';

// Under the cdk CLI, CDK_OUTDIR says where; run directly, the template goes to cdk.out/.
const app = new App({ outdir: process.env['CDK_OUTDIR'] ?? 'cdk.out' });
const ctx = (k: string) => app.node.tryGetContext(k) as string | undefined;
const githubRepository = ctx('githubRepository') ?? process.argv[2] ?? process.env['GITHUB_REPOSITORY'];
if (!githubRepository) throw new Error('give the repository: cdk synth -c githubRepository=owner/repo (or npm run infra:synth -- owner/repo)');
const stepCodePath = await bundleStepLambda();
// -c pythonSteps=true: step Lambdas as container images with python3 (Cloudify's Python scripts in AWS mode).
const stepImagePath = ctx('pythonSteps') === 'true' ? await bundleStepImage() : undefined;
const optional = Object.fromEntries(
  ['githubOwnerId', 'githubRepositoryId', 'githubOidcProviderArn', 'secretsPrefix', 'tableName', 'defaultBranch'].flatMap((k) =>
    ctx(k) ? [[k, ctx(k)!]] : [],
  ),
);
// Lists as comma-separated context values: -c environments=production,staging -c hostedZoneIds=Z1,Z2
const lists = Object.fromEntries(
  ['environments', 'hostedZoneIds', 'attachablePolicies', 'passableRoleArns'].flatMap((k) =>
    ctx(k)
      ? [
          [
            k,
            ctx(k)!
              .split(',')
              .map((v) => v.trim())
              .filter(Boolean),
          ],
        ]
      : [],
  ),
);
new IsthmusStack(app, ctx('stackName') ?? 'Isthmus', {
  githubRepository,
  stepCodePath,
  ...(stepImagePath ? { stepImagePath } : {}),
  ...(ctx('helmSteps') === 'true' ? { helmSteps: true } : {}),
  ...optional,
  ...lists,
  env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] },
});
const assembly = app.synth();
if (!process.env['CDK_OUTDIR']) process.stdout.write(`${assembly.stacks.map((s) => path.join(assembly.directory, s.templateFile)).join('\n')}\n`);
