import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogues, type MessageKey } from './messages/index.js';
import { localeFromAcceptLanguage, translator } from './translator.js';

/** Argument names of an ICU message, found by parsing it (plural and select branches included). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== TYPE.literal) {
        names.add(element.value);
      }
      if ('options' in element) for (const option of Object.values(element.options)) visit(option.value);
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(parse(message));
  return [...names].sort();
}

describe('message catalogues', () => {
  const { en, es, zh } = catalogues;
  const keys = Object.keys(en) as MessageKey[];

  it.each([
    ['es', es],
    ['zh', zh],
  ])('%s has every English key, with the same placeholders', (_, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
    for (const key of keys) expect([key, placeholders(catalogue[key])]).toEqual([key, placeholders(en[key])]);
  });

  it('every message formats in every language, with a value for each of its placeholders', () => {
    for (const locale of ['en', 'es', 'zh'] as const) {
      const tr = translator(locale);
      for (const key of keys) {
        const values = Object.fromEntries(placeholders(en[key]).map((name) => [name, 2]));
        expect(tr.t(key, values)).not.toMatch(/[{}]/);
      }
    }
  });
});

describe('translator(locale)', () => {
  it('formats plurals and numbers per language', () => {
    expect(
      translator('en').t('overview.intro', { institutions: 1, cities: 2, countries: 1, partnerships: 3 }),
    ).toBe('1 institution in 2 cities of 1 country, linked by 3 partnerships.');
    expect(translator('es').t('kpi.change', { change: 0.25, year: 2022 })).toBe('+25\u00a0% respecto a 2022');
    expect(translator('en').number(23590)).toBe('23,590');
    expect(translator('es').number(23590)).toBe('23.590');
    expect(translator('zh').t('kpi.traineesLatest', { year: '2023' })).toBe('2023 年培训人数');
  });
});

describe('localeFromAcceptLanguage(header)', () => {
  it('picks the best supported language by quality, else English', () => {
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(localeFromAcceptLanguage('fr-FR,es;q=0.7,en;q=0.5')).toBe('es');
    expect(localeFromAcceptLanguage('en;q=0.2,es;q=0.9')).toBe('es');
    expect(localeFromAcceptLanguage('fr, de')).toBe('en');
    expect(localeFromAcceptLanguage(null)).toBe('en');
  });
});
