import { TABLE_NAMES, TABLES, type TableName } from '../schema/tables.js';
import type { Issue } from './issue.js';

const MARKS = /\p{M}+/gu;
const SEPARATORS = /[\s_-]+/g;

/**
 * The comparable form of a header or file name: compatibility-decomposed (full-width letters become ASCII),
 * diacritics dropped, lower-case, spaces/underscores/hyphens removed. `Año` → `ano`, `Started-On` → `startedon`.
 */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(SEPARATORS, '');
}

// Folded header → canonical column, built once per table from the declaration in tables.ts.
function columnIndex(table: TableName): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const column of TABLES[table].columns) {
    for (const name of [column.name, ...column.synonyms]) index.set(foldName(name), column.name);
  }
  return index;
}

const COLUMN_INDEX: Readonly<Record<TableName, ReadonlyMap<string, string>>> = {
  institutions: columnIndex('institutions'),
  partnerships: columnIndex('partnerships'),
  training: columnIndex('training'),
  milestones: columnIndex('milestones'),
};

const TABLE_INDEX: ReadonlyMap<string, TableName> = new Map(
  TABLE_NAMES.flatMap((table) =>
    [table, ...TABLES[table].synonyms].map((name) => [foldName(name), table] as const),
  ),
);

/** The canonical column a header names in `table`, or null. */
export const canonicalColumn = (table: TableName, header: string): string | null =>
  COLUMN_INDEX[table].get(foldName(header)) ?? null;

/** A table name or one of its synonyms (`instituciones`, `机构`), compared like headers. */
export const tableNamed = (name: string): TableName | null => TABLE_INDEX.get(foldName(name)) ?? null;

/**
 * The table a file name stands for: its base name without folder and extension, compared like headers;
 * failing that, without a trailing copy number or date (`institutions (2).csv`, `formacion_2024.csv`).
 */
export function tableFromFileName(fileName: string): TableName | null {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/(.)\.[^.]*$/, '$1');
  const folded = foldName(base);
  return TABLE_INDEX.get(folded) ?? TABLE_INDEX.get(folded.replace(/[\d()（）[\]]+$/, '')) ?? null;
}

/**
 * The table whose columns a header row fits best: the largest share of its required columns present, then
 * the most columns recognised. Null unless the best fits at least half of its required columns and no other
 * table fits as well.
 */
export function tableFromHeader(header: readonly string[]): TableName | null {
  let best: { table: TableName; required: number; matched: number } | null = null;
  let tie = false;
  for (const table of TABLE_NAMES) {
    const present = new Set<string>();
    for (const cell of header) {
      const column = COLUMN_INDEX[table].get(foldName(cell));
      if (column !== undefined) present.add(column);
    }
    const requiredColumns = TABLES[table].columns.filter((c) => c.required);
    const required = requiredColumns.filter((c) => present.has(c.name)).length / requiredColumns.length;
    const candidate = { table, required, matched: present.size };
    const order =
      best === null
        ? 1
        : Math.sign(candidate.required - best.required) || Math.sign(candidate.matched - best.matched);
    if (order > 0) {
      best = candidate;
      tie = false;
    } else if (order === 0) {
      tie = true;
    }
  }
  return best !== null && !tie && best.required >= 0.5 ? best.table : null;
}

export interface ColumnMap {
  table: TableName;
  /** For each column of the table, in declaration order: its field index in the file, or -1 when absent. */
  fieldIndex: number[];
  /** Canonical columns the file has, in declaration order. */
  present: string[];
  /** For each field of the file: the canonical column it feeds, or null when ignored. */
  fieldColumn: (string | null)[];
  /** `missing-column` errors and `unknown-column` warnings. */
  issues: Issue[];
}

/**
 * Matches a header row to the columns of `table`. Required columns absent are `missing-column`; headers that
 * name no column, are empty, or name a column already matched are `unknown-column` warnings and ignored.
 */
export function mapColumns(table: TableName, header: readonly string[], line: number | null): ColumnMap {
  const spec = TABLES[table];
  const index = COLUMN_INDEX[table];
  const byName = new Map<string, number>();
  const fieldColumn: (string | null)[] = [];
  const issues: Issue[] = [];
  const allColumns = spec.columns.map((c) => c.name);
  header.forEach((cell, i) => {
    const column = cell === '' ? undefined : index.get(foldName(cell));
    if (column !== undefined && !byName.has(column)) {
      byName.set(column, i);
      fieldColumn.push(column);
      return;
    }
    fieldColumn.push(null);
    const base = { code: 'unknown-column' as const, row: null, line, column: cell, value: null };
    if (cell === '') issues.push({ ...base, message: 'unknown-column.empty', params: { position: i + 1 } });
    else if (column !== undefined) {
      issues.push({ ...base, message: 'unknown-column.duplicate', params: { canonical: column } });
    } else
      issues.push({ ...base, message: 'unknown-column.unknown', params: { table, columns: allColumns } });
  });
  for (const column of spec.columns) {
    if (column.required && !byName.has(column.name)) {
      issues.push({
        code: 'missing-column',
        message: 'missing-column',
        row: null,
        line,
        column: column.name,
        value: null,
        params: { table },
      });
    }
  }
  return {
    table,
    fieldIndex: spec.columns.map((c) => byName.get(c.name) ?? -1),
    present: spec.columns.filter((c) => byName.has(c.name)).map((c) => c.name),
    fieldColumn,
    issues,
  };
}
