import { randomBytes } from 'node:crypto';
import type { Store } from './store.js';

/**
 * A secret of this database, made once (32 random bytes) the first time it is asked for and kept in `secrets`, so
 * it survives restarts and every process on the file agrees on it.
 */
export async function storedSecret(store: Store, name: string): Promise<string> {
  const read = async () =>
    (await store.all('SELECT value FROM secrets WHERE name = $1', [name]))[0]?.value ?? null;
  const found = await read();
  if (typeof found === 'string') return found;
  await store.write(async (c) => {
    await c.run('INSERT INTO secrets VALUES ($1, $2, current_timestamp) ON CONFLICT (name) DO NOTHING', [
      name,
      randomBytes(32).toString('base64url'),
    ]);
  });
  return String(await read());
}
