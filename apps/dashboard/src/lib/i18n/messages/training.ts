import { defineMessages } from './define.js';

/** Strings of the /training pages. */
export default defineMessages({
  en: {},
  es: {},
  zh: {},
});
