import { BlueprintError, type BlueprintDiagnostic } from '../dsl/index.js';

/** A blueprint that loads but cannot be planned (a dependency cycle, all_to_one inside a group …). */
export class PlanError extends BlueprintError {
  override readonly name = 'PlanError';
  constructor(diagnostics: BlueprintDiagnostic[]) {
    super(diagnostics, 'plan.invalid');
  }
}
