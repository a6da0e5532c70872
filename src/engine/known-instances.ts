import type { NodeInstanceRecord } from '../state/index.js';

/**
 * Instances sent with a step are capped so requests stay small (Lambda payloads, the 6 MB limit);
 * a step whose instances are larger reads them itself.
 */
export const KNOWN_INSTANCES_REQUEST_BYTES = 64 * 1024;

/**
 * The driver's copy of the deployment's node instances, kept as steps answer with what they wrote,
 * so a step can be sent with the instances it reads instead of reading them again. The driver
 * holds the deployment lock, so the only writers are its own steps: an instance is forgotten
 * whenever a step's answer does not say how it left it (a replay, an undelivered step).
 */
export class KnownInstances {
  private readonly byId = new Map<string, { record: NodeInstanceRecord; bytes: number }>();

  constructor(records: Iterable<NodeInstanceRecord> = []) {
    for (const r of records) this.offer(r);
  }

  /** Keeps `record` unless a newer version of the instance is known (answers may arrive out of order). */
  offer(record: NodeInstanceRecord): void {
    const known = this.byId.get(record.id);
    if (known && known.record.version > record.version) return;
    this.byId.set(record.id, { record, bytes: Buffer.byteLength(JSON.stringify(record)) });
  }

  forget(id: string): void {
    this.byId.delete(id);
  }

  get(id: string): NodeInstanceRecord | undefined {
    return this.byId.get(id)?.record;
  }

  /** The records of `ids` when every one is known and together they fit a request; otherwise none. */
  forRequest(ids: readonly string[], maxBytes = KNOWN_INSTANCES_REQUEST_BYTES): NodeInstanceRecord[] | undefined {
    const out: NodeInstanceRecord[] = [];
    let bytes = 0;
    for (const id of new Set(ids)) {
      const known = this.byId.get(id);
      if (!known) return undefined;
      bytes += known.bytes;
      if (bytes > maxBytes) return undefined;
      out.push(known.record);
    }
    return out;
  }
}
