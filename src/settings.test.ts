import { describe, expect, it } from 'vitest';
import { parseDriverSettings, parsePluginSettings, parseRunnerSettings, parseStepSettings, SettingsError } from './settings.js';

describe('settings parsed once from the environment', () => {
  it('local mode by default, with the default secrets prefix and no endpoints', () => {
    const s = parseDriverSettings({});
    expect(s).toMatchObject({ mode: 'local', secretsPrefix: 'isthmus/', secretVariables: {} });
    expect(s.stateTable).toBeUndefined();
    expect(s.plugins.awsWaitScale).toBe(1);
  });

  it('reads AWS mode, its resources and endpoints, the lease and only the ISTHMUS_SECRET_* variables', () => {
    const s = parseDriverSettings({
      ISTHMUS_MODE: 'aws',
      ISTHMUS_STATE_TABLE: 'table',
      ISTHMUS_STEP_FUNCTION: 'step',
      ISTHMUS_DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
      ISTHMUS_LEASE_MS: '600',
      ISTHMUS_SECRETS_PREFIX: 'team/',
      ISTHMUS_SECRET_DB: 'pw',
      AWS_SECRET_ACCESS_KEY: 'not a secret variable of ours',
      AWS_DEFAULT_REGION: 'eu-west-1',
    });
    expect(s).toMatchObject({
      mode: 'aws',
      stateTable: 'table',
      stepFunction: 'step',
      dynamoDbEndpoint: 'http://127.0.0.1:1',
      leaseMs: 600,
      secretsPrefix: 'team/',
    });
    expect(s.secretVariables).toEqual({ ISTHMUS_SECRET_DB: 'pw' });
    expect(s.plugins.defaultRegion).toBe('eu-west-1');
  });

  it('refuses values it cannot use, naming the variable', () => {
    expect(() => parseDriverSettings({ ISTHMUS_MODE: 'cloud' })).toThrow(SettingsError);
    expect(() => parseDriverSettings({ ISTHMUS_MODE: 'cloud' })).toThrow(/ISTHMUS_MODE: 'cloud' is neither/);
    expect(() => parseDriverSettings({ ISTHMUS_LEASE_MS: '10s' })).toThrow(/ISTHMUS_LEASE_MS: '10s' is not a positive whole number/);
    expect(() => parsePluginSettings({ ISTHMUS_AWS_WAIT_SCALE: '-1' })).toThrow(/ISTHMUS_AWS_WAIT_SCALE/);
    expect(() => parsePluginSettings({ ISTHMUS_ROLE_BOUNDARY_ARN: 'IsthmusRoleBoundary' })).toThrow(/not the ARN of an IAM managed policy/);
  });

  it('gives plugins what they read: region, boundary, kubeconfig override, script user and a minimal script environment', () => {
    const p = parsePluginSettings({
      AWS_REGION: 'us-east-2',
      AWS_DEFAULT_REGION: 'eu-west-1',
      ISTHMUS_ROLE_BOUNDARY_ARN: 'arn:aws-us-gov:iam::123456789012:policy/b',
      ISTHMUS_KUBECONFIG_OVERRIDE: '/k',
      ISTHMUS_SCRIPT_USER: 'nobody',
      ISTHMUS_AWS_WAIT_SCALE: '0',
      PATH: '/bin',
      SECRET: 'x',
    });
    expect(p).toEqual({
      defaultRegion: 'us-east-2',
      roleBoundaryArn: 'arn:aws-us-gov:iam::123456789012:policy/b',
      kubeconfigOverride: '/k',
      scriptUser: 'nobody',
      awsWaitScale: 0,
      scriptEnvironment: { PATH: '/bin', LANG: 'C.UTF-8' },
    });
  });

  it('the step Lambda needs its state table', () => {
    expect(() => parseStepSettings({})).toThrow(/STATE_TABLE: is not set/);
    expect(parseStepSettings({ STATE_TABLE: 't', ISTHMUS_BLUEPRINT_ROOT: '/src' })).toMatchObject({
      stateTable: 't',
      blueprintRoot: '/src',
      secretsPrefix: 'isthmus/',
    });
  });

  it('reads the runner of a GitHub job', () => {
    expect(parseRunnerSettings({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7', GITHUB_API_URL: 'https://ghe/api/v3' })).toEqual({
      repository: 'o/r',
      runId: '7',
      apiUrl: 'https://ghe/api/v3',
    });
  });
});
