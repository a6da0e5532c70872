import { parse } from 'yaml';
import type { YamlValue } from './yaml-loader.js';

/** Reads a `-i key=value` value the way a YAML inputs file would (numbers, booleans, lists …). */
export function parseYamlValue(text: string): YamlValue {
  try {
    return (parse(text, { version: '1.1', maxAliasCount: 0 }) ?? null) as YamlValue;
  } catch {
    return text;
  }
}
