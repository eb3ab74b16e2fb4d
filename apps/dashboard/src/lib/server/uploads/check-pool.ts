/**
 * Validation of uploads in a worker thread (the `@puente/data/validate-worker` task): a large upload is checked
 * without holding up the server's other requests, and a refused one never reaches the store.
 */
import { createRequire } from 'node:module';
import { Tinypool } from 'tinypool';
import type { Locale, UploadFile } from '@puente/data';
import { knownKeys, type LoadMode, type Store } from '@puente/data/store';
import type { ValidationReport, ValidationTask } from '@puente/data/validate-worker';

let pool: Tinypool | null = null;

function workers(): Tinypool {
  if (pool) return pool;
  // Resolved at run time from node_modules: a worker thread runs a file as it is, outside the Vite bundle.
  const filename = createRequire(import.meta.url).resolve('@puente/data/validate-worker');
  // One thread: uploads are rare, and the other core serves pages.
  pool = new Tinypool({ filename, minThreads: 0, maxThreads: 1, idleTimeout: 30_000 });
  process.once('sveltekit:shutdown' as 'exit', () => void pool?.destroy());
  return pool;
}

export async function validateOffThread(
  store: Store,
  files: UploadFile[],
  mode: LoadMode,
  locale: Locale,
  current?: ValidationTask['current'],
): Promise<ValidationReport> {
  const known = await knownKeys(store);
  return (await workers().run({
    files,
    mode,
    locale,
    known,
    ...(current ? { current } : {}),
  })) as ValidationReport;
}
