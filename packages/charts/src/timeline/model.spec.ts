import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { timelineModel, type TimelineRow } from './model.js';
import MilestoneTimeline from './MilestoneTimeline.svelte';

const rows: TimelineRow[] = [
  {
    id: 'p-training',
    label: 'Joint e-commerce training programmes',
    note: 'Active',
    milestones: [
      { id: 'm1', date: '2023-03-22', status: 'done', title: 'Kick-off meeting' },
      { id: 'm2', date: '2024-06-01', status: 'missed', title: 'First cohort' },
      { id: 'm3', date: '2025-01-15', status: 'planned', title: 'Second cohort' },
      { id: 'm4', date: '2027-03-17', status: 'planned', title: 'Review' },
    ],
  },
  {
    id: 'p-exchange',
    label: 'Student and faculty exchange between the two cities, with a very long title that will not fit',
    note: 'Proposed',
    milestones: [{ id: 'm5', date: '2023-03-22', status: 'done', title: 'Proposal presented' }],
  },
  { id: 'p-empty', label: 'Dual-education collaboration', note: 'Active', milestones: [] },
];
const asOf = '2026-11-25';

describe('timelineModel(rows, options)', () => {
  const model = timelineModel(rows, { width: 640, asOf, labels: { today: 'Today', overdue: 'late' } });

  it('places milestones by date on one axis, today included', () => {
    const marks = model.rows.flatMap((r) => r.marks);
    const x = (id: string) => marks.find((m) => m.id === id)!.x;
    expect(x('m1')).toBe(x('m5'));
    expect(x('m1')).toBeLessThan(x('m2'));
    expect(x('m3')).toBeLessThan(model.today.x);
    expect(model.today.x).toBeLessThan(x('m4'));
    // Time is linear: 2023-03-22 → 2027-03-17 spans 1456 days; today is 1344 days in.
    expect((model.today.x - x('m1')) / (x('m4') - x('m1'))).toBeCloseTo(1344 / 1456, 2);
    expect(model.domain.from < '2023-03-22' && model.domain.to > '2027-03-17').toBe(true);
    for (const m of marks) {
      expect(m.x).toBeGreaterThanOrEqual(model.plot.x);
      expect(m.x).toBeLessThanOrEqual(model.plot.x + model.plot.width);
    }
  });

  it('tells done, planned, late and missed apart', () => {
    const kinds = Object.fromEntries(model.rows[0]!.marks.map((m) => [m.id, m.kind]));
    expect(kinds).toEqual({ m1: 'done', m2: 'missed', m3: 'overdue', m4: 'planned' });
    expect(model.summary).toMatchObject({
      rows: 3,
      milestones: 5,
      done: 2,
      planned: 1,
      overdue: 1,
      missed: 1,
    });
    expect(model.legend.map((l) => l.key)).toEqual(['done', 'planned', 'overdue', 'missed']);
    // Shape and colour both differ between planned and late; late and missed share a colour, not a shape.
    expect(model.colors.planned).not.toBe(model.colors.overdue);
  });

  it('shows "late" in the legend only when something is late', () => {
    const early = timelineModel(rows, { width: 640, asOf: '2023-01-01' });
    expect(early.legend.map((l) => l.key)).toEqual(['done', 'planned', 'missed']);
  });

  it('explains the ring of estimated and illustrative milestones in the legend, only when one is drawn', () => {
    const marked = rows.map((row, i) =>
      i === 1
        ? { ...row, milestones: row.milestones.map((m) => ({ ...m, source: 'illustrative' as const })) }
        : row,
    );
    const withRing = timelineModel(marked, {
      width: 640,
      asOf,
      labels: { unreported: 'estimado o ilustrativo' },
    });
    const entry = withRing.legend.find((l) => l.key === 'unreported');
    expect(entry?.label).toBe('estimado o ilustrativo');
    const html = render(MilestoneTimeline, { props: { model: withRing, title: 'Hitos' } }).body;
    expect(html).toMatch(/data-legend="unreported"[^]*stroke-dasharray="2 2"[^]*estimado o ilustrativo/u);
    // A marked milestone beyond the rows drawn doesn't bring the entry: its ring is not on the chart.
    expect(timelineModel(marked, { width: 640, asOf, maxRows: 1 }).legend.map((l) => l.key)).not.toContain(
      'unreported',
    );
    expect(model.legend.map((l) => l.key)).not.toContain('unreported');
  });

  it('gives each row its own band, with its name cut to fit and a track from first to last milestone', () => {
    const [a, b, c] = model.rows;
    expect(b!.y - a!.y).toBe(40);
    expect(b!.label.endsWith('…')).toBe(true);
    expect(b!.fullLabel).toBe(rows[1]!.label);
    expect(a!.span).toEqual({ x1: a!.marks[0]!.x, x2: a!.marks.at(-1)!.x });
    expect(c!.span).toBeNull();
    expect(model.height).toBeGreaterThan(c!.y + 40);
  });

  it('keeps at most maxRows rows and counts the rest', () => {
    const few = timelineModel(rows, { width: 640, asOf, maxRows: 2 });
    expect(few.rows).toHaveLength(2);
    expect(few.hiddenRows).toBe(1);
  });

  it('labels ticks by year on a span of years', () => {
    expect(model.ticks.length).toBeGreaterThan(1);
    expect(model.ticks.filter((t) => t.unit === 'year').map((t) => t.value)).toContain('2025-01-01');
  });

  it('keeps the "today" label inside the chart when today is at an end', () => {
    const atEnd = timelineModel([], { width: 400, asOf, labels: { today: 'Hoy' } });
    expect(atEnd.rows).toEqual([]);
    expect(atEnd.today.x).toBeGreaterThan(0);
    expect(['start', 'middle', 'end']).toContain(atEnd.today.anchor);
  });

  it('refuses an asOf that is not a date, and skips milestones without one', () => {
    expect(() => timelineModel(rows, { width: 640, asOf: '25/11/2026' })).toThrow(RangeError);
    const odd = timelineModel(
      [{ id: 'x', label: 'x', milestones: [{ id: 'm', date: '2023-02-30', status: 'done' }] }],
      {
        width: 640,
        asOf,
      },
    );
    expect(odd.rows[0]!.marks).toEqual([]);
  });
});

describe('MilestoneTimeline (server-rendered)', () => {
  const model = timelineModel(rows, { width: 640, asOf, labels: { today: 'Today', overdue: 'late' } });

  it('matches the stored SVG snapshot', async () => {
    const html = render(MilestoneTimeline, {
      props: { model, title: 'Milestones by partnership', caption: 'Source: test data' },
    }).body;
    await expect(html).toMatchFileSnapshot('./__snapshots__/milestone-timeline.svg');
  });

  it('is an accessible image; marks carry their status and date; dates follow the locale', () => {
    const html = render(MilestoneTimeline, { props: { model, title: 'Milestones', locale: 'es' } }).body;
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/);
    expect(html).toContain('3 partnerships, 5 milestones: 2 done, 1 planned, 1 late, 1 missed.');
    expect(html).toContain('data-milestone="m3" data-status="overdue" data-date="2025-01-15"');
    expect(html).toContain('data-today="2026-11-25"');
    expect(html).toContain('15 ene 2025'); // a tooltip, in Spanish
    expect(html).toContain('no milestones recorded');
  });
});

describe('milestones that are not reported fact', () => {
  it('keeps each milestone’s source on its mark, reported by default', () => {
    const model = timelineModel(
      [
        {
          id: 'p',
          label: 'P',
          milestones: [
            { id: 'a', date: '2023-03-22', status: 'done' },
            { id: 'b', date: '2027-03-17', status: 'planned', source: 'illustrative' },
          ],
        },
      ],
      { width: 800, asOf: '2026-12-01' },
    );
    expect(model.rows[0]?.marks.map((m) => [m.id, m.source])).toEqual([
      ['a', 'reported'],
      ['b', 'illustrative'],
    ]);
    const html = render(MilestoneTimeline, { props: { model, title: 't' } }).body;
    expect(html).toContain(
      'data-milestone="b" data-status="planned" data-date="2027-03-17" data-source="illustrative"',
    );
    // One ring on the illustrative mark, one in the legend explaining it.
    expect(html.match(/stroke-dasharray="2 2"/g)).toHaveLength(2);
  });
});
