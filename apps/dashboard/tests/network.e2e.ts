import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectLaidOutForPhone, PHONE } from './phone-layout';

// The sample programme the server loads on first start. Institution names may hold quoted commas, but the id
// comes first and the city ninth from the end; partnerships hold no commas before the title.
const rows = (table: string) =>
  readFileSync(new URL(`../../../data/${table}.csv`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
const institutions = rows('institutions').map((line) => {
  const fields = line.split(',');
  return { id: fields[0]!, city: fields.at(-9)! };
});
const partnerships = rows('partnerships').map((line) => {
  const [id, source, target, area, status] = line.split(',');
  return { id: id!, source: source!, target: target!, area: area!, status: status! };
});
const cityOf = new Map(institutions.map((i) => [i.id, i.city]));

const chart = (page: Page) => page.getByRole('group', { name: 'Who works with whom' });
const nodeIds = (scope: Locator) =>
  scope.locator('[data-node]').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')!).sort());
const viewport = (page: Page) => page.locator('.surface').getAttribute('data-viewport');
/** Where a node is drawn, in viewBox units (from its transform). */
async function position(node: Locator): Promise<{ x: number; y: number }> {
  const transform = (await node.getAttribute('transform')) ?? '';
  const [, x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(transform) ?? [];
  return { x: Number(x), y: Number(y) };
}

test('the network page draws one node per institution with a legend, before any JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/network?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cooperation network');
  await expect(page.getByRole('heading', { name: 'Who works with whom' })).toBeVisible();
  const svg = chart(page);
  await expect(svg).toBeVisible();
  expect(await nodeIds(svg)).toEqual(institutions.map((i) => i.id).sort());
  await expect(svg.locator('[data-link]')).toHaveCount(partnerships.length);
  const legend = page.getByRole('group', { name: 'Legend' });
  for (const text of ['Fuenlabrada', 'Hangzhou', 'Proposed', 'Active', 'Circle size: partnerships'])
    await expect(legend).toContainText(text);
  await expect(
    page.getByText(/coloured by city\. .*A circle’s size shows its number of partnerships/),
  ).toBeVisible();
  await context.close();
});

test('a city filter changes the URL and the chart, keeping partners outside it as hollow context', async ({
  page,
}) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  await page.getByRole('combobox', { name: 'City' }).selectOption('Hangzhou');
  await expect(page).toHaveURL(/[?&]city=Hangzhou/);
  const inCity = institutions.filter((i) => i.city === 'Hangzhou').map((i) => i.id);
  const partners = partnerships
    .flatMap((p) => [
      [p.source, p.target],
      [p.target, p.source],
    ])
    .filter(([a, b]) => cityOf.get(a!) === 'Hangzhou' && cityOf.get(b!) !== 'Hangzhou')
    .map(([, b]) => b!);
  expect(partners.length).toBeGreaterThan(0);
  await expect.poll(() => nodeIds(chart(page))).toEqual([...new Set([...inCity, ...partners])].sort());
  const context = await chart(page)
    .locator('[data-context]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-node')).sort());
  expect(context).toEqual([...new Set(partners)].sort());
  await expect(page.getByRole('group', { name: 'Legend' })).toContainText('Partner outside the filters');
  await expect(page.getByText(/outside the filters/).first()).toBeVisible();
});

test('colour by type and the city-to-city layout change the URL and the drawing, and survive a filter', async ({
  page,
}) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  const drc = chart(page).locator('[data-node="hangzhou-drc"] circle').first();
  await expect(drc).toHaveAttribute('fill', '#E69F00'); // Hangzhou's colour
  await page.getByRole('radio', { name: 'Type' }).check();
  await expect(page).toHaveURL(/[?&]color=type/);
  await expect(drc).toHaveAttribute('fill', '#332288'); // government's colour (no city has it)
  await expect(page.getByRole('group', { name: 'Legend' })).toContainText('Government');

  await page.getByRole('radio', { name: 'City to city' }).check();
  await expect(page).toHaveURL(/[?&]layout=bridge/);
  await expect(page).toHaveURL(/[?&]color=type/);
  await expect(page.getByText(/cooperation crosses the middle/)).toBeVisible();
  const xs = async (city: string) =>
    Promise.all(
      institutions
        .filter((i) => i.city === city)
        .map(async (i) => (await position(chart(page).locator(`[data-node="${i.id}"]`))).x),
    );
  await expect.poll(async () => Math.max(...(await xs('Fuenlabrada')))).toBeLessThan(480);
  expect(Math.min(...(await xs('Hangzhou')))).toBeGreaterThan(480);

  // A filter keeps the view: colour and layout stay in the URL.
  await page.getByRole('combobox', { name: 'Status' }).selectOption('active');
  await expect(page).toHaveURL(/[?&]status=active/);
  await expect(page).toHaveURL(/[?&]color=type/);
  await expect(page).toHaveURL(/[?&]layout=bridge/);
  await expect.poll(async () => (await nodeIds(chart(page))).length).toBe(4);
});

test('clicking an institution opens a panel with its partners, training and milestones', async ({ page }) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  await chart(page).locator('[data-node="hangzhou-hansheng"]').click();
  const panel = page.getByRole('complementary', { name: /Hangzhou Hansheng/ });
  await expect(panel).toBeVisible();
  await expect(page).toHaveURL(/[?&]selected=hangzhou-hansheng/);
  // Partners once each, with each of their partnerships under them.
  const mine = partnerships.filter(
    (p) => p.source === 'hangzhou-hansheng' || p.target === 'hangzhou-hansheng',
  );
  const partners = new Set(mine.map((p) => (p.source === 'hangzhou-hansheng' ? p.target : p.source)));
  await expect(panel.locator('[data-partner]')).toHaveCount(partners.size);
  await expect(panel.locator('[data-partner] li')).toHaveCount(mine.length);
  await expect(panel.getByRole('link', { name: 'Alibaba Group' })).toHaveAttribute(
    'href',
    '/institutions/alibaba',
  );
  await expect(panel.getByRole('heading', { name: 'Training by year' })).toBeVisible();
  await expect(panel.getByRole('table')).toContainText('2023');
  await expect(panel.getByRole('heading', { name: 'Milestones' })).toBeVisible();
  // Two done in 2023, one follow-up planned.
  await expect(panel.locator('.milestones li')).toHaveCount(3);
  await expect(panel).toContainText('Planned');
  // The selection is a link: the server renders the panel when the page is opened with it.
  await page.reload();
  await expect(page.getByRole('complementary', { name: /Hangzhou Hansheng/ })).toBeVisible();
  await page.getByRole('button', { name: 'Close details' }).click();
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await expect(page).not.toHaveURL(/selected=/);
});

test('keyboard: Tab reaches an institution, arrows move, Enter opens details, Escape returns; zoom buttons work', async ({
  page,
}) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  await page.getByRole('searchbox', { name: 'Find an institution' }).focus();
  let onNode = false;
  for (let i = 0; i < 8 && !onNode; i++) {
    await page.keyboard.press('Tab');
    onNode = await page.evaluate(() => document.activeElement?.hasAttribute('data-node') ?? false);
  }
  expect(onNode).toBe(true);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-node') ?? null);
  const first = await focused();
  await page.keyboard.press('ArrowLeft');
  if ((await focused()) === first) await page.keyboard.press('ArrowRight');
  const second = await focused();
  expect(second).not.toBe(first);
  expect(second).not.toBeNull();
  // Only one node is a tab stop at a time: Tab leaves the chart.
  await expect(chart(page).locator('[data-node][tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 3 })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  expect(await focused()).toBe(second);

  // Zoom: buttons, and + from the keyboard.
  expect(await viewport(page)).toBe('0,0,1');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => viewport(page)).toMatch(/,1\.5$/);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => viewport(page)).toBe('0,0,1');
  await chart(page).locator(`[data-node="${second}"]`).focus();
  await page.keyboard.press('+');
  await expect.poll(() => viewport(page)).toMatch(/,1\.5$/);
  await page.getByRole('button', { name: 'Reset the view' }).click();
  await expect.poll(() => viewport(page)).toBe('0,0,1');
});

test('search highlights institutions by any of their names, and Enter opens the first', async ({ page }) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  const search = page.getByRole('searchbox', { name: 'Find an institution' });
  const marked = () =>
    chart(page)
      .locator('[data-marked]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-node')).sort());
  await search.fill('alibaba');
  await expect.poll(marked).toEqual(['alibaba', 'alibaba-digital-trade-college']);
  await expect(page.getByText('2 institutions match', { exact: true })).toBeVisible();
  // By a name in another language than the page's: the Chinese and the Spanish names.
  await search.fill('杭州市');
  await expect.poll(marked).toEqual(['hangzhou-commerce-bureau', 'hangzhou-drc']);
  await search.fill('Formación');
  await expect.poll(marked).toEqual(['cife-fuenlabrada']);
  await expect(page).toHaveURL(/[?&]q=Formaci/);
  await search.press('Enter');
  await expect(page.getByRole('complementary', { name: /CIFE/ })).toBeVisible();
  await search.fill('');
  await expect.poll(marked).toEqual([]);
});

test('dragging the background pans the chart, dragging an institution moves it', async ({ page }) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  await page.locator('.surface').scrollIntoViewIfNeeded();
  const box = (await page.locator('.surface').boundingBox())!;
  // An empty corner, then a node.
  await page.mouse.move(box.x + 6, box.y + box.height - 6);
  await page.mouse.down();
  await page.mouse.move(box.x + 80, box.y + box.height - 60, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => viewport(page)).not.toBe('0,0,1');
  await page.getByRole('button', { name: 'Reset the view' }).click();

  const node = chart(page).locator('[data-node="alibaba"]');
  const before = await position(node);
  const at = (await node.boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.mouse.down();
  await page.mouse.move(at.x + at.width / 2 - 60, at.y + at.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  const after = await position(node);
  expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(30);
  expect(await viewport(page)).toBe('0,0,1');
  // A drag is not a click: no panel.
  await expect(page.getByRole('complementary')).toHaveCount(0);
});

test('a filter that matches nothing says so, and the page speaks Spanish and Chinese', async ({ page }) => {
  await page.goto('/network?lang=en&type=association');
  await expect(page.getByText('No institution matches these filters')).toBeVisible();
  await expect(page.locator('[data-node]')).toHaveCount(0);
  await page.goto('/network?lang=es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Red de cooperación');
  await expect(page.getByRole('radio', { name: 'Ciudad a ciudad' })).toBeVisible();
  await page.goto('/network?lang=zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('合作网络');
  await expect(page.getByRole('group', { name: '图例' })).toContainText('已提议');
});

test('printing keeps the chart and the legend, and drops the controls', async ({ page }) => {
  await page.goto('/network?lang=en');
  await page.emulateMedia({ media: 'print' });
  await expect(chart(page)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Legend' })).toBeVisible();
  await expect(page.getByRole('searchbox')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeHidden();
  await expect(page.getByRole('radio', { name: 'Type' })).toBeHidden();
});

test.describe('at generated scale: 2,000 institutions', () => {
  const PORT = Number(process.env.E2E_PORT ?? 4173) + 4;
  const base = `http://127.0.0.1:${PORT}`;
  let dir = '';
  let server: ChildProcess | null = null;

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    dir = mkdtempSync(path.join(tmpdir(), 'puente-net-'));
    const cli = new URL('../../../packages/data/bin/puente.js', import.meta.url).pathname;
    const data = path.join(dir, 'data');
    const db = path.join(dir, 'large.duckdb');
    const args = ['--institutions', '2000', '--years', '2', '--programmes', '1', '--seed', '3'];
    execFileSync(process.execPath, [cli, 'generate', '--out', data, ...args]);
    execFileSync(process.execPath, [cli, 'load', data, '--db', db]);
    server = spawn(process.execPath, [new URL('../build', import.meta.url).pathname], {
      env: { ...process.env, PUENTE_DB: db, PORT: String(PORT), HOST: '127.0.0.1' },
      stdio: 'ignore',
    });
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 20_000 })
      .toBe(200);
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('the network draws on canvas, laid out off the main thread, pans and answers a click at once', async ({
    page,
  }) => {
    test.setTimeout(45_000);
    const response = await page.goto(`${base}/network?lang=en`);
    // No SVG node per institution: the page ships the scene, not a 2,000-node drawing.
    const html = (await response!.text()).length;
    expect(html).toBeLessThan(2_500_000);
    await expect(page.locator('[data-node]')).toHaveCount(0);
    const surface = page.locator('.surface[data-nodes-count="2000"]');
    await expect(surface).toBeVisible();
    await expect(page.locator('canvas')).toBeVisible();
    // The accessible alternative: the table, most connected first, capped with a note.
    await expect(page.getByText(/most connected of 2,000 institutions/)).toBeAttached();
    await expect(surface).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
    // Drawn: the layer (rendered in a worker) and what goes on top of it leave ink on the canvas.
    const ink = () =>
      page.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) count++;
        return count / (canvas.width * canvas.height);
      });
    await expect.poll(ink).toBeGreaterThan(0.05);

    // Pan: drag on the canvas changes the view.
    await surface.scrollIntoViewIfNeeded();
    const box = (await surface.boundingBox())!;
    // (From a corner: the fit leaves a margin there, so the drag starts on the background, not a node.)
    await page.mouse.move(box.x + 3, box.y + 3);
    expect(await surface.getAttribute('data-hover')).toBeNull();
    await page.mouse.down();
    await page.mouse.move(box.x + 123, box.y + 53, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => surface.getAttribute('data-viewport')).not.toBe('0,0,1');

    // Zoom in, find an institution under the pointer (hit-testing the canvas), click it: the panel opens fast.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    let found: string | null = null;
    for (let gy = 0.3; gy <= 0.7 && !found; gy += 0.04)
      for (let gx = 0.3; gx <= 0.7 && !found; gx += 0.02) {
        await page.mouse.move(box.x + box.width * gx, box.y + box.height * gy);
        found = await surface.getAttribute('data-hover');
      }
    expect(found).not.toBeNull();
    const started = Date.now();
    await page.mouse.down();
    await page.mouse.up();
    await expect(page.getByRole('complementary')).toBeVisible({ timeout: 2_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(page).toHaveURL(new RegExp(`selected=${found}`));
    await expect(page.getByRole('complementary').locator('[data-partner]').first()).toBeVisible();
  });

  test('on a 390 px phone: every leadership page laid out for it in every language, the canvas drawn upright', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(PHONE);
    for (const lang of ['en', 'es', 'zh']) {
      for (const path of ['/', '/network', '/training', '/progress', '/institutions/inst-00001']) {
        await page.goto(`${base}${path}?lang=${lang}`, { waitUntil: 'networkidle' });
        await expectLaidOutForPhone(page, `${path} in ${lang}`);
      }
      // A few screens tall: its stalled partnerships a compact list, the first few shown.
      await page.goto(`${base}/progress?lang=${lang}`, { waitUntil: 'networkidle' });
      expect(
        await page.evaluate(() => document.documentElement.scrollHeight),
        `/progress in ${lang}`,
      ).toBeLessThan(6_000);
    }
    // The canvas in the phone's upright box, as the SVG is, not a strip a few lines tall.
    await page.goto(`${base}/network?lang=en`, { waitUntil: 'networkidle' });
    const surface = page.locator('.surface[data-nodes-count="2000"]');
    await expect(surface).toBeVisible();
    const box = (await surface.boundingBox())!;
    expect(box.height / box.width).toBeGreaterThan(1.2);
    expect(box.height).toBeLessThan(PHONE.height * 0.8);
    // The rest of the list on a click.
    await page.goto(`${base}/progress?lang=en`, { waitUntil: 'networkidle' });
    const stalled = page.locator('section:has(#progress-stalled-title) tbody tr');
    await expect(stalled.filter({ visible: true })).toHaveCount(8);
    await page
      .getByRole('button', { name: /^Show all \d+ listed$/ })
      .first()
      .click();
    expect(await stalled.count()).toBeGreaterThan(8);
    await expect(stalled.filter({ visible: true })).toHaveCount(await stalled.count());
  });
});

test('size by is a real control: partnerships by default (the most connected reads largest), people trained on choice', async ({
  page,
}) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  const radius = (id: string) =>
    chart(page)
      .locator(`[data-node="${id}"] circle`)
      .first()
      .evaluate((c) => Number(c.getAttribute('r')));
  const radii = async () =>
    chart(page)
      .locator('[data-node] circle:first-child')
      .evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('r'))));
  // The council has the most partnerships and trains nobody itself.
  expect(await radius('fuenlabrada-city-council')).toBe(Math.max(...(await radii())));
  await expect(page.getByRole('group', { name: 'Legend' })).toContainText('Circle size: partnerships');

  await page.getByRole('radio', { name: 'Training enrolments' }).check();
  await expect(page).toHaveURL(/[?&]size=trained/);
  await expect.poll(async () => radius('fuenlabrada-city-council')).toBe(Math.min(...(await radii())));
  await expect(page.getByRole('group', { name: 'Legend' })).toContainText('Circle size: training enrolments');

  await page.getByRole('radio', { name: 'Partnerships' }).check();
  await expect(page).not.toHaveURL(/[?&]size=/);
  await expect.poll(async () => radius('fuenlabrada-city-council')).toBe(Math.max(...(await radii())));
});

test('the network has the same layout in every language: positions never depend on the labels', async ({
  page,
}) => {
  const positions = async (lang: string) => {
    await page.goto(`/network?lang=${lang}`, { waitUntil: 'networkidle' });
    // The chart's name is in the page's language: find it by its markup.
    return page
      .locator('svg [data-node]')
      .evaluateAll((nodes) =>
        nodes.map((n) => `${n.getAttribute('data-node')} ${n.getAttribute('transform')}`).sort(),
      );
  };
  const english = await positions('en');
  expect(english).toHaveLength(institutions.length);
  expect(await positions('es')).toEqual(english);
  expect(await positions('zh')).toEqual(english);
  // The labels themselves do change.
  await expect(page.locator('svg [data-label="alibaba"]')).toContainText('阿里巴巴');
});
