import type { YamlValue } from '../dsl/index.js';

/** What a secret value is replaced with. */
export const MASK = '***';

/** Values shorter than this are not masked: masking `1` or `ok` would destroy every text. */
const MIN_SECRET_CHARS = 3;

/**
 * The scalars of a secret value as text (a secret may be a structure: each of its leaves is
 * secret). Booleans are left out: masking every `true` would hide nothing and garble everything.
 */
export function secretTexts(value: YamlValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'bigint') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(secretTexts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(secretTexts);
  return [];
}

/**
 * Masks secret values. Text (log lines, event messages, Markdown) is masked by its substrings; a
 * value tree (outputs, operation results) is masked leaf by leaf, so masking can never break its
 * structure the way masking serialised JSON did (secret `543` in `54321`). A secret is also known
 * by the forms it takes once printed: each line of a multi-line value (a PEM key logged line by
 * line) and its JSON-escaped text (a value with `"`, `\` or a newline inside a JSON document).
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private sorted: string[] | undefined;

  constructor(values: Iterable<string> = []) {
    for (const v of values) this.add(v);
  }

  add(value: string): void {
    const forms = [value, JSON.stringify(value).slice(1, -1), ...value.split(/\r?\n/).map((line) => line.trim())];
    for (const form of forms) {
      if (form.length >= MIN_SECRET_CHARS && !this.secrets.has(form)) {
        this.secrets.add(form);
        this.sorted = undefined;
      }
    }
  }

  /** Every scalar of a value, for secrets read as structures. */
  addValue(value: YamlValue | undefined): void {
    for (const text of secretTexts(value)) this.add(text);
  }

  get size(): number {
    return this.secrets.size;
  }

  /** Longest first, so a secret containing another is masked whole. */
  redact(text: string): string {
    if (this.secrets.size === 0) return text;
    this.sorted ??= [...this.secrets].sort((a, b) => b.length - a.length);
    let out = text;
    for (const s of this.sorted) if (out.includes(s)) out = out.split(s).join(MASK);
    return out;
  }

  /**
   * A copy of a value with every secret masked in its strings and keys. A number or boolean whose
   * text contains a secret becomes the masked text: the value is lost, never the secret kept.
   */
  redactValue<T extends YamlValue | undefined>(value: T): T {
    if (this.secrets.size === 0 || value === undefined || value === null) return value;
    if (typeof value === 'string') return this.redact(value) as T;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
      const text = String(value);
      const masked = this.redact(text);
      return (masked === text ? value : masked) as T;
    }
    if (Array.isArray(value)) return value.map((v) => this.redactValue(v)) as T;
    if (typeof value === 'object') {
      const out: Record<string, YamlValue> = {};
      for (const [k, v] of Object.entries(value)) out[this.redact(k)] = this.redactValue(v as YamlValue);
      return out as T;
    }
    return value;
  }
}
