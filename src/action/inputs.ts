import { IsthmusError } from '../errors.js';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { YamlMap } from '../dsl/index.js';

/** The action's inputs (action.yml), typed. */
export interface ActionInputs {
  blueprint: string;
  deploymentId?: string;
  workflow?: string;
  parameters: YamlMap;
  inputs: YamlMap;
  awsRegion?: string;
  stepFunction?: string;
  stateTable?: string;
  githubToken?: string;
  /** Where get_secret reads in Secrets Manager (the stack's PreviewSecretsPrefix for preview workflows). */
  secretsPrefix?: string;
  /** The login `github-token` writes as, for a GitHub App token (default: asked, else github-actions[bot]). */
  commentAuthor?: string;
  commentOnPr: boolean;
  maxParallel?: number;
  pluginsDir?: string;
  mode: 'aws' | 'local';
  /** Branches whose pushes update their environment's deployment. */
  deployBranches: string[];
  waitForLock: boolean;
  /** The schedule sweep's deployment filter (a prefix or a glob with *). */
  deployments?: string;
  /** What the scheduled sweep does: report (issues only), heal (the default) or reconcile (heal, and update drifted instances back). */
  sweepMode: SweepMode;
  /** The plan digest a reviewer approved: an apply whose plan differs stops instead. */
  planDigest?: string;
  /** How long a preview deployment may sit idle before the scheduled run removes it (ms). */
  previewTtlMs?: number;
  /** A push plans and stops (for a later job behind an approval gate). */
  planOnly: boolean;
  /** A push with no reviewed plan (no plan-digest, no merged pull request that showed one) plans and stops. */
  requireReviewedPlan: boolean;
}

export const SWEEP_MODES = ['report', 'heal', 'reconcile'] as const;
export type SweepMode = (typeof SWEEP_MODES)[number];

export class InputError extends IsthmusError {
  override readonly name = 'InputError';
  constructor(message: string) {
    super('action.input', message);
  }
}

/** YAML or JSON text, or `@path` / a path ending in .yaml/.yml/.json naming a file holding it. */
function mapping(text: string, name: string): YamlMap {
  if (!text.trim()) return {};
  const fromFile = text.startsWith('@') ? text.slice(1) : /^[^\n{:]+\.(ya?ml|json)$/.test(text.trim()) ? text.trim() : undefined;
  const source = fromFile ? readFileSync(fromFile, 'utf8') : text;
  let value: unknown;
  try {
    value = parseYaml(source);
  } catch (err) {
    throw new InputError(`input '${name}' is not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new InputError(`input '${name}' must be a mapping (YAML or JSON)`);
  return value as YamlMap;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `90m`, `12h`, `3d`, `2w` as milliseconds. */
export function durationMs(text: string, name: string): number {
  const m = /^(\d{1,6})\s*([mhdw])$/.exec(text);
  if (!m || Number(m[1]) === 0) throw new InputError(`input '${name}' must be a duration like 90m, 12h, 3d or 2w, not '${text.slice(0, 40)}'`);
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}

/** Reads the inputs through `get` (core.getInput in the action; a map in tests). */
export function readInputs(get: (name: string) => string): ActionInputs {
  const mode = get('mode') || 'aws';
  if (mode !== 'aws' && mode !== 'local') throw new InputError(`input 'mode' must be aws or local, not '${mode}'`);
  const blueprint = get('blueprint');
  if (!blueprint) throw new InputError("input 'blueprint' is required (a blueprint file in the repository)");
  const maxParallel = get('max-parallel');
  if (maxParallel && !(Number(maxParallel) > 0)) throw new InputError("input 'max-parallel' must be a positive number");
  const opt = (name: string) => get(name) || undefined;
  const sweepMode = get('sweep-mode') || 'heal';
  if (!(SWEEP_MODES as readonly string[]).includes(sweepMode))
    throw new InputError(`input 'sweep-mode' must be ${SWEEP_MODES.join(', ')}, not '${sweepMode.slice(0, 40)}'`);
  const inputs: ActionInputs = {
    sweepMode: sweepMode as SweepMode,
    blueprint,
    parameters: mapping(get('parameters'), 'parameters'),
    inputs: mapping(get('inputs'), 'inputs'),
    commentOnPr: (get('comment-on-pr') || 'true') !== 'false',
    mode,
    deployBranches: (get('deploy-branches') || '').split(/[\s,]+/).filter(Boolean),
    waitForLock: get('wait-for-lock') === 'true',
    planOnly: get('plan-only') === 'true',
    requireReviewedPlan: get('require-reviewed-plan') === 'true',
  };
  for (const [key, name] of [
    ['deploymentId', 'deployment-id'],
    ['workflow', 'workflow'],
    ['awsRegion', 'aws-region'],
    ['stepFunction', 'step-function'],
    ['stateTable', 'state-table'],
    ['githubToken', 'github-token'],
    ['pluginsDir', 'plugins-dir'],
    ['deployments', 'deployments'],
    ['planDigest', 'plan-digest'],
    ['commentAuthor', 'comment-author'],
    ['secretsPrefix', 'secrets-prefix'],
  ] as const) {
    const v = opt(name);
    if (v !== undefined) inputs[key] = v;
  }
  if (maxParallel) inputs.maxParallel = Number(maxParallel);
  const ttl = get('preview-ttl').trim();
  if (ttl) inputs.previewTtlMs = durationMs(ttl, 'preview-ttl');
  if (inputs.planDigest && !/^[0-9a-fA-F]{32,64}$/.test(inputs.planDigest.trim()))
    throw new InputError(
      "input 'plan-digest' must be the digest a plan showed (32 to 64 hex characters; a shorter prefix could be matched by a crafted blueprint)",
    );
  return inputs;
}
