// The catalogues as messages-plugin.ts compiles them at build time.
declare module 'virtual:puente-messages' {
  import type { CompiledCatalogue } from '$lib/i18n/compile';
  import type { Locale } from '$lib/i18n/locales';

  /** Catalogues present without loading: all of them on the server, none in the browser. */
  export const bundled: Partial<Record<Locale, CompiledCatalogue>>;
  /** Loads one language's catalogue (in the browser, its own chunk). */
  export const importers: Record<Locale, () => Promise<{ default: CompiledCatalogue }>>;
}
