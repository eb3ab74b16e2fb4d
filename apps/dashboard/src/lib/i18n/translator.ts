import { IntlMessageFormat } from 'intl-messageformat';
import { tightenChinese } from './spacing.js';
import { bundled, importers } from 'virtual:puente-messages';
import type { CompiledCatalogue } from './compile.js';
import { contractLabels, type ContractLabels } from './contract-labels.js';
import { LANGUAGE_TAGS, type Locale } from './locales.js';
import type { MessageKey } from './messages/index.js';

export {
  LOCALES,
  LANGUAGE_TAGS,
  LANGUAGE_NAMES,
  isLocale,
  localeFromAcceptLanguage,
  type Locale,
} from './locales.js';
export type { MessageKey };

export type Values = Record<string, string | number | Date>;

export interface Translator {
  locale: Locale;
  t(key: MessageKey, values?: Values): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** Names of the CSV contract's enum values: `labels.status('active')`. */
  labels: ContractLabels;
  /** Sentences one after another, the empty ones left out: a space apart, none in Chinese. */
  sentences(...parts: readonly (string | null | undefined)[]): string;
}

// Messages arrive compiled (messages-plugin.ts): every language is bundled into the server; the browser holds only
// the languages it has loaded.
const catalogues: Partial<Record<Locale, CompiledCatalogue>> = { ...bundled };

/**
 * Makes a language's messages available to translator(). In the browser it fetches that language's chunk, once; the
 * root layout's load awaits it, so pages hydrate with their messages present. On the server it resolves at once.
 */
export async function loadMessages(locale: Locale): Promise<void> {
  catalogues[locale] ??= (await importers[locale]()).default;
}

const formatters = new Map<string, IntlMessageFormat>();

export function translator(locale: Locale): Translator {
  const catalogue = catalogues[locale];
  if (!catalogue)
    throw new Error(`Messages for "${locale}" are not loaded: await loadMessages("${locale}") first.`);
  const tag = LANGUAGE_TAGS[locale];
  const numbers = new Intl.NumberFormat(tag);
  const t = (key: MessageKey, values?: Values): string => {
    const message = catalogue[key];
    if (message === undefined) throw new Error(`No message "${key}" in "${locale}".`);
    if (typeof message === 'string') return message;
    const cacheKey = `${locale}\u0000${key}`;
    let format = formatters.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(message, tag);
      formatters.set(cacheKey, format);
    }
    const text = String(format.format(values));
    return locale === 'zh' ? tightenChinese(text) : text;
  };
  return {
    locale,
    t,
    number: (value, options) =>
      options ? new Intl.NumberFormat(tag, options).format(value) : numbers.format(value),
    labels: contractLabels(t),
    sentences: (...parts) => parts.filter(Boolean).join(locale === 'zh' ? '' : ' '),
  };
}
