import { TABLE_NAMES, type TableName } from '../schema/tables.js';
import type { Store } from './store.js';
import type { PlainRow } from './values.js';

/** The keys of the current institutions and partnerships: what an upload's references may point at. */
export async function knownKeys(store: Store): Promise<{ institutions: string[]; partnerships: string[] }> {
  const [institutions, partnerships] = await Promise.all([
    store.all('SELECT id FROM institutions WHERE _to IS NULL'),
    store.all('SELECT id FROM partnerships WHERE _to IS NULL'),
  ]);
  return {
    institutions: institutions.map((r) => String(r.id)),
    partnerships: partnerships.map((r) => String(r.id)),
  };
}

/** The current rows of a table, without their version stamps (for comparing an upload with them). */
export async function currentRows(store: Store, table: TableName): Promise<PlainRow[]> {
  if (!TABLE_NAMES.includes(table)) throw new RangeError(`No table ${table}`);
  return store.all(`SELECT * EXCLUDE (_from, _to) FROM "${table}" WHERE _to IS NULL`);
}
