import { defineMessages } from './define.js';

/** Strings of the /network pages. */
export default defineMessages({
  en: {},
  es: {},
  zh: {},
});
