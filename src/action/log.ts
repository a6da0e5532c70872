import type { Runner } from './main.js';

const LINE_BREAKS: Record<string, string> = { '\r\n': '\\r\\n', '\r': '\\r', '\n': '\\n', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * One log line that the runner reads as text, never as a workflow command: line breaks are
 * written as `\n` (a message cannot start a new line that says `::error::` or `::add-mask::`), and
 * a line that would start with a command prefix (`::`, or the older `##[`) gets a zero-width
 * space inside the prefix. Messages quote scripts, HTTP bodies and blueprints: untrusted text.
 */
export function logLine(message: string): string {
  const flat = message.replace(/\r\n|[\r\n\u2028\u2029]/g, (c) => LINE_BREAKS[c]!);
  return flat.replace(/^(\s*)(::|##\[)/, (_, space: string, prefix: string) => `${space}${prefix[0]}\u200b${prefix.slice(1)}`);
}

/**
 * The runner as the action uses it: every message it logs is one safe line. (Warnings, errors
 * and failures are command data that @actions/core escapes; a warning is made one line as well.)
 */
export function oneLineRunner(runner: Runner): Runner {
  return {
    ...runner,
    info: (m) => runner.info(logLine(m)),
    warning: (m) => runner.warning(logLine(m)),
  };
}
