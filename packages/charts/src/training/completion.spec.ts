import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { INK } from '../palette.js';
import { ALL_KEY, completionModel, type CompletionRecord } from './completion.js';
import CompletionChart from './CompletionChart.svelte';

const size = { width: 640, height: 300 };
const records: CompletionRecord[] = [
  { key: 'Fuenlabrada', year: 2021, completed: 80, reported: 100 },
  { key: 'Fuenlabrada', year: 2022, completed: 90, reported: 100 },
  { key: 'Hangzhou', year: 2021, completed: 45, reported: 50 },
  // Nothing recorded in 2022 for Hangzhou: a gap, not 0 %.
  { key: 'Hangzhou', year: 2022, completed: 0, reported: 0 },
  { key: 'Hangzhou', year: 2023, completed: 60, reported: 80 },
];

describe('a group named untranslated', () => {
  it('carries its own lang in the legend and on its line’s label; "all" never does', () => {
    const model = completionModel(records, {
      ...size,
      names: { Fuenlabrada: '富恩拉夫拉达' },
      nameLangs: { Hangzhou: 'en' },
      labels: { all: '所有城市' },
    });
    expect(model.legend.map((l) => [l.key, l.lang])).toEqual([
      ['Fuenlabrada', undefined],
      ['Hangzhou', 'en'],
      [ALL_KEY, undefined],
    ]);
    const html = render(CompletionChart, { props: { model, title: 't' } }).body;
    expect(html.match(/lang="en"[^>]*>Hangzhou</g)).toHaveLength(2);
    expect(html).not.toMatch(/lang="[^"]*"[^>]*>(富恩拉夫拉达|所有城市)</);
  });
});

describe('completionModel(records, options)', () => {
  const model = completionModel(records, { ...size, labels: { all: 'All cities' } });

  it('draws a line per group and one for all, rates over the recorded base', () => {
    expect(model.series.map((s) => [s.key, s.rate])).toEqual([
      ['Fuenlabrada', 0.85],
      ['Hangzhou', round(105 / 130)],
      [ALL_KEY, round((80 + 90 + 45 + 60) / 330)],
    ]);
    const all = model.series.find((s) => s.all)!;
    expect(all.label).toBe('All cities');
    expect(all.color).toBe(INK.text);
    expect(all.points.map((p) => [p.year, p.rate])).toEqual([
      [2021, round(125 / 150)],
      [2022, 0.9],
      [2023, 0.75],
    ]);
    expect(model.summary).toEqual({
      completed: 275,
      reported: 330,
      rate: round(275 / 330),
      from: 2021,
      to: 2023,
    });
  });

  it('leaves a gap where a group records no completion', () => {
    const hangzhou = model.series.find((s) => s.key === 'Hangzhou')!;
    expect(hangzhou.points.map((p) => p.year)).toEqual([2021, 2023]);
    expect(hangzhou.path.match(/M/g)).toHaveLength(2);
  });

  it('puts rates on a fixed 0–100 % axis', () => {
    expect(model.yTicks.map((t) => t.value)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const top = model.plot.y;
    const bottom = model.plot.y + model.plot.height;
    for (const s of model.series)
      for (const p of s.points)
        expect(p.y).toBeCloseTo(bottom - (p.completed / p.reported) * (bottom - top), 1);
  });

  it('keeps the end labels at least a line apart and inside the plot', () => {
    const close = completionModel(
      [
        { key: 'A', year: 2020, completed: 90, reported: 100 },
        { key: 'B', year: 2020, completed: 91, reported: 100 },
        { key: 'C', year: 2020, completed: 89, reported: 100 },
      ],
      size,
    );
    const ys = close.series.map((s) => s.end!.labelY).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(12.9);
    for (const y of ys) {
      expect(y).toBeGreaterThanOrEqual(close.plot.y);
      expect(y).toBeLessThanOrEqual(close.plot.y + close.plot.height);
    }
  });

  it('draws a single group once (its line is everyone’s), and nothing without a recorded base', () => {
    const one = completionModel([{ key: 'A', year: 2020, completed: 5, reported: 10 }], size);
    expect(one.series.map((s) => s.key)).toEqual(['A']);
    const none = completionModel([{ key: 'A', year: 2020, completed: 0, reported: 0 }], size);
    expect(none.series).toEqual([]);
    expect(none.summary.rate).toBeNull();
  });

  it('keeps the largest groups as lines past maxSeries, all of them in the "all" line', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      key: `C${i}`,
      year: 2020,
      completed: i,
      reported: 10 + i,
    }));
    const m = completionModel(many, { ...size, maxSeries: 3 });
    expect(m.series.map((s) => s.key)).toEqual(['C2', 'C3', 'C4', ALL_KEY]);
    expect(m.hidden).toBe(2);
    expect(m.summary.reported).toBe(60);
  });
});

describe('CompletionChart (server-rendered)', () => {
  const model = completionModel(records, { ...size, labels: { all: 'All cities' } });

  it('matches the stored SVG snapshot', async () => {
    const html = render(CompletionChart, {
      props: { model, title: 'Completion rate', caption: 'Source: test data' },
    }).body;
    await expect(html).toMatchFileSnapshot('./__snapshots__/completion-chart.svg');
  });

  it('is an accessible image, and says so when nothing is recorded', () => {
    const html = render(CompletionChart, { props: { model, title: 'Completion' } }).body;
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('Fuenlabrada: 85% completed');
    const empty = render(CompletionChart, {
      props: { model: completionModel([], size), title: 't', emptyText: 'Sin datos de finalización' },
    }).body;
    expect(empty).toContain('Sin datos de finalización');
  });
});

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
