import { describe, expect, it } from 'vitest';
import { withChanges } from './view-url';

describe('withChanges(current, changes)', () => {
  it('sets keys, and drops empty values and defaults', () => {
    const current = new URLSearchParams('city=Hangzhou&color=type&q=ali');
    expect(withChanges(current, { color: 'city', layout: 'bridge', q: '' }).toString()).toBe(
      'city=Hangzhou&layout=bridge',
    );
    expect(withChanges(current, { selected: 'alibaba' }).get('selected')).toBe('alibaba');
  });
});
