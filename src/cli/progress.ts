import type { EventRecord } from '../state/index.js';

/**
 * Shows an execution as it runs: workflow events, failures, retries and operation logs as
 * lines; on a terminal, a status line with counts and the tasks running now.
 */
export class ProgressDisplay {
  private succeeded = 0;
  private failed = 0;
  private readonly running = new Map<string, string>();
  private statusShown = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly total: number,
    private readonly tty: boolean,
    private readonly verbose = false,
  ) {}

  onEvent = (e: EventRecord): void => {
    switch (e.type) {
      case 'task_sent':
        if (e.taskId) this.running.set(e.taskId, e.message);
        if (this.verbose) this.line(`  → ${e.message}`);
        break;
      case 'task_succeeded':
        this.succeeded++;
        if (e.taskId) this.running.delete(e.taskId);
        if (this.verbose) this.line(`  ✓ ${e.message}`);
        break;
      case 'task_not_started':
        if (e.taskId) this.running.delete(e.taskId);
        if (this.verbose) this.line(`  · ${e.message}`);
        break;
      case 'task_rescheduled':
        if (e.taskId) this.running.delete(e.taskId);
        this.line(`  ↻ ${e.message}`);
        break;
      case 'task_failed':
        this.failed++;
        if (e.taskId) this.running.delete(e.taskId);
        this.line(`  ✗ ${e.message}`);
        break;
      case 'log':
        this.line(`    ${e.nodeInstanceId ?? ''} [${e.level}] ${e.message}`);
        break;
      default:
        this.line(`${e.at.slice(11, 19)} ${e.message}`);
    }
    this.status();
  };

  private line(text: string): void {
    if (this.statusShown) this.write('\r\x1b[2K');
    this.statusShown = false;
    this.write(`${text}\n`);
  }

  private status(): void {
    if (!this.tty) return;
    const current = [...this.running.values()].slice(0, 2).join('; ');
    const text = `[${this.succeeded}/${this.total} done, ${this.running.size} in progress${this.failed ? `, ${this.failed} failed` : ''}] ${current}`;
    this.write(`\r\x1b[2K${text.slice(0, (process.stdout.columns || 120) - 1)}`);
    this.statusShown = true;
  }

  end(): void {
    if (this.statusShown) this.write('\r\x1b[2K');
    this.statusShown = false;
  }
}
