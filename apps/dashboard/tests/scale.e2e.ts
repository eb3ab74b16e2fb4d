import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { serveGenerated, type GeneratedServer } from './programme';

/**
 * A programme a thousand times the sample: 20,000 institutions, 30,000 partnerships. Every page must answer, in
 * every language, with a page whose size does not grow with the data; and a view still being built must not hold
 * up anyone else. Correctness, not timing: the timings live in `npm run bench`.
 */
test.describe('at 20,000 institutions', () => {
  test.describe.configure({ mode: 'serial' });
  let server: GeneratedServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await serveGenerated(4176, [
      '--institutions',
      '20000',
      '--years',
      '2',
      '--programmes',
      '1',
      '--seed',
      '5',
    ]);
  });
  test.afterAll(async () => server.stop());

  test('health stays quick while a view that is not built yet is being built', async () => {
    test.setTimeout(120_000);
    // Not among the views built ahead: the bridge layout coloured by type, of one country.
    const slow = fetch(`${server.base}/network?country=CN&color=type&layout=bridge&lang=es`).then(
      async (r) => ({
        status: r.status,
        at: performance.now(),
        size: (await r.arrayBuffer()).byteLength,
      }),
    );
    let pending = true;
    void slow.finally(() => (pending = false));
    const during: number[] = [];
    while (pending) {
      const started = performance.now();
      const health = await fetch(`${server.base}/api/health`);
      expect(health.status).toBe(200);
      if (pending) during.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await slow).status).toBe(200);
    // Health answered many times while the view was built, each time without waiting for it.
    expect(during.length).toBeGreaterThan(3);
    expect(Math.max(...during)).toBeLessThan(1_000);
  });

  test('a view whose only reader went away stops being built', async () => {
    test.setTimeout(120_000);
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    /** CPU seconds the server process (all its threads) has used. */
    const cpu = () => {
      const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    };
    const used = async (ms: number) => {
      const before = cpu();
      await sleep(ms);
      return cpu() - before;
    };
    // The views built ahead after start-up are done once the server idles.
    await expect.poll(() => used(1_000), { timeout: 90_000, intervals: [0] }).toBeLessThan(0.1);

    // Scenes not built ahead: each lays out 20,000 institutions in a worker thread.
    const client = new AbortController();
    const gone = fetch(`${server.base}/network/scene?size=trained&layout=bridge`, { signal: client.signal });
    await sleep(400);
    client.abort();
    await expect(gone).rejects.toThrow();
    await sleep(200);
    const afterLeaving = await used(3_000);

    // What the same work costs when its reader stays: the check above could fail.
    const before = cpu();
    const stayed = await fetch(`${server.base}/network/scene?size=trained&layout=bridge&country=CN`);
    expect(stayed.status).toBe(200);
    await stayed.arrayBuffer();
    const cost = cpu() - before;
    expect(cost).toBeGreaterThan(1);
    expect(afterLeaving).toBeLessThan(cost / 5);

    // The abandoned view was forgotten, not kept half-built: asked again, it is built whole.
    const again = await fetch(`${server.base}/network/scene?size=trained&layout=bridge`);
    expect(again.status).toBe(200);
    expect((await again.json()).scene.nodes.id.length).toBeGreaterThan(1_500);
  });

  const PAGES = [
    '/',
    '/network',
    '/training',
    '/progress',
    '/training?by=institution',
    '/institutions/inst-00001',
  ];
  for (const lang of ['en', 'es', 'zh']) {
    test(`every page answers with at most 300 kB of HTML (${lang})`, async () => {
      test.setTimeout(120_000);
      for (const path of PAGES) {
        const response = await fetch(`${server.base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        const html = await response.text();
        expect(response.status, path).toBe(200);
        expect(html.length, path).toBeLessThan(300_000);
        expect(html, path).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : lang}"`);
      }
    });
  }

  test('the overview names the cut, and colours by country: the most connected institutions, how many stalled are not listed', async ({
    page,
  }) => {
    await page.goto(`${server.base}/?lang=en`);
    await expect(
      page.getByText('The most connected of 20,000 institutions and their partners: 60 institutions'),
    ).toBeVisible();
    await expect(page.locator('.stalled > ul > li')).toHaveCount(5);
    await expect(page.getByText(/more stalled partnerships/)).toBeVisible();
    // 400 cities are too many to tell apart by colour: the network and the training trend colour by country, in the
    // same colours, and say so (the legends; the trend's table names its column).
    const network = page.locator('section[aria-labelledby="network-title"]');
    await expect(
      network.getByText('Country (too many cities to tell apart by colour)', { exact: true }),
    ).toBeVisible();
    const swatch = (key: string) =>
      network.locator('li', { has: page.locator(`[data-legend-color="${key}"]`) }).locator('circle');
    const trend = page.locator('section[aria-labelledby="trend-title"]');
    await expect(trend.locator('[data-legend-title]')).toHaveText(
      'Country (too many cities to tell apart by colour)',
    );
    for (const country of ['CN', 'ES']) {
      const fill = await swatch(country).getAttribute('fill');
      expect(fill).toMatch(/^#/);
      await expect(trend.locator(`rect[data-group="${country}"]`).first()).toHaveAttribute('fill', fill!);
    }
    await expect(trend.locator('rect[data-group]:not([data-group="CN"]):not([data-group="ES"])')).toHaveCount(
      0,
    );
    await trend.getByText('Show the data as a table').click();
    await expect(trend.getByRole('columnheader', { name: 'Country' })).toBeVisible();
    await expect(trend.getByRole('cell', { name: 'Spain' }).first()).toBeVisible();
  });

  test('a large network comes as a scene of its own, cached, compressed and revalidated by ETag', async () => {
    const url = `${server.base}/network/scene?lang=en`;
    const first = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('br');
    const body = (await first.json()) as { scene: { nodes: { id: string[] } }; version: number };
    expect(body.scene.nodes.id).toHaveLength(20_000);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });
});
