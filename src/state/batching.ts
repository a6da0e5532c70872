import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';

type Item = Record<string, unknown>;

/** One operation of a TransactWriteItems request (document-client shape). */
export type TransactItem = { Put?: { Item: Item } & Item; Update?: { Key: Item } & Item; ConditionCheck?: { Key: Item } & Item; Delete?: { Key: Item } & Item };

interface PendingWrite {
  items: TransactItem[];
  keys: string[];
  bytes: number;
  tries: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface GroupCommitLimits {
  /** Items per transaction (DynamoDB allows 100). */
  items: number;
  /** Request bytes per transaction (DynamoDB allows 4 MB). */
  bytes: number;
  /** Transactions in flight at once; what arrives meanwhile waits and goes in the next one. */
  concurrency: number;
}

/** One string per table item (pk and sk), to tell which requests touch the same item. */
const keyOf = (i: Item) => `${String(i['pk'])}\u0000${String(i['sk'])}`;

const itemKey = (i: TransactItem): string => {
  const op = i.Put ?? i.Update ?? i.Delete ?? i.ConditionCheck;
  const key = (i.Put ? { pk: i.Put.Item['pk'], sk: i.Put.Item['sk'] } : (op as { Key: Item }).Key) as Item;
  return keyOf(key);
};

/** Codes of cancellation reasons that were not this entry's own doing (the entry may simply retry). */
const INNOCENT = new Set([undefined, 'None', 'TransactionConflict']);
const MAX_TRIES = 5;

/**
 * Group commit for small transactions. Each caller's items stay one atomic unit with its own
 * outcome, but while a transaction is in flight, what arrives meanwhile is committed together in
 * the next one. Idle, a write goes alone at once; busy (many steps finishing together, as in local
 * mode), one request carries many — DynamoDB Local serialises transactions, so this is where local
 * throughput comes from. When a shared transaction is cancelled, each entry learns its own reasons:
 * an entry whose condition failed gets the cancellation of its own items (as if it had been alone),
 * and the innocent ones are committed again. Any other error sends each entry alone, so each gets
 * its own error.
 */
export class GroupCommit {
  private readonly queue: PendingWrite[] = [];
  private inFlight = 0;

  constructor(
    private readonly send: (items: TransactItem[]) => Promise<void>,
    private readonly limits: GroupCommitLimits = { items: 50, bytes: 3_000_000, concurrency: 2 },
  ) {}

  write(items: TransactItem[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ items, keys: items.map(itemKey), bytes: JSON.stringify(items).length, tries: 0, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.limits.concurrency && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight++;
      void this.commit(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The next batch, in arrival order: entries that fit and touch no item another entry of it touches. */
  private take(): PendingWrite[] {
    const batch: PendingWrite[] = [];
    const keys = new Set<string>();
    let items = 0;
    let bytes = 0;
    for (let i = 0; i < this.queue.length; ) {
      const e = this.queue[i]!;
      const fits = batch.length === 0 || (items + e.items.length <= this.limits.items && bytes + e.bytes <= this.limits.bytes && e.tries < MAX_TRIES && batch[0]!.tries < MAX_TRIES);
      if (fits && !e.keys.some((k) => keys.has(k))) {
        batch.push(e);
        this.queue.splice(i, 1);
        e.keys.forEach((k) => keys.add(k));
        items += e.items.length;
        bytes += e.bytes;
      } else i++;
      if (items >= this.limits.items) break;
    }
    return batch;
  }

  private async commit(batch: PendingWrite[]): Promise<void> {
    if (batch.length === 1) {
      const [e] = batch as [PendingWrite];
      await this.send(e.items).then(e.resolve, e.reject);
      return;
    }
    try {
      await this.send(batch.flatMap((e) => e.items));
      for (const e of batch) e.resolve();
    } catch (err) {
      const reasons = err instanceof TransactionCanceledException ? err.CancellationReasons : undefined;
      if (!reasons || reasons.length !== batch.reduce((n, e) => n + e.items.length, 0)) {
        await Promise.all(batch.map((e) => this.send(e.items).then(e.resolve, e.reject)));
        return;
      }
      let offset = 0;
      const again: PendingWrite[] = [];
      for (const e of batch) {
        const own = reasons.slice(offset, offset + e.items.length);
        offset += e.items.length;
        if (own.every((r) => INNOCENT.has(r.Code))) {
          e.tries++;
          again.push(e);
        } else e.reject(cancellation(err as TransactionCanceledException, own));
      }
      this.queue.unshift(...again);
    }
  }
}

/** The cancellation an entry would have had alone: the same exception, with only its own reasons. */
function cancellation(shared: TransactionCanceledException, own: CancellationReason[]): TransactionCanceledException {
  return new TransactionCanceledException({ message: `Transaction cancelled, reasons [${own.map((r) => r.Code ?? 'None').join(', ')}]`, $metadata: shared.$metadata, CancellationReasons: own });
}

interface PendingRead {
  keys: Item[];
  resolve: (items: Item[]) => void;
  reject: (err: unknown) => void;
}

/**
 * The read side of the same idea: strongly consistent point reads that arrive while a read is in
 * flight go together in the next BatchGetItem (up to 100 keys), and each caller gets the items of
 * its own keys.
 */
export class GroupRead {
  private readonly queue: PendingRead[] = [];
  private inFlight = 0;

  constructor(
    private readonly batchGet: (keys: Item[]) => Promise<Item[]>,
    private readonly limits = { keys: 100, concurrency: 2 },
  ) {}

  read(keys: Item[]): Promise<Item[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ keys, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.limits.concurrency && this.queue.length > 0) {
      const batch: PendingRead[] = [];
      const unique = new Map<string, Item>();
      while (this.queue.length > 0) {
        const next = this.queue[0]!;
        const added = next.keys.filter((k) => !unique.has(keyOf(k))).length;
        if (batch.length > 0 && unique.size + added > this.limits.keys) break;
        this.queue.shift();
        batch.push(next);
        for (const k of next.keys) unique.set(keyOf(k), k);
      }
      this.inFlight++;
      void this.batchGet([...unique.values()])
        .then(
          (items) => {
            const found = new Map(items.map((i) => [keyOf(i), i]));
            for (const r of batch) r.resolve(r.keys.map((k) => found.get(keyOf(k))).filter((i): i is Item => i !== undefined));
          },
          (err: unknown) => batch.forEach((r) => r.reject(err)),
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}

