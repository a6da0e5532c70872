import { describe, expect, it } from 'vitest';
import { powerShellLiteral } from './index.js';

const QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);

/**
 * Reads a single-quoted string at the start of a PowerShell text the way PowerShell's tokenizer
 * does: any single quotation mark ends it unless the next character is one too (a doubled mark
 * stands for one). Returns the value and the text after the literal.
 */
function readPowerShellLiteral(text: string): { value: string; rest: string } {
  if (!QUOTES.has(text[0]!)) throw new Error('not a single-quoted string');
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (!QUOTES.has(c)) value += c;
    else if (QUOTES.has(text[i + 1] ?? '')) value += text[++i];
    else return { value, rest: text.slice(i + 1) };
  }
  throw new Error('unterminated string');
}

describe('PowerShell quoting (finding 12: only ASCII quotes were doubled)', () => {
  it('keeps every value one literal, including the typographic single quotes PowerShell also ends strings on', () => {
    for (const value of ["it's", 'a\u2019; Remove-Item C:\\ -Recurse; \u2019', '\u2018\u2019\u201A\u201B', "''", '$(whoami)', '"double"', '', 'line\nbreak']) {
      const { value: read, rest } = readPowerShellLiteral(`${powerShellLiteral(value)}; Next-Command`);
      expect(read).toBe(value);
      expect(rest).toBe('; Next-Command');
    }
  });
});
