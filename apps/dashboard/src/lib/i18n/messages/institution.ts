import { defineMessages } from './define.js';

/** Strings of the /institutions/{id} pages. */
export default defineMessages({
  en: {},
  es: {},
  zh: {},
});
