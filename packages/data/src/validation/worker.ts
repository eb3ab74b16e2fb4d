/**
 * Validation as a worker-thread task (tinypool), so a server checks a large upload without holding up its other
 * requests. Only the report comes back: the rows stay in the worker.
 */
import type { Locale, Problem } from '../schema/problems.js';
import { TABLES, type Row, type TableName } from '../schema/tables.js';
import { validateFiles, type UploadFile } from './validate.js';

export interface ValidationTask {
  files: UploadFile[];
  mode: 'replace' | 'upsert';
  locale: Locale;
  known: { institutions: string[]; partnerships: string[] };
  /** The current rows of the uploaded tables: when given, the report says what the load would change. */
  current?: Partial<Record<TableName, Row[]>>;
}

/** Rows a load would add, change and remove in one table, with the first keys of each. */
export interface WouldChange {
  added: number;
  changed: number;
  removed: number;
  examples: { added: string[]; changed: string[]; removed: string[] };
}

export interface ValidationReport {
  ok: boolean;
  problems: Problem[];
  /** Rows per table of the files, when they validate. */
  tables: { table: string; file: string; rows: number; encoding: string; delimiter: string }[];
  changes?: Partial<Record<TableName, WouldChange>>;
}

const EXAMPLES = 5;

function compare(table: TableName, uploaded: Row[], current: Row[], mode: 'replace' | 'upsert'): WouldChange {
  const spec = TABLES[table];
  const keyOf = (row: Row) => spec.key.map((k) => String(row[k] ?? '')).join(' · ');
  const valuesOf = (row: Row) => JSON.stringify(spec.columns.map((c) => String(row[c.name] ?? '')));
  const before = new Map(current.map((row) => [keyOf(row), valuesOf(row)]));
  const change: WouldChange = {
    added: 0,
    changed: 0,
    removed: 0,
    examples: { added: [], changed: [], removed: [] },
  };
  const note = (kind: 'added' | 'changed' | 'removed', key: string) => {
    change[kind]++;
    if (change.examples[kind].length < EXAMPLES) change.examples[kind].push(key);
  };
  const seen = new Set<string>();
  for (const row of uploaded) {
    const key = keyOf(row);
    seen.add(key);
    const old = before.get(key);
    if (old === undefined) note('added', key);
    else if (old !== valuesOf(row)) note('changed', key);
  }
  if (mode === 'replace') for (const key of before.keys()) if (!seen.has(key)) note('removed', key);
  return change;
}

export default function validate(task: ValidationTask): ValidationReport {
  const result = validateFiles(task.files, {
    locale: task.locale,
    mode: task.mode,
    known: { institutions: new Set(task.known.institutions), partnerships: new Set(task.known.partnerships) },
  });
  const changes: Partial<Record<TableName, WouldChange>> = {};
  if (result.ok && task.current) {
    for (const t of result.tables)
      changes[t.table] = compare(t.table, t.rows, task.current[t.table] ?? [], task.mode);
  }
  return {
    ...(task.current ? { changes } : {}),
    ok: result.ok,
    problems: result.problems,
    tables: result.tables.map((t) => ({
      table: t.table,
      file: t.file,
      rows: t.rows.length,
      encoding: t.encoding,
      delimiter: t.delimiter,
    })),
  };
}
