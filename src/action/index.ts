import * as core from '@actions/core';
import { context } from '@actions/github';
import path from 'node:path';
import { openAwsEnvironment, openLocalEnvironment } from '../cli/local.js';
import { gitHubPort } from './github.js';
import { InputError, readInputs } from './inputs.js';
import { runAction } from './main.js';

/** The action's entry point (bundled to dist/index.js): wires @actions/core and the event to runAction. */
async function main(): Promise<void> {
  const inputs = readInputs((name) => core.getInput(name));
  const workspace = process.env['GITHUB_WORKSPACE'] ?? process.cwd();
  const runUrl = process.env['GITHUB_SERVER_URL'] && process.env['GITHUB_REPOSITORY'] && process.env['GITHUB_RUN_ID'] ? `${process.env['GITHUB_SERVER_URL']}/${process.env['GITHUB_REPOSITORY']}/actions/runs/${process.env['GITHUB_RUN_ID']}` : undefined;
  const [owner, repo] = (process.env['GITHUB_REPOSITORY'] ?? '/').split('/');
  await runAction({
    inputs,
    context: { eventName: context.eventName, payload: context.payload, ref: context.ref, workspace, ...(runUrl ? { runUrl } : {}) },
    runner: {
      info: (m) => core.info(m),
      warning: (m) => core.warning(m),
      annotate: (level, message, at) => (level === 'error' ? core.error(message, at) : core.warning(message, at)),
      setOutput: (n, v) => core.setOutput(n, v),
      setSecret: (v) => core.setSecret(v),
      appendSummary: async (md) => {
        await core.summary.addRaw(md, true).write();
      },
      setFailed: (m) => core.setFailed(m),
    },
    openEnvironment: () => {
      if (inputs.mode === 'local') return openLocalEnvironment({ stateDir: path.join(process.env['RUNNER_TEMP'] ?? workspace, 'isthmus-local'), ...(inputs.maxParallel ? { maxParallel: inputs.maxParallel } : {}) });
      if (!inputs.stateTable || !inputs.stepFunction) throw new InputError("mode 'aws' needs the 'state-table' and 'step-function' inputs");
      const dynamoDbEndpoint = process.env['ISTHMUS_DYNAMODB_ENDPOINT'];
      const lambdaEndpoint = process.env['ISTHMUS_LAMBDA_ENDPOINT'];
      return openAwsEnvironment({
        tableName: inputs.stateTable,
        functionName: inputs.stepFunction,
        ...(inputs.awsRegion ? { region: inputs.awsRegion } : {}),
        ...(dynamoDbEndpoint ? { dynamoDbEndpoint } : {}),
        ...(lambdaEndpoint ? { lambdaEndpoint } : {}),
        ...(inputs.maxParallel ? { maxParallel: inputs.maxParallel } : {}),
      });
    },
    ...(inputs.githubToken && owner && repo ? { github: gitHubPort(inputs.githubToken, owner, repo) } : {}),
  });
}

main().catch((err: unknown) => core.setFailed(err instanceof Error ? err.message : String(err)));
