import type { Locale } from '$lib/i18n/translator';

declare global {
  namespace App {
    interface Locals {
      locale: Locale;
    }
  }
}

export {};
