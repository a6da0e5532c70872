import * as core from '@actions/core';
import { context } from '@actions/github';
import path from 'node:path';
import type { YamlValue } from '../dsl/index.js';
import { openDriverEnvironment, stopLocalState } from '../compose.js';
import { parseDriverSettings, parseRunnerSettings, type DriverSettings } from '../settings.js';
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

/**
 * The runner's settings with the action's inputs over them: `mode`, `state-table`,
 * `step-function`, `aws-region` and `secrets-prefix` name what ISTHMUS_* variables would.
 */
function driverSettings(inputs: ActionInputs, base: DriverSettings): DriverSettings {
  if (inputs.mode === 'local') return { ...base, mode: 'local' };
  if (!inputs.stateTable || !inputs.stepFunction) throw new InputError("mode 'aws' needs the 'state-table' and 'step-function' inputs");
  return {
    ...base,
    mode: 'aws',
    stateTable: inputs.stateTable,
    stepFunction: inputs.stepFunction,
    ...(inputs.secretsPrefix ? { secretsPrefix: inputs.secretsPrefix } : {}),
    ...(inputs.awsRegion ? { plugins: { ...base.plugins, defaultRegion: inputs.awsRegion } } : {}),
  };
}

/** The action's entry point (bundled to dist/index.js): wires @actions/core and the event to runAction. */
async function main(): Promise<void> {
  const inputs = readInputs((name) => core.getInput(name));
  const runnerSettings = parseRunnerSettings(process.env);
  const baseSettings = parseDriverSettings(process.env);
  const workspace = runnerSettings.workspace ?? process.cwd();
  const { serverUrl, repository, runId } = runnerSettings;
  const runUrl = serverUrl && repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined;
  const [owner, repo] = (repository ?? '/').split('/');
  // mode local: a DynamoDB Local of this job only (its state goes with the runner: for trials); steps run in the runner.
  const localState = path.join(runnerSettings.runnerTemp ?? workspace, 'isthmus-local');
  const maxParallel = inputs.maxParallel ? { maxParallel: inputs.maxParallel } : {};
  const openEnvironment = async (onSecret: (value: YamlValue) => void) => {
    // Checked when the run opens its state, so a wrong input is reported like every other failure.
    const settings = driverSettings(inputs, baseSettings);
    core.info(
      settings.mode === 'local'
        ? 'mode local: state in a DynamoDB Local of this job, steps run in the runner'
        : `mode aws: state in ${settings.stateTable}, steps run by ${settings.stepFunction}`,
    );
    return openDriverEnvironment(
      settings,
      settings.mode === 'local' ? { stateDir: localState, blueprintRoot: process.cwd(), onSecret, ...maxParallel } : { onSecret, ...maxParallel },
    );
  };
  const github =
    inputs.githubToken && owner && repo
      ? gitHubPort(inputs.githubToken, owner, repo, {
          ...(inputs.commentAuthor ? { author: inputs.commentAuthor } : {}),
          ...(runnerSettings.apiUrl ? { apiUrl: runnerSettings.apiUrl } : {}),
        })
      : undefined;
  try {
    await runAction({
      inputs,
      context: { eventName: context.eventName, payload: context.payload, ref: context.ref, workspace, ...(runUrl ? { runUrl } : {}) },
      runner,
      openEnvironment,
      ...(github ? { github } : {}),
    });
  } finally {
    if (inputs.mode === 'local') stopLocalState(localState);
  }
}

main().catch((err: unknown) => core.setFailed(err instanceof Error ? err.message : String(err)));
