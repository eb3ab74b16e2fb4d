import { LANGUAGE_TAGS, type Locale } from '$lib/i18n/translator';

interface Named {
  name: string;
  name_en: string | null;
  name_es: string | null;
  name_zh: string | null;
}

/** An institution's name in the reader's language when the data has it, else its own name. */
export function institutionLabel(institution: Named, locale: Locale): string {
  const localized = { en: institution.name_en, es: institution.name_es, zh: institution.name_zh }[locale];
  return localized && localized.length > 0 ? localized : institution.name;
}

interface Placed {
  city: string;
  city_en?: string | null;
  city_es?: string | null;
  city_zh?: string | null;
}

/** A city in the reader's language when the data has it, else as written. */
export function cityLabel(place: Placed, locale: Locale): string {
  const localized = { en: place.city_en, es: place.city_es, zh: place.city_zh }[locale];
  return localized && localized.length > 0 ? localized : place.city;
}

type Translations = Partial<Record<Locale, string | null | undefined>>;

/**
 * The `lang` of `text`, a value from the data shown in place of the reader's language's translation (see `textLang`):
 * undefined when that translation exists, the language of the translation the text equals, or '' (unknown).
 */
function fallbackLang(text: string, translations: Translations, locale: Locale): string | undefined {
  if (translations[locale]) return undefined;
  const same = (['en', 'es', 'zh'] as const).find((l) => translations[l] === text);
  return same ? LANGUAGE_TAGS[same] : '';
}

/** The `lang` of an institution's name as `institutionLabel` shows it. */
export function institutionLang(institution: Named, locale: Locale): string | undefined {
  const { name_en: en, name_es: es, name_zh: zh } = institution;
  return fallbackLang(institution.name, { en, es, zh }, locale);
}

/** Each city of the programme in the languages the data gives it (the filter options' `cityNames`). */
export type CityNames = Record<string, { en: string | null; es: string | null; zh: string | null }>;

/** A city in the reader's language, from the programme's city names, and the `lang` of the text shown. */
export function cityName(
  city: string,
  names: CityNames | undefined,
  locale: Locale,
): { text: string; lang: string | undefined } {
  const n = names?.[city];
  const text = cityLabel({ city, city_en: n?.en, city_es: n?.es, city_zh: n?.zh }, locale);
  return { text, lang: fallbackLang(city, n ?? {}, locale) };
}

/**
 * The `lang` attribute of a text from the data that fell back from the reader's language (the queries' `…Lang`):
 * undefined when the text is in the reader's language, the language's tag when known, '' (unknown) otherwise.
 */
export function textLang(lang: string | null | undefined): string | undefined {
  if (lang === null || lang === undefined) return undefined;
  return lang === 'en' || lang === 'es' || lang === 'zh' ? LANGUAGE_TAGS[lang] : '';
}

/** A country's name in the reader's language (ISO code when the runtime doesn't know it). */
export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([LANGUAGE_TAGS[locale]], { type: 'region' }).of(code) ?? code;
  } catch {
    // A malformed code (loads only accept ISO 3166-1 alpha-2, so not expected): show it as it is.
    return code;
  }
}
