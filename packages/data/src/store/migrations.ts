import { TABLES, TABLE_NAMES, type ColumnSpec } from '../schema/tables.js';

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

function dataTable(name: (typeof TABLE_NAMES)[number]): string {
  const columns = TABLES[name].columns.map(
    (c) => `"${c.name}" ${sqlType(c)}${c.required ? ' NOT NULL' : ''}`,
  );
  return `CREATE TABLE "${name}" (${columns.join(', ')}, _from INTEGER NOT NULL, _to INTEGER)`;
}

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
    ...TABLE_NAMES.map(dataTable),
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
  // Server secrets kept with the data (the key that signs embeds, when the environment gives none).
  [`CREATE TABLE secrets (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)`],
];
