/**
 * `npm run bench`: how long `puente load` takes on a generated programme, against DuckDB's own `read_csv` of the
 * same files into a database file (the baseline) and a naive papaparse + appender script, all in the same run on
 * the same files; and the peak memory of the load, in a process of its own, at three sizes and into a store that
 * already holds the programme. Not a test.
 * Options: --institutions N (default 20000 → 1,000,000 training rows with --years 10 --programmes 5),
 * --small N and --large N (institutions of the other sizes for the memory comparison; default a quarter and four
 * times; --large 0 skips it), --runs N (the baseline and the load run N times each, alternately, and their medians
 * are compared: the machine may be shared; default 3).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import Papa from 'papaparse';
import { generateProgramme } from '../generate/programme.js';
import { TABLE_NAMES, TABLES } from '../schema/tables.js';
import { readCsvFiles } from '../store/index.js';
import { validateFiles } from '../validation/validate.js';

const { values } = parseArgs({
  options: {
    institutions: { type: 'string', default: '20000' },
    small: { type: 'string' },
    large: { type: 'string' },
    years: { type: 'string', default: '10' },
    programmes: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
  },
});

const child = fileURLToPath(new URL('./load-child.js', import.meta.url));
const run = promisify(execFile);

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, (performance.now() - start) / 1000];
}

async function generate(dir: string, institutions: number): Promise<{ bytes: number; rows: number }> {
  const options = {
    institutions,
    years: Number(values.years),
    programmes: Number(values.programmes),
    seed: 1,
  };
  await mkdir(dir, { recursive: true });
  const texts = new Map<string, string>();
  for (const { table, text } of generateProgramme(options)) texts.set(table, (texts.get(table) ?? '') + text);
  let bytes = 0;
  for (const [table, text] of texts) {
    await writeFile(path.join(dir, `${table}.csv`), text);
    bytes += Buffer.byteLength(text);
  }
  return { bytes, rows: institutions * options.years * options.programmes };
}

/** `puente load` of a folder into a new database, in a child process: its time and its own peak memory. */
async function childLoad(dir: string, db: string): Promise<{ seconds: number; maxRssMiB: number }> {
  const { stdout } = await run(process.execPath, [child, dir, db], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { seconds: number; maxRssMiB: number };
}

/** The baseline: DuckDB parses the four files itself (typed by its sniffer, nothing checked) into a database file. */
async function duckdbCtas(dir: string, db: string): Promise<void> {
  const duck = await DuckDBInstance.create(db);
  const connection = await duck.connect();
  try {
    for (const table of TABLE_NAMES) {
      await connection.run(`CREATE TABLE "${table}" AS SELECT * FROM read_csv($1)`, [
        path.join(dir, `${table}.csv`),
      ]);
    }
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    duck.closeSync();
  }
}

/** What a quick script would do: papaparse each file, one appender call per cell, nothing checked. */
async function naiveScript(dir: string, db: string): Promise<void> {
  const duck = await DuckDBInstance.create(db);
  const connection = await duck.connect();
  try {
    for (const table of TABLE_NAMES) {
      const columns = TABLES[table].columns;
      await connection.run(
        `CREATE TABLE "${table}" (${columns.map((c) => `"${c.name}" ${c.type === 'integer' ? 'BIGINT' : c.type === 'decimal' ? 'DOUBLE' : 'VARCHAR'}`).join(', ')})`,
      );
      const text = await readFile(path.join(dir, `${table}.csv`), 'utf8');
      const appender = await connection.createAppender(table);
      let header = true;
      Papa.parse<string[]>(text, {
        skipEmptyLines: true,
        step({ data }) {
          if (header) {
            header = false;
            return;
          }
          for (const [i, column] of columns.entries()) {
            const value = data[i] ?? '';
            if (value === '') appender.appendNull();
            else if (column.type === 'integer') appender.appendBigInt(BigInt(value));
            else if (column.type === 'decimal') appender.appendDouble(Number(value));
            else appender.appendVarchar(value);
          }
          appender.endRow();
        },
      });
      appender.flushSync();
      appender.closeSync();
    }
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    duck.closeSync();
  }
}

const work = await mkdtemp(path.join(tmpdir(), 'puente-bench-'));
try {
  const big = Number(values.institutions);
  const small = Number(values.small ?? Math.round(big / 4));
  const sizes = [
    { institutions: big, dir: path.join(work, 'big') },
    { institutions: small, dir: path.join(work, 'small') },
  ];
  const [bigSize, smallSize] = [await generate(sizes[0]!.dir, big), await generate(sizes[1]!.dir, small)];

  console.log(
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  console.log(
    `Programme: ${big} institutions, ${bigSize.rows} training rows, ${(bigSize.bytes / 2 ** 20).toFixed(1)} MiB of CSV\n`,
  );

  const dir = sizes[0]!.dir;
  const baselines: number[] = [];
  const loads: { seconds: number; maxRssMiB: number }[] = [];
  for (let run = 0; run < Math.max(1, Number(values.runs)); run++) {
    baselines.push((await time(() => duckdbCtas(dir, path.join(work, `ctas-${run}.duckdb`))))[1]);
    loads.push(await childLoad(dir, path.join(work, `load-${run}.duckdb`)));
  }
  const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const baseline = median(baselines);
  const loaded = {
    seconds: median(loads.map((l) => l.seconds)),
    maxRssMiB: loads.reduce((most, l) => Math.max(most, l.maxRssMiB), 0),
  };
  const [, naive] = await time(() => naiveScript(dir, path.join(work, 'naive.duckdb')));
  const files = await readCsvFiles([dir]);
  const [validation, validating] = await time(() => validateFiles(files));
  if (!validation.ok) throw new Error(`Generated data does not validate: ${validation.problems[0]?.message}`);
  const smallLoad = await childLoad(sizes[1]!.dir, path.join(work, 'load-small.duckdb'));
  // A replace of the whole programme in a store that holds it: every current row closed, then compared.
  const again = await childLoad(dir, path.join(work, 'load-0.duckdb'));
  const large = Number(values.large ?? big * 4);
  let largeLoad: { seconds: number; maxRssMiB: number; rows: number; bytes: number } | null = null;
  if (large > 0) {
    await rm(sizes[1]!.dir, { recursive: true });
    const largeDir = path.join(work, 'large');
    const size = await generate(largeDir, large);
    largeLoad = { ...(await childLoad(largeDir, path.join(work, 'load-large.duckdb'))), ...size };
  }

  const line = (label: string, seconds: number, extra = '') =>
    console.log(
      `${label.padEnd(52)} ${seconds.toFixed(2).padStart(7)} s   ${(seconds / baseline).toFixed(2).padStart(6)} × baseline${extra}`,
    );
  const runs = (list: number[]) => `   runs: ${list.map((x) => x.toFixed(2)).join(', ')}`;
  line('DuckDB read_csv CTAS into a database file (baseline)', baseline, runs(baselines));
  line(
    'puente load (read, check, versioned write)',
    loaded.seconds,
    `${runs(loads.map((l) => l.seconds))}; ${(naive / loaded.seconds).toFixed(1)}× faster than naive`,
  );
  line('naive script: papaparse + appender, nothing checked', naive);
  line('validateFiles (the browser’s validator, for reference)', validating);
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  console.log('\nPeak RSS of the load process, into a new store:');
  console.log(
    `  ${smallSize.rows} training rows (${mib(smallSize.bytes)}): ${smallLoad.maxRssMiB.toFixed(0)} MiB`,
  );
  console.log(
    `  ${bigSize.rows} training rows (${mib(bigSize.bytes)}): ${loaded.maxRssMiB.toFixed(0)} MiB (highest of its runs)`,
  );
  if (largeLoad !== null) {
    console.log(
      `  ${largeLoad.rows} training rows (${mib(largeLoad.bytes)}): ${largeLoad.maxRssMiB.toFixed(0)} MiB ` +
        `(loaded in ${largeLoad.seconds.toFixed(2)} s)`,
    );
  }
  console.log(
    `and replacing the ${bigSize.rows}-row programme in a store that holds it: ${again.maxRssMiB.toFixed(0)} MiB ` +
      `(${again.seconds.toFixed(2)} s)`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
