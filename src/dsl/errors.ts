import { IsthmusError } from '../errors.js';
/** A place in a source file, 1-based, as editors and GitHub annotations count. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/** One problem found in a blueprint. Stable `code`s let tools and tests match errors without parsing prose. */
export interface BlueprintDiagnostic {
  code: string;
  message: string;
  hint?: string;
  severity: Severity;
  position?: SourcePosition;
}

/** Thrown when a blueprint cannot be loaded; carries every problem found, not only the first. */
export class BlueprintError extends IsthmusError {
  override readonly name: string = 'BlueprintError';
  readonly diagnostics: BlueprintDiagnostic[];

  constructor(diagnostics: BlueprintDiagnostic[], code = 'blueprint.invalid') {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0] ?? diagnostics[0];
    super(code, first ? `${formatDiagnostic(first)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}` : 'invalid blueprint');
    this.diagnostics = diagnostics;
  }

  /** True when every error is of a kind that means "Isthmus cannot load this here", not "the blueprint is wrong". */
  get isUnsupported(): boolean {
    const errors = this.diagnostics.filter((d) => d.severity === 'error');
    return errors.length > 0 && errors.every((d) => UNSUPPORTED_CODES.has(d.code));
  }
}

/** Codes that mean a missing capability or mapping rather than a broken blueprint. */
export const UNSUPPORTED_CODES: ReadonlySet<string> = new Set(['import.remote-url', 'import.unknown-plugin', 'import.blueprint-unmapped']);

export function formatPosition(p: SourcePosition | undefined): string {
  return p ? `${p.file}:${p.line}:${p.column}` : '<blueprint>';
}

export function formatDiagnostic(d: BlueprintDiagnostic): string {
  const hint = d.hint ? ` (hint: ${d.hint})` : '';
  const sev = d.severity === 'warning' ? 'warning ' : '';
  return `${formatPosition(d.position)}: ${sev}${d.code}: ${d.message}${hint}`;
}

/**
 * Collects diagnostics while a blueprint is checked, so that all problems of a file are
 * reported at once. Checks call `error()` and go on with what they can still check.
 */
export class Diagnostics {
  readonly items: BlueprintDiagnostic[] = [];

  error(code: string, message: string, position?: SourcePosition, hint?: string): void {
    this.items.push(withOptional({ code, message, severity: 'error' as const }, position, hint));
  }

  warning(code: string, message: string, position?: SourcePosition, hint?: string): void {
    this.items.push(withOptional({ code, message, severity: 'warning' as const }, position, hint));
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }

  /** Throws a BlueprintError if any error was recorded. */
  throwIfErrors(): void {
    if (this.hasErrors) throw new BlueprintError(sortDiagnostics(this.items));
  }
}

function withOptional(
  d: { code: string; message: string; severity: Severity },
  position: SourcePosition | undefined,
  hint: string | undefined,
): BlueprintDiagnostic {
  const out: BlueprintDiagnostic = { ...d };
  if (position) out.position = position;
  if (hint) out.hint = hint;
  return out;
}

export function sortDiagnostics(items: BlueprintDiagnostic[]): BlueprintDiagnostic[] {
  return [...items].sort((a, b) => {
    const fa = a.position?.file ?? '';
    const fb = b.position?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0);
  });
}
