import { decodeBytes, encodingName, type DecodeResult } from '../csv/decode.js';
import { detectDelimiter } from '../csv/delimiter.js';
import { mapColumns, tableFromFileName, tableFromHeader } from '../csv/headers.js';
import { fileIssue, type Issue } from '../csv/issue.js';
import { parseCsv, stopsReading } from '../csv/parse.js';
import { formatBytes, formatMessage, type MessageParams } from '../messages/problems.js';
import {
  PROBLEM_CODES,
  WARNING_CODES,
  type Locale,
  type Problem,
  type ProblemCode,
} from '../schema/problems.js';
import { TABLE_NAMES, TABLES, type Row, type TableName } from '../schema/tables.js';
import { CellError, cellReader } from './values.js';

export interface UploadFile {
  /** The name the analyst gave the file; also how its table is found when `table` is absent. */
  name: string;
  bytes: Uint8Array;
  /** The table the file holds (e.g. the form field it was uploaded in); else found from the name or header. */
  table?: TableName;
  /** Encoding label; detected when absent. */
  encoding?: string;
  /** Delimiter (`,` `;` `\t` `|`, or `comma`, `semicolon`, `tab`, `pipe`); detected when absent. */
  delimiter?: string;
}

/** Keys that already exist outside this upload (in the database), which references may point to. */
export interface KnownKeys {
  institutions?: ReadonlySet<string>;
  partnerships?: ReadonlySet<string>;
}

export interface ValidateOptions {
  /** Language of the messages; `en` by default. */
  locale?: Locale;
  known?: KnownKeys;
  /**
   * How the upload will be loaded. In `replace` mode an uploaded table replaces the stored one, so its known
   * keys no longer count for references; otherwise (`upsert`, or absent) they do.
   */
  mode?: 'replace' | 'upsert';
  /** Largest file accepted, in bytes (`too-large` above); 256 MiB by default, room for a million training rows. */
  maxBytes?: number;
  /** Problems listed per file before the rest is summed up in one `too-many-problems`; 1000 by default. */
  maxProblemsPerFile?: number;
  /** Called as records are read (every few thousand, and at the end of each file), for progress displays. */
  onProgress?: (progress: { rowsChecked: number }) => void;
}

export interface ValidatedTable {
  table: TableName;
  file: string;
  /** Encoding the file was read in (`utf-8`, `utf-16le`, `gbk`, `windows-1252`…). */
  encoding: string;
  delimiter: string;
  /** Canonical columns the file has, in declaration order (an upsert should leave the others alone). */
  columns: string[];
  /**
   * One per data record, with every canonical column of the table (null when empty or absent). When the upload
   * has errors, rows are best effort: broken records are left out and refused cells are null.
   */
  rows: Row[];
}

export interface ValidationResult {
  /** False iff some problem is an error. */
  ok: boolean;
  /** Sorted by file name, then row (file and header problems first), then column position. */
  problems: Problem[];
  tables: ValidatedTable[];
}

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
/** Characters a value may have (`too-long` above): a name or title is far shorter; this is a missing quote. */
export const MAX_VALUE_LENGTH = 10_000;
export const DEFAULT_MAX_PROBLEMS_PER_FILE = 1000;

const EMPTY_KEYS: ReadonlySet<string> = new Set();
const NON_ASCII = /[^\p{ASCII}]/u;
const CODE_ORDER = new Map<ProblemCode, number>(PROBLEM_CODES.map((code, i) => [code, i]));

/** Problems of one file, listing at most `cap`; a million-row file of bad rows must not fill the memory. */
class FileReport {
  readonly issues: Issue[] = [];
  omittedErrors = 0;
  omittedWarnings = 0;
  constructor(private readonly cap: number) {}

  add(issue: Issue): void {
    if (this.issues.length < this.cap) this.issues.push(issue);
    else if (WARNING_CODES.has(issue.code)) this.omittedWarnings++;
    else this.omittedErrors++;
  }
}

interface FileState {
  index: number;
  name: string;
  table: TableName | null;
  report: FileReport;
  /** Field position of each column name (canonical or as written) in the header, to sort problems. */
  order: Map<string, number>;
  /** True when the file could not be read to its end: references to its table are not checked against it. */
  unread: boolean;
  data: {
    encoding: string;
    delimiter: string;
    columns: string[];
    rows: Row[];
    /** Row and line number of each entry of `rows`, for problems found after reading (references). */
    rowNumbers: number[];
    lineNumbers: number[];
  } | null;
  /** Set when only the header was read (`readHeaders`): what the SQL path needs to read the records itself. */
  header: FileHeader | null;
}

/** A file read up to its header: how its records are laid out, for a reader of the records. */
export interface FileHeader {
  /** Position of the file in the upload. */
  index: number;
  name: string;
  table: TableName;
  encoding: string;
  delimiter: string;
  /** Canonical columns present, in declaration order. */
  columns: string[];
  /** For each canonical column of the table, its field in a record, or -1 when absent. */
  fieldIndex: readonly number[];
  /** Fields of the header once trailing empty ones are dropped: every record is read as this many. */
  width: number;
  /** Physical line of the header. */
  line: number;
}

/**
 * Validates the files of one upload together: each is decoded, split, matched to its table and read cell by cell;
 * then references are checked against the keys of this upload's files plus `options.known`.
 */
export function validateFiles(files: readonly UploadFile[], options: ValidateOptions = {}): ValidationResult {
  return validate(files, options).result;
}

/** The start of a file, decoded, for `HeaderReader`. */
export interface HeaderSource {
  name: string;
  table?: TableName;
  delimiter?: string;
  /** The file's size in bytes. */
  size: number;
  /** Its start: the whole text when `complete`, else at least HEADER_PREFIX characters ending with a line break. */
  decoded: DecodeResult;
  complete: boolean;
}

/**
 * Reads each file of an upload up to its header only, from its start, with every problem found that far (decoding,
 * delimiter, table, columns, a table given twice) worded exactly as `validateFiles` words them. The SQL path reads
 * the records itself from the headers; when the records hold no problem, these problems are the whole list.
 */
export class HeaderReader {
  private readonly states: FileState[] = [];
  private readonly context: ReadContext;

  constructor(private readonly options: ValidateOptions = {}) {
    this.context = readContext(options);
  }

  /** The header of the next file, or null when its start doesn't hold it whole (only its whole text would tell). */
  read(source: HeaderSource): FileHeader | null {
    const state = readFile(
      { ...source, decode: () => source.decoded, complete: source.complete },
      this.states.length,
      this.context,
      true,
    );
    this.states.push(state);
    return state.header;
  }

  /** Every problem of the files read, and the header of each file that has one. */
  report(): { problems: Problem[]; headers: FileHeader[] } {
    const result = report(this.states, this.options, this.context.uploaded);
    return { problems: result.problems, headers: this.states.flatMap((s) => (s.header ? [s.header] : [])) };
  }
}

/** A file to read: its text comes from `decode` (all of it unless `complete` is false: then its start). */
interface FileSource {
  name: string;
  table?: TableName;
  delimiter?: string;
  size: number;
  decode: () => DecodeResult;
  complete: boolean;
}

interface ReadContext {
  locale: Locale;
  maxBytes: number;
  cap: number;
  uploaded: UploadedKeys;
  progress: ProgressCounter;
}

function readContext(options: ValidateOptions): ReadContext {
  return {
    locale: options.locale ?? 'en',
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    cap: Math.max(1, options.maxProblemsPerFile ?? DEFAULT_MAX_PROBLEMS_PER_FILE),
    // Keys defined by this upload's files, for references across files.
    uploaded: { institutions: new Set(), partnerships: new Set(), pairs: new Map() },
    progress: new ProgressCounter(options.onProgress),
  };
}

function validate(
  files: readonly UploadFile[],
  options: ValidateOptions,
): { result: ValidationResult; states: FileState[] } {
  const context = readContext(options);
  const states = files.map((file, index) =>
    readFile(
      {
        ...file,
        size: file.bytes.length,
        decode: () => decodeBytes(file.bytes, file.encoding === undefined ? {} : { encoding: file.encoding }),
        complete: true,
      },
      index,
      context,
      false,
    ),
  );
  context.progress.flush();
  return { result: report(states, options, context.uploaded), states };
}

/** The problems of files read, across files too (a table given twice, references), and their tables. */
function report(states: FileState[], options: ValidateOptions, uploaded: UploadedKeys): ValidationResult {
  const locale = options.locale ?? 'en';
  const firstFileOf = new Map<TableName, FileState>();
  for (const state of states) {
    if (state.table === null || state.data === null) continue;
    const first = firstFileOf.get(state.table);
    if (first === undefined) firstFileOf.set(state.table, state);
    else
      state.report.add(
        fileIssue('duplicate-table', 'duplicate-table', { table: state.table, other: first.name }),
      );
  }

  const knownKeys = (table: 'institutions' | 'partnerships'): ReadonlySet<string> =>
    options.mode === 'replace' && firstFileOf.has(table)
      ? EMPTY_KEYS
      : (options.known?.[table] ?? EMPTY_KEYS);
  // A file that could not be read says nothing about which keys exist: checking references against it would
  // only repeat its own problem once per reference (and differently in validate and load).
  const unreadable = new Set(states.flatMap((s) => (s.table !== null && s.unread ? [s.table] : [])));
  for (const state of states) {
    if (state.table !== null && state.data !== null) checkReferences(state, uploaded, knownKeys, unreadable);
  }

  const problems: Problem[] = [];
  const ordered = [...states].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index,
  );
  for (const state of ordered) problems.push(...fileProblems(state, locale));
  return {
    ok: problems.every((p) => p.severity !== 'error'),
    problems,
    tables: states.flatMap((s) =>
      s.table !== null && s.data !== null
        ? [
            {
              table: s.table,
              file: s.name,
              encoding: s.data.encoding,
              delimiter: s.data.delimiter,
              columns: s.data.columns,
              rows: s.data.rows,
            },
          ]
        : [],
    ),
  };
}

function readFile(file: FileSource, index: number, context: ReadContext, headerOnly: boolean): FileState {
  const { cap, maxBytes, locale, uploaded, progress } = context;
  const state: FileState = {
    index,
    name: file.name,
    table: null,
    report: new FileReport(cap),
    order: new Map(),
    unread: false,
    data: null,
    header: null,
  };
  const report = state.report;

  if (file.table !== undefined) {
    if (!(TABLE_NAMES as readonly string[]).includes(file.table)) {
      report.add({ ...fileIssue('unknown-table', 'unknown-table.invalid-name'), value: String(file.table) });
      return state;
    }
    state.table = file.table;
  } else {
    state.table = tableFromFileName(file.name);
  }

  if (file.size > maxBytes) {
    report.add(
      fileIssue('too-large', 'too-large', {
        size: formatBytes(locale, file.size),
        limit: formatBytes(locale, maxBytes),
      }),
    );
    state.unread = true;
    return state;
  }
  const decoded = file.decode();
  if (!decoded.ok) {
    report.add(decoded.issue);
    state.unread = decoded.issue.code !== 'empty-file';
    return state;
  }
  if (decoded.alternative !== undefined) {
    const alternative = decoded.alternative;
    report.add({
      code: 'ambiguous-encoding',
      message: 'ambiguous-encoding',
      row: null,
      line: alternative.line,
      column: null,
      value: alternative.word,
      params: {
        encoding: encodingName(decoded.encoding),
        otherEncoding: encodingName(alternative.encoding),
        alternative: alternative.otherWord,
      },
    });
  }
  const delimited = detectDelimiter(
    decoded.text,
    file.delimiter === undefined ? {} : { delimiter: file.delimiter },
  );
  if (!delimited.ok) {
    report.add(delimited.issue);
    state.unread = true;
    return state;
  }
  const delimiter = delimited.delimiter;

  // Set once the header is read: how each record becomes a row.
  let reader: TableReader | null = null;

  let text = decoded.text;
  if (headerOnly) {
    const prefix = headerPrefix(text, delimiter);
    // Only the whole text says what a header longer than the start of the file is.
    if (prefix === null && !file.complete) return state;
    text = prefix ?? text;
  }
  const parsed = parseCsv(text, delimiter, {
    issue: (issue) => {
      report.add(issue);
      if (stopsReading(issue)) state.unread = true;
    },
    header: (header) => {
      const table = state.table ?? tableFromHeader(header.fields);
      if (table === null) {
        report.add(fileIssue('unknown-table', 'unknown-table.unrecognised'));
        return false;
      }
      state.table = table;
      const map = mapColumns(table, header.fields, header.line);
      header.fields.forEach((cell, i) => {
        state.order.set(map.fieldColumn[i] ?? cell, i);
      });
      TABLES[table].columns.forEach((column, i) => {
        if (!state.order.has(column.name)) state.order.set(column.name, header.fields.length + i);
      });
      for (const issue of map.issues) report.add(issue);
      const data = {
        encoding: decoded.encoding,
        delimiter,
        columns: map.present,
        rows: [] as Row[],
        rowNumbers: [] as number[],
        lineNumbers: [] as number[],
      };
      state.data = data;
      reader = tableReader(table, map.fieldIndex, data, report, uploaded);
      if (!headerOnly) return true;
      state.header = {
        index,
        name: file.name,
        table,
        encoding: decoded.encoding,
        delimiter,
        columns: map.present,
        fieldIndex: map.fieldIndex,
        width: header.fields.length,
        line: header.line,
      };
      return false;
    },
    record: (fields, row, line) => {
      reader?.read(fields, row, line);
      progress.row();
    },
  });
  // (TypeScript cannot see the assignment inside the callback.)
  (reader as TableReader | null)?.finish();
  if (parsed.header === null && report.issues.length === 0) {
    // Text that is only separators and blank lines: nothing to read.
    report.add(fileIssue('empty-file', 'empty-file'));
  } else if (state.data !== null && !state.unread && parsed.rows === 0 && !headerOnly) {
    // A header and no records: fine for upsert, but a replace would empty the table (load asks to confirm).
    report.add(fileIssue('empty-table', 'empty-table'));
  }
  return state;
}

/** Characters read for a header alone: papaparse splits all it is given into lines before the first one is read. */
export const HEADER_PREFIX = 1024 * 1024;

/**
 * The start of `text` that holds its header, to read only that: up to the first line break after HEADER_PREFIX
 * characters (all of a shorter text), when the header read from there is whole (read without a problem); else null.
 */
function headerPrefix(text: string, delimiter: string): string | null {
  if (text.length <= HEADER_PREFIX) return text;
  const nl = text.indexOf('\n', HEADER_PREFIX);
  if (nl === -1) return null;
  const prefix = text.slice(0, nl + 1);
  let whole = false;
  parseCsv(prefix, delimiter, {
    header: () => {
      whole = true;
      return false;
    },
    issue: () => {
      whole = false;
    },
  });
  return whole ? prefix : null;
}

/** Keys defined by this upload's files, for references across files. */
interface UploadedKeys {
  institutions: Set<string>;
  partnerships: Set<string>;
  /** Partnerships given a second time the other way round and dropped: their id → the id kept. */
  pairs: Map<string, { kept: string }>;
}

/** Counts records for `onProgress`, calling it every few thousand so a million rows cost nothing. */
class ProgressCounter {
  private rows = 0;
  constructor(private readonly listener: ValidateOptions['onProgress']) {}
  row(): void {
    if (++this.rows % 5000 === 0) this.listener?.({ rowsChecked: this.rows });
  }
  flush(): void {
    this.listener?.({ rowsChecked: this.rows });
  }
}

interface TableReader {
  /** The per-record work: cells read and checked, the rules across cells, the keys other tables reference. */
  read(fields: string[], row: number, line: number): void;
  /** The checks that need every row: duplicate keys. */
  finish(): void;
}

function tableReader(
  table: TableName,
  fieldIndex: readonly number[],
  data: NonNullable<FileState['data']>,
  report: FileReport,
  uploaded: UploadedKeys,
): TableReader {
  const spec = TABLES[table];
  const columns = spec.columns;
  const names = columns.map((c) => c.name);
  const required = columns.map((c) => c.required);
  const readers = columns.map(cellReader);
  const keyIndex = new KeyIndex(spec.key);
  const keys = table === 'institutions' || table === 'partnerships' ? uploaded[table] : null;
  const field = (fields: string[], column: string): string =>
    fields[fieldIndex[names.indexOf(column)] ?? -1] ?? '';
  const count = columns.length;
  // Rows start as a copy of this, so every row of the table has the same shape (fast property access, less memory).
  const template: Row = Object.fromEntries(names.map((name) => [name, null]));

  // Partnerships by their two institutions and area, to find one given again the other way round.
  const pairs = table === 'partnerships' ? new Map<string, { row: number; id: string }>() : null;

  const read = (fields: string[], rowNumber: number, line: number): void => {
    const row: Row = { ...template };
    for (let c = 0; c < count; c++) {
      const name = names[c]!;
      const at = fieldIndex[c]!;
      let raw = at < 0 ? '' : fields[at]!;
      // One spelling per text: "Móstoles" typed on a Mac (NFD, o + combining accent) is the NFC one of Windows.
      if (NON_ASCII.test(raw)) raw = raw.normalize('NFC');
      if (raw.length > MAX_VALUE_LENGTH) {
        row[name] = null;
        report.add({
          code: 'too-long',
          message: 'too-long',
          row: rowNumber,
          line,
          column: name,
          value: raw.slice(0, 100) + '…',
          params: { length: raw.length, maxLength: MAX_VALUE_LENGTH },
        });
        continue;
      }
      if (raw === '') {
        row[name] = null;
        // An absent required column is reported once, as missing-column, not on every row.
        if (required[c] && at >= 0) {
          report.add({
            code: 'missing-value',
            message: 'missing-value',
            row: rowNumber,
            line,
            column: name,
            value: null,
          });
        }
        continue;
      }
      const value = readers[c]!(raw);
      if (value instanceof CellError) {
        row[name] = null;
        const issue: Issue = {
          code: value.code,
          message: value.message,
          row: rowNumber,
          line,
          column: name,
          value: raw,
        };
        if (value.params !== undefined) issue.params = value.params;
        report.add(issue);
      } else {
        row[name] = value;
      }
    }

    // Rules across cells of a row. Both are `out-of-range`: each value is fine alone, the combination is not.
    if (table === 'partnerships' && row.source !== null && row.source === row.target) {
      report.add({
        code: 'out-of-range',
        message: 'out-of-range.same-institution',
        row: rowNumber,
        line,
        column: 'target',
        value: field(fields, 'target'),
      });
    } else if (
      table === 'training' &&
      typeof row.completed === 'number' &&
      typeof row.trainees === 'number' &&
      row.completed > row.trainees
    ) {
      report.add({
        code: 'out-of-range',
        message: 'out-of-range.completed',
        row: rowNumber,
        line,
        column: 'completed',
        value: field(fields, 'completed'),
        params: { trainees: row.trainees },
      });
    }

    if (
      pairs !== null &&
      typeof row.source === 'string' &&
      typeof row.target === 'string' &&
      row.area !== null
    ) {
      const first = pairs.get(`${row.target}\u0000${row.source}\u0000${row.area}`);
      if (first !== undefined) {
        // Twin-city lists name each pair from both sides: one partnership, loaded once (the first).
        report.add({
          code: 'duplicate-pair',
          message: 'duplicate-pair',
          row: rowNumber,
          line,
          column: 'source',
          value: typeof row.id === 'string' ? row.id : null,
          params: {
            source: row.source,
            target: row.target,
            area: String(row.area),
            firstRow: first.row,
            kept: first.id,
          },
        });
        if (typeof row.id === 'string' && row.id !== first.id) uploaded.pairs.set(row.id, { kept: first.id });
        return;
      }
      if (typeof row.id === 'string') {
        pairs.set(`${row.source}\u0000${row.target}\u0000${row.area}`, { row: rowNumber, id: row.id });
      }
    }

    keyIndex.add(row);
    if (keys !== null && typeof row.id === 'string') keys.add(row.id);
    data.rows.push(row);
    data.rowNumbers.push(rowNumber);
    data.lineNumbers.push(line);
  };

  const finish = (): void => {
    const key = spec.key;
    for (const [index, first] of keyIndex.duplicates(data.rows)) {
      const row = data.rows[index]!;
      report.add({
        code: 'duplicate-key',
        message: key.length > 1 ? 'duplicate-key.composite' : 'duplicate-key.single',
        row: data.rowNumbers[index]!,
        line: data.lineNumbers[index]!,
        column: key[0]!,
        value: key.map((k) => String(row[k])).join(' / '),
        params:
          key.length > 1
            ? { firstRow: data.rowNumbers[first]!, columns: key }
            : { firstRow: data.rowNumbers[first]! },
      });
    }
  };
  return { read, finish };
}

/**
 * Duplicate keys of a table, found after reading: each row's key is hashed as it is read (30-bit FNV-1a over the
 * key parts, -1 when a part is missing), then the row indexes are radix-sorted by hash and rows with equal hashes
 * are compared. A million training rows would otherwise need a million concatenated key strings in a Map.
 */
class KeyIndex {
  private readonly hashes: number[] = [];
  constructor(private readonly columns: readonly string[]) {}

  add(row: Row): void {
    let hash = 0x811c9dc5;
    for (const column of this.columns) {
      const value = row[column] ?? null;
      if (value === null) {
        this.hashes.push(-1);
        return;
      }
      if (typeof value === 'number') hash = Math.imul(hash ^ value, 0x01000193);
      else for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
      hash = Math.imul(hash ^ 0x1f, 0x01000193); // part separator: ("ab", "c") ≠ ("a", "bc")
    }
    // 30 bits: a small integer in V8 (no allocation) and two 15-bit radix passes.
    this.hashes.push(hash & 0x3fffffff);
  }

  /** Pairs [index of a row, index of the first row with the same key], in row order. */
  duplicates(rows: readonly Row[]): [number, number][] {
    const hashes = this.hashes;
    const n = hashes.length;
    let order = new Uint32Array(n);
    let spare = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (const shift of [0, 15]) {
      // Stable counting sort on 15 bits of the hash: equal hashes keep row order.
      const starts = new Uint32Array(0x8001);
      for (let i = 0; i < n; i++) starts[((hashes[order[i]!]! >>> shift) & 0x7fff) + 1]!++;
      for (let b = 0; b < 0x8000; b++) starts[b + 1]! += starts[b]!;
      for (let i = 0; i < n; i++) {
        const index = order[i]!;
        spare[starts[(hashes[index]! >>> shift) & 0x7fff]!++] = index;
      }
      [order, spare] = [spare, order];
    }
    const same = (a: Row, b: Row): boolean => this.columns.every((c) => a[c] === b[c]);
    const found: [number, number][] = [];
    for (let start = 0; start < n;) {
      const hash = hashes[order[start]!]!;
      let end = start + 1;
      while (end < n && hashes[order[end]!] === hash) end++;
      if (hash !== -1) {
        for (let j = start + 1; j < end; j++) {
          for (let i = start; i < j; i++) {
            if (same(rows[order[i]!]!, rows[order[j]!]!)) {
              found.push([order[j]!, order[i]!]);
              break;
            }
          }
        }
      }
      start = end;
    }
    return found.sort((a, b) => a[0] - b[0]);
  }
}

function checkReferences(
  state: FileState,
  uploaded: UploadedKeys,
  knownKeys: (table: 'institutions' | 'partnerships') => ReadonlySet<string>,
  unreadable: ReadonlySet<TableName>,
): void {
  const data = state.data!;
  for (const column of TABLES[state.table!].columns) {
    const target = column.references;
    if (target !== 'institutions' && target !== 'partnerships') continue;
    if (unreadable.has(target)) continue;
    const inUpload = uploaded[target];
    const known = knownKeys(target);
    const name = column.name;
    for (let i = 0; i < data.rows.length; i++) {
      const value = data.rows[i]![name];
      if (typeof value !== 'string' || inUpload.has(value) || known.has(value)) continue;
      // The twin of a partnership given both ways round is that partnership: its references follow it.
      const twin = target === 'partnerships' ? uploaded.pairs.get(value) : undefined;
      if (twin !== undefined) {
        data.rows[i]![name] = twin.kept;
        continue;
      }
      state.report.add({
        code: 'unknown-reference',
        message: 'unknown-reference',
        row: data.rowNumbers[i]!,
        line: data.lineNumbers[i]!,
        column: name,
        value,
        params: { refTable: target },
      });
    }
  }
}

/** The report of one file, sorted and worded, with the summary of what the cap left out. */
function fileProblems(state: FileState, locale: Locale): Problem[] {
  const position = (column: string | null): number =>
    column === null ? -1 : (state.order.get(column) ?? -1);
  const issues = [...state.report.issues].sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      position(a.column) - position(b.column) ||
      CODE_ORDER.get(a.code)! - CODE_ORDER.get(b.code)!,
  );
  const { omittedErrors, omittedWarnings } = state.report;
  if (omittedErrors + omittedWarnings > 0) {
    issues.push(
      fileIssue('too-many-problems', 'too-many-problems', { count: omittedErrors + omittedWarnings }),
    );
  }
  return issues.map((issue) => {
    const severity =
      issue.code === 'too-many-problems'
        ? omittedErrors > 0
          ? 'error'
          : 'warning'
        : WARNING_CODES.has(issue.code)
          ? 'warning'
          : 'error';
    const params: Record<string, MessageParams[string]> = { ...issue.params };
    if (issue.row !== null) params.row = issue.row;
    if (issue.line !== null) params.line = issue.line;
    if (issue.column !== null) params.column = issue.column;
    if (issue.value !== null) params.value = issue.value;
    if (state.table !== null) params.table ??= state.table;
    return {
      file: state.name,
      table: state.table,
      row: issue.row,
      line: issue.line,
      column: issue.column,
      code: issue.code,
      severity,
      message: formatMessage(locale, issue.message, params),
      value: issue.value,
    };
  });
}
