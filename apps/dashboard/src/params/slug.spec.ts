import { describe, expect, it } from 'vitest';
import { match } from './slug';

describe('the [id=slug] param matcher', () => {
  it('matches an id as the CSV contract writes them, and nothing malformed, so no load sees one', () => {
    expect(match('hangzhou-hansheng')).toBe(true);
    for (const bad of ['..%2F..', 'Alibaba', 'a'.repeat(201)]) expect(match(bad), bad).toBe(false);
  });
});
