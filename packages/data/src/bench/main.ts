/**
 * `npm run bench`: how long Puente takes to validate and load a generated programme, against DuckDB's own
 * `read_csv` of the same files in the same process as the baseline. Prints times and ratios; not a test.
 * Options: --institutions N (default 20000 → 1,000,000 training rows with --years 10 --programmes 5).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateProgramme } from '../generate/programme.js';
import { TABLE_NAMES } from '../schema/tables.js';
import { load, readCsvFiles, Store } from '../store/index.js';
import { validateFiles } from '../validation/validate.js';

const { values } = parseArgs({
  options: {
    institutions: { type: 'string', default: '20000' },
    years: { type: 'string', default: '10' },
    programmes: { type: 'string', default: '5' },
  },
});

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, (performance.now() - start) / 1000];
}

const dir = await mkdtemp(path.join(tmpdir(), 'puente-bench-'));
try {
  const options = {
    institutions: Number(values.institutions),
    years: Number(values.years),
    programmes: Number(values.programmes),
    seed: 1,
  };
  const texts = new Map<string, string>();
  for (const { table, text } of generateProgramme(options)) texts.set(table, (texts.get(table) ?? '') + text);
  for (const [table, text] of texts) await writeFile(path.join(dir, `${table}.csv`), text);
  const files = await readCsvFiles([dir]);
  const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  const rows = options.institutions * options.years * options.programmes;

  console.log(
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  console.log(
    `Programme: ${options.institutions} institutions, ${rows} training rows, ${(bytes / 2 ** 20).toFixed(1)} MiB of CSV\n`,
  );

  // Baseline: DuckDB parses the same files itself, typed by its sniffer, into an in-memory database.
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  const [, baseline] = await time(async () => {
    for (const table of TABLE_NAMES) {
      await connection.run(`CREATE TABLE "${table}" AS SELECT * FROM read_csv($1)`, [
        path.join(dir, `${table}.csv`),
      ]);
    }
  });
  connection.closeSync();
  duck.closeSync();

  const [validation, validating] = await time(() => validateFiles(files));
  if (!validation.ok) throw new Error(`Generated data does not validate: ${validation.problems[0]?.message}`);

  const store = await Store.open({ path: path.join(dir, 'bench.duckdb') });
  const [result, loading] = await time(() => load(store, { files, mode: 'replace', user: 'bench' }));
  store.close();
  if (!result.ok) throw new Error('Load failed');

  const line = (label: string, seconds: number) =>
    console.log(
      `${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s   ${(seconds / baseline).toFixed(1).padStart(6)} × baseline`,
    );
  line('DuckDB read_csv of the four files (baseline)', baseline);
  line('validateFiles (decode, parse, validate)', validating);
  line('load (validate + versioned write, one txn)', loading);
} finally {
  await rm(dir, { recursive: true, force: true });
}
