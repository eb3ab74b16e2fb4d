/** The numbers behind the training tables, computed in one pass (plain functions: the components only lay them out). */
import type { CityTrainingRecord, CompletionRecord, TrainingModel } from '@puente/charts';

/** Trainees per year and series of a training model, keyed `year|series`. */
export function seriesCells(model: TrainingModel): (year: number, series: string) => number {
  const cells = new Map(model.bars.map((b) => [`${b.year}\u0000${b.key}`, b.trainees]));
  return (year, series) => cells.get(`${year}\u0000${series}`) ?? 0;
}

/** Enrolments of a cell, and how many of them are illustrative or estimated (the contract's `source`). */
export interface CityCell {
  trainees: number;
  illustrative: number;
  estimated: number;
}

/**
 * Trainees per city and year: the cities and years present, and lookups of a cell and of a year's total over every
 * city, each with its illustrative and estimated share.
 */
export function cityYears(records: readonly CityTrainingRecord[]) {
  const cells = new Map<string, CityCell>();
  const add = (key: string, r: CityTrainingRecord) => {
    const cell = cells.get(key) ?? { trainees: 0, illustrative: 0, estimated: 0 };
    cell.trainees += r.trainees;
    cell.illustrative += r.illustrative ?? 0;
    cell.estimated += r.estimated ?? 0;
    cells.set(key, cell);
  };
  for (const r of records) {
    add(`${r.year}\u0000${r.city}`, r);
    add(`${r.year}`, r);
  }
  const cities = [...new Set(records.map((r) => r.city))].sort();
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
  const none: CityCell = { trainees: 0, illustrative: 0, estimated: 0 };
  const cell = (year: number, city: string) => cells.get(`${year}\u0000${city}`) ?? none;
  const year = (year: number) => cells.get(`${year}`) ?? none;
  return { cities, years, cell, year };
}

export interface CompletionRow {
  /** The city, or '' for every city together. */
  group: string;
  year: number;
  completed: number;
  reported: number;
  /** Of the enrolments behind the row, those illustrative and those estimated. */
  illustrative: number;
  estimated: number;
}

/** Completion per city and year, then for every city together; only where some outcome is recorded. */
export function completionRows(records: readonly CompletionRecord[]): CompletionRow[] {
  const cells = new Map<string, CompletionRow>();
  const add = (group: string, r: CompletionRecord) => {
    const key = `${group}\u0000${r.year}`;
    const cell = cells.get(key) ?? {
      group,
      year: r.year,
      completed: 0,
      reported: 0,
      illustrative: 0,
      estimated: 0,
    };
    cell.completed += r.completed;
    cell.reported += r.reported;
    cell.illustrative += r.illustrative ?? 0;
    cell.estimated += r.estimated ?? 0;
    cells.set(key, cell);
  };
  for (const r of records) {
    add(r.key, r);
    add('', r);
  }
  return [...cells.values()]
    .filter((c) => c.reported > 0)
    .sort(
      (a, b) =>
        Number(a.group === '') - Number(b.group === '') ||
        (a.group < b.group ? -1 : a.group > b.group ? 1 : a.year - b.year),
    );
}
