import { describe, expect, it } from 'vitest';
import { isId, MAX_ID_LENGTH } from './ids';

describe('isId(value)', () => {
  it('accepts slugs, as the CSV contract writes ids', () => {
    for (const id of ['hangzhou-hansheng', 'fue-cife', '2024', 'a'.repeat(MAX_ID_LENGTH)]) {
      expect(isId(id), id).toBe(true);
    }
  });

  it('refuses anything else, or anything too long', () => {
    for (const bad of [
      '',
      '../..',
      '..%2F..',
      'Alibaba',
      'a b',
      'ali_baba',
      '阿里',
      'a'.repeat(MAX_ID_LENGTH + 1),
    ]) {
      expect(isId(bad), bad).toBe(false);
    }
  });
});
