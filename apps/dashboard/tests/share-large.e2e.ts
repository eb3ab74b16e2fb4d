import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { E2E_PORT } from './host-page';
import { serveGenerated, type GeneratedServer } from './programme';
import { download, openShare, readSvg } from './share-menu';

/**
 * A network past the size the server lays out (1,500 institutions: the page draws it on canvas) still leaves as a
 * file or an embed: its most connected institutions and their partners, 150 in all, the caption saying so.
 */
test.describe('sharing a network drawn on canvas', () => {
  test.describe.configure({ mode: 'serial' });
  let server: GeneratedServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await serveGenerated(E2E_PORT + 7, [
      '--institutions',
      '1700',
      '--years',
      '1',
      '--programmes',
      '1',
      '--seed',
      '4',
    ]);
  });
  test.afterAll(async () => server.stop());

  test('the Share menu gives SVG, PNG, CSV and an embed of the 150 most connected institutions, said so', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto(`${server.base}/network?lang=en`, { waitUntil: 'networkidle' });
    // The page itself draws on canvas.
    await expect(page.locator('section[aria-labelledby="network-title"] canvas')).toBeVisible();
    const menu = await openShare(page, 'network', 'Share');

    const svgLink = menu.getByRole('link', { name: 'SVG' });
    await expect(svgLink).toHaveAttribute('href', /\/api\/charts\/network-full\.svg\?lang=en$/);
    const file = await readSvg(page, (await download(page, svgLink)).toString('utf8'));
    expect(file.xmlError).toBeNull();
    expect(file.nodes).toHaveLength(150);
    expect(file.text.replace(/\s+/g, ' ')).toContain(
      'The most connected of 1,700 institutions and their partners: 150 institutions in all.',
    );

    // PNG for a slide: a real PNG of 1280 × 720.
    const png = await download(page, menu.getByRole('link', { name: 'PNG 16:9, 1×' }));
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 720]);

    // The data behind the drawing: the partnerships drawn, among the institutions drawn.
    const csv = (await download(page, menu.getByRole('link', { name: 'Data (CSV)' }))).toString('utf8');
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(rows).toHaveLength(file.links.length);
    expect(rows.length).toBeGreaterThan(100);

    // The embed, pinned: the same drawing, alone.
    await menu.getByRole('radio', { name: /^Pin to data version \d+$/ }).check();
    const code = await menu.getByLabel('Embed code (iframe)').inputValue();
    const src = /src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&');
    await page.goto(src, { waitUntil: 'networkidle' });
    await expect(page.locator('figure [data-node]')).toHaveCount(150);
    await expect(page.locator('[data-source]')).toHaveText(/^Source: Puente · data version 1 of /);
  });

  test('a filter narrows the cut: the caption counts only what the filter keeps, the drawing stays at most 150', async ({
    request,
  }) => {
    const svg = await (
      await request.get(`${server.base}/api/charts/network-full.svg?lang=en&country=CN`)
    ).text();
    const total = /The most connected of ([\d,]+) institutions/.exec(svg.replace(/\s+/g, ' '))?.[1];
    expect(Number(total?.replace(/,/g, ''))).toBeGreaterThan(150);
    expect(Number(total?.replace(/,/g, ''))).toBeLessThan(1700);
    expect((svg.match(/data-node="/g) ?? []).length).toBe(150);
    // A pinned file of it must be signed: unsigned, it is refused rather than drawn.
    const pinned = await request.get(
      `${server.base}/api/charts/network-full.svg?lang=en&country=CN&version=1`,
    );
    expect(pinned.status()).toBe(403);
  });
});
