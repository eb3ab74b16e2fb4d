import { IntlMessageFormat } from 'intl-messageformat';
import { catalogues, type MessageKey } from './messages/index.js';

export const LOCALES = ['en', 'es', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

/** BCP 47 tags for Intl formatting: Chinese is shown in Simplified script. */
export const LANGUAGE_TAGS: Record<Locale, string> = { en: 'en', es: 'es', zh: 'zh-CN' };
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español', zh: '中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Best locale from an Accept-Language header, by quality order; English when nothing matches. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { lang: tag.toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLocale) ?? 'en';
}

export type Values = Record<string, string | number | Date>;

export interface Translator {
  locale: Locale;
  t(key: MessageKey, values?: Values): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

const formatters = new Map<string, IntlMessageFormat>();

export function translator(locale: Locale): Translator {
  const tag = LANGUAGE_TAGS[locale];
  const numbers = new Intl.NumberFormat(tag);
  return {
    locale,
    t(key, values) {
      const cacheKey = `${locale}\u0000${key}`;
      let format = formatters.get(cacheKey);
      if (!format) {
        format = new IntlMessageFormat(catalogues[locale][key], tag);
        formatters.set(cacheKey, format);
      }
      return String(format.format(values));
    },
    number: (value, options) =>
      options ? new Intl.NumberFormat(tag, options).format(value) : numbers.format(value),
  };
}
