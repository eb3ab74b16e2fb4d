import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { trainingRecords } from '../../test/fixtures.js';
import { OKABE_ITO, OTHER_COLOR } from '../palette.js';
import { trainingModel, type TrainingRecord } from './model.js';
import TrainingChart from './TrainingChart.svelte';

const size = { width: 640, height: 360 };

describe('trainingModel(records, options)', () => {
  const model = trainingModel(trainingRecords, size);

  it('shows every year of the range, empty ones included', () => {
    expect(model.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(model.years.map((y) => y.trainees)).toEqual([160, 0, 230, 120]);
    expect(model.xTicks.map((t) => t.value)).toEqual([2021, 2022, 2023, 2024]);
  });

  it('stacks the segments of a year without gaps, from the axis up', () => {
    for (const year of model.years) {
      const segments = model.bars.filter((b) => b.year === year.year).sort((a, b) => b.y - a.y);
      expect(segments.reduce((sum, b) => sum + b.trainees, 0)).toBe(year.trainees);
      if (segments.length === 0) continue;
      expect(segments[0]!.y + segments[0]!.height).toBeCloseTo(model.plot.y + model.plot.height, 1);
      for (let i = 1; i < segments.length; i++) {
        expect(segments[i]!.y + segments[i]!.height).toBeCloseTo(segments[i - 1]!.y, 1);
      }
      expect(Math.min(...segments.map((b) => b.y))).toBeCloseTo(year.top, 1);
    }
  });

  it('computes the completion rate per year, with a gap where nobody was trained', () => {
    expect(model.years.map((y) => y.rate)).toEqual([0.79, null, 0.79, 0.48]);
    expect(model.years[1]!.rateY).toBeNull();
    // Two pieces of line: 2021 alone (a move only), then 2023–2024.
    expect(model.ratePath.match(/M/g)).toHaveLength(2);
    expect(model.summary).toEqual({
      trainees: 510,
      completed: 365,
      reported: 510,
      rate: 0.72,
      from: 2021,
      to: 2024,
    });
  });

  it('takes the completion rate over the trainees whose completion is recorded only', () => {
    const mixed: TrainingRecord[] = [
      // 100 people whose programme doesn't report completion: not 0 %, just unknown.
      { institution: 'a', year: 2020, trainees: 100, completed: 0, reported: 0 },
      { institution: 'b', year: 2020, trainees: 50, completed: 40 },
      { institution: 'a', year: 2021, trainees: 80, completed: 0, reported: 0 },
    ];
    const m = trainingModel(mixed, size);
    expect(m.years.map((y) => [y.year, y.trainees, y.reported, y.rate])).toEqual([
      [2020, 150, 50, 0.8],
      [2021, 80, 0, null],
    ]);
    expect(m.summary).toMatchObject({ trainees: 230, completed: 40, reported: 50, rate: 0.8 });
    // No rate, no point: the line has a single point (2020).
    expect(m.years[1]!.rateY).toBeNull();
  });

  it('lets per-year completion override what coarser records say', () => {
    const byTopic: TrainingRecord[] = [
      { institution: '', topic: 'e-commerce', year: 2020, trainees: 300, completed: 90 },
    ];
    const m = trainingModel(byTopic, { ...size, completion: [{ year: 2020, completed: 90, reported: 100 }] });
    expect(m.years[0]).toMatchObject({ trainees: 300, completed: 90, reported: 100, rate: 0.9 });
  });

  it('keeps every total label clear of its year’s completion-rate point', () => {
    // Rates chosen to land right on the bar tops, the case that used to overlap.
    const crowded: TrainingRecord[] = [300, 280, 260, 240, 220, 200, 120, 60].map((trainees, i) => ({
      institution: 'x',
      year: 2010 + i,
      trainees,
      completed: Math.round(trainees * (trainees / 330)),
    }));
    for (const width of [480, 640, 960]) {
      const m = trainingModel(crowded, { ...size, width });
      // The case is real: labels had to move off their default place (4 px above the bar).
      expect(m.years.some((y) => y.labelY !== null && y.labelY !== y.top - 4)).toBe(true);
      for (const year of m.years) {
        if (year.labelY === null || year.rateY === null) continue;
        const label = { top: year.labelY - 8.5, bottom: year.labelY + 2 };
        const point = { top: year.rateY - 4.5, bottom: year.rateY + 4.5 };
        expect(label.bottom < point.top || label.top > point.bottom, `${width}px, ${year.year}`).toBe(true);
        // And inside the chart, under the legend.
        expect(label.top).toBeGreaterThanOrEqual(m.plot.y - 10);
      }
    }
  });

  it('hides the totals when they would not fit between the bars', () => {
    const years: TrainingRecord[] = Array.from({ length: 19 }, (_, i) => ({
      institution: 'x',
      year: 2005 + i,
      trainees: 1790,
      completed: 0,
    }));
    expect(trainingModel(years, { width: 1200, height: 360 }).showTotals).toBe(true);
    expect(trainingModel(years, { width: 480, height: 360 }).showTotals).toBe(false);
  });

  it('cuts long legend names, keeping the full name as the item’s title', () => {
    const long =
      'International Business School (Cross-border E-commerce School) of Zhejiang Finance Vocational College';
    const m = trainingModel(
      [{ institution: 'zfc', institutionLabel: long, year: 2020, trainees: 10, completed: 5 }],
      { ...size, stackBy: 'institution', legendLabelWidth: 200 },
    );
    const item = m.legend.find((l) => l.key === 'zfc')!;
    expect(item.title).toBe(long);
    expect(item.label.endsWith('…')).toBe(true);
    expect(item.label.length).toBeLessThan(long.length);
  });

  it('heads the legend with what the series are, entries after it, and draws the heading', () => {
    const records = [
      { institution: 'ES', institutionLabel: 'Spain', year: 2020, trainees: 10, completed: 5 },
      { institution: 'CN', institutionLabel: 'China', year: 2020, trainees: 20, completed: 5 },
    ];
    const plain = trainingModel(records, { ...size, stackBy: 'institution' });
    expect(plain.legendTitle).toBeNull();
    const headed = trainingModel(records, { ...size, stackBy: 'institution', labels: { series: 'Country' } });
    expect(headed.legendTitle).toMatchObject({ label: 'Country', x: headed.plot.x });
    // The entries move right of the heading, on its row.
    const first = headed.legend[0]!;
    expect(first.y).toBe(headed.legendTitle!.y);
    expect(first.x).toBeGreaterThan(headed.legendTitle!.x + 30);
    const html = render(TrainingChart, { props: { model: headed, title: 'T' } }).body;
    expect(html).toMatch(/<text[^>]*data-legend-title[^>]*>Country</);
    expect(render(TrainingChart, { props: { model: plain, title: 'T' } }).body).not.toContain(
      'data-legend-title',
    );
  });

  it('names records without a topic with the localised "other" label', () => {
    const m = trainingModel([{ institution: 'x', topic: '', year: 2020, trainees: 10, completed: 5 }], {
      ...size,
      labels: { other: 'sin tema' },
    });
    expect(m.series.map((s) => [s.key, s.label])).toEqual([['other', 'sin tema']]);
  });

  it('stacks by topic with the largest series at the base, colours from the sorted keys', () => {
    expect(model.series.map((s) => s.key)).toEqual(['e-commerce', 'live-commerce', 'marketplaces', 'design']);
    const sorted = ['design', 'e-commerce', 'live-commerce', 'marketplaces'];
    for (const s of model.series) expect(s.color).toBe(OKABE_ITO[sorted.indexOf(s.key)]);
    const shuffled = trainingModel([...trainingRecords].reverse(), size);
    expect(shuffled).toEqual(model);
  });

  it('stacks by institution, labelled with the institutions’ names', () => {
    const byInstitution = trainingModel(trainingRecords, { ...size, stackBy: 'institution' });
    expect(byInstitution.series.map((s) => s.label)).toEqual([
      'CIFE',
      'Cross-border E-commerce Academy',
      'Rey Juan Carlos University',
    ]);
  });

  it('gathers series past seven into a grey "other", on top of the stack', () => {
    const many: TrainingRecord[] = Array.from({ length: 10 }, (_, i) => ({
      institution: `i${i}`,
      topic: `topic ${i}`,
      year: 2024,
      trainees: 10 + i,
      completed: 5,
    }));
    const crowded = trainingModel(many, { ...size, labels: { other: 'otros' } });
    expect(crowded.series).toHaveLength(7);
    expect(crowded.series.at(-1)).toMatchObject({
      key: 'other',
      label: 'otros',
      color: OTHER_COLOR,
      other: true,
    });
    expect(crowded.series.at(-1)!.trainees).toBe(10 + 11 + 12 + 13);
  });

  it('puts records summed upstream into the grey "other" series, on top, whatever the rest', () => {
    const m = trainingModel(
      [
        { institution: 'a', institutionLabel: 'A', year: 2020, trainees: 50, completed: 40 },
        { institution: '', other: true, year: 2020, trainees: 500, completed: 100 },
      ],
      { ...size, stackBy: 'institution', labels: { other: 'otras' } },
    );
    expect(m.series.map((s) => [s.key, s.label, s.color, s.other ?? false])).toEqual([
      ['a', 'A', OKABE_ITO[0], false],
      ['other', 'otras', OTHER_COLOR, true],
    ]);
    expect(m.years[0]).toMatchObject({ trainees: 550, completed: 140 });
  });

  it('never counts more completions than trainees, nor negative numbers', () => {
    const odd = trainingModel([{ institution: 'x', year: 2020, trainees: 10, completed: 15 }], size);
    expect(odd.years[0]!.rate).toBe(1);
  });

  it('honours a year range', () => {
    const ranged = trainingModel(trainingRecords, { ...size, from: 2022, to: 2025 });
    expect(ranged.years.map((y) => [y.year, y.trainees])).toEqual([
      [2022, 0],
      [2023, 230],
      [2024, 120],
      [2025, 0],
    ]);
  });

  it('handles no records', () => {
    const empty = trainingModel([], size);
    expect(empty.years).toEqual([]);
    expect(empty.bars).toEqual([]);
    expect(empty.ratePath).toBe('');
  });
});

describe('TrainingChart (server-rendered)', () => {
  const model = trainingModel(trainingRecords, size);

  it('matches the stored SVG snapshot', async () => {
    const html = render(TrainingChart, {
      props: {
        model,
        title: 'People trained per year',
        caption: 'Source: Puente sample programme, data version 1',
      },
    }).body;
    await expect(html).toMatchFileSnapshot('./__snapshots__/training-chart.svg');
  });

  it('is an accessible image with a title, a description and a caption', () => {
    const html = render(TrainingChart, {
      props: { model, title: 'People trained', caption: 'Data version 3' },
    }).body;
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/);
    expect(html).toContain('People trained</title>');
    expect(html).toContain('510 training enrolments from 2021 to 2024; 72% completed.</desc>');
    expect(html).toContain('Data version 3</text>');
    expect(html).toContain('data-legend="completion-rate"');
  });

  it('marks every bar with its year, group and trainees, for tests and tools', () => {
    const html = render(TrainingChart, { props: { model, title: 't' } }).body;
    const bars = [...html.matchAll(/data-group="([^"]+)" data-year="(\d+)" data-trainees="(\d+)"/g)];
    expect(bars).toHaveLength(model.bars.length);
    expect(bars.reduce((sum, m) => sum + Number(m[3]), 0)).toBe(510);
    expect(html).toContain('data-total="2023"');
  });

  it('marks a series name shown untranslated with its own lang, and only that one', () => {
    // On a Chinese page: the academy has its Chinese name, CIFE only its Spanish one.
    const records = trainingRecords.map((r) =>
      r.institution === 'fue-cife'
        ? { ...r, labelLang: 'es' }
        : r.institution === 'hz-academy'
          ? { ...r, institutionLabel: '跨境电商学院' }
          : r,
    );
    const byInstitution = trainingModel(records, { ...size, stackBy: 'institution' });
    expect(byInstitution.legend.find((l) => l.key === 'fue-cife')?.lang).toBe('es');
    expect(byInstitution.legend.filter((l) => l.lang !== undefined).map((l) => l.key)).toEqual(['fue-cife']);
    const html = render(TrainingChart, { props: { model: byInstitution, title: 't' } }).body;
    expect(html).toMatch(/data-legend="fue-cife"[^>]*>.*?<text x="17" lang="es">CIFE<\/text>/s);
    expect(html).toMatch(/data-legend="hz-academy"[^>]*>.*?<text x="17">跨境电商学院<\/text>/s);
  });

  it('says so when there is nothing to show', () => {
    const html = render(TrainingChart, {
      props: { model: trainingModel([], size), title: 't', emptyText: 'Sin datos' },
    }).body;
    expect(html).toContain('Sin datos');
  });
});

describe('figures that are not reported fact', () => {
  const records: TrainingRecord[] = [
    { institution: 'a', topic: 't', year: 2022, trainees: 100, completed: 0, illustrative: 100 },
    { institution: 'b', topic: 't', year: 2022, trainees: 100, completed: 0, estimated: 50 },
    { institution: 'c', topic: 'u', year: 2023, trainees: 80, completed: 0 },
  ];
  const labels = { illustrative: 'ilustrativo', estimated: 'estimado' };

  it('keeps the illustrative and estimated share of each bar, and names them in the legend', () => {
    const model = trainingModel(records, { ...size, labels });
    expect(model.bars.map((b) => [b.key, b.year, b.trainees, b.illustrative, b.estimated])).toEqual([
      ['t', 2022, 200, 100, 50],
      ['u', 2023, 80, 0, 0],
    ]);
    expect(model.legend.map((l) => [l.key, l.kind, l.label])).toEqual(
      expect.arrayContaining([
        ['illustrative', 'illustrative', 'ilustrativo'],
        ['estimated', 'estimated', 'estimado'],
      ]),
    );
    // Never more than the bar: an illustrative count past the trainees is cut to them.
    const over = trainingModel([{ ...records[0]!, illustrative: 500, estimated: 10 }], size);
    expect(over.bars[0]).toMatchObject({ illustrative: 100, estimated: 0 });
  });

  it('has no provenance legend when every figure is reported', () => {
    const model = trainingModel([records[2]!], size);
    expect(model.legend.map((l) => l.kind)).not.toContain('illustrative');
    expect(model.legend.map((l) => l.kind)).not.toContain('estimated');
  });

  it('draws the share as a pattern over its bar, from the top', () => {
    const model = trainingModel(records, { ...size, labels });
    const html = render(TrainingChart, { props: { model, title: 't' } }).body;
    const bar = model.bars[0]!;
    expect(html).toMatch(
      new RegExp(
        `data-provenance="illustrative" data-year="2022" data-trainees="100" x="${bar.x}" y="${bar.y}" width="${bar.width}" height="${bar.height / 2}"`,
      ),
    );
    expect(html).toContain('data-provenance="estimated" data-year="2022" data-trainees="50"');
    expect(html).toContain('data-legend="illustrative"');
    expect(html).toContain('ilustrativo');
  });
});

describe('trainingModel at a large programme’s scale', () => {
  it('widens the left margin so six-digit axis labels are not cut', () => {
    const big = trainingModel([{ institution: 'x', year: 2020, trainees: 357_448, completed: 0 }], size);
    const small = trainingModel([{ institution: 'x', year: 2020, trainees: 357, completed: 0 }], size);
    expect(big.yTicks.at(-1)!.value).toBe(400_000);
    expect(big.plot.x).toBeGreaterThan(small.plot.x);
    // "400,000" at 11 px is about 42 px wide, written 6 px left of the plot: it must start inside the chart.
    expect(big.plot.x - 6 - 42).toBeGreaterThanOrEqual(0);
  });
});
