import { TABLES, TABLE_NAMES, type ColumnSpec } from '../schema/tables.js';
import { versionChangesMigration } from './changes.js';

/**
 * Schema migrations, applied in order on open and recorded in `schema_migrations`.
 * Append new steps; never edit one that has shipped.
 *
 * Data tables are versioned in place: each row lives for the data versions `[_from, _to)`; the current data is
 * `_to IS NULL`. A load closes the rows it replaces and inserts new ones, a restore re-inserts the rows alive at
 * the chosen version, so every earlier version stays readable and restorable.
 */
function sqlType(column: ColumnSpec): string {
  switch (column.type) {
    case 'date':
      return 'DATE';
    case 'integer':
      return 'BIGINT';
    case 'decimal':
      return 'DOUBLE';
    default:
      return 'VARCHAR';
  }
}

function dataTable(name: (typeof TABLE_NAMES)[number], as: string = name): string {
  const columns = TABLES[name].columns.map(
    (c) => `"${c.name}" ${sqlType(c)}${c.required ? ' NOT NULL' : ''}`,
  );
  return `CREATE TABLE "${as}" (${columns.join(', ')}, _from INTEGER NOT NULL, _to INTEGER)`;
}

/**
 * Rebuilds every data table in the contract's current column order, keeping its rows (matched by column name; a
 * column new to the contract starts empty). Writers append rows by position, so a table must have exactly the
 * layout a fresh database gets — adding columns at the end, after `_from` and `_to`, would not.
 */
const rebuildDataTables = (): string[] =>
  TABLE_NAMES.flatMap((name) => [
    dataTable(name, `${name}__rebuilt`),
    `INSERT INTO "${name}__rebuilt" BY NAME SELECT * FROM "${name}"`,
    `DROP TABLE "${name}"`,
    `ALTER TABLE "${name}__rebuilt" RENAME TO "${name}"`,
    `CREATE INDEX "${name}_current" ON "${name}" (_to)`,
  ]);

export const MIGRATIONS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE versions (
      version INTEGER PRIMARY KEY,
      created_at TIMESTAMP NOT NULL,
      user_name VARCHAR NOT NULL,
      action VARCHAR NOT NULL,        -- 'load' or 'restore'
      mode VARCHAR,                   -- 'replace' or 'upsert' for loads
      restored_from INTEGER           -- for restores
    )`,
    `CREATE TABLE version_files (
      version INTEGER NOT NULL,
      table_name VARCHAR NOT NULL,
      file_name VARCHAR NOT NULL,
      sha256 VARCHAR NOT NULL,
      bytes BIGINT NOT NULL,
      rows BIGINT NOT NULL,
      encoding VARCHAR NOT NULL,
      delimiter VARCHAR NOT NULL
    )`,
    `CREATE TABLE version_tables (version INTEGER NOT NULL, table_name VARCHAR NOT NULL, rows BIGINT NOT NULL)`,
    ...TABLE_NAMES.map((name) => dataTable(name)),
    ...TABLE_NAMES.map((name) => `CREATE INDEX "${name}_current" ON "${name}" (_to)`),
    `CREATE TABLE users (
      name VARCHAR PRIMARY KEY,
      role VARCHAR NOT NULL,
      password_hash VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL
    )`,
    `CREATE TABLE api_tokens (
      token_hash VARCHAR PRIMARY KEY,
      user_name VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL
    )`,
  ],
  // The contract gained `source` (training, milestones) and translated text columns (`city_en`, `title_es`, …).
  rebuildDataTables(),
  // Sign-in sessions, kept so they survive a restart. Only a hash of the session id is stored, as for tokens.
  [
    `CREATE TABLE sessions (
      id_hash VARCHAR PRIMARY KEY,
      user_name VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL,
      expires_at TIMESTAMP NOT NULL
    )`,
  ],
  // Server secrets kept with the data (the key that signs embeds, when the environment gives none).
  [`CREATE TABLE secrets (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)`],
  // No index on `_to`. DuckDB updates an indexed column by deleting and re-inserting whole rows, so closing the
  // 1M rows a load replaces took a minute instead of milliseconds; zone maps find the current rows as fast.
  TABLE_NAMES.map((name) => `DROP INDEX IF EXISTS "${name}_current"`),
  // Rows added, changed and removed by each version, recorded as it is written so the whole history shows them;
  // filled here for the versions already there.
  versionChangesMigration(),
  // The audit log (audit.ts): sign-ins, sign-outs, uploads, restores, user and token changes. `details` is JSON.
  [
    `CREATE TABLE audit_log (
      id BIGINT PRIMARY KEY,
      created_at TIMESTAMP NOT NULL,
      actor VARCHAR NOT NULL,
      action VARCHAR NOT NULL,
      outcome VARCHAR NOT NULL,
      via VARCHAR NOT NULL,
      address VARCHAR,
      details VARCHAR NOT NULL
    )`,
  ],
];
