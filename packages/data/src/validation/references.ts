import { formatMessage } from '../messages/problems.js';
import type { Locale, Problem } from '../schema/problems.js';
import { TABLES, type TableName } from '../schema/tables.js';

export interface OrphanInput {
  /** The uploaded file that removed the key (usually the referenced table's file). */
  file: string;
  /** Table whose key is gone. */
  referenced: TableName;
  /** Table whose rows still use it, and the column they use it in. */
  from: TableName;
  column: string;
  value: string;
  /** How many rows of `from` use it. */
  count: number;
  locale?: Locale;
  /** Table of `file`, when it is not `referenced`. */
  table?: TableName;
}

/**
 * The problem for a key that a `replace` load removes while stored rows of another table still use it; the store
 * finds those after writing, inside the transaction. Reported as `unknown-reference` on the key column of the file.
 */
export function orphanProblem(input: OrphanInput): Problem {
  const table = input.table ?? input.referenced;
  return {
    file: input.file,
    table,
    row: null,
    line: null,
    column: TABLES[input.referenced].key[0] ?? null,
    code: 'unknown-reference',
    severity: 'error',
    message: formatMessage(input.locale ?? 'en', 'unknown-reference.orphan', {
      count: input.count,
      from: input.from,
      column: input.column,
      value: input.value,
      referenced: input.referenced,
    }),
    value: input.value,
  };
}
