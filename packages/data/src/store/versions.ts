import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { LOAD_ORDER, RELATIONS, TABLES, type Row, type TableName } from '../schema/tables.js';
import type { Locale, Problem } from '../schema/problems.js';
import { validateFiles, type UploadFile, type ValidatedTable } from '../validation/validate.js';
import { orphanProblem } from '../validation/references.js';
import type { Store } from './store.js';
import { keepUpload } from './uploads.js';
import { plainRows } from './values.js';

export type LoadMode = 'replace' | 'upsert';

export interface LoadRequest {
  files: UploadFile[];
  /** `replace`: each uploaded table becomes its file. `upsert`: rows with an existing key are updated, new ones added. */
  mode: LoadMode;
  /** Who loads, recorded in the version history. */
  user: string;
  locale?: Locale;
  /**
   * Called inside the transaction after every table is written, before commit; throwing rolls the whole load back.
   * Tests use it to inject a fault in the middle of a write.
   */
  beforeCommit?: () => void | Promise<void>;
}

export type LoadResult =
  | { ok: true; version: number; tables: Partial<Record<TableName, number>>; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

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

/** Validates every file together, then writes them in one transaction as a new data version. */
export async function load(store: Store, request: LoadRequest): Promise<LoadResult> {
  const locale = request.locale ?? 'en';
  return store
    .write(async (c) => {
      // Keys that exist outside this upload; in replace mode the validator ignores those of tables being replaced.
      const validation = validateFiles(request.files, {
        locale,
        mode: request.mode,
        known: {
          institutions: await currentKeys(c, 'institutions'),
          partnerships: await currentKeys(c, 'partnerships'),
        },
      });
      if (!validation.ok) return { ok: false as const, problems: validation.problems };

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
        await writeTable(c, table, request.mode, version);
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
      await request.beforeCommit?.();
      return { ok: true as const, version, tables, warnings: validation.problems };
    })
    .catch((error: unknown) => {
      if (error instanceof RejectedLoad) return { ok: false as const, problems: error.problems };
      throw error;
    });
}

/** Makes the data as of `version` current again, as a new version; nothing is deleted. */
export async function restore(store: Store, version: number, user: string): Promise<number> {
  return store.write(async (c) => {
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
    return next;
  });
}

export async function listVersions(store: Store): Promise<VersionInfo[]> {
  const [versions, files, totals] = await Promise.all([
    store.all(`SELECT version, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, user_name, action, mode,
                      restored_from
               FROM versions ORDER BY version DESC`),
    store.all('SELECT * FROM version_files ORDER BY version, table_name'),
    store.all('SELECT * FROM version_tables'),
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
    };
  });
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
): Promise<void> {
  const spec = TABLES[table.table];
  if (mode === 'replace') await c.run(`UPDATE "${spec.name}" SET _to = $1 WHERE ${current}`, [version]);
  const appender = await c.createAppender(spec.name);
  try {
    for (const row of table.rows) appendRow(appender, table.table, row, version);
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  if (mode === 'upsert') {
    const sameKey = spec.key.map((k) => `n."${k}" = o."${k}"`).join(' AND ');
    await c.run(
      `UPDATE "${spec.name}" AS o SET _to = $1
       WHERE o._to IS NULL AND o._from < $1
         AND EXISTS (SELECT 1 FROM "${spec.name}" AS n WHERE n._from = $1 AND ${sameKey})`,
      [version],
    );
  }
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
  tables: ValidatedTable[],
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
