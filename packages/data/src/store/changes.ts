import { LOAD_ORDER, TABLES, type TableName } from '../schema/tables.js';
import type { Store } from './store.js';

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

/**
 * What makes the data of version `to` out of the data of version `from` (null: nothing): rows whose key appears,
 * whose values differ, and whose key disappears. A `replace` writes every row again, so rows are compared by value,
 * not by the version that wrote them. Shown in the history and before a restore.
 */
export async function compareVersions(store: Store, from: number | null, to: number): Promise<Changes> {
  const result = {} as Changes;
  for (const table of LOAD_ORDER) result[table] = await compareTable(store, table, from ?? 0, to);
  return result;
}

async function compareTable(store: Store, table: TableName, from: number, to: number): Promise<TableChange> {
  const spec = TABLES[table];
  // Identifiers come from the schema declaration, never from input; the versions are bound.
  const alive = (v: string) => `_from <= ${v} AND (_to IS NULL OR _to > ${v})`;
  const keyText = spec.key.map((k) => `CAST("${k}" AS VARCHAR)`).join(` || ' · ' || `);
  const sameKey = spec.key.map((k) => `a."${k}" = b."${k}"`).join(' AND ');
  const differs = spec.columns.map((c) => `a."${c.name}" IS DISTINCT FROM b."${c.name}"`).join(' OR ');
  const rows = await store.all(
    `WITH a AS (SELECT *, ${keyText} AS k FROM "${table}" WHERE ${alive('$1')}),
          b AS (SELECT *, ${keyText} AS k FROM "${table}" WHERE ${alive('$2')}),
          kinds AS (
            SELECT b.k, 'added' AS kind FROM b WHERE NOT EXISTS (SELECT 1 FROM a WHERE ${sameKey})
            UNION ALL
            SELECT a.k, 'removed' FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE ${sameKey})
            UNION ALL
            SELECT b.k, 'changed' FROM a JOIN b ON ${sameKey} WHERE ${differs}
          ),
          ranked AS (SELECT kind, k, row_number() OVER (PARTITION BY kind ORDER BY k) AS n,
                            count(*) OVER (PARTITION BY kind) AS total FROM kinds)
     SELECT kind, k, total FROM ranked WHERE n <= $3 ORDER BY kind, n`,
    [from, to, EXAMPLES],
  );
  const change: TableChange = {
    added: 0,
    changed: 0,
    removed: 0,
    examples: { added: [], changed: [], removed: [] },
  };
  for (const row of rows) {
    const kind = row.kind as 'added' | 'changed' | 'removed';
    change[kind] = Number(row.total);
    change.examples[kind].push(String(row.k));
  }
  return change;
}
