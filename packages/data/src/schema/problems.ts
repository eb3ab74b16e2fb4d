import type { TableName } from './tables.js';

/**
 * Stable problem codes of the error report (documented in README.md).
 * Tests, the API and the upload screen rely on them: add new ones, never rename.
 */
export const PROBLEM_CODES = [
  'empty-file',
  'invalid-encoding',
  'undetectable-delimiter',
  'unclosed-quote',
  'ragged-row',
  'unknown-table',
  'missing-column',
  'unknown-column',
  'missing-value',
  'invalid-type',
  'invalid-enum',
  'out-of-range',
  'duplicate-key',
  'unknown-reference',
  'too-large',
  // Added with the validator: two files for one table in an upload; the per-file cap on listed problems was hit.
  'duplicate-table',
  'too-many-problems',
  // Added for loads that never lose or garble data: a guessed encoding that could be another, a header too wide,
  // a value too long, a file with a header and no rows, a partnership given both ways round.
  'ambiguous-encoding',
  'too-many-columns',
  'too-long',
  'empty-table',
  'duplicate-pair',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Problems that are reported but do not stop a load. */
export const WARNING_CODES: ReadonlySet<ProblemCode> = new Set([
  'unknown-column',
  'ambiguous-encoding',
  'empty-table',
  'duplicate-pair',
]);

export const LOCALES = ['en', 'es', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** One entry of the error report. */
export interface Problem {
  /** File name as the analyst gave it. */
  file: string;
  table: TableName | null;
  /** 1-based data record (the header is not a record); null for file-level problems. */
  row: number | null;
  /** 1-based physical line in the file where the record starts; differs from row when quoted values hold newlines. */
  line: number | null;
  /** Canonical column name, or the header as written for unknown columns. */
  column: string | null;
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** Written for analysts: what is wrong and what to do, in the requested locale. */
  message: string;
  /** The offending value as written in the file. */
  value: string | null;
}
