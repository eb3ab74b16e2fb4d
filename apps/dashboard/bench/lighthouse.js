/**
 * Lighthouse 12.2.3 (mobile, its defaults) on `/` and `/network` of the built app serving the sample programme, in
 * Chromium (`$CHROMIUM_PATH`, else `/usr/bin/chromium`). Lighthouse is fetched by `npx` on first use rather than
 * installed with the project: only this benchmark needs it. Prints performance and accessibility per run, and the
 * median of `--runs` runs (default 3). Scores move with the machine's load: run it on a quiet machine.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Number(opts.runs);
const BUILD = new URL('../build', import.meta.url).pathname;
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = 4290;
const base = `http://127.0.0.1:${PORT}`;

const dir = mkdtempSync(path.join(tmpdir(), 'puente-lighthouse-'));
const server = spawn(process.execPath, [BUILD], {
  env: { ...process.env, PUENTE_DB: path.join(dir, 'sample.duckdb'), PORT: String(PORT), HOST: '127.0.0.1' },
  stdio: 'ignore',
});
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const route of ['/', '/network']) {
    const performance = [];
    const accessibility = [];
    for (let run = 0; run < RUNS; run++) {
      const report = path.join(dir, 'report.json');
      execFileSync(
        'npx',
        [
          '-y',
          'lighthouse@12.2.3',
          `${base}${route}?lang=en`,
          '--quiet',
          '--output=json',
          `--output-path=${report}`,
          '--only-categories=performance,accessibility',
          '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking',
        ],
        { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      const { categories } = JSON.parse(readFileSync(report, 'utf8'));
      performance.push(Math.round(categories.performance.score * 100));
      accessibility.push(Math.round(categories.accessibility.score * 100));
    }
    console.log(
      `${route}: performance ${performance.join('/')} (median ${median(performance)}), ` +
        `accessibility ${accessibility.join('/')} (median ${median(accessibility)})`,
    );
  }
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
