/**
 * What is coming up: planned milestones in the next `days` days, or, when there is none, the next
 * ones further ahead (all those on the first date after the window), and those whose date has passed
 * while still planned. Pure; dates are `yyyy-mm-dd` strings compared as calendar days.
 */
import type { MilestoneStatus } from '@puente/data/schema';
import { compareStrings } from '../palette.js';
import { addDays } from './dates.js';

export interface DatedMilestone {
  id: string;
  date: string;
  status: MilestoneStatus;
}

export interface UpcomingOptions {
  /** The day "now" is measured from, `yyyy-mm-dd`. */
  asOf: string;
  /** Length of the window, in days; default 90. */
  days?: number;
}

export interface Upcoming<T> {
  /** Last day of the window (`asOf` + `days`). */
  until: string;
  /** Planned milestones from `asOf` to `until`, both included, by date. */
  within: T[];
  /** When `within` is empty: the planned milestones on the first date after `until` (empty if none). */
  next: T[];
  /** Planned milestones dated before `asOf`: late, not yet done nor marked missed. */
  overdue: T[];
}

const byDate = (a: DatedMilestone, b: DatedMilestone) =>
  compareStrings(a.date, b.date) || compareStrings(a.id, b.id);

export function upcomingMilestones<T extends DatedMilestone>(
  milestones: readonly T[],
  options: UpcomingOptions,
): Upcoming<T> {
  const { asOf } = options;
  const until = addDays(asOf, options.days ?? 90);
  const planned = milestones.filter((m) => m.status === 'planned').sort(byDate);
  const within = planned.filter((m) => m.date >= asOf && m.date <= until);
  const later = planned.filter((m) => m.date > until);
  const next = within.length === 0 && later[0] ? later.filter((m) => m.date === later[0]!.date) : [];
  return { until, within, next, overdue: planned.filter((m) => m.date < asOf) };
}
