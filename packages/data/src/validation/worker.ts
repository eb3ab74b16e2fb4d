/**
 * Validation as a worker-thread task (tinypool), so a server checks a large upload without holding up its other
 * requests. Only the report comes back: the rows stay in the worker.
 */
import type { Locale, Problem } from '../schema/problems.js';
import { validateFiles, type UploadFile } from './validate.js';

export interface ValidationTask {
  files: UploadFile[];
  mode: 'replace' | 'upsert';
  locale: Locale;
  known: { institutions: string[]; partnerships: string[] };
}

export interface ValidationReport {
  ok: boolean;
  problems: Problem[];
  /** Rows per table of the files, when they validate. */
  tables: { table: string; file: string; rows: number; encoding: string; delimiter: string }[];
}

export default function validate(task: ValidationTask): ValidationReport {
  const result = validateFiles(task.files, {
    locale: task.locale,
    mode: task.mode,
    known: { institutions: new Set(task.known.institutions), partnerships: new Set(task.known.partnerships) },
  });
  return {
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
