/**
 * From the /training view to chart records, in the browser as on the server (the page rebuilds its chart models at
 * the width it is shown at). The view itself is built in `$lib/server/views/training.ts`.
 */
import type { CityTrainingRecord, CompletionRecord } from '@puente/charts';

export const STACK_BY = ['topic', 'institution'] as const;
export type StackBy = (typeof STACK_BY)[number];

/** The `by` URL parameter: topic unless it says institution. */
export function parseStackBy(value: string | null): StackBy {
  return value === 'institution' ? 'institution' : 'topic';
}

/** Training in one city and year. */
export interface CityYear {
  city: string;
  year: number;
  trainees: number;
  completed: number;
  reported: number;
  /** Of `trainees`, those estimated and those illustrative. */
  estimated: number;
  illustrative: number;
}

/** Trainees per city and year, with their share not reported as fact. */
export function cityRecords(rows: readonly CityYear[]): CityTrainingRecord[] {
  return rows.map((r) => ({
    city: r.city,
    year: r.year,
    trainees: r.trainees,
    estimated: r.estimated,
    illustrative: r.illustrative,
  }));
}

/** Completion per city and year. */
export function cityCompletion(rows: readonly CityYear[]): CompletionRecord[] {
  return rows.map((r) => ({
    key: r.city,
    year: r.year,
    completed: r.completed,
    reported: r.reported,
    estimated: r.estimated,
    illustrative: r.illustrative,
  }));
}
