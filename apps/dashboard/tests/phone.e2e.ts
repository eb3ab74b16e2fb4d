import { expect, test, type Page } from '@playwright/test';

// Every page on a 390 px phone, in every language: re-laid out, not shrunk. No text a reader sees is smaller than
// 11 px (SVG text measured as drawn, through the SVG's scaling), and nothing scrolls sideways.
const PAGES = ['/', '/network', '/training', '/progress', '/institutions/cife-fuenlabrada'];
const LANGUAGES = ['en', 'es', 'zh'];
const PHONE = { width: 390, height: 844 };
const MIN_PX = 11;

/** Every rendered text node smaller than `min` px on screen, with its size and where it is. */
function smallText(page: Page, min: number) {
  return page.evaluate((min) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent) continue;
      // Only text that is drawn: a text node with no box is hidden (closed <details>, display: none, <title>).
      const range = document.createRange();
      range.selectNodeContents(node);
      const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (boxes.length === 0 || !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
        continue;
      // Visually hidden text for screen readers (a 1 px clipped box) is not read by the eye.
      if (parent.closest('.visually-hidden, .sr-only')) continue;
      let size = parseFloat(getComputedStyle(parent).fontSize);
      // SVG text is drawn through the SVG's scaling: its size on screen is the font size times that scale.
      const svgText: Element = parent;
      if (svgText instanceof SVGGraphicsElement) {
        const m = svgText.getScreenCTM();
        if (m) size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      }
      if (size < min - 0.01) {
        const where =
          parent.closest('[id], section, header, nav, form')?.getAttribute('id') ?? parent.tagName;
        found.push(
          `${size.toFixed(1)}px "${text.slice(0, 40)}" (${parent.tagName.toLowerCase()} in ${where})`,
        );
      }
    }
    return found;
  }, min);
}

for (const lang of LANGUAGES) {
  for (const path of PAGES) {
    test(`${path} at 390 px in ${lang}: no text under 11 px, no sideways scroll`, async ({ page }) => {
      await page.setViewportSize(PHONE);
      await page.goto(`${path}?lang=${lang}`, { waitUntil: 'networkidle' });
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(widths.client);
      expect(await smallText(page, MIN_PX)).toEqual([]);
    });
  }
}

test('on a phone the filters wait behind one button, and the key figures come first', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/?lang=en', { waitUntil: 'networkidle' });
  const city = page.getByRole('combobox', { name: 'City' });
  await expect(city).toBeHidden();
  const figures = page.getByRole('list', { name: 'Key figures' }).or(page.locator('dl.kpis'));
  const figuresTop = (await figures.boundingBox())!.y;
  expect(figuresTop).toBeLessThan(PHONE.height);
  await page.locator('summary', { hasText: 'Filters' }).click();
  await expect(city).toBeVisible();
  await city.selectOption('Hangzhou');
  await expect(page).toHaveURL(/[?&]city=Hangzhou(&|$)/);
  // The choice in force is named on the button, so a closed filter bar still says the view is filtered.
  await expect(page.locator('summary', { hasText: 'Filters' })).toContainText('1 filter applied');
});

test('on a phone the network is on the first screen', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  const chart = page.locator('[data-node]').first();
  await expect(chart).toBeVisible();
  const box = (await chart.boundingBox())!;
  expect(box.y).toBeLessThan(PHONE.height);
});

test('on a phone the network is drawn upright, its display options behind one button', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/network?lang=es', { waitUntil: 'networkidle' });
  const chart = page.getByRole('group', { name: 'Quién colabora con quién' });
  // Near-square, not a strip a few lines tall: at least as tall as four-fifths of its width, within the screen.
  await expect
    .poll(async () => {
      const box = (await chart.boundingBox())!;
      return box.height / box.width;
    })
    .toBeGreaterThanOrEqual(0.8);
  expect((await chart.boundingBox())!.height).toBeLessThan(PHONE.height * 0.8);
  const colourByType = page.getByRole('radio', { name: 'Tipo' });
  await expect(colourByType).toBeHidden();
  await page.locator('summary', { hasText: 'Opciones de visualización' }).click();
  await expect(colourByType).toBeVisible();
  await colourByType.check();
  await expect(page).toHaveURL(/[?&]color=type(&|$)/);
});

test('on a laptop the network keeps its wide drawing and its display options in view', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  const box = (await page.getByRole('group', { name: 'Who works with whom' }).boundingBox())!;
  expect(box.width / box.height).toBeGreaterThan(1.4);
  await expect(page.getByRole('radio', { name: 'Type' })).toBeVisible();
  await expect(page.locator('summary', { hasText: 'Display options' })).toBeHidden();
});
