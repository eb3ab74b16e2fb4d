import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLE_NAMES, type TableName } from '../schema/tables.js';
import { plainRows } from './values.js';

/*
 * The store's check of itself, run on open. DuckDB 1.5.6 can replay part of a transaction whose commit was cut
 * by a kill (duckdb/duckdb#25931), so the WAL is not trusted to be all-or-nothing. Every data row carries the
 * version that wrote it (`_from`) and the one that closed it (`_to`), and a version exists only once its row in
 * `versions` is committed: anything stamped with a later version belongs to a load that never finished.
 */

/** What the self-check undid: the rows of a load (or restore) that never committed. */
export interface UndoneWrite {
  /** The last committed version; everything stamped after it was undone. */
  lastVersion: number;
  /** Rows removed (written by the aborted load) and rows reopened (closed by it). */
  removed: number;
  reopened: number;
}

/** One table whose current rows disagree with the totals recorded for the current version. */
export interface TotalsMismatch {
  table: TableName;
  /** Current rows (`_to IS NULL`) in the file. */
  rows: number;
  /** Rows the current version recorded; null when it recorded none (its totals never committed). */
  recorded: number | null;
}

/** The data does not match its own history even after undoing aborted loads: it must not be served as it is. */
export class StoreDamagedError extends Error {
  constructor(
    readonly dbPath: string,
    readonly version: number,
    readonly mismatches: readonly TotalsMismatch[],
    readonly uploadsDir: string,
  ) {
    const details = mismatches
      .map((m) =>
        m.recorded === null
          ? `${m.table} has ${m.rows} current rows, and version ${version} recorded no totals`
          : `${m.table} has ${m.rows} current rows, but version ${version} recorded ${m.recorded}`,
      )
      .join('; ');
    super(
      `The database ${dbPath} does not match its own history (${details}), so Puente will not serve it. ` +
        `To recover, make a good version current again: list them with \`puente versions --db ${dbPath}\`, ` +
        `then run \`puente restore <version> --db ${dbPath}\`. Or load the files again with ` +
        `\`puente load <files> --mode replace --db ${dbPath}\`, giving every table listed here: the raw bytes ` +
        `of every earlier upload are kept in ${uploadsDir}, named by the SHA-256 that \`puente versions --json\` ` +
        `shows for each file.`,
    );
    this.name = 'StoreDamagedError';
  }

  /** The tables whose current rows cannot be trusted. */
  get tables(): TableName[] {
    return this.mismatches.map((m) => m.table);
  }
}

export async function lastVersion(c: DuckDBConnection): Promise<number> {
  const [row] = plainRows(await c.runAndReadAll('SELECT coalesce(max(version), 0) AS v FROM versions'));
  return Number(row?.v ?? 0);
}

/**
 * Undoes every trace of a version that was never committed: rows it wrote are deleted, rows it closed are current
 * again, and its file, totals and changes records go. Null when there was nothing to undo.
 */
export async function undoAbortedWrites(c: DuckDBConnection): Promise<UndoneWrite | null> {
  await c.run('BEGIN TRANSACTION');
  try {
    const last = await lastVersion(c);
    let removed = 0;
    let reopened = 0;
    for (const name of TABLE_NAMES) {
      removed += (await c.run(`DELETE FROM "${name}" WHERE _from > $1`, [last])).rowsChanged;
      reopened += (await c.run(`UPDATE "${name}" SET _to = NULL WHERE _to > $1`, [last])).rowsChanged;
    }
    const records =
      (await c.run('DELETE FROM version_files WHERE version > $1', [last])).rowsChanged +
      (await c.run('DELETE FROM version_tables WHERE version > $1', [last])).rowsChanged +
      (await c.run('DELETE FROM version_changes WHERE version > $1', [last])).rowsChanged;
    await c.run('COMMIT');
    return removed + reopened + records > 0 ? { lastVersion: last, removed, reopened } : null;
  } catch (error) {
    await c.run('ROLLBACK');
    throw error;
  }
}

/**
 * The tables whose current rows differ from the totals recorded for `version` (a count is what a torn write
 * changes: rows added or left closed). Version 0, the empty store, has no rows.
 */
export async function totalsMismatches(c: DuckDBConnection, version: number): Promise<TotalsMismatch[]> {
  const recorded = new Map(
    plainRows(
      await c.runAndReadAll('SELECT table_name, rows FROM version_tables WHERE version = $1', [version]),
    ).map((r) => [String(r.table_name), Number(r.rows)]),
  );
  const mismatches: TotalsMismatch[] = [];
  for (const table of TABLE_NAMES) {
    const [row] = plainRows(await c.runAndReadAll(`SELECT count(*) AS n FROM "${table}" WHERE _to IS NULL`));
    const rows = Number(row?.n ?? 0);
    const expected = version === 0 ? 0 : (recorded.get(table) ?? null);
    if (rows !== expected) mismatches.push({ table, rows, recorded: expected });
  }
  return mismatches;
}
