import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * A message ready to format without the ICU parser: plain text stays a string (most messages are), anything with
 * arguments becomes the parser's AST, which intl-messageformat formats as is.
 */
export type CompiledMessage = string | MessageFormatElement[];
export type CompiledCatalogue = Record<string, CompiledMessage>;

/**
 * Parses every message of one language's catalogue. Runs at build time (the Vite plugin in messages-plugin.ts), so a
 * malformed message stops the build, naming its key, instead of failing in a reader's browser.
 */
export function compileCatalogue(languageTag: string, messages: Record<string, string>): CompiledCatalogue {
  // The options intl-messageformat itself parses with, so a compiled message formats exactly like its source.
  const locale = new Intl.Locale(languageTag);
  const compiled: CompiledCatalogue = {};
  for (const [key, message] of Object.entries(messages)) {
    let ast: MessageFormatElement[];
    try {
      ast = parse(message, { locale });
    } catch (error) {
      throw new Error(`Message "${key}" (${languageTag}) is not valid ICU: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const [only] = ast;
    compiled[key] =
      ast.length === 0 ? '' : ast.length === 1 && only?.type === TYPE.literal ? only.value : ast;
  }
  return compiled;
}
