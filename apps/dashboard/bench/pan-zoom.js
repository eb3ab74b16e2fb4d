// Frame times of the /network canvas while panning and zooming, at generated scale. Not a test: it prints
// numbers and fails only when something is broken (the server or the page doesn't come up).
//
//   npm run build && node apps/dashboard/bench/pan-zoom.js [--institutions 5000,20000 --seconds 6] (part of npm run bench)
//
// For each size: generate a programme (`puente generate`, seed 1), load it into a fresh database, start the built
// server on a free port, open /network in Chromium at 1366×768, wait for the layout to settle, then drag the
// background and turn the wheel for a few seconds while the page records requestAnimationFrame intervals.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromiumPath } from '../tests/browser.js';

const dashboard = fileURLToPath(new URL('..', import.meta.url));
const root = path.resolve(dashboard, '../..');

const { values: options } = parseArgs({
  options: {
    institutions: { type: 'string', default: '5000,20000' },
    seconds: { type: 'string', default: '6' },
    /** Longest wait for the layout to settle, in seconds. */
    settle: { type: 'string', default: '300' },
  },
});
const sizes = options.institutions.split(',').map(Number);
const seconds = Number(options.seconds);

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** @param {string[]} args */
function puente(...args) {
  execFileSync('npx', ['puente', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** @param {string} url @param {import('node:child_process').ChildProcess} server */
async function waitForHealth(url, server) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    const status = await fetch(url)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url}`);
}

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * Pans and zooms the canvas for `seconds`, recording frame intervals.
 * @param {import('@playwright/test').Page} page
 */
async function panAndZoom(page) {
  const surface = page.locator('.surface');
  await surface.scrollIntoViewIfNeeded();
  const box = /** @type {{x: number, y: number, width: number, height: number}} */ (
    await surface.boundingBox()
  );
  const at = (fx, fy) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });

  // A drag pans only when it starts on the background: try a few spots near the edges.
  const starts = [
    [0.01, 0.01],
    [0.99, 0.01],
    [0.01, 0.99],
    [0.99, 0.99],
    [0.5, 0.01],
    [0.01, 0.5],
  ];
  async function backgroundSpot() {
    for (const [fx, fy] of starts) {
      const p = at(fx, fy);
      await page.mouse.move(p.x, p.y);
      if ((await surface.getAttribute('data-hover')) === null) return { p, fx, fy };
    }
    return null;
  }

  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__frames = [];
    w.__recording = true;
    // What the slow frames were busy with (Chromium's long-animation-frame entries, frames over 50 ms):
    // the page's scripts, or rendering; if neither, the renderer was waiting for a core.
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of /** @type {any[]} */ (list.getEntries()))
        if (w.__recording)
          w.__long.push({
            duration: e.duration,
            script: e.scripts.reduce((/** @type {number} */ a, /** @type {any} */ s) => a + s.duration, 0),
            // The longest script, to tell the page's own work from the benchmark's (Playwright's calls).
            culprit: e.scripts
              .map((/** @type {any} */ s) => ({
                duration: s.duration,
                what: `${s.invoker} ${s.sourceFunctionName || ''}`.trim(),
              }))
              .sort((/** @type {any} */ a, /** @type {any} */ b) => b.duration - a.duration)[0],
            render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          });
    }).observe({ type: 'long-animation-frame' });
    let last = performance.now();
    const tick = (/** @type {number} */ now) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });

  const started = Date.now();
  let pans = 0;
  let zooms = 0;
  for (let round = 0; Date.now() - started < seconds * 1000; round++) {
    const spot = await backgroundSpot();
    if (spot) {
      // Towards the middle, so the drag stays over the canvas.
      const dx = (spot.fx < 0.5 ? 1 : spot.fx > 0.5 ? -1 : 0) * box.width * 0.25;
      const dy = (spot.fy < 0.5 ? 1 : spot.fy > 0.5 ? -1 : 0) * box.height * 0.25;
      const before = await surface.getAttribute('data-viewport');
      await page.mouse.down();
      await page.mouse.move(spot.p.x + dx, spot.p.y + dy, { steps: 30 });
      await page.mouse.up();
      if ((await surface.getAttribute('data-viewport')) !== before) pans++;
    }
    // Zoom in then out around a point that wanders over the chart.
    const centre = at(0.35 + 0.1 * (round % 4), 0.4 + 0.05 * (round % 3));
    await page.mouse.move(centre.x, centre.y);
    for (const deltaY of [-120, -120, -120, -120, 120, 120, 120]) {
      await page.mouse.wheel(0, deltaY);
      zooms++;
      await page.waitForTimeout(16);
    }
  }
  const elapsed = (Date.now() - started) / 1000;

  const { frames, long } =
    /** @type {{frames: number[], long: Array<{duration: number, script: number, render: number, culprit?: {duration: number, what: string}}>}} */ (
      await page.evaluate(() => {
        const w = /** @type {any} */ (window);
        w.__recording = false;
        return { frames: w.__frames, long: w.__long };
      })
    );
  return { frames, long, elapsed, pans, zooms };
}

/** @param {number} institutions */
async function benchmark(institutions) {
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-pan-'));
  const data = path.join(dir, 'data');
  const db = path.join(dir, 'bench.duckdb');
  let server = null;
  let browser = null;
  try {
    puente(
      'generate',
      '--out',
      data,
      '--institutions',
      String(institutions),
      '--years',
      '2',
      '--programmes',
      '1',
      '--seed',
      '1',
    );
    puente('load', data, '--db', db, '--mode', 'replace');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [path.join(dashboard, 'build')], {
      env: { ...process.env, PUENTE_DB: db, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForHealth(`${base}/api/health`, server);

    browser = await chromium.launch({
      executablePath: chromiumPath() ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const loadStarted = Date.now();
    // The chart comes once the server has built the scene (centrality included): slow at 20,000.
    await page.goto(`${base}/network?lang=en`, { timeout: 300_000 });
    const surface = page.locator('.surface[data-layout]');
    await surface.waitFor({ timeout: 120_000 });
    const loaded = (Date.now() - loadStarted) / 1000;
    const count = await surface.getAttribute('data-nodes-count');
    await page.locator('.surface[data-layout="done"]').waitFor({ timeout: Number(options.settle) * 1000 });
    const settled = (Date.now() - loadStarted) / 1000 - loaded;

    const { frames, long, elapsed, pans, zooms } = await panAndZoom(page);
    const sorted = [...frames].sort((a, b) => a - b);
    const total = frames.reduce((a, b) => a + b, 0);
    return {
      institutions,
      drawn: Number(count),
      loaded,
      settled,
      frames: frames.length,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      max: sorted.at(-1) ?? NaN,
      over33: frames.filter((f) => f > 33.4).length,
      long: long.length,
      longScript: Math.max(0, ...long.map((l) => l.script)),
      culprit: long
        .map((l) => l.culprit)
        .filter(Boolean)
        .sort((a, b) => b.duration - a.duration)[0]?.what,
      longRender: Math.max(0, ...long.map((l) => l.render)),
      fps: frames.length / (total / 1000),
      elapsed,
      pans,
      zooms,
    };
  } finally {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (/** @type {number} */ v) => `${v.toFixed(1)} ms`;
console.log(
  `Pan and zoom on /network, 1366×768, Chromium (${chromiumPath() ?? '/usr/bin/chromium'}), ${seconds} s each`,
);
for (const institutions of sizes) {
  const r = await benchmark(institutions);
  console.log(
    [
      `${r.institutions.toLocaleString('en')} institutions (${r.drawn.toLocaleString('en')} drawn):`,
      `chart on the page after ${r.loaded.toFixed(1)} s, layout settled ${r.settled.toFixed(1)} s later;`,
      `${r.frames} frames in ${r.elapsed.toFixed(1)} s (${r.pans} pans, ${r.zooms} wheel steps):`,
      `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, max ${ms(r.max)}, ${r.fps.toFixed(1)} fps,`,
      `${r.over33} frames over 33 ms;`,
      `${r.long} long animation frames (> 50 ms), in which scripts took at most ${ms(r.longScript)}`,
      `and rendering ${ms(r.longRender)}${r.culprit ? ` (longest script: ${r.culprit})` : ''}`,
    ].join(' '),
  );
}
