import { describe, expect, it } from 'vitest';
import { institutionLabel } from './labels.js';
import { formQuery, queryOf, withLanguage } from './links.js';

describe('institutionLabel(institution, locale)', () => {
  const hz = {
    name: '杭州市商务局',
    name_en: 'Hangzhou Municipal Bureau of Commerce',
    name_es: null,
    name_zh: '杭州市商务局',
  };
  it('uses the name in the reader’s language, else the institution’s own name', () => {
    expect(institutionLabel(hz, 'en')).toBe('Hangzhou Municipal Bureau of Commerce');
    expect(institutionLabel(hz, 'es')).toBe('杭州市商务局');
    expect(institutionLabel({ ...hz, name_es: '' }, 'es')).toBe('杭州市商务局');
  });
});

describe('withLanguage(url, lang)', () => {
  it('keeps the path and filters and sets only lang', () => {
    expect(withLanguage(new URL('http://x/network?city=Hangzhou&lang=en'), 'zh')).toBe(
      '/network?city=Hangzhou&lang=zh',
    );
  });
});

describe('formQuery(data) and queryOf(entries)', () => {
  it('drops empty fields and keeps repeated ones', () => {
    const data = new FormData();
    data.append('lang', 'es');
    data.append('city', '');
    data.append('status', 'active');
    data.append('status', 'agreed');
    expect(formQuery(data)).toBe('?lang=es&status=active&status=agreed');
    expect(queryOf([['by', 'institution']])).toBe('?by=institution');
  });
});
