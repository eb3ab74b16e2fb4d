import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

// The sample programme the server loads on first start (simple CSV: ids and numbers never hold commas).
const sample = (table: string) =>
  readFileSync(new URL(`../../../data/${table}.csv`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
const institutionIds = sample('institutions').map((line) => line.split(',')[0]);
const partnerships = sample('partnerships').length;
const trained = sample('training')
  .map((line) => Number(line.split(',').at(-2)))
  .reduce((a, b) => a + b, 0);

test('the overview shows the network with one node per institution, before any JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const svg = page.getByRole('img', { name: /who works with whom/i });
  await expect(svg).toBeVisible();
  const nodes = svg.locator('[data-node]');
  await expect(nodes).toHaveCount(institutionIds.length);
  const ids = await nodes.evaluateAll((els) => els.map((el) => el.getAttribute('data-node')));
  expect(ids.sort()).toEqual([...institutionIds].sort());
  await context.close();
});

test('the overview shows the key figures of the sample programme', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Is the programme working?');
  const figure = (label: string) =>
    page
      .locator('.kpi')
      .filter({ has: page.getByRole('term').getByText(label, { exact: true }) })
      .getByRole('definition')
      .locator('.value');
  await expect(figure('Institutions')).toHaveText(String(institutionIds.length));
  await expect(figure('Cities')).toHaveText('2');
  await expect(figure('Partnerships')).toHaveText(String(partnerships));
  await expect(figure('People trained')).toHaveText(trained.toLocaleString('en'));
});

test('the overview speaks Spanish and Chinese', async ({ page }) => {
  await page.goto('/?lang=es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Está funcionando el programa?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.goto('/?lang=zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('合作项目进展如何？');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('health reports the data version', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, dataVersion: 1 });
});
