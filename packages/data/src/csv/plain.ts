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

/** Characters of a quoted value carried from one piece to the next before giving up (values are far shorter). */
const MAX_CARRIED = 1024 * 1024;

/**
 * Whether any RFC 4180 reader (DuckDB's `read_csv` with `quote` and `escape` `"`) splits `text` into the same
 * records and fields as `parseCsv`, and whether each field, trimmed, is already the text the validator would check.
 * It says no whenever the two could differ: old Mac CR or mixed line breaks, a quote that does not open a field
 * or is not closed right before a delimiter or line break (papaparse and DuckDB read those differently), a quoted
 * value spanning lines at or before the header, a delimiter other than the usual four, text not in NFC.
 * A no costs only speed: the file is then read by `validateFiles`.
 *
 * The text is given in chunks, so that a file is checked without being held whole. The chunks
 * are cut into pieces that end with a line feed (but the last), and every check but the quotes' sees each piece
 * alone: nothing it looks for spans a line feed (a line feed starts no space at an edge, breaks no normalisation,
 * and is never a bare CR). A quoted value left open at the end of a piece is carried into the next.
 */
export class PlainCsvScan {
  private plain = true;
  private sawCr = false;
  private bareBreak = { cr: false, lf: false };
  private trim: PlainCsv['trim'] = 'none';
  private edgeSpace = false;
  /** Absolute position of the first character after the header's line, once known. */
  private afterHeader: number | null;
  /** Line feeds before the current piece, while looking for the header's end. */
  private lines = 0;
  /** Absolute position of the current piece. */
  private offset = 0;
  /** An open quoted value: its text from the character before its quote, and where that character is. */
  private carried: { text: string; at: number } | null = null;
  /** The end of the text given, after its last line feed. */
  private tail = '';

  constructor(
    private readonly delimiter: string,
    private readonly headerLine: number,
    private readonly ascii?: boolean,
  ) {
    this.afterHeader = headerLine === 0 ? 0 : null;
    if (!(DELIMITERS as readonly string[]).includes(delimiter)) this.plain = false;
  }

  push(chunk: string): void {
    if (!this.plain) return;
    const text = this.tail + chunk;
    const cut = text.lastIndexOf('\n') + 1;
    this.tail = text.slice(cut);
    if (cut > 0) this.piece(text.slice(0, cut));
  }

  private piece(piece: string): void {
    if (piece.includes('\r')) {
      this.sawCr = true;
      if (!this.bareBreak.cr && BARE_CR.test(piece)) this.bareBreak.cr = true;
    }
    if (!this.bareBreak.lf && BARE_LF.test(piece)) this.bareBreak.lf = true;
    const ascii = this.ascii ?? !NON_ASCII.test(piece);
    if (!ascii && piece.normalize('NFC') !== piece) {
      this.plain = false;
      return;
    }
    // Outside quotes, CR and LF end records and never reach a field; a tab does unless it is the delimiter.
    if (
      this.trim !== 'whitespace' &&
      ((!ascii && OTHER_WHITESPACE.test(piece)) ||
        piece.includes('\v') ||
        piece.includes('\f') ||
        (this.delimiter !== '\t' && piece.includes('\t')))
    ) {
      this.trim = 'whitespace';
    }
    if (!this.edgeSpace && spaceAtEdge(piece, this.delimiter)) this.edgeSpace = true;
    if (this.afterHeader === null) {
      for (let nl = piece.indexOf('\n'); nl !== -1; nl = piece.indexOf('\n', nl + 1)) {
        if (++this.lines === this.headerLine) {
          this.afterHeader = this.offset + nl + 1;
          break;
        }
      }
    }
    this.quotes(piece);
    this.offset += piece.length;
  }

  /** Quotes must open and close fields; a line break or tab inside one needs every whitespace trimmed. */
  private quotes(piece: string): void {
    const carried = this.carried;
    if (carried === null && !piece.includes('"')) return;
    const text = carried === null ? piece : carried.text + piece;
    const base = carried === null ? this.offset : carried.at;
    this.carried = null;
    const d = this.delimiter.charCodeAt(0);
    const opensField = (at: number): boolean => {
      if (at === 0) return true;
      const c = text.charCodeAt(at - 1);
      return c === d || c === 10 || c === 13;
    };
    // (A carried value starts with its quote, or the character before it, which is no quote.)
    for (let open = text.indexOf('"'); open !== -1;) {
      if (!opensField(open)) {
        this.plain = false;
        return;
      }
      let close = text.indexOf('"', open + 1);
      while (close !== -1 && text.charCodeAt(close + 1) === 34) close = text.indexOf('"', close + 2);
      if (close === -1) {
        // Open to the end of this piece: read on with the next one.
        const from = Math.max(0, open - 1);
        if (text.length - from > MAX_CARRIED) this.plain = false;
        else this.carried = { text: text.slice(from), at: base + from };
        return;
      }
      const next = text.charCodeAt(close + 1);
      if (!(Number.isNaN(next) || next === d || next === 10 || next === 13)) {
        this.plain = false;
        return;
      }
      if (close > open + 1 && LINE_BREAK_OR_TAB.test(text.slice(open, close))) {
        if (this.afterHeader === null || base + open < this.afterHeader) {
          this.plain = false;
          return;
        }
        this.trim = 'whitespace';
      }
      open = text.indexOf('"', close + 1);
    }
  }

  /** The verdict once the last piece is in. */
  end(): PlainCsv | null {
    if (this.plain && this.tail !== '') this.piece(this.tail);
    this.tail = '';
    if (!this.plain || this.carried !== null) return null;
    if (this.sawCr && (this.bareBreak.cr || this.bareBreak.lf)) return null;
    return { trim: this.trim === 'whitespace' ? 'whitespace' : this.edgeSpace ? 'spaces' : 'none' };
  }
}

/**
 * A space at the edge of a field: after the start, a delimiter, a line feed or a quote, or before the end, one of
 * those or a CR. One look at each space (data has far fewer spaces than characters).
 */
function spaceAtEdge(text: string, delimiter: string): boolean {
  const d = delimiter.charCodeAt(0);
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
    const before = i === 0 ? -1 : text.charCodeAt(i - 1);
    const after = i + 1 === text.length ? -1 : text.charCodeAt(i + 1);
    if (before === -1 || before === d || before === 10 || before === 34) return true;
    if (after === -1 || after === d || after === 10 || after === 34 || after === 13) return true;
  }
  return false;
}
