import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from './compile.js';
import { LANGUAGE_TAGS, LOCALES } from './locales.js';
import { catalogues } from './messages/index.js';

/** A value (2) for every argument of a compiled message, branches included. */
function sampleValues(
  elements: MessageFormatElement[],
  into: Record<string, number> = {},
): Record<string, number> {
  for (const element of elements) {
    if (element.type !== TYPE.literal && element.type !== TYPE.pound) into[element.value] = 2;
    if ('options' in element)
      for (const option of Object.values(element.options)) sampleValues(option.value, into);
  }
  return into;
}

describe('compileCatalogue(languageTag, messages)', () => {
  it('fails on a malformed message, naming its key and language, so the build stops', () => {
    expect(() =>
      compileCatalogue('es', { 'x.fine': 'Hola', 'x.broken': '{count, plural, one {# hito}}' }),
    ).toThrow(/"x\.broken" \(es\).*MISSING_OTHER_CLAUSE/);
    expect(() => compileCatalogue('en', { 'x.unclosed': 'Hello {name' })).toThrow(/"x\.unclosed" \(en\)/);
    expect(() => compileCatalogue('zh', { 'x.typo': '{rate, numbr}' })).toThrow(
      /"x\.typo" \(zh\).*INVALID_ARGUMENT_TYPE/,
    );
  });

  it('compiles every catalogue of the app', () => {
    for (const locale of LOCALES) {
      expect(() => compileCatalogue(LANGUAGE_TAGS[locale], catalogues[locale])).not.toThrow();
    }
  });

  it('keeps plain text as a string, ICU quoting resolved, and turns arguments into an AST', () => {
    const compiled = compileCatalogue('en', {
      plain: 'Hello',
      quoted: "It''s '{'here'}'",
      empty: '',
      args: 'Hi {name}',
    });
    expect(compiled.plain).toBe('Hello');
    expect(compiled.quoted).toBe("It's {here}");
    expect(compiled.empty).toBe('');
    expect(Array.isArray(compiled.args)).toBe(true);
  });

  it('formats every compiled message exactly like its source', () => {
    for (const locale of LOCALES) {
      const tag = LANGUAGE_TAGS[locale];
      const compiled = compileCatalogue(tag, catalogues[locale]);
      for (const [key, source] of Object.entries(catalogues[locale])) {
        const message = compiled[key]!;
        if (typeof message === 'string') {
          expect([key, message]).toEqual([key, new IntlMessageFormat(source, tag).format()]);
          continue;
        }
        const values = sampleValues(message);
        expect([key, new IntlMessageFormat(message, tag).format(values)]).toEqual([
          key,
          new IntlMessageFormat(source, tag).format(values),
        ]);
      }
    }
  });
});
