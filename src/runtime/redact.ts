/** Masks secret values in text. Every log line and event message passes through one. */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(value: string): void {
    if (value.length >= 3) this.secrets.add(value);
  }

  redact(text: string): string {
    let out = text;
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
    return out;
  }
}
