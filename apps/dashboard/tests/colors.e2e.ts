import { expect, test, type Locator, type Page } from '@playwright/test';

// Colours keep their meaning: a city, a topic, has one colour on every page and under every filter.
const fillOf = (node: Locator) =>
  node
    .locator('circle')
    .first()
    .evaluate((c) =>
      c.getAttribute('fill') === '#ffffff' ? c.getAttribute('stroke') : c.getAttribute('fill'),
    );

async function filter(page: Page, name: string, value: string) {
  await page.getByRole('combobox', { name }).selectOption(value);
  await expect(page).toHaveURL(new RegExp(`[?&]${name.toLowerCase()}=${value}(&|$)`));
  await page.waitForLoadState('networkidle');
}

test('Hangzhou keeps its colour when the network is filtered to its active partnerships', async ({
  page,
}) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  const hansheng = page.locator('[data-node="hangzhou-hansheng"]');
  const council = page.locator('[data-node="fuenlabrada-city-council"]');
  const hangzhou = await fillOf(hansheng);
  const fuenlabrada = await fillOf(council);
  expect(hangzhou).not.toBe(fuenlabrada);

  await filter(page, 'City', 'Hangzhou');
  await filter(page, 'Status', 'active');
  await expect(council).toHaveCount(0);
  expect(await fillOf(hansheng)).toBe(hangzhou);

  // The same colour on the overview, under the same filters (carried by the main navigation).
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Overview' })
    .click();
  await expect(page).toHaveURL(/city=Hangzhou/);
  await page.waitForLoadState('networkidle');
  expect(
    await fillOf(page.locator('section[aria-labelledby="network-title"] [data-node="hangzhou-hansheng"]')),
  ).toBe(hangzhou);
  // The training trend too: Hangzhou alone keeps its own colour, not the first one free.
  const bars = page.locator('section[aria-labelledby="trend-title"] rect[data-group]');
  await expect(bars.first()).toBeVisible();
  expect(new Set(await bars.evaluateAll((rs) => rs.map((r) => r.getAttribute('fill'))))).toEqual(
    new Set([hangzhou]),
  );
});

test('colour by type uses no city colour', async ({ page }) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  const cities = new Set(
    await page
      .locator('[data-node] circle:first-child')
      .evaluateAll((cs) => cs.map((c) => c.getAttribute('fill'))),
  );
  await page.getByRole('radio', { name: 'Type' }).check();
  await expect(page).toHaveURL(/color=type/);
  await page.waitForLoadState('networkidle');
  const types = await page
    .locator('[data-node] circle:first-child')
    .evaluateAll((cs) => cs.map((c) => c.getAttribute('fill')));
  for (const color of types) if (color !== '#999999') expect(cities).not.toContain(color);
});

test('a topic has the same colour on /training and on an institution page', async ({ page }) => {
  const topic = 'digital skills';
  const colorOf = async () => page.locator(`[data-group="${topic}"]`).first().getAttribute('fill');
  await page.goto('/training?lang=en', { waitUntil: 'networkidle' });
  const onTraining = await colorOf();
  expect(onTraining).toMatch(/^#/);
  await page.goto('/institutions/cife-fuenlabrada?lang=en', { waitUntil: 'networkidle' });
  expect(await colorOf()).toBe(onTraining);
});
