import { describe, expect, it } from 'vitest';
import { dueOccurrence, parseSchedules } from './schedules.js';

const at = (iso: string) => Date.parse(iso);

describe("execution schedules (Cloudify's default_schedules)", () => {
  it('reads schedules and names what is wrong with the others', () => {
    const { schedules, errors } = parseSchedules(
      {
        nightly: { workflow: 'check_drift', since: '2026-12-01 02:00', recurrence: '1d', weekdays: ['mo', 'TU', '2we'], workflow_parameters: { a: 1 } },
        later: { workflow: 'heal', since: '+2h', count: 3 },
        bad: { workflow: 'nuke', since: 'tomorrow', recurrence: 'often' },
        worse: 'x',
      },
      ['install', 'heal', 'check_drift'],
    );
    expect(schedules['nightly']).toEqual({
      workflow: 'check_drift',
      parameters: { a: 1 },
      since: '2026-12-01 02:00',
      recurrence: '1d',
      weekdays: ['mo', 'tu', 'we'],
    });
    expect(schedules['later']).toMatchObject({ workflow: 'heal', since: '+2h', count: 3 });
    expect(errors).toEqual([
      "schedule 'bad': no workflow 'nuke' (known: install, heal, check_drift)",
      'schedule \'bad\': since must be a time (YYYY-MM-DD HH:MM, UTC) or +<n><unit> after the deployment is created, not "tomorrow"',
      "schedule 'worse' must be a mapping (workflow, since, recurrence …)",
    ]);
  });

  it('is due at the latest occurrence not yet run, once; respects until, count and weekdays; makes up no missed ticks', () => {
    const daily = { workflow: 'heal', parameters: {}, since: '2026-12-01 02:00', recurrence: '1d' };
    const created = at('2026-11-30T00:00:00Z');
    expect(dueOccurrence(daily, created, at('2026-12-01T01:59:00Z'))).toBeUndefined();
    expect(dueOccurrence(daily, created, at('2026-12-03T10:00:00Z'))).toBe('2026-12-03T02:00:00.000Z');
    expect(dueOccurrence(daily, created, at('2026-12-03T10:00:00Z'), { runs: 1, last: '2026-12-03T02:00:00.000Z' })).toBeUndefined();
    expect(dueOccurrence({ ...daily, count: 2 }, created, at('2026-12-05T10:00:00Z'), { runs: 2, last: '2026-12-03T02:00:00.000Z' })).toBeUndefined();
    expect(dueOccurrence({ ...daily, until: '2026-12-02 12:00' }, created, at('2026-12-05T10:00:00Z'))).toBe('2026-12-02T02:00:00.000Z');
    // 2026-12-05 is a Saturday: on weekdays mo-fr the latest due is Friday's.
    expect(dueOccurrence({ ...daily, weekdays: ['mo', 'tu', 'we', 'th', 'fr'] }, created, at('2026-12-05T10:00:00Z'))).toBe('2026-12-04T02:00:00.000Z');
    // No recurrence: once, at since (relative to the deployment's creation).
    const once = { workflow: 'heal', parameters: {}, since: '+2h' };
    expect(dueOccurrence(once, created, at('2026-11-30T01:00:00Z'))).toBeUndefined();
    expect(dueOccurrence(once, created, at('2026-12-09T00:00:00Z'))).toBe('2026-11-30T02:00:00.000Z');
    expect(dueOccurrence(once, created, at('2026-12-09T00:00:00Z'), { runs: 1, last: '2026-11-30T02:00:00.000Z' })).toBeUndefined();
    // Calendar months.
    expect(dueOccurrence({ ...daily, recurrence: '1mo' }, created, at('2027-03-15T00:00:00Z'))).toBe('2027-03-01T02:00:00.000Z');
  });
});

describe('schedules in a plan', () => {
  it('come from deployment_settings.default_schedules; a bad one is a blueprint error naming what is wrong', async () => {
    const { createHarness } = await import('../../test/support/engine.js');
    const { HEADER } = await import('../../test/support/blueprint-files.js');
    const h = await createHarness();
    const good = h.planOf(
      `${HEADER}deployment_settings:\n  default_schedules:\n    nightly: { workflow: check_drift, since: '2026-12-01 02:00', recurrence: 1d }\nnode_templates:\n  a: { type: cloudify.nodes.Root }\n`,
      'good',
    );
    expect(good.schedules).toEqual({ nightly: { workflow: 'check_drift', parameters: {}, since: '2026-12-01 02:00', recurrence: '1d' } });
    expect(() =>
      h.planOf(
        `${HEADER}deployment_settings:\n  default_schedules:\n    bad: { workflow: heal, since: soon }\nnode_templates:\n  a: { type: cloudify.nodes.Root }\n`,
        'bad',
      ),
    ).toThrow(/schedule 'bad': since must be a time/);
  });
});
