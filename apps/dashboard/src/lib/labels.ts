import type { Locale } from '$lib/i18n/translator';

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
