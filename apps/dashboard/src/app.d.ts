import type { Locale } from '$lib/i18n/translator';
import type { User } from '@puente/data/store';

declare global {
  namespace App {
    interface Locals {
      locale: Locale;
      /** Who is asking (session cookie or Bearer token), null when nobody signed in; set by the `auth` handle. */
      user: User | null;
      /** The client's address as the request arrived, null without one; set by `rememberClientAddress`. */
      address: string | null;
    }
    interface Error {
      message: string;
      /** Id of an unexpected error in the server's log (see `handleError`), shown for the reader to quote. */
      id?: string;
    }
  }
}

export {};
