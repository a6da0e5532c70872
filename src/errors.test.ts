import { describe, expect, it } from 'vitest';
import { InputError } from './action/inputs.js';
import { UsageError } from './cli/options.js';
import { ShipError } from './driver/ship.js';
import { BlueprintError } from './dsl/index.js';
import { FunctionEvaluationError } from './dsl/runtime-functions.js';
import { IsthmusError } from './errors.js';
import { PlanError } from './plan/index.js';
import { ScaleError } from './plan/scale.js';
import { UpdateError } from './plan/update.js';
import { OperationError, RetryRequest, SlotsClosedError } from './runtime/index.js';
import { ConflictError, FencedError } from './state/index.js';
import { WorkflowError } from './workflows/index.js';

describe('one error family (#14)', () => {
  it('every error is an IsthmusError with its own name, a code and whether a retry can help', () => {
    const cause = new Error('socket hang up');
    const errors: Array<[IsthmusError, string, string, boolean]> = [
      [new ConflictError('lost'), 'ConflictError', 'state.conflict', true],
      [new FencedError('fenced'), 'FencedError', 'state.fenced', true],
      [new OperationError('bad spec', false), 'OperationError', 'operation.failed', false],
      [new OperationError('timeout', true, { cause }), 'OperationError', 'operation.failed', true],
      [new RetryRequest('later', 5), 'RetryRequest', 'operation.retry', true],
      [new SlotsClosedError(), 'SlotsClosedError', 'runtime.slots-closed', false],
      [new FunctionEvaluationError('no secret'), 'FunctionEvaluationError', 'function.evaluation', false],
      [new BlueprintError([]), 'BlueprintError', 'blueprint.invalid', false],
      [new PlanError([]), 'PlanError', 'plan.invalid', false],
      [new ScaleError('no'), 'ScaleError', 'plan.scale', false],
      [new UpdateError('no'), 'UpdateError', 'plan.update', false],
      [new WorkflowError('no', 'unknown-deployment'), 'WorkflowError', 'unknown-deployment', false],
      [new UsageError('no'), 'UsageError', 'cli.usage', false],
      [new InputError('no'), 'InputError', 'action.input', false],
      [new ShipError('no'), 'ShipError', 'ship.limit', false],
    ];
    for (const [err, name, code, retryable] of errors) {
      expect(err).toBeInstanceOf(IsthmusError);
      expect([err.name, err.code, err.retryable]).toEqual([name, code, retryable]);
    }
    expect(new OperationError('timeout', true, { cause }).cause).toBe(cause);
    expect(new FencedError('x')).toBeInstanceOf(ConflictError);
    expect(new PlanError([])).toBeInstanceOf(BlueprintError);
  });
});
