import { describe, expect, it } from 'vitest';
import { carryView, withChanges } from './view-url';

describe('carryView(next, current)', () => {
  it('keeps colour, layout, search and selection across a filter change', () => {
    const current = new URLSearchParams(
      'city=Hangzhou&color=type&layout=bridge&q=ali&selected=alibaba&lang=es',
    );
    const next = new URLSearchParams('lang=es&city=Fuenlabrada');
    expect(carryView(next, current).toString()).toBe(
      'lang=es&city=Fuenlabrada&color=type&layout=bridge&q=ali&selected=alibaba',
    );
  });

  it('lets the next query override the view and adds nothing that was not there', () => {
    const current = new URLSearchParams('color=type');
    expect(carryView(new URLSearchParams('color=city'), current).toString()).toBe('color=city');
    expect(carryView(new URLSearchParams('to=2020'), new URLSearchParams()).toString()).toBe('to=2020');
  });
});

describe('withChanges(current, changes)', () => {
  it('sets keys, and drops empty values and defaults', () => {
    const current = new URLSearchParams('city=Hangzhou&color=type&q=ali');
    expect(withChanges(current, { color: 'city', layout: 'bridge', q: '' }).toString()).toBe(
      'city=Hangzhou&layout=bridge',
    );
    expect(withChanges(current, { selected: 'alibaba' }).get('selected')).toBe('alibaba');
  });
});
