import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';

type Item = Record<string, unknown>;

/** One operation of a TransactWriteItems request (document-client shape). */
export type TransactItem = { Put?: { Item: Item } & Item; Update?: { Key: Item } & Item; ConditionCheck?: { Key: Item } & Item; Delete?: { Key: Item } & Item };

interface PendingWrite {
  /** The entry's items as sent alone: its shared checks first, then its own items. */
  items: TransactItem[];
  shared: TransactItem[];
  own: TransactItem[];
  /** Items only this entry may touch in a transaction (its own items). */
  keys: string[];
  /** Shared checks by identity (item key and condition): equal ones are sent once per transaction. */
  checks: Map<string, string>;
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

  /**
   * Commits `items` atomically. `shared` are condition checks that many entries may carry at once
   * (the deployment lock's fencing token): a transaction sends each distinct one once, and when it
   * fails, every entry carrying it fails as if it had been alone.
   */
  write(items: TransactItem[], shared: TransactItem[] = []): Promise<void> {
    return new Promise((resolve, reject) => {
      const all = [...shared, ...items];
      const checks = new Map(shared.map((c) => [itemKey(c), JSON.stringify(c)]));
      this.queue.push({ items: all, shared, own: items, keys: items.map(itemKey), checks, bytes: JSON.stringify(all).length, tries: 0, resolve, reject });
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

  /**
   * The next batch, in arrival order: entries that fit and touch no item another entry of it
   * touches, except identical shared checks.
   */
  private take(): PendingWrite[] {
    const batch: PendingWrite[] = [];
    const keys = new Set<string>();
    const checks = new Map<string, string>();
    let items = 0;
    let bytes = 0;
    for (let i = 0; i < this.queue.length; ) {
      const e = this.queue[i]!;
      const added = e.own.length + [...e.checks.keys()].filter((k) => !checks.has(k)).length;
      const fits =
        batch.length === 0 ||
        (items + added <= this.limits.items && bytes + e.bytes <= this.limits.bytes && e.tries < MAX_TRIES && batch[0]!.tries < MAX_TRIES);
      const clashes = e.keys.some((k) => keys.has(k) || checks.has(k)) || [...e.checks].some(([k, c]) => keys.has(k) || (checks.has(k) && checks.get(k) !== c));
      if (fits && !clashes) {
        batch.push(e);
        this.queue.splice(i, 1);
        for (const k of e.keys) keys.add(k);
        for (const [k, c] of e.checks) checks.set(k, c);
        items += added;
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
    // Distinct shared checks first (their positions, by identity), then each entry's own items.
    const sharedAt = new Map<string, number>();
    const sent: TransactItem[] = [];
    for (const e of batch) {
      e.shared.forEach((c) => {
        const id = JSON.stringify(c);
        if (!sharedAt.has(id)) sharedAt.set(id, sent.push(c) - 1);
      });
    }
    const ownAt = new Map<PendingWrite, number>();
    for (const e of batch) ownAt.set(e, sent.push(...e.own) - e.own.length);
    try {
      await this.send(sent);
      for (const e of batch) e.resolve();
    } catch (err) {
      const reasons = err instanceof TransactionCanceledException ? err.CancellationReasons : undefined;
      if (!reasons || reasons.length !== sent.length) {
        await Promise.all(batch.map((e) => this.send(e.items).then(e.resolve, e.reject)));
        return;
      }
      const again: PendingWrite[] = [];
      for (const e of batch) {
        // The reasons this entry would have had alone, in the order of its own request.
        const start = ownAt.get(e)!;
        const own = [...e.shared.map((c) => reasons[sharedAt.get(JSON.stringify(c))!]!), ...reasons.slice(start, start + e.own.length)];
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
  return new TransactionCanceledException({
    message: `Transaction cancelled, reasons [${own.map((r) => r.Code ?? 'None').join(', ')}]`,
    $metadata: shared.$metadata,
    CancellationReasons: own,
  });
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
          (err: unknown) => {
            for (const r of batch) r.reject(err);
          },
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}
