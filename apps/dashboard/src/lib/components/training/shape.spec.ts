import { describe, expect, it } from 'vitest';
import { keepOnly } from '$lib/links';
import { cityCompletion, cityRecords, parseStackBy } from './shape';

describe('parseStackBy(value)', () => {
  it('is topic unless the URL says institution', () => {
    expect(parseStackBy('institution')).toBe('institution');
    for (const other of [null, '', 'topic', 'city', 'INSTITUTION']) expect(parseStackBy(other)).toBe('topic');
  });
});

describe('cityRecords(rows) and cityCompletion(rows)', () => {
  const rows = [
    {
      city: 'Hangzhou',
      year: 2023,
      trainees: 300,
      completed: 280,
      reported: 300,
      estimated: 0,
      illustrative: 200,
    },
    {
      city: 'Fuenlabrada',
      year: 2023,
      trainees: 80,
      completed: 0,
      reported: 0,
      estimated: 80,
      illustrative: 0,
    },
  ];
  it('keeps trainees per city and year with their share not reported as fact, and completion with its base', () => {
    expect(cityRecords(rows)).toEqual([
      { city: 'Hangzhou', year: 2023, trainees: 300, estimated: 0, illustrative: 200 },
      { city: 'Fuenlabrada', year: 2023, trainees: 80, estimated: 80, illustrative: 0 },
    ]);
    expect(cityCompletion(rows)).toEqual([
      { key: 'Hangzhou', year: 2023, completed: 280, reported: 300, estimated: 0, illustrative: 200 },
      { key: 'Fuenlabrada', year: 2023, completed: 0, reported: 0, estimated: 80, illustrative: 0 },
    ]);
  });
});

describe('keepOnly(search, keep)', () => {
  it('keeps only the listed parameters', () => {
    expect(keepOnly(new URLSearchParams('lang=es&by=institution&city=Hangzhou'), ['lang', 'by'])).toBe(
      '?lang=es&by=institution',
    );
  });
});
