import type { SourcePosition } from './errors.js';

/**
 * Where each loaded mapping and sequence came from. Values stay plain JS objects (easy to
 * merge, serialise and diff); positions live beside them, keyed by object identity. They are
 * kept as character offsets into the file and turned into line and column only when asked for:
 * a large blueprint has hundreds of thousands of entries, and few positions are ever read.
 */
interface ContainerLocation {
  /** Turns an offset of this file into a position; a negative offset is the file's start. */
  resolve: (offset: number) => SourcePosition;
  self: number;
  keys: Map<string | number, number>;
  values: Map<string | number, number>;
}

const locations = new WeakMap<object, ContainerLocation>();

export function recordContainer(container: object, self: number, resolve: (offset: number) => SourcePosition): ContainerLocation {
  const loc: ContainerLocation = { resolve, self, keys: new Map(), values: new Map() };
  locations.set(container, loc);
  return loc;
}

/** Position of a mapping/sequence, or of one of its entries' values when `key` is given. */
export function positionOf(container: unknown, key?: string | number): SourcePosition | undefined {
  if (container === null || typeof container !== 'object') return undefined;
  const loc = locations.get(container);
  if (!loc) return undefined;
  if (key === undefined) return loc.resolve(loc.self);
  return loc.resolve(loc.values.get(key) ?? loc.keys.get(key) ?? loc.self);
}

/** Position of a mapping key itself (where "unknown key" errors point). */
export function keyPositionOf(container: unknown, key: string | number): SourcePosition | undefined {
  if (container === null || typeof container !== 'object') return undefined;
  const loc = locations.get(container);
  return loc ? loc.resolve(loc.keys.get(key) ?? loc.values.get(key) ?? loc.self) : undefined;
}

/** Gives `target` the location of `source` (for objects built from loaded ones). */
export function copyLocation<T extends object>(source: unknown, target: T): T {
  if (source !== null && typeof source === 'object') {
    const loc = locations.get(source);
    if (loc) locations.set(target, loc);
  }
  return target;
}

/** First position among candidates that has one. */
export function firstPosition(...candidates: Array<SourcePosition | undefined>): SourcePosition | undefined {
  return candidates.find((c) => c !== undefined);
}
