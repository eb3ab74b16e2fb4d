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
// training.csv: institution,partnership,programme,topic,year,trainees,… (no commas in the sample's texts).
const trained = sample('training')
  .map((line) => Number(line.split(',')[5]))
  .reduce((a, b) => a + b, 0);

test('the overview shows the network with one node per institution, before any JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const svg = page.getByRole('group', { name: /who works with whom/i });
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
  await expect(figure('Training enrolments')).toHaveText(trained.toLocaleString('en'));
});

test('the overview speaks Spanish and Chinese', async ({ page }) => {
  await page.goto('/?lang=es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Está funcionando el programa?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.goto('/?lang=zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('合作项目进展如何？');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the language links switch the whole page, its lang attribute and the next pages', async ({ page }) => {
  await page.goto('/?lang=en&city=Hangzhou');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Está funcionando el programa?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  expect(new URL(page.url()).searchParams.get('city')).toBe('Hangzhou');
  // The choice is remembered (cookie): the next page speaks Spanish without ?lang.
  await page.goto('/network');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});

test('health reports the data version', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, dataVersion: 1 });
});

test('a filter changes both the URL and the overview', async ({ page }) => {
  await page.goto('/?lang=en');
  await page.waitForLoadState('networkidle');
  const nodes = page.locator(
    '#network-title ~ * [data-node], section[aria-labelledby="network-title"] [data-node]',
  );
  await expect(nodes).toHaveCount(institutionIds.length);
  await page.getByRole('combobox', { name: 'Country' }).selectOption('ES');
  await expect(page).toHaveURL(/[?&]country=ES(&|$)/);
  await expect(page).toHaveURL(/[?&]lang=en(&|$)/);
  // Spanish institutions, plus their Chinese partners shown as context.
  const figure = page
    .locator('.kpi')
    .filter({ has: page.getByRole('term').getByText('Institutions', { exact: true }) });
  await expect(figure.locator('.value')).toHaveText('3');
  await expect(page.locator('section[aria-labelledby="network-title"] [data-node="alibaba"]')).toHaveCount(0);
  await expect(
    page.locator('section[aria-labelledby="network-title"] [data-node="fuenlabrada-city-council"]'),
  ).toHaveCount(1);
});

test('clicking an institution in the network opens its page', async ({ page }) => {
  await page.goto('/?lang=en');
  await page.waitForLoadState('networkidle');
  await page.locator('section[aria-labelledby="network-title"] [data-node="hangzhou-hansheng"]').click();
  await expect(page).toHaveURL(/\/institutions\/hangzhou-hansheng/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hangzhou Hansheng');
});

test('the overview works from the keyboard: a node opens with Enter, the table with Enter', async ({
  page,
}) => {
  await page.goto('/?lang=en');
  await page.waitForLoadState('networkidle');
  const summary = page.locator('section[aria-labelledby="network-title"] summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('section[aria-labelledby="network-title"] table')).toBeVisible();
  await expect(page.locator('section[aria-labelledby="network-title"] tbody tr')).toHaveCount(
    institutionIds.length,
  );

  await page.locator('section[aria-labelledby="network-title"] [data-node="alibaba"]').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/institutions\/alibaba/);
});

test('the summary compares like with like: 2023 is incomplete in the sample, not a fall', async ({
  page,
}) => {
  // In data/, the vocational college's series stops in 2022 while the three institutions that reported both years
  // all grew: the plain totals fall, the like-with-like comparison grows, and 2023 is named as incomplete.
  await page.goto('/?lang=en');
  const summary = page.getByRole('region', { name: 'In short' });
  await expect(summary).toContainText(
    'Among the 3 institutions that reported both 2022 and 2023, training grew by',
  );
  await expect(summary).toContainText(
    '2023 is not complete yet: 3 of the 4 institutions that reported 2022 have reported 2023.',
  );
  await expect(summary).not.toContainText('fell');
});

test('partnerships with no milestones recorded are named as such, never as late or stalled', async ({
  page,
}) => {
  // In data/ the two active partnerships (with Alibaba) have no milestone at all.
  await page.goto('/?lang=en');
  const summary = page.getByRole('region', { name: 'In short' });
  await expect(summary).toContainText(
    '2 agreed or active partnerships have no milestones recorded yet, so their progress cannot be told from the data.',
  );
  await expect(summary).not.toContainText(/late|stalled/);
  await expect(summary).not.toContainText('Every agreed or active partnership');

  const card = page.getByRole('region', { name: 'Partnerships that have stalled' });
  await expect(card.locator('.none')).toContainText('None');
  const unrecorded = card.getByRole('region', { name: 'No milestones recorded' });
  await expect(unrecorded.locator('li[data-partnership]')).toHaveCount(2);
  await expect(unrecorded).toContainText('Cross-border e-commerce programmes and workshops');

  await page.goto('/?lang=es');
  await expect(page.getByRole('region', { name: 'En resumen' })).toContainText(
    '2 colaboraciones acordadas o activas aún no tienen hitos registrados',
  );
  await page.goto('/?lang=zh');
  await expect(page.getByRole('region', { name: '要点' })).toContainText(
    '2 项已达成协议或进行中的合作尚无里程碑记录',
  );
});

test('illustrative and estimated figures are marked on key figures, the chart, its table and the summary', async ({
  page,
}) => {
  // data/: every training figure is illustrative but the vocational college's yearly split, which is estimated.
  await page.goto('/?lang=en', { waitUntil: 'networkidle' });
  const kpi = (label: string) =>
    page.locator('.kpi').filter({ has: page.getByRole('term').getByText(label, { exact: true }) });
  await expect(kpi('Training enrolments')).toHaveAttribute('data-provenance', 'unreported');
  await expect(kpi('Training enrolments').locator('.detail')).toContainText(
    'incl. 13,510 illustrative · incl. 10,080 estimated',
  );
  await expect(kpi('Enrolments in 2023').locator('.detail')).toContainText('incl. 3,220 illustrative');
  // Five planned follow-ups would be four now, all illustrative.
  await expect(kpi('Milestones done').locator('.detail')).toContainText('4 planned');
  await expect(kpi('Milestones done').locator('.detail')).toContainText('incl. 4 illustrative');
  await expect(kpi('Institutions')).not.toHaveAttribute('data-provenance', /.*/);

  const summary = page.getByRole('region', { name: 'In short' });
  await expect(summary).toContainText('— counting 6,200 illustrative enrolments, so not a measured change.');

  const trend = page.getByRole('img', { name: 'Training enrolments per year' });
  await expect(trend.locator('[data-legend="illustrative"]')).toContainText(
    'Illustrative (not real figures)',
  );
  await expect(trend.locator('[data-legend="estimated"]')).toContainText('Estimated');
  expect(await trend.locator('[data-provenance="illustrative"]').count()).toBeGreaterThan(0);
  expect(await trend.locator('[data-provenance="estimated"]').count()).toBeGreaterThan(0);

  // The table behind the chart says it too, opened by a click as a reader would.
  const card = page.locator('section', { has: trend });
  await card.locator('summary').click();
  await expect(card.getByRole('table')).toContainText('Illustrative or estimated');
  await expect(card.getByRole('row').filter({ hasText: '2023' }).first()).toContainText('illustrative');

  await page.goto('/?lang=zh', { waitUntil: 'networkidle' });
  await expect(page.locator('.kpi').first()).toBeVisible();
  await expect(page.getByText('含示意数据 13,510 · 含估计数据 10,080')).toBeVisible();
});

test('a shared link whose filters select nothing says so, shows the filters in force, and clears them', async ({
  page,
}) => {
  // The sample has no cancelled partnership: the institutions exist, the filter hides the network.
  await page.goto('/?lang=en&status=cancelled', { waitUntil: 'networkidle' });
  const network = page.getByRole('region', { name: 'Who works with whom' });
  await expect(network).toContainText('No institution matches these filters.');
  await expect(network).not.toContainText('No institutions yet');
  const status = page.getByRole('form', { name: 'Filters' }).getByLabel('Status');
  await expect(status).toHaveValue('cancelled');
  await expect(status.locator('option:checked')).toHaveText('Cancelled');

  await network.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page).toHaveURL(/lang=en/);
  await expect(network.locator('[data-node]')).toHaveCount(institutionIds.length);
  await expect(status).toHaveValue('');
});

test('the data speaks the reader’s language: titles, topics, cities and countries', async ({ page }) => {
  await page.goto('/?lang=es', { waitUntil: 'networkidle' });
  const unrecorded = page.locator('[data-unrecorded]');
  await expect(unrecorded).toContainText('Programas y talleres de comercio electrónico transfronterizo');
  const filters = page.getByRole('form', { name: 'Filtros' });
  await expect(filters.getByLabel('País').locator('option')).toContainText(['Todos', 'China', 'España']);

  await page.goto('/?lang=zh', { waitUntil: 'networkidle' });
  await expect(page.locator('[data-unrecorded]')).toContainText('跨境电商项目与工作坊');
  const zhFilters = page.getByRole('form', { name: '筛选' });
  await expect(zhFilters.getByLabel('城市').locator('option')).toContainText([
    '全部',
    '富恩拉夫拉达',
    '杭州',
  ]);
  await expect(zhFilters.getByLabel('国家').locator('option')).toContainText(['全部', '中国', '西班牙']);
  // Choosing 杭州 filters by the city as the data writes it.
  await zhFilters.getByLabel('城市').selectOption({ label: '杭州' });
  await expect(page).toHaveURL(/city=Hangzhou/);

  // A topic in Chinese on an institution's page, its table opened by a click.
  await page.goto('/institutions/hangzhou-hansheng?lang=zh', { waitUntil: 'networkidle' });
  const training = page
    .getByRole('region', { name: /培训/ })
    .filter({ has: page.locator('summary') })
    .last();
  await training.locator('summary').click();
  await expect(training.getByRole('table')).toContainText('跨境电商');
});
