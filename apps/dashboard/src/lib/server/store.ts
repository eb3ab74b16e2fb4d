import {
  load,
  currentVersion,
  readCsvFiles,
  resolveDbPath,
  SAMPLE_DATA_DIR,
  Store,
} from '@puente/data/store';

/** The DuckDB store of this server process: opened once at start-up (hooks.server.ts `init`), then shared. */
let store: Store | null = null;
/** The current data version, read once after each commit: this process is the only writer of its file. */
let version: Promise<number | null> | null = null;

export async function openStore(env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  if (store) return store;
  const opened = await Store.open({ path: resolveDbPath(env.PUENTE_DB) });
  // A newcomer should see a real dashboard: an empty database gets the sample programme first.
  if (env.PUENTE_SAMPLE !== '0' && (await currentVersion(opened)) === null) {
    const result = await load(opened, {
      files: await readCsvFiles([env.PUENTE_SAMPLE_DIR ?? SAMPLE_DATA_DIR]),
      mode: 'replace',
      user: 'sample',
    });
    if (!result.ok) {
      opened.close();
      throw new Error(
        `The sample programme does not validate: ${result.problems.map((p) => p.message).join('; ')}`,
      );
    }
  }
  opened.onCommit(() => {
    version = null;
  });
  store = opened;
  return opened;
}

/** The current data version (null before the first load). */
export function dataVersion(): Promise<number | null> {
  version ??= currentVersion(getStore());
  return version;
}

export function getStore(): Store {
  if (!store) throw new Error('The store is not open yet');
  return store;
}
