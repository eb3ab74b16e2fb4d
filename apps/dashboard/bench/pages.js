/**
 * `npm run bench -w @puente/dashboard` (part of the root `npm run bench`): how the dashboard answers, on the sample programme and on
 * a generated one of 20,000 institutions / 1,000,000 training rows, served by the built app (`npm run build` first).
 *
 * - first requests after a start (the default views are being built): each page's time, and /api/health meanwhile;
 * - warm pages: p50 / p95 of 40 sequential requests each;
 * - 50 connections for 20 s on `/` and `/network`: requests per second, errors, p50 / p99 — next to the same load
 *   on /api/health in the same run (the baseline: the server's cheapest route), as a ratio.
 *
 * Options: --institutions N --years N --programmes N --seconds S --connections C. Not a test: nothing here fails.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    institutions: { type: 'string', default: '20000' },
    years: { type: 'string', default: '10' },
    programmes: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
  },
});
const SECONDS = Number(opts.seconds);
const CONNECTIONS = Number(opts.connections);
const CLI = new URL('../../../packages/data/bin/puente.js', import.meta.url).pathname;
const BUILD = new URL('../build', import.meta.url).pathname;
const PAGES = ['/', '/network', '/training', '/progress'];

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

/** One GET; resolves with status, milliseconds and bytes (the body is read, gzip asked for like a browser). */
function get(base, route) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.get(`${base}${route}`, { agent, headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started, bytes }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started, bytes: 0 }));
  });
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
};
const ms = (v) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;

async function serve(db, env = {}) {
  const port = 4300 + Math.floor(Math.random() * 500);
  const child = spawn(process.execPath, [BUILD], {
    env: { ...process.env, PUENTE_DB: db, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if ((await get(base, '/api/health')).status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill();
      }),
  };
}

/** The first request of each page while the server builds its views; health polled all along. */
async function firstRequests(base) {
  let busy = true;
  const health = [];
  const poll = (async () => {
    while (busy) {
      health.push((await get(base, '/api/health')).ms);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const rows = [];
  for (const route of PAGES) {
    const r = await get(base, route);
    rows.push(`${route} ${r.status} ${ms(r.ms)}`);
  }
  busy = false;
  await poll;
  console.log(`  first requests: ${rows.join(' · ')}`);
  console.log(
    `  /api/health meanwhile: p50 ${ms(quantile(health, 0.5))}, p99 ${ms(quantile(health, 0.99))} (${health.length} requests)`,
  );
}

async function warm(base) {
  for (const route of PAGES) {
    const times = [];
    let bytes = 0;
    for (let i = 0; i < 40; i++) {
      const r = await get(base, route);
      times.push(r.ms);
      bytes = r.bytes;
    }
    console.log(
      `  warm ${route}: p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, ${(bytes / 1024).toFixed(0)} kB compressed`,
    );
  }
}

/** CONNECTIONS loops, each GETting `route` back to back for SECONDS. */
async function load(base, route) {
  const until = performance.now() + SECONDS * 1000;
  const times = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const r = await get(base, route);
        if (r.status === 200) times.push(r.ms);
        else errors++;
      }
    }),
  );
  return { rps: times.length / SECONDS, errors, p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

async function underLoad(base) {
  const baseline = await load(base, '/api/health');
  console.log(
    `  ${CONNECTIONS} connections × ${SECONDS} s, /api/health (baseline): ${baseline.rps.toFixed(0)} req/s, p99 ${ms(baseline.p99)}`,
  );
  for (const route of ['/', '/network']) {
    const r = await load(base, route);
    console.log(
      `  ${CONNECTIONS} connections × ${SECONDS} s, ${route}: ${r.rps.toFixed(0)} req/s (${(r.rps / baseline.rps).toFixed(2)}× health), ` +
        `${r.errors} errors, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}`,
    );
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'puente-bench-pages-'));
try {
  console.log('Sample programme (data/)');
  let server = await serve(path.join(dir, 'sample.duckdb'));
  await firstRequests(server.base);
  await warm(server.base);
  await underLoad(server.base);
  await server.stop();

  const size = ['--institutions', opts.institutions, '--years', opts.years, '--programmes', opts.programmes];
  console.log(`\nGenerated programme: ${size.join(' ')} --seed 1`);
  execFileSync(process.execPath, [CLI, 'generate', '--out', path.join(dir, 'big'), ...size, '--seed', '1']);
  execFileSync(process.execPath, [CLI, 'load', path.join(dir, 'big'), '--db', path.join(dir, 'big.duckdb')]);
  server = await serve(path.join(dir, 'big.duckdb'));
  await firstRequests(server.base);
  await warm(server.base);
  await underLoad(server.base);
  await server.stop();
} finally {
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
