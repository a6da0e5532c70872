import type { EventLevel, EventRecord, StateStore } from '../state/index.js';

/**
 * Buffers workflow events and writes them together (a few pages of events per write, see
 * event-pages.ts), so events cost a small fraction of a write per task; every event also goes to
 * live listeners at once.
 */
/** Events buffered before a write without waiting for the timer. */
const EVENTS_PER_FLUSH = 100;

export class EventSink {
  private buffer: EventRecord[] = [];
  private seq = 0;
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: StateStore,
    private readonly executionId: string,
    private readonly tag: string,
    private readonly listener?: (e: EventRecord) => void,
    private readonly flushEveryMs = 250,
  ) {}

  emit(type: string, message: string, extra: { level?: EventLevel; nodeInstanceId?: string; taskId?: string } = {}): void {
    const at = new Date().toISOString();
    const e: EventRecord = {
      executionId: this.executionId,
      id: `${at}#${this.tag}#${String(this.seq++).padStart(6, '0')}`,
      at,
      type,
      level: extra.level ?? 'info',
      message,
      ...(extra.nodeInstanceId ? { nodeInstanceId: extra.nodeInstanceId } : {}),
      ...(extra.taskId ? { taskId: extra.taskId } : {}),
    };
    this.buffer.push(e);
    this.listener?.(e);
    if (this.buffer.length >= EVENTS_PER_FLUSH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushEveryMs);
  }

  /** Writes what is buffered; resolves when every earlier flush is done too. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length > 0) this.flushing = this.flushing.then(() => this.store.appendEvents(batch));
    return this.flushing;
  }
}
