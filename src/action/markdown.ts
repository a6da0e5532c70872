/**
 * Escaping for what the action writes into GitHub Markdown (PR comments, job summaries, issues).
 * Node names, outputs, error messages and deployment ids come from blueprints and pull requests,
 * so each is escaped for the context it lands in: nothing it contains may start a link, an image,
 * an HTML element or comment, a mention, or leave a table cell, a code block or a `<details>`.
 */

/** Characters Markdown or HTML would read as syntax, written as numeric character references. */
const SYNTAX = /[&<>"'`*_[\]#|~\\!$]/g;

/**
 * Text as inline Markdown that renders literally: syntax characters become character references
 * (which Markdown never interprets), line breaks become spaces (a table row or list item stays
 * one line), and `@`, `://` and `www.` get a word joiner so that they mention or link no one.
 */
export function mdText(value: string): string {
  return (
    value
      .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
      .replace(SYNTAX, (c) => `&#${c.codePointAt(0)};`)
      .replace(/@/g, '@\u2060')
      // GitHub turns bare URLs into links after entities are decoded: break the scheme and `www.`.
      .replace(/:\/\//g, ':\u2060//')
      .replace(/(w)(ww\.)/gi, '$1\u2060$2')
  );
}

/** A value as inline code: `<code>` with escaped content (a backtick in the value cannot end it). */
export function mdCode(value: string): string {
  return `<code>${mdText(value)}</code>`;
}

/**
 * A message written by Isthmus that may quote hostile values: spans between backticks become
 * code, the rest text; either way nothing in it is Markdown syntax.
 */
export function mdInline(message: string): string {
  return message
    .split(/`([^`]*)`/)
    .map((part, i) => (i % 2 === 1 ? mdCode(part) : mdText(part)))
    .join('');
}

/** A multi-line block (an error's text) shown as it is: an HTML `<pre>`, whose end it cannot forge. */
export function mdPre(value: string): string {
  return `<pre>${value.replace(/[&<>`]/g, (c) => `&#${c.codePointAt(0)};`).replace(/@/g, '@\u2060')}</pre>`;
}

/** A hidden marker carrying an id, with the id percent-encoded so that it cannot end the comment. */
export function hiddenMarker(kind: string, id: string): string {
  const encoded = id.replace(/[^A-Za-z0-9_.-]/gu, (c) => [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
  return `<!-- isthmus:${kind}=${encoded} -->`;
}
