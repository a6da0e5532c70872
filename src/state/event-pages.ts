import type { EventRecord } from './records.js';

/**
 * Events are stored several to an item ("pages"): each event as its own item made event writes
 * the largest share of DynamoDB work per task (two events per task, and DynamoDB bills and
 * DynamoDB Local spends per item). A page is keyed by the id of its last event, so a query for
 * keys after an event id finds every page that may hold later events.
 */

/** JSON bytes per page: well under DynamoDB's 400 KB item limit once attribute overhead is added. */
export const EVENT_PAGE_BYTES = 256 * 1024;
/** Longest message an event keeps; a longer one (a huge log line) is cut so its page can be written. */
export const EVENT_MESSAGE_CHARS = 64 * 1024;

const byId = (a: EventRecord, b: EventRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Groups events into pages: one execution per page, in id order, each page under the byte limit. */
export function packEventPages(events: readonly EventRecord[], pageBytes = EVENT_PAGE_BYTES): EventRecord[][] {
  const byExecution = new Map<string, EventRecord[]>();
  for (const e of events) {
    const fitted =
      e.message.length > EVENT_MESSAGE_CHARS ? { ...e, message: `${e.message.slice(0, EVENT_MESSAGE_CHARS)}… (cut at ${EVENT_MESSAGE_CHARS} characters)` } : e;
    const list = byExecution.get(e.executionId);
    if (list) list.push(fitted);
    else byExecution.set(e.executionId, [fitted]);
  }
  const pages: EventRecord[][] = [];
  for (const list of byExecution.values()) {
    let page: EventRecord[] = [];
    let bytes = 0;
    for (const e of list.sort(byId)) {
      const size = Buffer.byteLength(JSON.stringify(e));
      if (page.length > 0 && bytes + size > pageBytes) {
        pages.push(page);
        page = [];
        bytes = 0;
      }
      page.push(e);
      bytes += size;
    }
    if (page.length > 0) pages.push(page);
  }
  return pages;
}

/** The events of stored pages after `afterId` (all when absent), in id order. */
export function eventsAfter(pages: readonly (readonly EventRecord[])[], afterId?: string): EventRecord[] {
  const all = pages.flat().filter((e) => afterId === undefined || e.id > afterId);
  return all.sort(byId);
}
