import type { Store } from './store.js';

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
