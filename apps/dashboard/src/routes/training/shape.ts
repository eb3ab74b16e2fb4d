/**
 * From query rows to chart records, for the /training page: pure functions shared by the server load and the page
 * (which rebuilds the chart models at the width it is shown at).
 */
import type { CityTrainingRecord, CompletionRecord, TrainingRecord, YearCompletion } from '@puente/charts';
import type { TrainingVolume } from '@puente/data/store';

export const STACK_BY = ['topic', 'institution'] as const;
export type StackBy = (typeof STACK_BY)[number];

/** The `by` URL parameter: topic unless it says institution. */
export function parseStackBy(value: string | null): StackBy {
  return value === 'institution' ? 'institution' : 'topic';
}

/**
 * Trainees of a group whose completion is recorded: the base of a completion rate.
 *
 * `trainingByYear` sums `completed` with coalesce, so a group whose rows leave `completed` empty reads as
 * `completed: 0`. Until the query also returns that base (see `reported` below), the finest grouping
 * (institution × year) is used and a group with no completion at all is taken as not reporting it. That is exact
 * whenever an institution reports completion for all or none of a year's programmes, as in the sample programme.
 */
export function reportedOf(volume: TrainingVolume): number {
  if ('reported' in volume && typeof volume.reported === 'number') return volume.reported;
  return volume.completed > 0 ? volume.trainees : 0;
}

/** One institution's training in one year, with its display name and city. */
export interface InstitutionYear {
  institution: string;
  label: string;
  city: string;
  year: number;
  trainees: number;
  completed: number;
  reported: number;
}

/** Per-institution rows joined with the institutions' names and cities. */
export function institutionYears(
  volumes: readonly TrainingVolume[],
  institutions: ReadonlyMap<string, { label: string; city: string }>,
): InstitutionYear[] {
  return volumes.map((v) => ({
    institution: v.group,
    label: institutions.get(v.group)?.label ?? v.group,
    city: institutions.get(v.group)?.city ?? '',
    year: v.year,
    trainees: v.trainees,
    completed: v.completed,
    reported: reportedOf(v),
  }));
}

/** Completion per year over every institution: the base of the rate line when stacking by topic. */
export function completionByYear(rows: readonly InstitutionYear[]): YearCompletion[] {
  const years = new Map<number, YearCompletion>();
  for (const r of rows) {
    const y = years.get(r.year) ?? { year: r.year, completed: 0, reported: 0 };
    y.completed += r.completed;
    y.reported += r.reported;
    years.set(r.year, y);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** Records of the stacked chart stacked by institution. */
export function institutionRecords(rows: readonly InstitutionYear[]): TrainingRecord[] {
  return rows.map((r) => ({
    institution: r.institution,
    institutionLabel: r.label,
    year: r.year,
    trainees: r.trainees,
    completed: r.completed,
    reported: r.reported,
  }));
}

/**
 * Records of the stacked chart stacked by topic. A topic's completion can't be told apart from its programmes that
 * don't report it, so the rate line takes its base from `completionByYear` instead.
 */
export function topicRecords(volumes: readonly TrainingVolume[]): TrainingRecord[] {
  return volumes.map((v) => ({
    institution: '',
    topic: v.group,
    year: v.year,
    trainees: v.trainees,
    completed: v.completed,
  }));
}

/** Trainees per city and year. */
export function cityRecords(rows: readonly InstitutionYear[]): CityTrainingRecord[] {
  return rows.map((r) => ({ city: r.city, year: r.year, trainees: r.trainees }));
}

/** Completion per city and year. */
export function cityCompletion(rows: readonly InstitutionYear[]): CompletionRecord[] {
  return rows.map((r) => ({ key: r.city, year: r.year, completed: r.completed, reported: r.reported }));
}

/** Totals over the rows: trainees, completed, trainees whose completion is recorded, institutions, years. */
export function totals(rows: readonly InstitutionYear[]) {
  const years = rows.filter((r) => r.trainees > 0).map((r) => r.year);
  return {
    trainees: rows.reduce((s, r) => s + r.trainees, 0),
    completed: rows.reduce((s, r) => s + r.completed, 0),
    reported: rows.reduce((s, r) => s + r.reported, 0),
    institutions: new Set(rows.filter((r) => r.trainees > 0).map((r) => r.institution)).size,
    from: years.length ? Math.min(...years) : null,
    to: years.length ? Math.max(...years) : null,
  };
}

/** The query string of this page with only `keep` kept (e.g. language and grouping, without the filters). */
export function keepOnly(search: URLSearchParams, keep: readonly string[]): string {
  const query = new URLSearchParams();
  for (const key of keep) {
    const value = search.get(key);
    if (value) query.set(key, value);
  }
  return `?${query}`;
}
