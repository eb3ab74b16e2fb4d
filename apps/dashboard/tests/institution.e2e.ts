import { expect, test, type Page } from '@playwright/test';

// The institution pages on the sample programme (data/): Hansheng has partnerships with Fuenlabrada City Council
// (two, proposed) and Alibaba (one, active, no milestone recorded — not stalled); the economic development department has no
// partnership and no training; CIFE has training but no partnership.

const egoNodes = (page: Page) =>
  page
    .getByRole('region', { name: /^Partners of/ })
    .locator('[data-node]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-node')).sort());

test('a profile shows the institution, its ego network, partnerships, training and milestones', async ({
  page,
}) => {
  await page.goto('/institutions/hangzhou-hansheng?lang=en');
  await expect(page).toHaveTitle('Hangzhou Hansheng Education Technology Co., Ltd. · Puente');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Hangzhou Hansheng Education Technology Co., Ltd.',
  );
  await expect(page.getByText('Company · Hangzhou, China')).toBeVisible();

  // The ego network: itself in the middle of its two partners.
  expect(await egoNodes(page)).toEqual(['alibaba', 'fuenlabrada-city-council', 'hangzhou-hansheng']);
  await expect(page.locator('[data-node="hangzhou-hansheng"] [data-ring="selected"]')).toHaveCount(1);

  // Partners as plain links.
  const partners = page.getByRole('region', { name: 'Partners', exact: true });
  await expect(partners.getByRole('link')).toHaveText(['Alibaba Group', 'Fuenlabrada City Council']);

  // Partnerships with their status, area and milestone record.
  const cards = page.locator('[data-partnership]');
  await expect(cards).toHaveCount(3);
  const alibaba = page.locator('[data-partnership="hansheng-alibaba-programmes"]');
  await expect(alibaba.locator('[data-status]')).toHaveText('Active');
  await expect(alibaba.locator('[data-stalled]')).toHaveCount(0);
  await expect(alibaba.locator('[data-unrecorded]')).toHaveText('No milestones recorded');
  await expect(alibaba).toContainText('0 done · 0 planned · 0 missed');
  const training = page.locator('[data-partnership="hansheng-fuenlabrada-joint-training"]');
  await expect(training.locator('[data-status]')).toHaveText('Proposed');
  await expect(training).toContainText('Joint training');
  await expect(training).toContainText('1 done · 1 planned · 0 missed');
  await expect(training).toContainText('Proposed on');
  await expect(training).toContainText('Mar 22, 2023');
  await expect(training.locator('[data-stalled]')).toHaveCount(0);

  // Training: a chart with its accessible name, and the figures.
  await expect(page.getByRole('img', { name: /^Training at Hangzhou Hansheng/ })).toBeVisible();
  await expect(page.getByRole('paragraph').filter({ hasText: /^2,120 training enrolments/ })).toHaveText(
    '2,120 training enrolments from 2019 to 2023 in 1 topic. Of these, 2,120 are illustrative (not real figures). 91% of those reported completed.',
  );

  // Milestones of its partnerships: two done, one planned.
  await expect(page.locator('[data-milestone] [data-status="done"]')).toHaveCount(2);
  await expect(page.locator('[data-milestone] [data-status="planned"]')).toHaveCount(1);
});

test('the page renders before any JavaScript, and partners are plain links', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/institutions/hangzhou-hansheng?lang=en');
  expect(await egoNodes(page)).toEqual(['alibaba', 'fuenlabrada-city-council', 'hangzhou-hansheng']);
  await page
    .getByRole('region', { name: 'Partners', exact: true })
    .getByRole('link', { name: 'Alibaba Group' })
    .click();
  await expect(page).toHaveURL(/\/institutions\/alibaba$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alibaba Group');
  await context.close();
});

test('the profile speaks Chinese and Spanish, with names in the reader’s language', async ({ page }) => {
  await page.goto('/institutions/hangzhou-commerce-bureau?lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('杭州市商务局');
  await expect(page).toHaveTitle('杭州市商务局 · Puente 合作桥');
  // The city in Chinese, after its country as Chinese writes places.
  await expect(page.getByText('政府部门 · 中国杭州')).toBeVisible();

  // In English the translated name leads and the institution's own name is given too, marked as Chinese.
  await page.goto('/institutions/hangzhou-commerce-bureau?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hangzhou Municipal Bureau of Commerce');
  const own = page.locator('dd[lang="zh-CN"]');
  await expect(own).toHaveText('杭州市商务局');

  await page.goto('/institutions/hangzhou-hansheng?lang=zh');
  const partners = page.getByRole('region', { name: '合作伙伴', exact: true });
  await expect(partners.getByRole('link', { name: '阿里巴巴集团' })).toBeVisible();
  await expect(page.locator('[data-partnership="hansheng-alibaba-programmes"] [data-status]')).toHaveText(
    '进行中',
  );
  await expect(page.locator('[data-partnership="hansheng-alibaba-programmes"] [data-unrecorded]')).toHaveText(
    '尚无里程碑记录',
  );
  await expect(page.getByRole('heading', { level: 2, name: '合作项目' })).toBeVisible();

  await page.goto('/institutions/hangzhou-hansheng?lang=es');
  await expect(page.getByRole('heading', { level: 2, name: 'Colaboraciones' })).toBeVisible();
  await expect(page.locator('[data-partnership="hansheng-fuenlabrada-joint-training"]')).toContainText(
    '1 cumplido · 1 previsto · 0 no cumplidos',
  );
});

test('selecting a partner in the network opens its profile, by mouse and by keyboard', async ({ page }) => {
  // Clicking a node needs the page's JavaScript: wait until it has loaded.
  await page.goto('/institutions/hangzhou-hansheng?lang=en', { waitUntil: 'networkidle' });
  await page.locator('[data-node="alibaba"]').click();
  await expect(page).toHaveURL(/\/institutions\/alibaba$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alibaba Group');
  expect(await egoNodes(page)).toEqual(['alibaba', 'hangzhou-hansheng']);

  const hansheng = page.locator('[data-node="hangzhou-hansheng"]');
  await hansheng.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/institutions\/hangzhou-hansheng$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Hangzhou Hansheng Education Technology Co., Ltd.',
  );
});

test('the table behind a chart is reached with Tab and opens with Enter', async ({ page }) => {
  await page.goto('/institutions/hangzhou-hansheng?lang=en');
  const card = page.getByRole('region', { name: /^Partners of/ });
  const summary = card.locator('summary');
  const table = card.getByRole('table');
  await expect(table).toBeHidden();
  // Tab from the top of the page until the disclosure has focus (past the nav and the network's nodes).
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await summary.evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('link', { name: 'Fuenlabrada City Council' })).toBeVisible();

  const trainingCard = page.getByRole('region', { name: /^Training at/ });
  await trainingCard.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(trainingCard.getByRole('table')).toBeVisible();
  await expect(trainingCard.getByRole('row', { name: /^2023/ })).toContainText('610');
});

test('an institution without partnerships or training shows helpful empty states', async ({ page }) => {
  await page.goto('/institutions/fuenlabrada-economic-development?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Department of Economic Development (Fuenlabrada City Council)',
  );
  const network = page.getByRole('region', { name: /^Partners of/ });
  await expect(network).toContainText('has no partnerships yet. Once one is recorded in partnerships.csv');
  await expect(network.locator('svg')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Partnerships' })).toContainText('has no partnerships yet.');
  const training = page.getByRole('region', { name: /^Training at/ });
  await expect(training).toContainText('has no training records yet.');
  await expect(training.locator('svg')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Milestones' })).toContainText(
    'No milestones recorded for its partnerships yet.',
  );

  // Training without partnerships: the chart is there, the network is not.
  await page.goto('/institutions/cife-fuenlabrada?lang=en');
  await expect(page.getByRole('img', { name: /^Training at Centre for Training/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Partners of/ })).toContainText('has no partnerships yet.');
});

test('the website is a safe external link', async ({ page }) => {
  await page.goto('/institutions/fuenlabrada-city-council?lang=en');
  const link = page.getByRole('link', { name: /ayto-fuenlabrada\.es/ });
  await expect(link).toHaveAttribute('href', 'https://www.ayto-fuenlabrada.es/');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(link).toHaveAttribute('rel', /noreferrer/);
});

test('an unknown institution is a 404 with a way back', async ({ page }) => {
  const response = await page.goto('/institutions/no-such-institution?lang=en');
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle('Page not found · Puente');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByText('There is no institution at this address in the current data.')).toBeVisible();
  await expect(page.getByText('Error 404')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the overview' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Is the programme working?');
});

test('a malformed id is a 404 too, never a query', async ({ page, request }) => {
  for (const path of ['/institutions/..%2F..', '/institutions/Alibaba', `/institutions/${'a'.repeat(300)}`]) {
    const response = await request.get(`${path}?lang=en`);
    expect(response.status(), path).toBe(404);
  }
  const response = await page.goto('/institutions/..%2F..?lang=es');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página no encontrada');
  await expect(page.getByText('No hay ninguna institución en esta dirección')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Volver al resumen' })).toHaveAttribute('href', '/');
  // Nothing of the server's insides on the page.
  await expect(page.locator('body')).not.toContainText(/at \w+ \(|node_modules|Error:/);
});

test('other missing pages get the same localized 404', async ({ page }) => {
  const response = await page.goto('/no/such/page?lang=zh');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面未找到');
  await expect(page.getByText('此页面不存在。')).toBeVisible();
  await expect(page.getByRole('link', { name: '返回概览' })).toBeVisible();
});
