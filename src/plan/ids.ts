const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Node instance ids are `<node>_<6 chars>` as in Cloudify; a seed makes them reproducible. */
export function createIdGenerator(seed?: string): (prefix: string) => string {
  const random = seed === undefined ? Math.random : seededRandom(hashString(seed));
  const used = new Set<string>();
  return (prefix: string) => {
    for (;;) {
      let suffix = '';
      for (let i = 0; i < 6; i++) suffix += ALPHABET[Math.floor(random() * ALPHABET.length)];
      const id = `${prefix}_${suffix}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** A small seeded PRNG (mulberry32) returning numbers in [0, 1). */
export function seededRandom(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
