/**
 * One `load` in a process of its own, so that its peak memory is its own: loads the CSV files of a folder from disk,
 * as `puente load` does, into a new database, prints `{ seconds, rows, maxRssMiB }` as JSON. Run by main.ts.
 */
import { csvFilesOnDisk, load, Store } from '../store/index.js';

const [dir, db] = process.argv.slice(2);
if (dir === undefined || db === undefined) throw new Error('usage: load-child DIR DB');
const start = performance.now();
const files = await csvFilesOnDisk([dir]);
const store = await Store.open({ path: db, bulkLoad: true });
try {
  const result = await load(store, { files, mode: 'replace', user: 'bench' });
  if (!result.ok) throw new Error(`Load failed: ${result.problems[0]?.message}`);
  const rows = Object.values(result.tables).reduce((sum, n) => sum + (n ?? 0), 0);
  const seconds = (performance.now() - start) / 1000;
  // maxRSS is in KiB.
  console.log(JSON.stringify({ seconds, rows, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
} finally {
  store.close();
}
