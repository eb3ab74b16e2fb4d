import Papa from 'papaparse';
import { delimiterName, MAX_COLUMNS, SEP_LINE, tooManyColumns } from './delimiter.js';
import type { Issue } from './issue.js';

export interface CsvHeader {
  /** Trimmed header cells; trailing empty cells (Excel's padding) are dropped. */
  fields: string[];
  line: number;
}

/** Receives the file as it is read, so a million-row file is never held twice. */
export interface CsvVisitor {
  /** Return `false` to stop reading (the file can't be used, e.g. its table is unknown). */
  header?(header: CsvHeader): void | boolean;
  /**
   * A data record with exactly the header's field count, values trimmed. `row` is the 1-based data record
   * (header and blank lines excluded), `line` the physical line where it starts.
   */
  record?(fields: string[], row: number, line: number): void;
  issue?(issue: Issue): void;
}

export interface CsvRecord {
  row: number;
  line: number;
  fields: string[];
}

export interface ParsedCsv {
  header: CsvHeader | null;
  /** Collected only when the visitor has no `record` callback. */
  records: CsvRecord[];
  /** Collected only when the visitor has no `issue` callback. */
  issues: Issue[];
  /** Data records seen, broken ones included: the last `row` number given out. */
  rows: number;
}

/** Whether a problem made parseCsv stop before the end of the file (so the file's keys are not all known). */
export const stopsReading = (issue: Issue): boolean =>
  issue.message === 'unclosed-quote.unclosed' || issue.code === 'too-many-columns';

const BARE_LF = /(?:^|[^\r])\n/;

/**
 * The line break records end with, when papaparse's guess from the first line would be wrong: a CRLF header over
 * LF rows (a header typed on Windows, rows appended by a script) would make the whole file one record. Splitting
 * on LF reads both kinds; the CR left at the end of a CRLF record is trimmed with the value, and one inside a
 * quoted value is kept as written. Undefined: let papaparse guess (one kind throughout, or old Mac CR).
 */
export function recordBreak(text: string): '\n' | undefined {
  return text.includes('\r\n') && BARE_LF.test(text) ? '\n' : undefined;
}

const SNIPPET = 200;
const LINE_BREAK = /[\r\n]/;

/** The start of a record or value for the report: up to the first line break, at most SNIPPET characters. */
function snippet(text: string, from: number): string {
  let end = Math.min(text.length, from + SNIPPET);
  const nl = text.slice(from, end).search(LINE_BREAK);
  if (nl !== -1) end = from + nl;
  return text.slice(from, end);
}

/**
 * Reads CSV text with papaparse (no header mode, so rows and lines are numbered here). Fully blank lines,
 * Excel's rows of bare separators and an Excel `sep=;` first line are skipped and take no row number.
 * Reports `unclosed-quote` (a quoted value never closed: reading stops; or a quote misplaced after a quoted
 * value: the record is skipped) and `ragged-row` (a field count other than the header's; extra trailing empty
 * fields are allowed).
 */
export function parseCsv(text: string, delimiter: string, visitor: CsvVisitor = {}): ParsedCsv {
  const out: ParsedCsv = { header: null, records: [], issues: [], rows: 0 };
  const report = visitor.issue ?? ((issue: Issue) => void out.issues.push(issue));
  const emit =
    visitor.record ??
    ((fields: string[], row: number, line: number) => void out.records.push({ row, line, fields }));
  // Papa.parse drops a leading BOM from strings, which would shift every cursor by one.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  let width = 0;
  let offset = 0; // where the next record starts
  let line = 1; // the physical line at `offset`
  let breakChar = '\n';
  let stopped = false;

  Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    quoteChar: '"',
    newline: recordBreak(text),
    escapeChar: '"',
    step(result, parser) {
      if (stopped) return;
      const start = offset;
      const startLine = line;
      const end = result.meta.cursor;
      // Old Mac files break lines with a bare CR; everything else ends lines with LF (CRLF included).
      if (start === 0 && result.meta.linebreak === '\r') breakChar = '\r';
      for (let i = text.indexOf(breakChar, start); i !== -1 && i < end; i = text.indexOf(breakChar, i + 1))
        line++;
      offset = end;

      const fields = result.data;
      let blank = true;
      for (let i = 0; i < fields.length; i++) {
        const value = fields[i]!.trim();
        fields[i] = value;
        if (value !== '') blank = false;
      }
      const isHeader = out.header === null;
      if (result.errors.length > 0) {
        const row = isHeader ? null : ++out.rows;
        const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
        if (unclosed !== undefined) {
          // The open quote swallowed the rest of the file: nothing after it can be read reliably.
          stopped = true;
          parser.abort();
          const quoteAt = Math.max(start, (unclosed.index ?? start + 1) - 1);
          report({
            code: 'unclosed-quote',
            message: 'unclosed-quote.unclosed',
            row,
            line: startLine,
            column: null,
            value: snippet(text, quoteAt),
          });
        } else {
          report({
            code: 'unclosed-quote',
            message: 'unclosed-quote.misplaced',
            row,
            line: startLine,
            column: null,
            value: snippet(text, start),
          });
        }
        return;
      }
      if (blank) return;
      if (isHeader && start === 0 && SEP_LINE.test(text.slice(0, end))) return;
      if (isHeader) {
        let w = fields.length;
        while (w > 0 && fields[w - 1] === '') w--;
        fields.length = w;
        width = w;
        out.header = { fields, line: startLine };
        if (w > MAX_COLUMNS) {
          stopped = true;
          parser.abort();
          report(tooManyColumns(w, startLine));
          return;
        }
        if (visitor.header?.(out.header) === false) {
          stopped = true;
          parser.abort();
        }
        return;
      }
      const row = ++out.rows;
      if (fields.length !== width) {
        let extraEmpty = fields.length > width;
        for (let i = width; extraEmpty && i < fields.length; i++) if (fields[i] !== '') extraEmpty = false;
        if (!extraEmpty) {
          report({
            code: 'ragged-row',
            message: 'ragged-row',
            row,
            line: startLine,
            column: null,
            value: snippet(text, start),
            params: { found: fields.length, expected: width, delimiter: delimiterName(delimiter) },
          });
          return;
        }
        fields.length = width;
      }
      emit(fields, row, startLine);
    },
  });
  return out;
}
