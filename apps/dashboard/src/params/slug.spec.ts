import { describe, expect, it } from 'vitest';
import { MAX_ID_LENGTH } from '$lib/ids';
import { match } from './slug';

describe('the [id=slug] param matcher', () => {
  it('matches ids as the CSV contract writes them', () => {
    for (const id of ['hangzhou-hansheng', 'fue-cife', '2024', 'a'.repeat(MAX_ID_LENGTH)]) {
      expect(match(id), id).toBe(true);
    }
  });

  it('refuses malformed or overlong ids, so they never reach a load', () => {
    for (const id of [
      '',
      '..',
      '../..',
      '..%2F..',
      'Alibaba',
      'a b',
      'ali_baba',
      '阿里',
      'a'.repeat(MAX_ID_LENGTH + 1),
    ]) {
      expect(match(id), id).toBe(false);
    }
  });
});
