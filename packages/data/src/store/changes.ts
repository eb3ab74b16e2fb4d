import type { DuckDBConnection } from '@duckdb/node-api';
import { LOAD_ORDER, TABLES, type TableName } from '../schema/tables.js';
import type { Store } from './store.js';
import { plainRows, type PlainRow } from './values.js';

/** How one table differs between two data versions, counted by key, with the first keys of each kind. */
export interface TableChange {
  added: number;
  changed: number;
  removed: number;
  /** Up to `EXAMPLES` keys of each kind (the key's values joined by ` · `), in key order. */
  examples: { added: string[]; changed: string[]; removed: string[] };
}

export type Changes = Record<TableName, TableChange>;

const EXAMPLES = 5;
const KINDS = ['added', 'changed', 'removed'] as const;

/**
 * SQL counting, for each `v`, the keys of `table` whose rows appear between the rows `before` and `after` select
 * (each with its `v`), whose values differ, and whose rows disappear, with the first `EXAMPLES` keys of each kind.
 * A `replace` writes every row again, so rows are compared by value, not by the version that wrote them. Each side
 * is read once, as a hash of its key and one of its values (a full row would be held for the join: a million
 * training rows took over a gigabyte); two different keys or rows sharing a 64-bit hash among a version's rows is
 * not a practical concern for counts shown to people. Identifiers come from the schema declaration, never from input.
 */
function changesSql(
  table: TableName,
  before: { v: string; where: string },
  after: { v: string; where: string },
): string {
  const spec = TABLES[table];
  const keyHash = `hash(${spec.key.map((k) => `"${k}"`).join(', ')})`;
  const rowHash = `hash(${spec.columns.map((c) => `"${c.name}"`).join(', ')})`;
  const side = (s: { v: string; where: string }) =>
    `SELECT ${s.v} AS v, ${keyHash} AS kh, ${rowHash} AS rh, ${keyText(table)} AS k FROM "${table}" WHERE ${s.where}`;
  const counts = KINDS.map(
    (kind) =>
      `count(*) FILTER (WHERE kind = '${kind}') AS ${kind},
       coalesce(to_json(min(k, ${EXAMPLES}) FILTER (WHERE kind = '${kind}'))::VARCHAR, '[]') AS ${kind}_examples`,
  );
  return `SELECT v, ${counts.join(', ')} FROM (
            SELECT coalesce(b.v, a.v) AS v, coalesce(b.k, a.k) AS k,
                   CASE WHEN a.kh IS NULL THEN 'added' WHEN b.kh IS NULL THEN 'removed'
                        WHEN a.rh <> b.rh THEN 'changed' END AS kind
            FROM (${side(before)}) AS a FULL JOIN (${side(after)}) AS b ON a.v = b.v AND a.kh = b.kh
          ) WHERE kind IS NOT NULL GROUP BY v`;
}

/** A row's key as people read it: its values joined by ` · `. */
const keyText = (table: TableName): string =>
  TABLES[table].key.map((k) => `CAST("${k}" AS VARCHAR)`).join(` || ' · ' || `);

/**
 * What each version changed against the one before, for every version (`version` left out) or one: the rows it
 * closed (alive before it, not after) against the rows it wrote. Rows alive on both sides are the same rows and,
 * keys being unique within a version, share no key with either set, so this is the whole comparison at the cost
 * of the rows the version touched. `onlyAdded`: tables in which `version` closed no row, so that every row it
 * wrote is added and nothing needs comparing (a first load: hashing a million rows for nothing took half a second).
 */
function byVersionSql(
  version?: string,
  touched: readonly TableName[] = LOAD_ORDER,
  onlyAdded: readonly TableName[] = [],
): string {
  const names = KINDS.flatMap((kind) => [kind, `${kind}_examples`]);
  const columns = KINDS.flatMap((kind) => [`coalesce(c.${kind}, 0)`, `coalesce(c.${kind}_examples, '[]')`]);
  const perTable = LOAD_ORDER.map((table) => {
    // A table the version did not write has no row it closed or opened.
    if (!touched.includes(table))
      return `SELECT ${version}, '${table}', ${KINDS.map(() => `0, '[]'`).join(', ')}`;
    if (version && onlyAdded.includes(table)) {
      const written = `FROM "${table}" WHERE _from = ${version} AND (_to IS NULL OR _to > ${version})`;
      // The first keys in text order have one of the first few values of the key's first column, an identifier
      // (no character of an identifier sorts before the space that follows it in keyText): only their rows are
      // joined into text, not a million.
      const first = `"${TABLES[table].key[0]}"`;
      return `SELECT ${version}, '${table}', (SELECT count(*) ${written}),
                     coalesce(to_json(min(k, ${EXAMPLES}))::VARCHAR, '[]'), 0, '[]', 0, '[]'
              FROM (SELECT ${keyText(table)} AS k ${written}
                    AND ${first} IN (SELECT DISTINCT ${first} ${written} ORDER BY 1 LIMIT ${EXAMPLES}))`;
    }
    const changes = changesSql(
      table,
      { v: '_to', where: version ? `_to = ${version} AND _from < ${version}` : '_from < _to' },
      {
        v: '_from',
        where: version
          ? `_from = ${version} AND (_to IS NULL OR _to > ${version})`
          : '(_to IS NULL OR _to > _from)',
      },
    );
    return `SELECT versions.version, '${table}', ${columns.join(', ')}
            FROM versions LEFT JOIN (${changes}) AS c ON c.v = versions.version
            ${version ? `WHERE versions.version = ${version}` : ''}`;
  });
  // One statement for every table: planning one costs more than running it on the rows of a small load.
  return `INSERT INTO version_changes (version, table_name, ${names.join(', ')}) ${perTable.join(' UNION ALL ')}`;
}

/**
 * Migration step: the table of what each version changed (rows per table against the version before, with
 * examples as a JSON list of keys), filled for every version already in the database.
 */
export const versionChangesMigration = (): string[] => [
  `CREATE TABLE version_changes (
    version INTEGER NOT NULL,
    table_name VARCHAR NOT NULL,
    added BIGINT NOT NULL,
    added_examples VARCHAR NOT NULL,
    changed BIGINT NOT NULL,
    changed_examples VARCHAR NOT NULL,
    removed BIGINT NOT NULL,
    removed_examples VARCHAR NOT NULL
  )`,
  byVersionSql(),
];

/**
 * Records what `version` (written in this transaction, its `versions` row included) changed in every table;
 * `touched`: the tables it wrote (the others are recorded unchanged without looking).
 */
export async function recordChanges(
  c: DuckDBConnection,
  version: number,
  touched: readonly TableName[] = LOAD_ORDER,
): Promise<void> {
  const onlyAdded: TableName[] = [];
  for (const table of touched) {
    const closed = plainRows(
      await c.runAndReadAll(`SELECT EXISTS (SELECT 1 FROM "${table}" WHERE _to = $1) AS any`, [version]),
    );
    if (closed[0]?.any !== true) onlyAdded.push(table);
  }
  await c.run(byVersionSql('$1', touched, onlyAdded), [version]);
}

/** What the versions from `from` to `to` changed, as recorded when each was written. */
export async function recordedChanges(
  store: Store,
  [from, to]: [number, number],
): Promise<Map<number, Changes>> {
  const byVersion = new Map<number, Changes>();
  const rows = await store.all(
    'SELECT * FROM version_changes WHERE version BETWEEN $1 AND $2 ORDER BY version, table_name',
    [from, to],
  );
  for (const row of rows) {
    const version = Number(row.version);
    let changes = byVersion.get(version);
    if (changes === undefined) byVersion.set(version, (changes = noChanges()));
    changes[row.table_name as TableName] = tableChange(row);
  }
  return byVersion;
}

/** Nothing changed in any table. */
export function noChanges(): Changes {
  return Object.fromEntries(LOAD_ORDER.map((t) => [t, tableChange({})])) as Changes;
}

function tableChange(row: PlainRow): TableChange {
  const examples = (kind: (typeof KINDS)[number]) =>
    JSON.parse(String(row[`${kind}_examples`] ?? '[]')) as string[];
  return {
    added: Number(row.added ?? 0),
    changed: Number(row.changed ?? 0),
    removed: Number(row.removed ?? 0),
    examples: { added: examples('added'), changed: examples('changed'), removed: examples('removed') },
  };
}

/**
 * What makes the data of version `to` out of the data of version `from` (null: nothing): rows whose key appears,
 * whose values differ, and whose key disappears. Shown before a restore.
 */
export async function compareVersions(store: Store, from: number | null, to: number): Promise<Changes> {
  const alive = (v: string) => `_from <= ${v} AND (_to IS NULL OR _to > ${v})`;
  return store.withConnection(async (c) => {
    const result = noChanges();
    for (const table of LOAD_ORDER) {
      const rows = plainRows(
        await c.runAndReadAll(
          changesSql(table, { v: '0', where: alive('$1') }, { v: '0', where: alive('$2') }),
          [from ?? 0, to],
        ),
      );
      if (rows[0]) result[table] = tableChange(rows[0]);
    }
    return result;
  });
}
