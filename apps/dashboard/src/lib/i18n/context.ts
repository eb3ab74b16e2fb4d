import { getContext, setContext } from 'svelte';
import type { Translator } from './translator.js';

const KEY = Symbol('i18n');

/** Makes the page's translator available to every component below the root layout. */
export function setI18n(get: () => Translator): void {
  setContext(KEY, get);
}

/** The translator of the current page; a getter, so components follow a language switch. */
export function i18n(): () => Translator {
  return getContext<() => Translator>(KEY);
}
