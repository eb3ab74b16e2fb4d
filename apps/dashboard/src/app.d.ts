import type { Locale } from '$lib/i18n/translator';

declare global {
  namespace App {
    interface Locals {
      locale: Locale;
    }
    interface Error {
      message: string;
      /** Id of an unexpected error in the server's log (see `handleError`), shown for the reader to quote. */
      id?: string;
    }
  }
}

export {};
