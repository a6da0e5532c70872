import * as core from '@actions/core';
import { context } from '@actions/github';
import path from 'node:path';
import type { YamlValue } from '../dsl/index.js';
import { openAwsEnvironment, openLocalEnvironment, stopLocalDynamoDb, type LocalEnvironment } from '../cli/local.js';
import { gitHubPort } from './github.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { runAction, type Runner } from './main.js';

const runner: Runner = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  annotate: (level, message, at) => (level === 'error' ? core.error(message, at) : core.warning(message, at)),
  setOutput: (n, v) => core.setOutput(n, v),
  setSecret: (v) => core.setSecret(v),
  appendSummary: async (md) => {
    await core.summary.addRaw(md, true).write();
  },
  setFailed: (m) => core.setFailed(m),
};

/** mode local: a DynamoDB Local of this job only (its state goes with the runner: for trials); steps run in the runner. */
function openLocal(inputs: ActionInputs, stateDir: string, onSecret: (value: YamlValue) => void): Promise<LocalEnvironment> {
  core.info('mode local: state in a DynamoDB Local of this job, steps run in the runner');
  return openLocalEnvironment({ stateDir, blueprintRoot: process.cwd(), onSecret, ...(inputs.maxParallel ? { maxParallel: inputs.maxParallel } : {}) });
}

/** mode aws: the state table and the step Lambda (endpoint overrides serve local trials and tests). */
function openAws(inputs: ActionInputs, onSecret: (value: YamlValue) => void): Promise<LocalEnvironment> {
  if (!inputs.stateTable || !inputs.stepFunction) throw new InputError("mode 'aws' needs the 'state-table' and 'step-function' inputs");
  const dynamoDbEndpoint = process.env['ISTHMUS_DYNAMODB_ENDPOINT'];
  const lambdaEndpoint = process.env['ISTHMUS_LAMBDA_ENDPOINT'];
  return openAwsEnvironment({
    tableName: inputs.stateTable,
    functionName: inputs.stepFunction,
    onSecret,
    ...(inputs.secretsPrefix ? { secretsPrefix: inputs.secretsPrefix } : {}),
    ...(inputs.awsRegion ? { region: inputs.awsRegion } : {}),
    ...(dynamoDbEndpoint ? { dynamoDbEndpoint } : {}),
    ...(lambdaEndpoint ? { lambdaEndpoint } : {}),
    ...(inputs.maxParallel ? { maxParallel: inputs.maxParallel } : {}),
  });
}

/** The action's entry point (bundled to dist/index.js): wires @actions/core and the event to runAction. */
async function main(): Promise<void> {
  const inputs = readInputs((name) => core.getInput(name));
  const workspace = process.env['GITHUB_WORKSPACE'] ?? process.cwd();
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = process.env;
  const runUrl = server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined;
  const [owner, repo] = (repository ?? '/').split('/');
  const localState = path.join(process.env['RUNNER_TEMP'] ?? workspace, 'isthmus-local');
  try {
    await runAction({
      inputs,
      context: { eventName: context.eventName, payload: context.payload, ref: context.ref, workspace, ...(runUrl ? { runUrl } : {}) },
      runner,
      openEnvironment: (onSecret) => (inputs.mode === 'local' ? openLocal(inputs, localState, onSecret) : openAws(inputs, onSecret)),
      ...(inputs.githubToken && owner && repo ? { github: gitHubPort(inputs.githubToken, owner, repo, { ...(inputs.commentAuthor ? { author: inputs.commentAuthor } : {}), ...(process.env['GITHUB_API_URL'] ? { apiUrl: process.env['GITHUB_API_URL'] } : {}) }) } : {}),
    });
  } finally {
    if (inputs.mode === 'local') stopLocalDynamoDb(localState);
  }
}

main().catch((err: unknown) => core.setFailed(err instanceof Error ? err.message : String(err)));
