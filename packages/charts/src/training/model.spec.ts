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
    expect(model.summary).toEqual({ trainees: 510, completed: 365, rate: 0.72, from: 2021, to: 2024 });
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
    expect(html).toContain('510 people trained from 2021 to 2024; 72% completed.</desc>');
    expect(html).toContain('Data version 3</text>');
    expect(html).toContain('data-legend="completion-rate"');
  });

  it('says so when there is nothing to show', () => {
    const html = render(TrainingChart, {
      props: { model: trainingModel([], size), title: 't', emptyText: 'Sin datos' },
    }).body;
    expect(html).toContain('Sin datos');
  });
});
