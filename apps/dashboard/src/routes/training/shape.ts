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
    reported: v.reported,
  }));
}

/** Training in one city and year: what the city charts need (a few hundred rows even for a large programme). */
export interface CityYear {
  city: string;
  year: number;
  trainees: number;
  completed: number;
  reported: number;
}

type Counts = Pick<InstitutionYear, 'year' | 'trainees' | 'completed' | 'reported'>;

/** Institution rows summed per city and year, in city then year order. */
export function cityYears(rows: readonly InstitutionYear[]): CityYear[] {
  const cells = new Map<string, CityYear>();
  for (const r of rows) {
    const key = `${r.city}\u0000${r.year}`;
    const cell = cells.get(key) ?? { city: r.city, year: r.year, trainees: 0, completed: 0, reported: 0 };
    cell.trainees += r.trainees;
    cell.completed += r.completed;
    cell.reported += r.reported;
    cells.set(key, cell);
  }
  return [...cells.values()].sort((a, b) => (a.city < b.city ? -1 : a.city > b.city ? 1 : a.year - b.year));
}

/** Completion per year over all rows: the base of the rate line, whatever the bars are stacked by. */
export function completionByYear(rows: readonly Counts[]): YearCompletion[] {
  const years = new Map<number, YearCompletion>();
  for (const r of rows) {
    const y = years.get(r.year) ?? { year: r.year, completed: 0, reported: 0 };
    y.completed += r.completed;
    y.reported += r.reported;
    years.set(r.year, y);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/**
 * Records of the stacked chart stacked by institution: the `keep` institutions with most trainees as they are, the
 * others summed per year into the grey "other" series (the chart colours seven series at most anyway).
 */
export function institutionRecords(rows: readonly InstitutionYear[], keep = 7): TrainingRecord[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.institution, (totals.get(r.institution) ?? 0) + r.trainees);
  const kept = new Set(
    [...totals]
      .sort(([a, ta], [b, tb]) => tb - ta || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, totals.size > keep + 1 ? keep : totals.size)
      .map(([id]) => id),
  );
  const records: TrainingRecord[] = rows
    .filter((r) => kept.has(r.institution))
    .map((r) => ({
      institution: r.institution,
      institutionLabel: r.label,
      year: r.year,
      trainees: r.trainees,
      completed: r.completed,
      reported: r.reported,
    }));
  const rest = new Map<number, TrainingRecord>();
  for (const r of rows) {
    if (kept.has(r.institution)) continue;
    const y = rest.get(r.year) ?? {
      institution: '',
      other: true,
      year: r.year,
      trainees: 0,
      completed: 0,
      reported: 0,
    };
    y.trainees += r.trainees;
    y.completed += r.completed;
    y.reported = (y.reported ?? 0) + r.reported;
    rest.set(r.year, y);
  }
  return [...records, ...[...rest.values()].sort((a, b) => a.year - b.year)];
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
export function cityRecords(rows: readonly CityYear[]): CityTrainingRecord[] {
  return rows.map((r) => ({ city: r.city, year: r.year, trainees: r.trainees }));
}

/** Completion per city and year. */
export function cityCompletion(rows: readonly CityYear[]): CompletionRecord[] {
  return rows.map((r) => ({ key: r.city, year: r.year, completed: r.completed, reported: r.reported }));
}

export interface Totals {
  trainees: number;
  completed: number;
  /** Trainees whose completion is recorded. */
  reported: number;
  /** Institutions with trainees. */
  institutions: number;
  from: number | null;
  to: number | null;
}

/** Totals over the rows: trainees, completed, trainees whose completion is recorded, institutions, years. */
export function totals(rows: readonly InstitutionYear[]): Totals {
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
