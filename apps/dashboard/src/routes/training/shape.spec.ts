import { describe, expect, it } from 'vitest';
import type { TrainingVolume } from '@puente/data/store';
import {
  cityCompletion,
  completionByYear,
  institutionYears,
  parseStackBy,
  reportedOf,
  totals,
} from './shape';

const volumes: TrainingVolume[] = [
  // An institution that doesn't record completion (its rows leave `completed` empty; the query sums them to 0).
  { year: 2019, group: 'zfc', trainees: 770, completed: 0 },
  { year: 2019, group: 'cife', trainees: 1650, completed: 1417 },
  { year: 2019, group: 'hansheng', trainees: 270, completed: 244 },
  { year: 2023, group: 'cife', trainees: 1850, completed: 1587 },
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

describe('reportedOf(volume)', () => {
  it('takes a group that records no completion as not reporting it, not as 0 % completed', () => {
    expect(reportedOf(volumes[0]!)).toBe(0);
    expect(reportedOf(volumes[1]!)).toBe(1650);
  });

  it('uses the base from the query once it returns one', () => {
    const withBase = { ...volumes[1]!, reported: 1000 } as TrainingVolume;
    expect(reportedOf(withBase)).toBe(1000);
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

  it('keeps per-city completion with its base', () => {
    expect(cityCompletion(rows).filter((r) => r.key === 'Hangzhou')).toEqual([
      { key: 'Hangzhou', year: 2019, completed: 0, reported: 0 },
      { key: 'Hangzhou', year: 2019, completed: 244, reported: 270 },
    ]);
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
