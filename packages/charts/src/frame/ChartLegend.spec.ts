import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ChartLegend from './ChartLegend.svelte';

const square = createRawSnippet((item: () => { key: string }) => ({
  render: () => `<rect data-swatch="${item().key}"></rect>`,
}));

describe('ChartLegend (server-rendered)', () => {
  it('places each entry where the model put it, swatch first, label after it', () => {
    const html = render(ChartLegend, {
      props: {
        items: [
          { key: 'a', label: 'Alpha', x: 10, y: 19 },
          { key: 'b', label: 'Beta', x: 80.5, y: 19 },
        ],
        labelX: 17,
        swatch: square,
      },
    }).body;
    expect(html).toMatch(
      /<g data-legend="a" transform="translate\(10,19\)"><rect data-swatch="a"><\/rect>.*<text x="17">Alpha<\/text>/,
    );
    expect(html).toContain('transform="translate(80.5,19)"');
  });

  it('gives a shortened label its full text as a tooltip, and no tooltip otherwise', () => {
    const html = render(ChartLegend, {
      props: {
        items: [
          { key: 'long', label: 'Cross-border…', title: 'Cross-border e-commerce', x: 0, y: 0 },
          { key: 'short', label: 'Design', title: 'Design', x: 90, y: 0 },
        ],
        labelX: 17,
        swatch: square,
      },
    }).body;
    expect(html).toContain('<title>Cross-border e-commerce</title>');
    expect(html.match(/<title>/g)).toHaveLength(1);
  });
});
