import { describe, expect, it } from 'vitest';
import { MAX_FILTER_VALUES, parseFilters } from './filters.js';

describe('parseFilters', () => {
  it('reads repeated keys and comma lists, trimmed, once each, sorted', () => {
    const filters = parseFilters(
      new URLSearchParams('city=Madrid, Hangzhou&city=Madrid&status=active&from=2020'),
    );
    expect(filters).toMatchObject({ city: ['Hangzhou', 'Madrid'], status: ['active'], from: 2020, to: null });
  });

  it('drops what a hand-typed URL gets wrong: empty values, overlong ones, years out of range', () => {
    const filters = parseFilters(
      new URLSearchParams(`city=,,${'x'.repeat(201)}&type= &from=20x0&to=3000&area=${'y'.repeat(200)}`),
    );
    expect(filters).toMatchObject({ city: [], type: [], from: null, to: null, area: ['y'.repeat(200)] });
  });

  it(`keeps at most ${MAX_FILTER_VALUES} values of a filter, however long the URL`, () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
    expect(parseFilters(new URLSearchParams(`city=${many}`)).city).toHaveLength(MAX_FILTER_VALUES);
  });
});
