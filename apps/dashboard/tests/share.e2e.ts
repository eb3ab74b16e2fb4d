import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { download, openShare, readSvg } from './share-menu';

test('the SVG download is the network the page draws, as a valid, self-contained SVG file', async ({
  page,
}) => {
  await page.goto('/?lang=en', { waitUntil: 'networkidle' });
  const menu = await openShare(page, 'network');
  const svg = (await download(page, menu.getByRole('link', { name: 'SVG' }))).toString('utf8');

  const onPage = await page
    .locator('section[aria-labelledby="network-title"] svg[viewBox]')
    .first()
    .evaluate((el) => ({
      nodes: [...el.querySelectorAll('[data-node]')].map((n) => [
        n.getAttribute('data-node'),
        n.getAttribute('transform'),
        n.querySelector('circle')?.getAttribute('fill') ?? null,
      ]),
      links: [...el.querySelectorAll('[data-link] path')].map((p) => p.getAttribute('d')),
    }));
  const inFile = await readSvg(page, svg);
  expect(inFile.xmlError).toBeNull();
  expect(onPage.nodes.length).toBe(11);
  expect(inFile.nodes).toEqual(onPage.nodes);
  expect(inFile.links).toEqual(onPage.links);
  expect(inFile.source).toMatch(/^Source: Puente · data version \d+ of \d{4}-\d{2}-\d{2}$/);
  expect(svg).not.toMatch(/<script|<foreignObject|\son[a-z]+=/i);

  // The file opens as a picture on its own (an <img> draws only well-formed SVG) and is served as SVG, unsniffable.
  const size = await page.evaluate(async (text) => {
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, svg);
  expect(size[0]).toBeGreaterThan(900);
  const response = await page.request.get(
    (await menu.getByRole('link', { name: 'SVG' }).getAttribute('href'))!,
  );
  expect(response.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['etag']).toBeTruthy();
});

test('the PNG downloads for slides have the size they name', async ({ page }) => {
  await page.goto('/?lang=zh', { waitUntil: 'networkidle' });
  const menu = await openShare(page, 'trend', '分享');
  for (const [name, width, height] of [
    ['PNG 16:9，2×', 2560, 1440],
    ['PNG 4:3，1×', 1280, 960],
  ] as const) {
    const png = await download(page, menu.getByRole('link', { name }));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width, height]);
  }
});

for (const [lang, share, csvLink, tableToggle] of [
  ['en', 'Share', 'Data (CSV)', 'Show the data as a table'],
  ['es', 'Compartir', 'Datos (CSV)', 'Ver los datos en una tabla'],
  ['zh', '分享', '数据（CSV）', '以表格查看数据'],
] as const) {
  test(`the CSV behind a chart round-trips in ${lang}: the page's table, with a BOM, in the language`, async ({
    page,
  }) => {
    await page.goto(`/?lang=${lang}`, { waitUntil: 'networkidle' });
    const menu = await openShare(page, 'funnel', share);
    const bytes = await download(page, menu.getByRole('link', { name: csvLink }));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.delimiter).toBe(lang === 'es' ? ';' : ',');
    const [header, ...rows] = parsed.data;
    expect(header).toHaveLength(2);

    // Close the menu (focus is still in it, on the link) and open the chart's table.
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    const card = page.locator('section[aria-labelledby="funnel-title"]');
    await card.getByText(tableToggle).click();
    const table = await card
      .locator('table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
    // The table lists every status; the chart (and its CSV) those with partnerships. Counts as written, unformatted.
    const shown = table.filter(([, n]) => n !== '0').map(([status, n]) => [status, n!.replace(/\D/g, '')]);
    expect(rows).toEqual(shown);
    expect(header?.[0]).toBe(await card.locator('table thead th').first().textContent());
  });
}

test('the Share menu works by keyboard and fits a 390 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?lang=en', { waitUntil: 'networkidle' });
  const button = page
    .locator('section[aria-labelledby="funnel-title"]')
    .getByRole('button', { name: 'Share' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('group', { name: 'Share: How far partnerships have come' });
  await expect(menu).toBeVisible();
  const box = (await menu.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // Tab goes into the menu; the pin choice is a radio group driven by arrows; Escape closes and gives focus back.
  await page.keyboard.press('Tab');
  await expect(menu.getByRole('radio', { name: 'Follow the latest data' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('radio', { name: /^Pin to data version \d+$/ })).toBeChecked();
  await expect(menu.getByRole('link', { name: 'SVG' })).toHaveAttribute('href', /[?&]version=\d+&sig=/);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('the open Share menu and an embed have no serious accessibility violation', async ({ page }) => {
  const serious = async () =>
    (
      await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    ).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  await page.goto('/?lang=zh', { waitUntil: 'networkidle' });
  const menu = await openShare(page, 'network', '分享');
  await menu.getByRole('radio', { name: /^固定在数据版本/ }).check();
  expect(await serious()).toEqual([]);
  const src = /src="([^"]+)"/.exec(await menu.getByLabel('嵌入代码（iframe）').inputValue())![1]!;
  await page.goto(src.replace(/&amp;/g, '&'), { waitUntil: 'networkidle' });
  await expect(page.locator('[data-source]')).toHaveText(/^来源：Puente · 数据版本 \d+/);
  expect(await serious()).toEqual([]);
});

test('the progress page’s funnel has the same Share menu: its SVG is the funnel with its counts', async ({
  page,
}) => {
  await page.goto('/progress?lang=en&asOf=2026-12-01', { waitUntil: 'networkidle' });
  const menu = await openShare(page, 'progress-funnel');
  const svg = (await download(page, menu.getByRole('link', { name: 'SVG' }))).toString('utf8');
  const counts = (text: string) =>
    new Map([...text.matchAll(/data-stage="(\w+)" data-count="(\d+)"/g)].map((m) => [m[1], m[2]]));
  const onPage = counts(
    await page
      .locator('section[aria-labelledby="progress-funnel-title"] svg[role="img"]')
      .evaluate((el) => el.outerHTML),
  );
  const inFile = counts(svg);
  // The same stages with the same counts (the page may also draw the stages no partnership has reached).
  expect(inFile.size).toBeGreaterThan(3);
  for (const [stage, count] of inFile) expect([stage, onPage.get(stage)]).toEqual([stage, count]);
  for (const [stage, count] of onPage) if (!inFile.has(stage)) expect([stage, count]).toEqual([stage, '0']);
});
