import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { LOAD_ORDER, RELATIONS, TABLES, type Row, type TableName } from '../schema/tables.js';
import type { Locale, Problem } from '../schema/problems.js';
import {
  validateFiles,
  type UploadFile,
  type ValidatedTable,
  type ValidateOptions,
  type ValidationResult,
} from '../validation/validate.js';
import { orphanProblem } from '../validation/references.js';
import type { Store } from './store.js';
import { totalsMismatches } from './self-check.js';
import { checkWritten, insertFile, NotForSql } from './sql-load.js';
import { keepUpload } from './uploads.js';
import { stageSqlUpload, wholeFiles, type LoadFile, type SqlStaging, type StagedFile } from './sql-files.js';
import { noChanges, recordChanges, recordedChanges, type Changes } from './changes.js';
import { plainRows } from './values.js';

export type LoadMode = 'replace' | 'upsert';

export interface LoadRequest {
  /** The files, in memory or on disk (read in chunks, and whole only when the validator must read them). */
  files: LoadFile[];
  /** `replace`: each uploaded table becomes its file. `upsert`: rows with an existing key are updated, new ones added. */
  mode: LoadMode;
  /** Who loads, recorded in the version history. */
  user: string;
  locale?: Locale;
  /** In `replace` mode, let a file with a header and no rows empty its table; refused (`emptied`) otherwise. */
  allowEmpty?: boolean;
  /** Progress for displays: rows checked while validating, rows written while writing. */
  onProgress?: (progress: LoadProgress) => void;
  /** Called with the size of each chunk of the files as it is first read, for progress displays. */
  onRead?: (bytes: number) => void;
  /**
   * Called inside the transaction after every table is written, before commit; throwing rolls the whole load back.
   * Tests use it to inject a fault in the middle of a write.
   */
  beforeCommit?: () => void | Promise<void>;
}

export interface LoadProgress {
  stage: 'checking' | 'writing';
  rowsChecked: number;
  rowsWritten: number;
}

export type LoadResult =
  | { ok: true; version: number; tables: Partial<Record<TableName, number>>; warnings: Problem[] }
  | {
      ok: false;
      problems: Problem[];
      /**
       * Set when the only reason is that a `replace` would empty these tables (files with a header and no rows):
       * load again with `allowEmpty` to confirm.
       */
      emptied?: TableName[];
    };

export interface VersionFile {
  table: TableName;
  name: string;
  sha256: string;
  bytes: number;
  rows: number;
  encoding: string;
  delimiter: string;
}

export interface VersionInfo {
  version: number;
  createdAt: string;
  user: string;
  action: 'load' | 'restore';
  mode: LoadMode | null;
  restoredFrom: number | null;
  files: VersionFile[];
  /** Rows of each table in the data as of this version. */
  totals: Record<TableName, number>;
  /** Rows added, changed and removed per table against the version before (recorded when it was written). */
  changes: Changes;
}

const current = `_to IS NULL`;

export async function currentVersion(store: Store): Promise<number | null> {
  const [row] = await store.all('SELECT max(version) AS v FROM versions');
  return typeof row?.v === 'number' ? row.v : null;
}

async function currentKeys(
  c: DuckDBConnection,
  table: 'institutions' | 'partnerships',
): Promise<Set<string>> {
  const rows = plainRows(await c.runAndReadAll(`SELECT id FROM "${table}" WHERE ${current}`));
  return new Set(rows.map((r) => String(r.id)));
}

/**
 * The files validated as a load into this store would validate them: references may point at keys the store holds
 * (except those of tables a `replace` replaces). `puente validate --db` uses it, so it lists what `load` would.
 */
export async function checkUpload(
  store: Store,
  files: UploadFile[],
  options: { mode: LoadMode; locale?: Locale },
): Promise<ValidationResult> {
  return store.withConnection((c) => validateAgainst(c, files, options.mode, options.locale ?? 'en'));
}

async function validateAgainst(
  c: DuckDBConnection,
  files: UploadFile[],
  mode: LoadMode,
  locale: Locale,
  onProgress?: ValidateOptions['onProgress'],
): Promise<ValidationResult> {
  // Keys that exist outside this upload; in replace mode the validator ignores those of tables being replaced.
  return validateFiles(files, {
    locale,
    mode,
    ...(onProgress ? { onProgress } : {}),
    known: {
      institutions: await currentKeys(c, 'institutions'),
      partnerships: await currentKeys(c, 'partnerships'),
    },
  });
}

/**
 * Validates every file together, then writes them in one transaction as a new data version. DuckDB reads the
 * files itself when it can (see sql-load.ts); an upload with any problem, or any file it might read differently,
 * is read by `validateFiles` instead, so the problems listed are the same either way.
 */
export async function load(store: Store, request: LoadRequest): Promise<LoadResult> {
  return (
    (await loadThroughSql(store, request)) ??
    (await loadValidated(store, { ...request, files: await wholeFiles(request.files) }))
  );
}

/**
 * The problems `load` would list for these files, without loading them: the SQL path runs in a transaction that
 * is always rolled back, else `validateFiles` against the store's keys (as `checkUpload`). `puente validate --db`.
 */
export async function listProblems(
  store: Store,
  files: LoadFile[],
  options: { mode: LoadMode; locale?: Locale },
): Promise<ProblemList> {
  const staging = stageSqlUpload(store.uploadsDir, files, { locale: options.locale ?? 'en' });
  try {
    await store.write(async (c) => {
      throw new CheckedOnly(await writeThroughSql(c, staging, options.mode, await nextVersion(c)));
    });
  } catch (error) {
    if (error instanceof CheckedOnly) {
      const { tables, warnings, files: written } = error.written;
      const read = written.map(({ header }) => ({
        table: header.table,
        file: header.name,
        rows: tables[header.table] ?? 0,
      }));
      return { ok: true, problems: warnings, tables: read };
    }
    if (!(error instanceof NotForSql)) throw error;
  } finally {
    await staging.remove();
  }
  return problemList(await checkUpload(store, await wholeFiles(files), options));
}

/** A validation's outcome as a list of problems, with the rows of each file counted. */
export function problemList({ ok, problems, tables }: ValidationResult): ProblemList {
  return { ok, problems, tables: tables.map((t) => ({ table: t.table, file: t.file, rows: t.rows.length })) };
}

export interface ProblemList {
  /** False iff some problem is an error. */
  ok: boolean;
  problems: Problem[];
  /** Each file read, with its table and number of rows (best effort when there are errors). */
  tables: { table: TableName; file: string; rows: number }[];
}

/** Thrown to roll back a write that only checked. */
class CheckedOnly extends Error {
  constructor(readonly written: WrittenThroughSql) {
    super('checked only');
  }
}

/** `load` through DuckDB's own CSV reader, or null when the upload must go through `validateFiles` (exported for tests). */
export async function loadThroughSql(store: Store, request: LoadRequest): Promise<LoadResult | null> {
  const staging = stageSqlUpload(store.uploadsDir, request.files, {
    locale: request.locale ?? 'en',
    ...(request.onRead ? { onRead: request.onRead } : {}),
  });
  try {
    const damage = store.damage;
    if (damage !== null) {
      // Only a replace of every damaged table repairs the store.
      const files = await Promise.all(staging.files);
      if (
        request.mode !== 'replace' ||
        files.includes(null) ||
        damage.tables.some((t) => !files.some((f) => f?.header.table === t))
      ) {
        return null;
      }
    }
    return await store
      .write(async (c) => {
        const version = await nextVersion(c);
        await c.run(`INSERT INTO versions VALUES ($1, current_timestamp, $2, 'load', $3, NULL)`, [
          version,
          request.user,
          request.mode,
        ]);
        const progress: LoadProgress = { stage: 'writing', rowsChecked: 0, rowsWritten: 0 };
        const { tables, warnings, files } = await writeThroughSql(
          c,
          staging,
          request.mode,
          version,
          (rows) => {
            progress.rowsChecked += rows;
            progress.rowsWritten += rows;
            request.onProgress?.(progress);
          },
        );
        // Kept once everything is written and checked, so that an upload the SQL path gives up on keeps nothing.
        for (const file of files) {
          try {
            await staging.keep(file);
          } catch (error) {
            throw new NotForSql('the upload could not be kept', { cause: error });
          }
        }
        for (const { header, sha256, bytes } of files) {
          await c.run(`INSERT INTO version_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
            version,
            header.table,
            header.name,
            sha256,
            BigInt(bytes),
            BigInt(tables[header.table] ?? 0),
            header.encoding,
            header.delimiter,
          ]);
        }
        // No orphans to look for: checkWritten found every current reference pointing at a current key.
        await recordTotals(c, version);
        await recordChanges(c, version, Object.keys(tables) as TableName[]);
        await request.beforeCommit?.();
        return { ok: true as const, version, tables, warnings };
      })
      .then((result) => {
        store.repaired();
        return result;
      });
  } catch (error) {
    if (error instanceof RejectedLoad) return { ok: false, problems: error.problems };
    if (error instanceof NotForSql) return null;
    throw error;
  } finally {
    await staging.remove();
  }
}

/** What writeThroughSql wrote: rows per table (in load order), the warnings of the headers, and the files. */
interface WrittenThroughSql {
  tables: Partial<Record<TableName, number>>;
  warnings: Problem[];
  files: StagedFile[];
}

/**
 * Writes each file into its table as rows of `version` as soon as it is staged (closing the rows it replaces),
 * then runs the checks across rows; throws NotForSql when anything is not plainly right.
 */
async function writeThroughSql(
  c: DuckDBConnection,
  staging: SqlStaging,
  mode: LoadMode,
  version: number,
  written?: (rows: number) => void,
): Promise<WrittenThroughSql> {
  const rows: Partial<Record<TableName, number>> = {};
  const files: StagedFile[] = [];
  for (const next of staging.files) {
    const file = await next;
    if (file === null) throw new NotForSql('a file is not plain CSV');
    const name = file.header.table;
    // Two files for one table: the validator words it.
    if (rows[name] !== undefined) throw new NotForSql(`two files for ${name}`);
    if (mode === 'replace') await c.run(`UPDATE "${name}" SET _to = $1 WHERE ${current}`, [version]);
    rows[name] = await insertFile(c, file, version);
    if (mode === 'upsert') await closeUpdated(c, name, version);
    written?.(rows[name]);
    files.push(file);
  }
  const warnings = await staging.warnings();
  if (warnings === null) throw new NotForSql('the headers read together have a problem');
  const tables = Object.fromEntries(
    LOAD_ORDER.flatMap((t) => (rows[t] === undefined ? [] : [[t, rows[t]]])),
  ) as Partial<Record<TableName, number>>;
  await checkWritten(c, Object.keys(tables) as TableName[], version);
  return { tables, warnings, files };
}

async function loadValidated(
  store: Store,
  request: Omit<LoadRequest, 'files'> & { files: UploadFile[] },
): Promise<LoadResult> {
  const locale = request.locale ?? 'en';
  return store
    .write(async (c) => {
      const progress: LoadProgress = { stage: 'checking', rowsChecked: 0, rowsWritten: 0 };
      const validation = await validateAgainst(c, request.files, request.mode, locale, ({ rowsChecked }) => {
        progress.rowsChecked = rowsChecked;
        request.onProgress?.(progress);
      });
      if (!validation.ok) return { ok: false as const, problems: validation.problems };
      if (request.mode === 'replace' && request.allowEmpty !== true) {
        const emptied = validation.tables.filter((t) => t.rows.length === 0).map((t) => t.table);
        if (emptied.length > 0) return { ok: false as const, problems: validation.problems, emptied };
      }
      // A store opened for repair takes only a load that replaces every table it can't trust.
      const damage = store.damage;
      if (
        damage !== null &&
        (request.mode !== 'replace' ||
          damage.tables.some((t) => !validation.tables.some((v) => v.table === t)))
      ) {
        throw damage;
      }

      const bytesByName = new Map(request.files.map((f) => [f.name, f.bytes]));
      const hashes = new Map<string, string>();
      for (const t of validation.tables) {
        hashes.set(t.file, await keepUpload(store.uploadsDir, bytesByName.get(t.file) ?? new Uint8Array()));
      }

      const version = await nextVersion(c);
      await c.run(`INSERT INTO versions VALUES ($1, current_timestamp, $2, 'load', $3, NULL)`, [
        version,
        request.user,
        request.mode,
      ]);
      const byTable = new Map(validation.tables.map((t) => [t.table, t]));
      const tables: Partial<Record<TableName, number>> = {};
      for (const name of LOAD_ORDER) {
        const table = byTable.get(name);
        if (!table) continue;
        progress.stage = 'writing';
        await writeTable(c, table, request.mode, version, (rows) => {
          progress.rowsWritten += rows;
          request.onProgress?.(progress);
        });
        tables[name] = table.rows.length;
        const file = request.files.find((f) => f.name === table.file);
        await c.run(`INSERT INTO version_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          version,
          name,
          table.file,
          hashes.get(table.file) ?? '',
          BigInt(file?.bytes.length ?? 0),
          BigInt(table.rows.length),
          table.encoding,
          table.delimiter,
        ]);
      }
      // A replaced table may have dropped keys that rows of other tables still use.
      const orphans = await findOrphans(c, validation.tables, locale);
      if (orphans.length > 0) throw new RejectedLoad(orphans);
      await recordTotals(c, version);
      await recordChanges(c, version, Object.keys(tables) as TableName[]);
      await request.beforeCommit?.();
      return { ok: true as const, version, tables, warnings: validation.problems };
    })
    .then((result) => {
      if (result.ok) store.repaired();
      return result;
    })
    .catch((error: unknown) => {
      if (error instanceof RejectedLoad) return { ok: false as const, problems: error.problems };
      throw error;
    });
}

/** Makes the data as of `version` current again, as a new version; nothing is deleted. */
export async function restore(store: Store, version: number, user: string): Promise<number> {
  const restored = await store.write(async (c) => {
    const exists = plainRows(
      await c.runAndReadAll('SELECT 1 AS ok FROM versions WHERE version = $1', [version]),
    );
    if (exists.length === 0) throw new RangeError(`There is no version ${version}`);
    const next = await nextVersion(c);
    await c.run(`INSERT INTO versions VALUES ($1, current_timestamp, $2, 'restore', NULL, $3)`, [
      next,
      user,
      version,
    ]);
    for (const name of LOAD_ORDER) {
      const columns = TABLES[name].columns.map((col) => `"${col.name}"`).join(', ');
      await c.run(`UPDATE "${name}" SET _to = $1 WHERE ${current}`, [next]);
      await c.run(
        `INSERT INTO "${name}" SELECT ${columns}, $1, NULL FROM "${name}"
         WHERE _from <= $2 AND (_to IS NULL OR _to > $2) AND _from <> $1`,
        [next, version],
      );
    }
    await recordTotals(c, next);
    await recordChanges(c, next);
    // The rows brought back must be exactly the ones the version recorded, or the restore would spread damage.
    const wrong = await totalsMismatches(c, version);
    if (wrong.length > 0) {
      const details = wrong.map((m) => `${m.table} ${m.rows} rows, recorded ${m.recorded ?? 'none'}`);
      throw new Error(
        `Version ${version} can't be restored exactly (${details.join('; ')}); nothing changed.`,
      );
    }
    return next;
  });
  store.repaired();
  return restored;
}

/** Which versions to list, newest first: those before `before` (all when absent), at most `limit` of them. */
export interface VersionPage {
  before?: number;
  limit?: number;
}

export async function listVersions(store: Store, page: VersionPage = {}): Promise<VersionInfo[]> {
  const before = page.before ?? 2 ** 31 - 1;
  const limit = page.limit ?? 2 ** 31 - 1;
  const versions = await store.all(
    `SELECT version, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, user_name, action, mode,
            restored_from
     FROM versions WHERE version < $1 ORDER BY version DESC LIMIT $2`,
    [before, limit],
  );
  if (versions.length === 0) return [];
  // The details of the listed versions only: a page of history costs the same however long the history is.
  const range = [Number(versions.at(-1)!.version), Number(versions[0]!.version)];
  const [files, totals, changes] = await Promise.all([
    store.all(
      'SELECT * FROM version_files WHERE version BETWEEN $1 AND $2 ORDER BY version, table_name',
      range,
    ),
    store.all('SELECT * FROM version_tables WHERE version BETWEEN $1 AND $2', range),
    recordedChanges(store, range as [number, number]),
  ]);
  return versions.map((v) => {
    const n = Number(v.version);
    const counts = Object.fromEntries(LOAD_ORDER.map((t) => [t, 0])) as Record<TableName, number>;
    for (const t of totals) if (t.version === n) counts[t.table_name as TableName] = Number(t.rows);
    return {
      version: n,
      createdAt: String(v.created_at),
      user: String(v.user_name),
      action: v.action === 'restore' ? 'restore' : 'load',
      mode: v.mode === 'replace' || v.mode === 'upsert' ? v.mode : null,
      restoredFrom: typeof v.restored_from === 'number' ? v.restored_from : null,
      files: files
        .filter((f) => f.version === n)
        .map((f) => ({
          table: f.table_name as TableName,
          name: String(f.file_name),
          sha256: String(f.sha256),
          bytes: Number(f.bytes),
          rows: Number(f.rows),
          encoding: String(f.encoding),
          delimiter: String(f.delimiter),
        })),
      totals: counts,
      changes: changes.get(n) ?? noChanges(),
    };
  });
}

/** The file a version recorded under `sha256` (the newest version's name for it), or null when none did. */
export async function recordedFile(
  store: Store,
  sha256: string,
): Promise<{ name: string; sha256: string } | null> {
  const [file] = await store.all(
    'SELECT file_name FROM version_files WHERE sha256 = $1 ORDER BY version DESC, table_name, file_name LIMIT 1',
    [sha256],
  );
  return file ? { name: String(file.file_name), sha256 } : null;
}

class RejectedLoad extends Error {
  constructor(readonly problems: Problem[]) {
    super('The load was rejected');
  }
}

async function nextVersion(c: DuckDBConnection): Promise<number> {
  const [row] = plainRows(await c.runAndReadAll('SELECT coalesce(max(version), 0) + 1 AS v FROM versions'));
  return Number(row?.v);
}

async function recordTotals(c: DuckDBConnection, version: number): Promise<void> {
  for (const name of LOAD_ORDER) {
    await c.run(`INSERT INTO version_tables SELECT $1, $2, count(*) FROM "${name}" WHERE ${current}`, [
      version,
      name,
    ]);
  }
}

async function writeTable(
  c: DuckDBConnection,
  table: ValidatedTable,
  mode: LoadMode,
  version: number,
  written: (rows: number) => void,
): Promise<void> {
  const spec = TABLES[table.table];
  if (mode === 'replace') await c.run(`UPDATE "${spec.name}" SET _to = $1 WHERE ${current}`, [version]);
  const appender = await c.createAppender(spec.name);
  try {
    const rows = table.rows;
    for (let i = 0; i < rows.length; i++) {
      appendRow(appender, table.table, rows[i]!, version);
      if ((i + 1) % 10_000 === 0) written(10_000);
    }
    appender.flushSync();
    written(rows.length % 10_000);
  } finally {
    appender.closeSync();
  }
  if (mode === 'upsert') await closeUpdated(c, table.table, version);
}

/** An upsert's new rows replace the current ones with the same key. */
async function closeUpdated(c: DuckDBConnection, table: TableName, version: number): Promise<void> {
  const sameKey = TABLES[table].key.map((k) => `n."${k}" = o."${k}"`).join(' AND ');
  await c.run(
    `UPDATE "${table}" AS o SET _to = $1
     WHERE o._to IS NULL AND o._from < $1
       AND EXISTS (SELECT 1 FROM "${table}" AS n WHERE n._from = $1 AND ${sameKey})`,
    [version],
  );
}

function appendRow(appender: DuckDBAppender, table: TableName, row: Row, version: number): void {
  for (const column of TABLES[table].columns) {
    const value = row[column.name];
    if (value === null || value === undefined) appender.appendNull();
    else if (column.type === 'integer') appender.appendBigInt(BigInt(value));
    else if (column.type === 'decimal') appender.appendDouble(Number(value));
    else appender.appendVarchar(String(value));
  }
  appender.appendInteger(version);
  appender.appendNull();
  appender.endRow();
}

/** References from current rows to keys that no longer exist, reported against the file that removed the key. */
async function findOrphans(
  c: DuckDBConnection,
  tables: readonly Pick<ValidatedTable, 'table' | 'file'>[],
  locale: Locale,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const { to: referenced, from, column } of RELATIONS) {
    const rows = plainRows(
      await c.runAndReadAll(
        `SELECT f."${column}" AS value, count(*) AS n FROM "${from}" AS f
         WHERE f._to IS NULL AND f."${column}" IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM "${referenced}" AS r WHERE r._to IS NULL AND r.id = f."${column}")
         GROUP BY 1 ORDER BY 1 LIMIT 20`,
      ),
    );
    const file =
      tables.find((t) => t.table === referenced)?.file ?? tables.find((t) => t.table === from)?.file;
    for (const row of rows) {
      problems.push(
        orphanProblem({
          file: file ?? '',
          referenced,
          from,
          column,
          value: String(row.value),
          count: Number(row.n),
          locale,
        }),
      );
    }
  }
  return problems;
}
