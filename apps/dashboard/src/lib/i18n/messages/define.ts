/**
 * A message module holds one area's strings in every language. English is the reference: the type makes
 * Spanish and Chinese carry exactly its keys. Messages use ICU syntax (plurals, numbers), formatted by
 * intl-messageformat.
 */
export function defineMessages<const E extends Record<string, string>>(messages: {
  en: E;
  es: Record<keyof E, string>;
  zh: Record<keyof E, string>;
}) {
  return messages;
}
