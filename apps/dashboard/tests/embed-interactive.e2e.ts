import { expect, test, type Browser, type Page } from '@playwright/test';

/** The embed link a presenter copies from a chart's Share menu (opened by clicking), as a plain URL. */
async function embedSrc(page: Page, path: string, card: string): Promise<string> {
  await page.goto(path, { waitUntil: 'networkidle' });
  const section = page.locator(`section[aria-labelledby="${card}-title"]`);
  await section.getByRole('button', { name: /^Share: / }).click();
  const code = await section.getByLabel('Embed code (iframe)').inputValue();
  return /src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&');
}

async function withoutJavaScript<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test('a network embed is the server’s SVG without JavaScript, and explorable with it: zoom, pan, tooltips', async ({
  page,
  browser,
}) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  await page.getByRole('radio', { name: 'Type' }).check();
  await expect(page).toHaveURL(/[?&]color=type/);
  const src = await embedSrc(page, page.url(), 'network');
  expect(src).toMatch(/\/embed\/network-full\?color=type&sig=[\w-]{43}&lang=en$/);

  // No JavaScript: the drawing is there from the server, with its legend and source, and nothing to zoom with.
  const still = await withoutJavaScript(browser, async (plain) => {
    await plain.goto(src);
    await expect(plain.locator('svg [data-node]').first()).toBeVisible();
    await expect(plain.getByRole('button', { name: 'Zoom in' })).toHaveCount(0);
    await expect(plain.getByText('Government', { exact: true })).toBeVisible();
    await expect(plain.locator('[data-source]')).toHaveText(/^Source: Puente · data version \d+/);
    return plain
      .locator('svg [data-node]')
      .evaluateAll((els) => els.map((n) => [n.getAttribute('data-node'), n.getAttribute('transform')]));
  });
  expect(still.length).toBeGreaterThan(5);

  // With JavaScript: the same institutions in the same places, now explorable.
  await page.goto(src, { waitUntil: 'networkidle' });
  const surface = page.locator('.surface');
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
  expect(
    await surface
      .locator('svg [data-node]')
      .evaluateAll((els) => els.map((n) => [n.getAttribute('data-node'), n.getAttribute('transform')])),
  ).toEqual(still);
  await expect(surface).toHaveAttribute('data-viewport', '0,0,1');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(surface).not.toHaveAttribute('data-viewport', '0,0,1');
  const zoomed = await surface.getAttribute('data-viewport');
  // Drag the background to pan.
  const box = (await surface.boundingBox())!;
  await page.mouse.move(box.x + 12, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 80, { steps: 5 });
  await page.mouse.up();
  await expect(surface).not.toHaveAttribute('data-viewport', zoomed!);
  await page.getByRole('button', { name: 'Reset the view' }).click();
  await expect(surface).toHaveAttribute('data-viewport', '0,0,1');

  // Hovering an institution shows its details.
  const node = surface.locator('[data-node="hangzhou-drc"]');
  await node.hover();
  await expect(surface.locator('.tip')).toBeVisible();
  await expect(surface.locator('.tip')).toContainText('Hangzhou Development and Reform Commission');
  await expect(surface.locator('.tip')).toContainText('Government');
});

test('a training embed shows a bar’s details on hover and focus with JavaScript; without it, the same bars', async ({
  page,
  browser,
}) => {
  await page.goto('/training?lang=en', { waitUntil: 'networkidle' });
  await page.getByRole('radio', { name: 'Institution' }).check();
  await expect(page).toHaveURL(/[?&]by=institution/);
  const src = await embedSrc(page, page.url(), 'training-volume');
  expect(src).toMatch(/\/embed\/training-volume\?by=institution&sig=[\w-]{43}&lang=en$/);

  const bars = (p: Page) =>
    p
      .locator('svg [data-group][data-year]')
      .evaluateAll((els) => els.map((b) => `${b.getAttribute('data-group')}|${b.getAttribute('data-year')}`));
  const plainBars = await withoutJavaScript(browser, async (plain) => {
    await plain.goto(src);
    await expect(plain.getByRole('heading', { name: 'Training enrolments per year' })).toBeVisible();
    await plain.locator('svg [data-group][data-year]').first().hover();
    await expect(plain.locator('[data-tip]')).toHaveCount(0);
    return bars(plain);
  });
  expect(plainBars.length).toBeGreaterThan(3);

  await page.goto(src, { waitUntil: 'networkidle' });
  expect(await bars(page)).toEqual(plainBars);
  const bar = page.locator('svg [data-group="cife-fuenlabrada"][data-year]').last();
  const year = await bar.getAttribute('data-year');
  await bar.hover();
  const tip = page.locator('[data-tip]');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(year!);
  await expect(tip).toContainText('CIFE');
  await page.mouse.move(0, 0);
  await expect(tip).toHaveCount(0);
});

test('a page chart’s embed can’t be redrawn another way: a changed option is refused like a changed filter', async ({
  page,
}) => {
  await page.goto('/network?lang=en&color=type&size=trained', { waitUntil: 'networkidle' });
  const src = await embedSrc(page, page.url(), 'network');
  expect((await page.request.get(src)).status()).toBe(200);
  for (const changed of [
    src.replace('color=type', 'color=city'),
    src.replace('&size=trained', ''),
    src.replace('size=trained', 'size=trained&layout=bridge'),
    src.replace('/embed/network-full', '/embed/network'),
  ]) {
    expect([changed, (await page.request.get(changed)).status()]).toEqual([changed, 403]);
  }
});
