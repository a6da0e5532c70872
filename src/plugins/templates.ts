import nunjucks from 'nunjucks';
import { OperationError } from '../runtime/errors.js';

/**
 * The one Jinja engine for everything that renders — `ctx download-resource-and-render`, the
 * utilities plugin's files and cloud-init parts, the REST plugin's call templates, Kubernetes
 * file resources — with nunjucks (Jinja2's syntax in JavaScript). As Jinja2 is set up in
 * Cloudify: no autoescaping, and an undefined name renders as nothing. Templates are blueprint
 * code: they run in the step's process (see README, "Trust model").
 */
const environment = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });

environment.addFilter('tojson', (value: unknown) => JSON.stringify(value ?? null));
environment.addFilter('to_json', (value: unknown) => JSON.stringify(value ?? null));
// Jinja's `is none` and `is sequence` (nunjucks's types do not declare addTest, which it has).
const tests = environment as unknown as { addTest(name: string, test: (value: unknown) => boolean): void };
tests.addTest('none', (value) => value === null);
tests.addTest('sequence', (value) => Array.isArray(value) || typeof value === 'string');

/** Python's str() of a value, as Jinja2 prints it: True, False, None as nothing, dicts and lists as literals. */
export function pythonStr(value: unknown, nested = false): string {
  if (value === null || value === undefined) return nested ? 'None' : '';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return nested ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'` : value;
  if (Array.isArray(value)) return `[${value.map((v) => pythonStr(v, true)).join(', ')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${pythonStr(k, true)}: ${pythonStr(v, true)}`)
      .join(', ')}}`;
  }
  return String(value);
}

// nunjucks prints a value with JavaScript's String() (`true`, `[object Object]`); Jinja2 prints
// Python's str(). Compiled templates call runtime.suppressValue for every `{{ … }}`; Isthmus is
// nunjucks's only user in its processes, and a test holds this to the pinned version.
const runtime = (nunjucks as unknown as { runtime: { suppressValue: (value: unknown, autoescape: boolean) => unknown } }).runtime;
const original = runtime.suppressValue;
runtime.suppressValue = (value: unknown, autoescape: boolean) =>
  original(typeof value === 'string' || value instanceof nunjucks.runtime.SafeString ? value : pythonStr(value), autoescape);

/** Renders a template; a syntax or evaluation error fails the operation, naming the template. */
export function renderJinja(text: string, variables: Record<string, unknown>, name: string): string {
  try {
    return environment.renderString(text, variables);
  } catch (err) {
    throw new OperationError(
      `cannot render ${name}: ${(err as Error).message
        .replace(/\s+/g, ' ')
        .replace(/^\(unknown path\) /, '')
        .trim()}`,
      false,
      { cause: err },
    );
  }
}
