import { isYamlMap, type YamlMap, type YamlValue } from '../dsl/index.js';

/*
 * Execution schedules in Cloudify's form (`deployment_settings.default_schedules`): a workflow with
 * parameters, from `since` (a time, or `+<n><unit>` after the deployment was created) every
 * `recurrence`, until `until`, at most `count` times, only on `weekdays`. Pure: the scheduled run
 * asks which occurrence is due and records it, so none runs twice; missed occurrences are not
 * made up (only the latest due one runs).
 */

export interface ScheduleSpec {
  workflow: string;
  parameters: YamlMap;
  since: string;
  until?: string;
  recurrence?: string;
  count?: number;
  /** Two-letter days (`mo` … `su`); an ordinal prefix (`2mo`) is read as the day alone. */
  weekdays?: string[];
}

const DAYS = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'];
const UNITS: Record<string, { ms?: number; months?: number }> = {
  min: { ms: 60_000 },
  mins: { ms: 60_000 },
  minute: { ms: 60_000 },
  minutes: { ms: 60_000 },
  h: { ms: 3_600_000 },
  hour: { ms: 3_600_000 },
  hours: { ms: 3_600_000 },
  d: { ms: 86_400_000 },
  day: { ms: 86_400_000 },
  days: { ms: 86_400_000 },
  w: { ms: 604_800_000 },
  week: { ms: 604_800_000 },
  weeks: { ms: 604_800_000 },
  mo: { months: 1 },
  month: { months: 1 },
  months: { months: 1 },
  y: { months: 12 },
  year: { months: 12 },
  years: { months: 12 },
};

/** `2h`, `1 week`, `3mo` as a step: milliseconds or calendar months. */
export function parseRecurrence(text: string): { ms?: number; months?: number } | undefined {
  const m = /^(\d{1,5})\s*([a-z]+)$/i.exec(text.trim());
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || !unit || Number(m[1]) === 0) return undefined;
  const n = Number(m[1]);
  return unit.ms ? { ms: unit.ms * n } : { months: unit.months! * n };
}

/** A schedule time: `YYYY-MM-DD HH:MM` (UTC, or with an offset), ISO, or `+<n><unit>` after `base`. */
export function parseTime(text: string, base: number): number | undefined {
  const rel = /^\+\s*(.+)$/.exec(text.trim());
  if (rel) {
    const step = parseRecurrence(rel[1]!);
    return step ? advance(base, step, 1) : undefined;
  }
  const iso = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/.test(text.trim()) ? `${text.trim().replace(' ', 'T')}Z` : text.trim();
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

function advance(t: number, step: { ms?: number; months?: number }, k: number): number {
  if (step.ms) return t + step.ms * k;
  const d = new Date(t);
  d.setUTCMonth(d.getUTCMonth() + step.months! * k);
  return d.getTime();
}

/** Reads `default_schedules`; returns the schedules and what is wrong with the others. */
export function parseSchedules(raw: YamlValue | undefined, workflows?: string[]): { schedules: Record<string, ScheduleSpec>; errors: string[] } {
  const schedules: Record<string, ScheduleSpec> = {};
  const errors: string[] = [];
  if (raw === undefined || raw === null) return { schedules, errors };
  if (!isYamlMap(raw)) return { schedules, errors: ['default_schedules must be a mapping of schedule names to schedules'] };
  for (const [name, value] of Object.entries(raw)) {
    const where = `schedule '${name}'`;
    if (!isYamlMap(value)) {
      errors.push(`${where} must be a mapping (workflow, since, recurrence …)`);
      continue;
    }
    const workflow = value['workflow'];
    if (typeof workflow !== 'string' || !workflow) {
      errors.push(`${where} needs a workflow`);
      continue;
    }
    if (workflows && !workflows.includes(workflow)) errors.push(`${where}: no workflow '${workflow}' (known: ${workflows.join(', ')})`);
    const since = value['since'];
    if (typeof since !== 'string' || parseTime(since, 0) === undefined) {
      errors.push(`${where}: since must be a time (YYYY-MM-DD HH:MM, UTC) or +<n><unit> after the deployment is created, not ${JSON.stringify(since ?? null)}`);
      continue;
    }
    const spec: ScheduleSpec = { workflow, parameters: isYamlMap(value['workflow_parameters']) ? value['workflow_parameters'] : {}, since };
    const until = value['until'];
    if (until !== undefined && until !== null) {
      if (typeof until !== 'string' || parseTime(until, 0) === undefined)
        errors.push(`${where}: until must be a time like since, not ${JSON.stringify(until)}`);
      else spec.until = until;
    }
    const recurrence = value['recurrence'];
    if (recurrence !== undefined && recurrence !== null) {
      if (typeof recurrence !== 'string' || !parseRecurrence(recurrence))
        errors.push(`${where}: recurrence must be <n><unit> (min, h, d, w, mo, y), not ${JSON.stringify(recurrence)}`);
      else spec.recurrence = recurrence;
    }
    const count = value['count'];
    if (count !== undefined && count !== null) {
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) errors.push(`${where}: count must be a positive whole number`);
      else spec.count = count;
    }
    const weekdays = value['weekdays'];
    if (weekdays !== undefined && weekdays !== null) {
      const days = Array.isArray(weekdays)
        ? weekdays.map((d) =>
            String(d)
              .toLowerCase()
              .replace(/^(\d|l)\s*/, ''),
          )
        : [];
      if (days.length === 0 || days.some((d) => !DAYS.includes(d))) errors.push(`${where}: weekdays must be a list of mo, tu, we, th, fr, sa, su`);
      else spec.weekdays = days;
    }
    schedules[name] = spec;
  }
  return { schedules, errors };
}

/** What a schedule has run so far. */
export interface ScheduleRuns {
  runs: number;
  /** The occurrence (ISO) the last run was for. */
  last?: string;
}

/**
 * The occurrence of `spec` due at `now` and not yet run, as an ISO time, or undefined. Only the
 * latest due occurrence counts: a schedule that missed ticks runs once, not once per tick.
 */
export function dueOccurrence(spec: ScheduleSpec, createdAt: number, now: number, done: ScheduleRuns = { runs: 0 }): string | undefined {
  if (spec.count !== undefined && done.runs >= spec.count) return undefined;
  const since = parseTime(spec.since, createdAt);
  if (since === undefined || since > now) return undefined;
  const until = spec.until ? parseTime(spec.until, createdAt) : undefined;
  const step = spec.recurrence ? parseRecurrence(spec.recurrence) : undefined;
  const onDay = (t: number) => !spec.weekdays || spec.weekdays.includes(DAYS[new Date(t).getUTCDay()]!);
  let k = 0;
  if (step?.ms) k = Math.floor((now - since) / step.ms);
  else if (step?.months) while (advance(since, step, k + 1) <= now && k < 100_000) k++;
  // Walk back to an occurrence on an allowed day (a bounded look: a year of daily steps).
  for (let back = 0; back < 400 && k >= 0; back++, k--) {
    const t = step ? advance(since, step, k) : since;
    if (until !== undefined && t > until) continue;
    if (!onDay(t)) {
      if (!step) return undefined;
      continue;
    }
    const at = new Date(t).toISOString();
    return done.last && done.last >= at ? undefined : at;
  }
  return undefined;
}
