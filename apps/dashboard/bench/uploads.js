/**
 * `npm run bench -w @puente/dashboard` (part of the root `npm run bench`): readers while an analyst writes. On a
 * generated programme of 20,000 institutions / 1,000,000 training rows served by the built app (`npm run build`
 * first), 50 readers request the leadership pages back to back:
 *
 * - alone (the baseline, in the same run);
 * - during a 50 MB upload replacing the programme (validated in a worker thread, then loaded as a new version);
 * - during two pathological uploads that must be refused: a 10 MB value whose quote never closes, and a header of
 *   100,000 columns — with the time each takes to be refused.
 *
 * Each phase prints the readers' requests, non-2xx answers, p50 / p99 / worst, and p99 as a ratio of the baseline's.
 * Options: --institutions N --readers N --seconds S (of the baseline). Not a test: nothing here fails.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    institutions: { type: 'string', default: '20000' },
    readers: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
  },
});
const READERS = Number(opts.readers);
const CLI = new URL('../../../packages/data/bin/puente.js', import.meta.url).pathname;
const BUILD = new URL('../build', import.meta.url).pathname;
const PAGES = ['/', '/network', '/training', '/progress', '/?lang=es', '/training?lang=zh'];
const TABLES = ['institutions', 'partnerships', 'training', 'milestones'];

const agent = new http.Agent({ keepAlive: true, maxSockets: READERS });

function get(base, route) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.get(`${base}${route}`, { agent, headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
  });
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
};
const ms = (v) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;

/** READERS loops over the pages until `done()` says stop; every answer's status and time. */
async function readers(base, done) {
  const times = [];
  let failed = 0;
  await Promise.all(
    Array.from({ length: READERS }, async (_, i) => {
      for (let n = i; !done(); n++) {
        const r = await get(base, PAGES[n % PAGES.length]);
        if (r.status >= 200 && r.status < 300) times.push(r.ms);
        else failed++;
      }
    }),
  );
  return { times, failed };
}

function report(label, { times, failed }, baseline) {
  const p99 = quantile(times, 0.99);
  const ratio = baseline ? ` (${(p99 / baseline).toFixed(1)}× the baseline's)` : '';
  console.log(
    `  ${label}: ${times.length} requests, ${failed} not 2xx, p50 ${ms(quantile(times, 0.5))}, ` +
      `p99 ${ms(p99)}${ratio}, worst ${ms(times.reduce((a, b) => (b > a ? b : a), 0))}`,
  );
  return p99;
}

/** A multipart upload of `files` ({table: bytes}); resolves with its status, body and time. */
async function upload(base, token, files) {
  const form = new FormData();
  form.set('mode', 'replace');
  for (const [table, bytes] of Object.entries(files)) {
    form.append(table, new Blob([bytes], { type: 'text/csv' }), `${table}.csv`);
  }
  const started = performance.now();
  const response = await fetch(`${base}/api/uploads`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await response.json();
  return { status: response.status, body, seconds: (performance.now() - started) / 1000 };
}

/** Readers during one upload; prints both. */
async function during(base, token, label, files, baseline) {
  let finished = false;
  const writing = upload(base, token, files).finally(() => (finished = true));
  const read = await readers(base, () => finished);
  const result = await writing;
  const codes = result.body.problems?.map((p) => p.code).join(', ');
  console.log(`  ${label}: ${result.status} in ${result.seconds.toFixed(1)} s${codes ? ` (${codes})` : ''}`);
  report('readers meanwhile', read, baseline);
}

const dir = mkdtempSync(path.join(tmpdir(), 'puente-bench-uploads-'));
let child;
try {
  const db = path.join(dir, 'bench.duckdb');
  const size = ['--institutions', opts.institutions, '--years', '10', '--programmes', '5'];
  execFileSync(process.execPath, [CLI, 'generate', '--out', path.join(dir, 'one'), ...size, '--seed', '1']);
  execFileSync(process.execPath, [CLI, 'generate', '--out', path.join(dir, 'two'), ...size, '--seed', '2']);
  execFileSync(process.execPath, [CLI, 'load', path.join(dir, 'one'), '--db', db]);
  const added = execFileSync(
    process.execPath,
    [CLI, 'users', 'add', 'bench', '--role', 'analyst', '--token', '--db', db],
    {
      input: 'bench password 1\n',
      encoding: 'utf8',
    },
  );
  const token = /^token: (\S+)$/m.exec(added)[1];
  const files = Object.fromEntries(TABLES.map((t) => [t, readFileSync(path.join(dir, 'two', `${t}.csv`))]));
  const megabytes = Object.values(files).reduce((n, b) => n + b.length, 0) / 1024 / 1024;

  const port = 4300 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [BUILD], {
    env: {
      ...process.env,
      PUENTE_DB: db,
      PORT: String(port),
      HOST: '127.0.0.1',
      BODY_SIZE_LIMIT: 'Infinity',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 600 && (await get(base, '/api/health')).status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const page of PAGES) await get(base, page);

  console.log(`Generated programme: ${size.join(' ')}; ${READERS} readers on ${PAGES.join(' ')}`);
  const until = performance.now() + Number(opts.seconds) * 1000;
  const baseline = report(
    `alone, ${opts.seconds} s (baseline)`,
    await readers(base, () => performance.now() > until),
  );

  await during(base, token, `upload of ${megabytes.toFixed(1)} MB replacing the programme`, files, baseline);

  const unclosed = Buffer.from(
    `institution,programme,year,trainees\ninst-00001,"${'x'.repeat(10 * 1024 * 1024)}\n`,
  );
  await during(base, token, '10 MB value whose quote never closes', { training: unclosed }, baseline);
  const wide = Buffer.from(`${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n1\n`);
  await during(base, token, 'header of 100,000 columns', { institutions: wide }, baseline);
} finally {
  child?.kill();
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
