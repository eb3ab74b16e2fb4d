import { describe, expect, it } from 'vitest';
import { fuenlabradaHangzhou } from '../test/fixtures.js';
import { networkModel } from './network/model.js';
import {
  domainColors,
  INSTITUTION_TYPE_COLORS,
  mappedCategoryColors,
  OKABE_ITO,
  OTHER_COLOR,
  TOL_MUTED,
} from './palette.js';

describe('domainColors(domain)', () => {
  it('gives each value of the whole domain its colour from the sorted values, whatever their order', () => {
    const colors = domainColors(['Hangzhou', 'Fuenlabrada', 'Hangzhou']);
    expect(colors).toEqual({ Fuenlabrada: OKABE_ITO[0], Hangzhou: OKABE_ITO[1] });
    expect(domainColors(['Fuenlabrada', 'Hangzhou'])).toEqual(colors);
  });

  it('tells 17 values apart (Okabe–Ito, then Tol muted), and only past that uses grey', () => {
    const many = Array.from({ length: 18 }, (_, i) => `topic ${String(i).padStart(2, '0')}`);
    const colors = domainColors(many);
    expect(new Set(Object.values(colors).slice(0, 17)).size).toBe(17);
    expect(colors['topic 16']).toBe(TOL_MUTED[8]);
    expect(colors['topic 17']).toBe(OTHER_COLOR);
  });
});

describe('mappedCategoryColors(keys, colors)', () => {
  it('keeps the mapped colours for the keys present, and lists an unknown key once as other', () => {
    const palette = mappedCategoryColors(['Hangzhou', 'Nowhere'], {
      Fuenlabrada: '#0072B2',
      Hangzhou: '#E69F00',
    });
    expect(palette.colorOf('Hangzhou')).toBe('#E69F00');
    expect(palette.colorOf('Nowhere')).toBe(OTHER_COLOR);
    expect(palette.entries).toEqual([
      { key: 'Hangzhou', color: '#E69F00' },
      { key: 'other', color: OTHER_COLOR, other: true },
    ]);
  });
});

describe('colours that keep their meaning', () => {
  it('no institution type shares a colour with a city', () => {
    for (const color of Object.values(INSTITUTION_TYPE_COLORS))
      if (color !== OTHER_COLOR) expect(OKABE_ITO).not.toContain(color);
  });

  it('a city keeps its programme colour in a network filtered to it alone', () => {
    const colors = domainColors(fuenlabradaHangzhou.nodes.map((n) => n.city));
    const hangzhouOnly = {
      nodes: fuenlabradaHangzhou.nodes.filter((n) => n.city === 'Hangzhou'),
      links: [],
    };
    const size = { width: 400, height: 300 };
    const full = networkModel(fuenlabradaHangzhou, { ...size, colors });
    const filtered = networkModel(hangzhouOnly, { ...size, colors });
    const colorOf = (model: typeof full) => model.nodes.find((n) => n.city === 'Hangzhou')!.color;
    expect(colorOf(filtered)).toBe(colorOf(full));
    expect(colorOf(filtered)).toBe(OKABE_ITO[1]);
    // Without the programme's colours, the filtered chart would hand Hangzhou the first colour.
    expect(networkModel(hangzhouOnly, size).nodes[0]!.color).toBe(OKABE_ITO[0]);
  });
});
