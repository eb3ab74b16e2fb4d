import { TABLE_NAMES, TABLES, type TableName } from '../schema/tables.js';
import type { Store } from './store.js';
import type { PlainRow } from './values.js';

/**
 * The keys of the current institutions and partnerships, in key order: what an upload's references may point at.
 * Rows are stored in no particular order, so every read here says its own.
 */
export async function knownKeys(store: Store): Promise<{ institutions: string[]; partnerships: string[] }> {
  const [institutions, partnerships] = await Promise.all([
    store.all('SELECT id FROM institutions WHERE _to IS NULL ORDER BY id'),
    store.all('SELECT id FROM partnerships WHERE _to IS NULL ORDER BY id'),
  ]);
  return {
    institutions: institutions.map((r) => String(r.id)),
    partnerships: partnerships.map((r) => String(r.id)),
  };
}

/**
 * The current rows of a table in key order, without their version stamps (for comparing an upload with them: the
 * keys a preview names as removed are the first in key order, as the history names them).
 */
export async function currentRows(store: Store, table: TableName): Promise<PlainRow[]> {
  if (!TABLE_NAMES.includes(table)) throw new RangeError(`No table ${table}`);
  const key = TABLES[table].key.map((k) => `"${k}"`).join(', ');
  return store.all(`SELECT * EXCLUDE (_from, _to) FROM "${table}" WHERE _to IS NULL ORDER BY ${key}`);
}
