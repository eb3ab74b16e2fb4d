import { describe, expect, it } from 'vitest';
import type { TrainingVolume } from '@puente/data/store';
import {
  cityCompletion,
  cityYears,
  completionByYear,
  institutionRecords,
  institutionYears,
  parseStackBy,
  totals,
} from './shape';

const volumes: TrainingVolume[] = [
  // An institution that doesn't record completion (its rows leave `completed` empty: nothing reported).
  { year: 2019, group: 'zfc', trainees: 770, completed: 0, reported: 0 },
  { year: 2019, group: 'cife', trainees: 1650, completed: 1417, reported: 1650 },
  { year: 2019, group: 'hansheng', trainees: 270, completed: 244, reported: 270 },
  { year: 2023, group: 'cife', trainees: 1850, completed: 1587, reported: 1850 },
];
const institutions = new Map([
  ['zfc', { label: 'ZFC', city: 'Hangzhou' }],
  ['cife', { label: 'CIFE', city: 'Fuenlabrada' }],
  ['hansheng', { label: 'Hansheng', city: 'Hangzhou' }],
]);

describe('parseStackBy(value)', () => {
  it('is topic unless the URL says institution', () => {
    expect(parseStackBy('institution')).toBe('institution');
    for (const other of [null, '', 'topic', 'city', 'INSTITUTION']) expect(parseStackBy(other)).toBe('topic');
  });
});

describe('institutionYears(volumes, institutions) and what is derived from it', () => {
  const rows = institutionYears(volumes, institutions);

  it('joins names and cities', () => {
    expect(rows[0]).toEqual({
      institution: 'zfc',
      label: 'ZFC',
      city: 'Hangzhou',
      year: 2019,
      trainees: 770,
      completed: 0,
      reported: 0,
    });
  });

  it('computes completion per year over the recorded base only', () => {
    expect(completionByYear(rows)).toEqual([
      { year: 2019, completed: 1661, reported: 1920 },
      { year: 2023, completed: 1587, reported: 1850 },
    ]);
  });

  it('sums institutions per city and year, completion with its base', () => {
    expect(cityYears(rows)).toEqual([
      { city: 'Fuenlabrada', year: 2019, trainees: 1650, completed: 1417, reported: 1650 },
      { city: 'Fuenlabrada', year: 2023, trainees: 1850, completed: 1587, reported: 1850 },
      { city: 'Hangzhou', year: 2019, trainees: 1040, completed: 244, reported: 270 },
    ]);
    expect(cityCompletion(cityYears(rows)).find((r) => r.key === 'Hangzhou')).toEqual({
      key: 'Hangzhou',
      year: 2019,
      completed: 244,
      reported: 270,
    });
  });

  it('keeps the institutions with most trainees for the stack and sums the rest into "other"', () => {
    const many = institutionYears(
      Array.from({ length: 10 }, (_, i) => ({
        year: 2020,
        group: `i${i}`,
        trainees: 100 + i,
        completed: 50,
        reported: 100 + i,
      })),
      new Map(),
    );
    const records = institutionRecords(many, 7);
    expect(records.filter((r) => !r.other).map((r) => r.institution)).toEqual([
      'i3',
      'i4',
      'i5',
      'i6',
      'i7',
      'i8',
      'i9',
    ]);
    expect(records.filter((r) => r.other)).toEqual([
      { institution: '', other: true, year: 2020, trainees: 303, completed: 150, reported: 303 },
    ]);
    // Eight institutions: no point in an "other" of one, all are kept.
    expect(institutionRecords(many.slice(0, 8), 7).some((r) => r.other)).toBe(false);
  });

  it('sums the totals of the page', () => {
    expect(totals(rows)).toEqual({
      trainees: 4540,
      completed: 3248,
      reported: 3770,
      institutions: 3,
      from: 2019,
      to: 2023,
    });
    expect(totals([])).toMatchObject({ trainees: 0, from: null, to: null });
  });
});
