import { defineMessages } from './define.js';

/** Strings of the /progress pages. */
export default defineMessages({
  en: {},
  es: {},
  zh: {},
});
