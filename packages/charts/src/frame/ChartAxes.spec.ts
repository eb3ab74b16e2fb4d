import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ChartAxes from './ChartAxes.svelte';
import ChartEmpty from './ChartEmpty.svelte';

const plot = { x: 40, y: 30, width: 200, height: 100 };
const yTicks = [
  { value: 0, position: 130 },
  { value: 50, position: 80 },
];
const xTicks = [
  { value: 2023, position: 90 },
  { value: 2024, position: 190 },
];

describe('ChartAxes (server-rendered)', () => {
  it('draws a grid line and a value per y tick, the years under the plot, and the baseline', () => {
    const html = render(ChartAxes, {
      props: { plot, yTicks, formatY: (v: number) => `${v} people`, xTicks },
    }).body;
    expect(html).toContain('<line x1="40" x2="240" y1="80" y2="80" stroke="#e5e7eb"></line>');
    expect(html).toContain('<text x="34" y="80" dy="0.32em" text-anchor="end">50 people</text>');
    expect(html).toContain('<text x="190" y="145" text-anchor="middle">2024</text>');
    expect(html).toContain('<line x1="40" x2="240" y1="130" y2="130" stroke="#9ca3af"></line>');
  });

  it('writes a second scale on the right only when given one', () => {
    const left = render(ChartAxes, { props: { plot, yTicks, formatY: String, xTicks } }).body;
    expect(left).not.toContain('x="246"');
    const both = render(ChartAxes, {
      props: {
        plot,
        yTicks,
        formatY: String,
        rightTicks: [{ value: 0.5, position: 80 }],
        formatRight: (v: number) => `${v * 100}%`,
        xTicks,
      },
    }).body;
    expect(both).toContain('<text x="246" y="80" dy="0.32em">50%</text>');
  });
});

describe('ChartEmpty (server-rendered)', () => {
  it('says why the chart is blank, in the middle of its plot', () => {
    const html = render(ChartEmpty, { props: { width: 300, plot, text: 'No records.' } }).body;
    expect(html).toContain('<text x="150" y="80" text-anchor="middle" fill="#4b5563">No records.</text>');
  });
});
