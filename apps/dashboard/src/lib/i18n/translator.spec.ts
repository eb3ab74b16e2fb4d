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

const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(catalogues.en, key);

describe('message catalogues', () => {
  const { en, es, zh } = catalogues;
  const keys = Object.keys(en).filter(isMessageKey);

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

// The catalogues come compiled, through the same Vite plugin as the app's build: these format ASTs, not strings.
describe('translator(locale)', () => {
  const nbsp = '\u00a0';

  it('formats plurals in each language', () => {
    const active = (locale: 'en' | 'es' | 'zh', count: number) =>
      translator(locale).t('filters.active', { count });
    expect([active('en', 1), active('en', 3)]).toEqual(['1 filter applied', '3 filters applied']);
    expect([active('es', 1), active('es', 3)]).toEqual(['1 filtro aplicado', '3 filtros aplicados']);
    expect([active('zh', 1), active('zh', 3)]).toEqual(['已应用 1 个筛选条件', '已应用 3 个筛选条件']);
    expect(
      translator('en').t('overview.intro', { institutions: 1, cities: 2, countries: 1, partnerships: 3 }),
    ).toBe('1 institution in 2 cities of 1 country, linked by 3 partnerships.');
    // An exact-value branch (=0) before the plural categories.
    expect(translator('es').t('progress.intro', { partnerships: 1, moving: 1, stalled: 0 })).toBe(
      '1 colaboración: 1 está acordada o activa; ninguna está estancada.',
    );
  });

  it('formats selects in each language', () => {
    const where = (locale: 'en' | 'es' | 'zh') => [
      translator(locale).t('institution.latitude', { value: 40.3, hemisphere: 'north' }),
      translator(locale).t('institution.longitude', { value: 3.8, hemisphere: 'west' }),
    ];
    expect(where('en')).toEqual(['40.3° N', '3.8° W']);
    expect(where('es')).toEqual(['40.3° N', '3.8° O']);
    expect(where('zh')).toEqual(['北纬 40.3°', '西经 3.8°']);
  });

  it('formats numbers, percentages and number skeletons in each language', () => {
    const figures = (locale: 'en' | 'es' | 'zh') => {
      const tr = translator(locale);
      return [
        tr.t('kpi.activeIn', { count: 23590, year: '2023' }),
        tr.t('kpi.change', { change: 0.25, year: 2022 }),
        tr.t('kpi.change', { change: -0.1, year: 2022 }),
        tr.number(23590),
      ];
    };
    expect(figures('en')).toEqual(['23,590 active in 2023', '+25% on 2022', '-10% on 2022', '23,590']);
    expect(figures('es')).toEqual([
      '23.590 activas en 2023',
      `+25${nbsp}% respecto a 2022`,
      `-10${nbsp}% respecto a 2022`,
      '23.590',
    ]);
    expect(figures('zh')).toEqual(['2023 年活跃 23,590 家', '较 2022 年 +25%', '较 2022 年 -10%', '23,590']);
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
