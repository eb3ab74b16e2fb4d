import type { MilestoneStatus } from '@puente/data/schema';
import { describe, expect, it } from 'vitest';
import { upcomingMilestones } from './upcoming.js';

const m = (id: string, date: string, status: MilestoneStatus = 'planned') => ({ id, date, status });
const milestones = [
  m('done-early', '2026-12-01', 'done'),
  m('b', '2027-01-10'),
  m('a', '2027-01-10'),
  m('edge', '2027-02-23'), // asOf + 90 days: included
  m('later-1', '2027-03-17'),
  m('later-2', '2027-03-17'),
  m('latest', '2027-06-01'),
  m('late', '2026-10-01'),
  m('missed', '2026-09-01', 'missed'),
];

describe('upcomingMilestones(milestones, {asOf, days})', () => {
  it('lists the planned milestones of the next 90 days by date, both ends included', () => {
    const up = upcomingMilestones(milestones, { asOf: '2026-11-25' });
    expect(up.until).toBe('2027-02-23');
    expect(up.within.map((x) => x.id)).toEqual(['a', 'b', 'edge']);
    expect(up.next).toEqual([]);
  });

  it('when none is due in the window, gives every milestone of the next date after it', () => {
    const up = upcomingMilestones(milestones, { asOf: '2027-02-24', days: 10 });
    expect(up.within).toEqual([]);
    expect(up.next.map((x) => x.id)).toEqual(['later-1', 'later-2']);
  });

  it('counts a planned milestone whose date has passed as late, not as upcoming', () => {
    const up = upcomingMilestones(milestones, { asOf: '2026-11-25', days: 30 });
    expect(up.overdue.map((x) => x.id)).toEqual(['late']);
    expect(up.within).toEqual([]);
    expect(up.next.map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('has nothing to say about a programme with nothing planned', () => {
    expect(upcomingMilestones([m('x', '2020-01-01', 'done')], { asOf: '2026-11-25' })).toEqual({
      until: '2027-02-23',
      within: [],
      next: [],
      overdue: [],
    });
  });
});
