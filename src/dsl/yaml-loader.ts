import { IsthmusError } from '../errors.js';
import { LineCounter, parseDocument, isAlias, isMap, isScalar, isSeq, isPair, type Node as YamlNode, type Document, type ScalarTag } from 'yaml';
import type { Diagnostics, SourcePosition } from './errors.js';
import { recordContainer } from './source-map.js';

export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };
export type YamlMap = { [key: string]: YamlValue };

/** Limits that keep hostile input from exhausting the driver (alias bombs, huge or deep documents). */
export interface YamlLimits {
  maxBytes: number;
  maxDepth: number;
  /** Nodes produced after alias expansion; a "billion laughs" document hits this quickly. */
  maxNodes: number;
}

/**
 * The defaults keep any hostile file within about a second and 100 MB (`npm run bench:loader`):
 * Cloudify's largest real type files (the AWS plugin's) are about 220 KB, blueprints far less.
 * `.isthmus.yaml` can raise them (`limits: {fileBytes, totalBytes}`).
 */
export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxBytes: 256 * 1024,
  maxDepth: 128,
  maxNodes: 200_000,
};

export interface LoadedYaml {
  value: YamlValue;
  file: string;
}

class LimitExceeded extends IsthmusError {
  override readonly name = 'LimitExceeded';
  constructor(message: string) {
    super('yaml.limit', message);
  }
}

/** Files up to this size get the PyYAML quoted-continuation leniency (a second parse). */
const MAX_REPAIRED_CHARS = 256 * 1024;

/**
 * Parses one YAML file the way Cloudify's PyYAML loader reads it (YAML 1.1: `yes`/`no`
 * booleans, `<<` merge keys, later duplicate keys win) and records the position of every
 * mapping, sequence, key and value. Problems go to `diagnostics`; returns undefined when
 * nothing usable could be read.
 */
export function loadYaml(bytes: Uint8Array | string, file: string, diagnostics: Diagnostics, limits: YamlLimits = DEFAULT_YAML_LIMITS): LoadedYaml | undefined {
  const at = (line = 1, column = 1): SourcePosition => ({ file, line, column });
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  if (size > limits.maxBytes) {
    diagnostics.error('yaml.too-large', `file is ${size} bytes; the limit is ${limits.maxBytes}`, at(), 'split the blueprint into imported files');
    return undefined;
  }
  let text: string;
  if (typeof bytes === 'string') {
    text = bytes;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      diagnostics.error('yaml.encoding', 'file is not valid UTF-8', at(), 'save the file as UTF-8');
      return undefined;
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  let parsed = parseWithPositions(text);
  // The repair costs a second parse: only for files of a size people write by hand.
  if (text.length <= MAX_REPAIRED_CHARS && parsed.doc && parsed.doc.errors.some((e) => e.code === 'MISSING_CHAR')) {
    // PyYAML accepts quoted scalars whose continuation lines are not indented past their key;
    // the yaml package does not. Retry with those lines indented (line numbers unchanged).
    const repaired = reindentQuotedContinuations(text);
    if (repaired !== text) {
      const retry = parseWithPositions(repaired);
      if (retry.doc && retry.doc.errors.length === 0) {
        parsed = retry;
        diagnostics.warning(
          'yaml.lenient-indent',
          'a multi-line quoted string is not indented past its key; read as PyYAML reads it',
          at(),
          'indent continuation lines of quoted strings',
        );
      }
    }
  }
  const { doc, lineCounter, error } = parsed;
  if (!doc) {
    diagnostics.error('yaml.syntax', `cannot parse YAML: ${error}`, at());
    return undefined;
  }
  const posOf = (offset: number | undefined): SourcePosition => {
    if (offset === undefined || offset < 0) return at();
    const { line, col } = lineCounter.linePos(offset);
    return at(line, col);
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      diagnostics.error('yaml.syntax', e.message.split('\n')[0] ?? e.message, posOf(e.pos[0]), 'check indentation and quoting');
    }
    return undefined;
  }
  for (const w of doc.warnings) {
    diagnostics.warning('yaml.warning', w.message.split('\n')[0] ?? w.message, posOf(w.pos[0]));
  }

  let nodes = 0;
  const convert = (node: YamlNode | null | undefined, depth: number, resolving: Set<YamlNode>): YamlValue => {
    if (++nodes > limits.maxNodes) throw new LimitExceeded(`more than ${limits.maxNodes} YAML nodes after alias expansion`);
    if (depth > limits.maxDepth) throw new LimitExceeded(`nesting deeper than ${limits.maxDepth} levels`);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return null;
      if (resolving.has(target)) throw new LimitExceeded('recursive alias');
      resolving.add(target);
      try {
        return convert(target, depth + 1, resolving);
      } finally {
        resolving.delete(target);
      }
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v === null || v === undefined) return null;
      if (typeof v === 'boolean' || typeof v === 'string') return v;
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') return Number(v);
      if (v instanceof Date) return v.toISOString();
      return String(v);
    }
    if (isSeq(node)) {
      const out: YamlValue[] = [];
      const loc = recordContainer(out, node.range?.[0] ?? -1, posOf);
      node.items.forEach((item, i) => {
        const child = item as YamlNode;
        loc.values.set(i, child?.range?.[0] ?? node.range?.[0] ?? -1);
        out.push(convert(child, depth + 1, resolving));
      });
      return out;
    }
    if (isMap(node)) {
      const out: YamlMap = {};
      const loc = recordContainer(out, node.range?.[0] ?? -1, posOf);
      const mergeSources: YamlValue[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const keyIsMerge = isScalar(keyNode) && (keyNode.source === '<<' || keyNode.value === '<<');
        if (keyIsMerge) {
          mergeSources.push(convert(pair.value as YamlNode, depth + 1, resolving));
          continue;
        }
        const rawKey = keyNode === null ? null : convert(keyNode, depth + 1, resolving);
        const key = rawKey === null ? 'null' : typeof rawKey === 'object' ? JSON.stringify(rawKey) : String(rawKey);
        const keyOffset = keyNode?.range?.[0] ?? -1;
        if (key === '__proto__') {
          // Kept as data it is silently lost (or worse) wherever a map is copied into an object.
          diagnostics.error('yaml.reserved-key', "'__proto__' cannot be a key (a node, input, type or property name)", posOf(keyOffset), 'rename it');
          continue;
        }
        if (Object.hasOwn(out, key)) {
          diagnostics.warning('yaml.duplicate-key', `duplicate key '${key}': the later value wins`, posOf(keyOffset), 'remove one of the two entries');
        }
        const valueNode = pair.value as YamlNode | null;
        loc.keys.set(key, keyOffset);
        loc.values.set(key, valueNode?.range ? valueNode.range[0] : keyOffset);
        // `__proto__` was refused above, so a plain assignment cannot reach the prototype chain.
        out[key] = convert(valueNode, depth + 1, resolving);
      }
      // `<<: *base` (or a list of them): keys already present win, as in YAML 1.1.
      for (const source of mergeSources.flatMap((s) => (Array.isArray(s) ? s : [s]))) {
        if (source && typeof source === 'object' && !Array.isArray(source)) {
          for (const [k, v] of Object.entries(source)) {
            // Merge sources are maps converted here: they hold no `__proto__` key.
            if (!Object.hasOwn(out, k)) out[k] = v;
          }
        }
      }
      return out;
    }
    return null;
  };

  try {
    return { value: convert(doc.contents as YamlNode | null, 0, new Set()), file };
  } catch (err) {
    if (err instanceof LimitExceeded) {
      diagnostics.error('yaml.limit', err.message, at(), 'remove deep nesting or repeated aliases');
      return undefined;
    }
    if (err instanceof RangeError) {
      diagnostics.error('yaml.limit', 'document too deeply nested', at());
      return undefined;
    }
    throw err;
  }
}

/** PyYAML's booleans: YAML 1.1 words, but not `y`/`n` (a node named `n` stays a string). */
const PYYAML_BOOL: ScalarTag = {
  tag: 'tag:yaml.org,2002:bool',
  default: true,
  test: /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  resolve: (str: string) => /^(?:yes|true|on)$/i.test(str),
};

function parseWithPositions(text: string): { doc?: Document.Parsed; lineCounter: LineCounter; error?: string } {
  const lineCounter = new LineCounter();
  try {
    const doc = parseDocument(text, {
      version: '1.1',
      merge: true,
      uniqueKeys: false,
      lineCounter,
      prettyErrors: false,
      // PyYAML would turn dates into datetime objects; blueprints mean them as strings.
      customTags: (tags) => [
        PYYAML_BOOL,
        ...tags.filter((t) => typeof t === 'object' && 'tag' in t && t.tag !== 'tag:yaml.org,2002:timestamp' && t.tag !== 'tag:yaml.org,2002:bool'),
      ],
    });
    return { doc, lineCounter };
  } catch (err) {
    return { lineCounter, error: (err as Error).message };
  }
}

/**
 * Indents the continuation lines of a quoted scalar that starts after `key:` and spans lines.
 * Linear in the text: each line is looked at once (a quote that never closes ends the pass, as
 * everything after it belongs to that scalar), so a hostile file cannot make it quadratic.
 */
export function reindentQuotedContinuations(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*(?:- )?)[^\s#'"][^:#]*:\s+(['"])(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const quote = m[2]!;
    if (closesQuote(m[3]!, quote)) continue;
    // Continuation lines must sit deeper than the key's own column.
    const need = m[1]!.length + 2;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      const indent = line.length - line.trimStart().length;
      if (line.trim() !== '' && indent < need) lines[j] = ' '.repeat(need - indent) + line;
      if (closesQuote(line, quote)) break;
    }
    i = j;
  }
  return lines.join('\n');
}

function closesQuote(rest: string, quote: string): boolean {
  if (quote === "'") return (rest.replace(/''/g, '').match(/'/g) ?? []).length % 2 === 1;
  return (rest.replace(/\\./g, '').match(/"/g) ?? []).length % 2 === 1;
}

export function isYamlMap(v: unknown): v is YamlMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
