import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { OKABE_ITO } from '../palette.js';
import { cityTrainingModel, type CityTrainingRecord } from './cities.js';
import CityTrainingChart from './CityTrainingChart.svelte';

const records: CityTrainingRecord[] = [
  { city: 'Fuenlabrada', year: 2021, trainees: 1500 },
  { city: 'Fuenlabrada', year: 2023, trainees: 1850 },
  { city: 'Hangzhou', year: 2021, trainees: 2500 },
  { city: 'Hangzhou', year: 2022, trainees: 2900 },
  { city: 'Hangzhou', year: 2023, trainees: 1370 },
  // Two rows of one city and year add up.
  { city: 'Hangzhou', year: 2023, trainees: 30 },
];

describe('cityTrainingModel(records, options)', () => {
  const model = cityTrainingModel(records, { width: 720 });

  it('draws one panel per city, the one with most trainees first', () => {
    expect(model.panels.map((p) => [p.key, p.trainees])).toEqual([
      ['Hangzhou', 6800],
      ['Fuenlabrada', 3350],
    ]);
    expect(model.panels[0]!.peak).toEqual({ year: 2022, trainees: 2900 });
    expect(model.summary).toEqual({ cities: 2, trainees: 10150, from: 2021, to: 2023 });
  });

  it('has no provenance legend when every figure is reported', () => {
    expect(model.legend).toEqual([]);
    expect(render(CityTrainingChart, { props: { model, title: 'T' } }).body).not.toContain('data-provenance');
  });

  it('hatches the illustrative share and dots the estimated one, with a legend above the panels', () => {
    const marked = cityTrainingModel(
      [
        ...records,
        { city: 'Hangzhou', year: 2022, trainees: 100, illustrative: 100 },
        { city: 'Fuenlabrada', year: 2023, trainees: 50, estimated: 50 },
      ],
      { width: 720, labels: { illustrative: 'Ilustrativo', estimated: 'Estimado' } },
    );
    expect(marked.legend.map((l) => [l.key, l.label])).toEqual([
      ['illustrative', 'Ilustrativo'],
      ['estimated', 'Estimado'],
    ]);
    // The panels move down, clear of the legend.
    expect(marked.panels[0]!.y).toBeGreaterThan(model.panels[0]!.y);
    const hz = marked.panels.find((p) => p.key === 'Hangzhou')!.bars.find((b) => b.year === 2022)!;
    expect([hz.trainees, hz.illustrative, hz.estimated]).toEqual([3000, 100, 0]);
    const html = render(CityTrainingChart, { props: { model: marked, title: 'T' } }).body;
    expect(html).toMatch(/data-provenance="illustrative" data-year="2022" data-trainees="100"/);
    expect(html).toMatch(/data-provenance="estimated" data-year="2023" data-trainees="50"/);
    expect(html).toContain('data-legend="illustrative"');
  });

  it('puts the panels side by side on the same scales, so bars compare across cities', () => {
    const [a, b] = model.panels;
    expect(a!.y).toBe(b!.y);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width);
    expect(a!.yTicks).toEqual(b!.yTicks.map((t) => ({ ...t })));
    // Same trainees, same height: 2021 is 2500 in Hangzhou and 1500 in Fuenlabrada.
    const bar = (p: typeof a, year: number) => p!.bars.find((x) => x.year === year)!;
    expect(bar(a, 2021).height / bar(b, 2021).height).toBeCloseTo(2500 / 1500, 2);
    // A year without training has no bar, but keeps its place on the axis.
    expect(b!.bars.map((x) => x.year)).toEqual([2021, 2023]);
    expect(b!.xTicks.map((t) => t.value)).toEqual([2021, 2022, 2023]);
  });

  it('stacks the panels when the chart is narrow', () => {
    const narrow = cityTrainingModel(records, { width: 400 });
    expect(narrow.panels[1]!.x).toBe(narrow.panels[0]!.x);
    expect(narrow.panels[1]!.y).toBeGreaterThan(narrow.panels[0]!.y + narrow.panels[0]!.height);
    expect(narrow.height).toBeGreaterThan(model.height);
  });

  it('colours cities like the network does (sorted names), unless told otherwise', () => {
    expect(model.panels.find((p) => p.key === 'Fuenlabrada')!.color).toBe(OKABE_ITO[0]);
    expect(model.panels.find((p) => p.key === 'Hangzhou')!.color).toBe(OKABE_ITO[1]);
    const fixed = cityTrainingModel(records, { width: 720, colors: { Hangzhou: '#000000' } });
    expect(fixed.panels[0]!.color).toBe('#000000');
  });

  it('leaves the smaller cities past maxPanels to the table, and says how many', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ city: `City ${i}`, year: 2020, trainees: 100 + i }));
    const m = cityTrainingModel(many, { width: 1200, maxPanels: 8 });
    expect(m.panels).toHaveLength(8);
    expect(m.hidden).toEqual({ cities: 4, trainees: 100 + 101 + 102 + 103 });
  });

  it('honours a year range, and handles no records', () => {
    const ranged = cityTrainingModel(records, { width: 720, from: 2022, to: 2023 });
    expect(ranged.panels.map((p) => p.trainees)).toEqual([4300, 1850]);
    const empty = cityTrainingModel([], { width: 720 });
    expect(empty.panels).toEqual([]);
    expect(empty.summary.from).toBeNull();
  });
});

describe('a city named untranslated', () => {
  it('carries its own lang on its panel title, the panel’s figures the page’s', () => {
    const model = cityTrainingModel(records, {
      width: 720,
      names: { Fuenlabrada: '富恩拉夫拉达' },
      nameLangs: { Hangzhou: 'en' },
    });
    expect(model.panels.map((p) => [p.key, p.lang])).toEqual([
      ['Hangzhou', 'en'],
      ['Fuenlabrada', undefined],
    ]);
    const html = render(CityTrainingChart, { props: { model, title: 't' } }).body;
    expect(html).toContain('<tspan lang="en">Hangzhou</tspan>');
    expect(html.replace(/<!--.*?-->/g, '')).toMatch(/>富恩拉夫拉达<tspan font-weight/);
  });
});

describe('CityTrainingChart (server-rendered)', () => {
  const model = cityTrainingModel(records, { width: 720 });

  it('matches the stored SVG snapshot', async () => {
    const html = render(CityTrainingChart, {
      props: { model, title: 'People trained per year, by city', caption: 'Source: test data' },
    }).body;
    await expect(html).toMatchFileSnapshot('./__snapshots__/city-training-chart.svg');
  });

  it('is an accessible image whose panels and bars carry their numbers', () => {
    const html = render(CityTrainingChart, { props: { model, title: 'By city' } }).body;
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/);
    expect(html).toContain(
      'Hangzhou: 6,800 training enrolments; Fuenlabrada: 3,350 training enrolments.</desc>',
    );
    expect(html).toContain('data-city="Fuenlabrada" data-trainees="3350"');
    expect(html).toContain('data-year="2022" data-trainees="2900"');
  });

  it('formats numbers in the page’s language', () => {
    const html = render(CityTrainingChart, { props: { model, title: 't', locale: 'es' } }).body;
    expect(html).toContain('6800 enrolled'); // es groups thousands only from five digits
    expect(html).toContain('Hangzhou, 2022: 2900 enrolled');
    expect(render(CityTrainingChart, { props: { model, title: 't' } }).body).toContain(
      'Hangzhou, 2022: 2,900 enrolled',
    );
  });
});
