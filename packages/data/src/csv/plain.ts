import { DELIMITERS } from './delimiter.js';

const BARE_CR = /\r(?!\n)/;
const BARE_LF = /(?:^|[^\r])\n/;
const NON_ASCII = /[^\p{ASCII}]/u;
/** What String.prototype.trim removes besides the space, but for tab, CR and LF (see below). */
const OTHER_WHITESPACE = /[\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const LINE_BREAK_OR_TAB = /[\t\r\n]/;

/**
 * How the fields of a plain CSV text must be trimmed to match parseCsv (String.prototype.trim): not at all when no
 * space touches a field's edge, of spaces alone when no field can hold other whitespace, else of all of it. Trimming
 * costs DuckDB more than reading the file, so it is done only where a field may need it.
 */
export type PlainCsv = { trim: 'none' | 'spaces' | 'whitespace' };

/** A space at the edge of a field: after the start, a delimiter, a line break or a quote, or before one. */
function spaceAtEdge(text: string, delimiter: string): boolean {
  if (text.startsWith(' ') || text.endsWith(' ')) return true;
  for (const edge of [delimiter, '\n', '"']) {
    if (text.includes(`${edge} `) || text.includes(` ${edge}`)) return true;
  }
  return text.includes(' \r');
}

/**
 * Whether any RFC 4180 reader (DuckDB's `read_csv` with `quote` and `escape` `"`) splits `text` into the same
 * records and fields as `parseCsv`, and whether each field, trimmed, is already the text the validator would check.
 * It says no whenever the two could differ: old Mac CR or mixed line breaks, a quote that does not open a field
 * or is not closed right before a delimiter or line break (papaparse and DuckDB read those differently), a quoted
 * value spanning lines at or before the header, a delimiter other than the usual four, text not in NFC.
 * A no costs only speed: the file is then read by `validateFiles`.
 */
export function readsAsPlainCsv(
  text: string,
  delimiter: string,
  headerLine: number,
  /** Whether `text` is known to be ASCII (from its bytes, much faster to tell), which spares two scans. */
  ascii = !NON_ASCII.test(text),
): PlainCsv | null {
  if (!(DELIMITERS as readonly string[]).includes(delimiter)) return null;
  if (text.includes('\r') && (BARE_CR.test(text) || BARE_LF.test(text))) return null;
  if (!ascii && text.normalize('NFC') !== text) return null;
  // Outside quotes, CR and LF end records and never reach a field; a tab does unless it is the delimiter.
  let trim: PlainCsv['trim'] =
    (!ascii && OTHER_WHITESPACE.test(text)) ||
    text.includes('\v') ||
    text.includes('\f') ||
    (delimiter !== '\t' && text.includes('\t'))
      ? 'whitespace'
      : spaceAtEdge(text, delimiter)
        ? 'spaces'
        : 'none';
  if (!text.includes('"')) return { trim };

  // Where the line after the header starts: a quoted value must not carry a line break before it, or the lines
  // skipped to reach the records would not be the header's.
  let afterHeader = 0;
  for (let line = 0; line < headerLine && afterHeader !== -1; line++) {
    const nl = text.indexOf('\n', afterHeader);
    afterHeader = nl === -1 ? -1 : nl + 1;
  }
  if (afterHeader === -1) afterHeader = text.length;

  const d = delimiter.charCodeAt(0);
  const opensField = (at: number): boolean => {
    if (at === 0) return true;
    const c = text.charCodeAt(at - 1);
    return c === d || c === 10 || c === 13;
  };
  for (let open = text.indexOf('"'); open !== -1;) {
    if (!opensField(open)) return null;
    let close = text.indexOf('"', open + 1);
    while (close !== -1 && text.charCodeAt(close + 1) === 34) close = text.indexOf('"', close + 2);
    if (close === -1) return null;
    const next = text.charCodeAt(close + 1);
    if (!(Number.isNaN(next) || next === d || next === 10 || next === 13)) return null;
    if (close > open + 1 && LINE_BREAK_OR_TAB.test(text.slice(open, close))) {
      if (open < afterHeader) return null;
      trim = 'whitespace';
    }
    open = text.indexOf('"', close + 1);
  }
  return { trim };
}
