import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import KeyFigures from './KeyFigures.svelte';
import { figuresModel } from './model.js';

const figures = [
  { key: 'institutions', label: 'Institutions', value: '12', detail: '8 active in 2025' },
  { key: 'cities', label: 'Cities', value: '2', detail: null },
  { key: 'trainees', label: 'People trained', value: '1,234,567,890', detail: 'x'.repeat(400) },
  { key: 'milestones', label: 'Milestones done', value: '9' },
];

describe('key figures', () => {
  it('lays the tiles out in rows of three at most, inside the width', () => {
    const model = figuresModel(figures, { width: 900 });
    expect(model.tiles.map((t) => [t.x, t.y])).toEqual([
      [0, 0],
      [304, 0],
      [608, 0],
      [0, 108],
    ]);
    expect(model.height).toBe(204);
    for (const tile of model.tiles) expect(tile.x + tile.width).toBeLessThanOrEqual(900);
  });

  it('cuts a long detail but never a figure', () => {
    const [, , trainees] = figuresModel(figures, { width: 900 }).tiles;
    expect(trainees?.value).toBe('1,234,567,890');
    expect(trainees?.detailShown?.endsWith('…')).toBe(true);
    expect(trainees?.detailShown?.length).toBeLessThan(400);
  });

  it('draws every figure as SVG text, escaping what it is given', () => {
    const model = figuresModel([{ key: 'k', label: '<script>alert(1)</script>', value: '5' }]);
    const svg = render(KeyFigures, { props: { model, title: 'Key figures' } }).body;
    expect(svg).toContain('data-figure="k"');
    expect(svg).toContain('&lt;script>alert(1)&lt;/script>');
    expect(svg).not.toContain('<script>');
  });
});
