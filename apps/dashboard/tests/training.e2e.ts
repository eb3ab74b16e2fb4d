import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

// The sample programme the server loads on first start (simple CSV: the training file holds no quoted commas).
const [headerLine, ...trainingLines] = readFileSync(
  new URL('../../../data/training.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n');
const header = headerLine!.split(',');
const training = trainingLines.map(
  (line) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v])) as Record<string, string>,
);
const cityOf = Object.fromEntries(
  readFileSync(new URL('../../../data/institutions.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      // id is the first field; city the ninth counted from the end (names may hold quoted commas).
      const fields = line.split(',');
      return [fields[0]!, fields.at(-9)!];
    }),
);

function perYear(rows: Array<Record<string, string>>): Record<number, number> {
  const sums: Record<number, number> = {};
  for (const r of rows) sums[Number(r.year)] = (sums[Number(r.year)] ?? 0) + Number(r.trainees);
  return sums;
}

/** Training enrolments per year as the chart draws them: the sum of its bar segments, read from their data attributes. */
async function chartTotals(chart: Locator): Promise<Record<number, number>> {
  const bars = await chart
    .locator('rect[data-year][data-group]')
    .evaluateAll((els) =>
      els.map((el) => [Number(el.getAttribute('data-year')), Number(el.getAttribute('data-trainees'))]),
    );
  const sums: Record<number, number> = {};
  for (const [year, trainees] of bars) sums[year!] = (sums[year!] ?? 0) + trainees!;
  return sums;
}

const groups = (chart: Locator) =>
  chart
    .locator('rect[data-group]')
    .evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-group')))].sort());

const volumeChart = (page: Page) => page.getByRole('img', { name: 'Training enrolments per year' });

test('the training page draws every year of the sample, with the totals of training.csv, before any JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/training?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How many enrolled in training?');
  const chart = volumeChart(page);
  await expect(chart).toBeVisible();
  const totals = await chartTotals(chart);
  expect(Object.keys(totals).map(Number)).toEqual(Array.from({ length: 19 }, (_, i) => 2005 + i));
  expect(totals).toEqual(perYear(training));
  // Stacked by topic by default: one series per topic of the file.
  expect(await groups(chart)).toEqual([...new Set(training.map((r) => r.topic))].sort());
  // The completion rate exists only for years where some training records completion (2019–2023).
  await expect(chart.locator('circle[data-rate]')).toHaveCount(5);
  // City against city: one panel per city, same totals.
  const cities = page.getByRole('img', { name: 'City against city' });
  await expect(cities.locator('[data-city]')).toHaveCount(2);
  const hangzhou = training.filter((r) => cityOf[r.institution!] === 'Hangzhou');
  await expect(cities.locator('[data-city="Hangzhou"]')).toHaveAttribute(
    'data-trainees',
    String(hangzhou.reduce((s, r) => s + Number(r.trainees), 0)),
  );
  await expect(page.getByRole('img', { name: 'Completion rate' })).toBeVisible();
  await context.close();
});

test('illustrative and estimated enrolments are said in the intro and drawn apart, per year, in the chart', async ({
  page,
}) => {
  const sum = (source: string) =>
    training.filter((r) => r.source === source).reduce((s, r) => s + Number(r.trainees), 0);
  await page.goto('/training?lang=en', { waitUntil: 'networkidle' });
  await expect(page.locator('.intro')).toContainText(
    `Of these, ${sum('illustrative').toLocaleString('en')} are illustrative (not real figures), and ${sum('estimated').toLocaleString('en')} estimated.`,
  );
  const marked = async (chart: Locator, source: string) =>
    (
      await chart
        .locator(`[data-provenance="${source}"]`)
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-trainees'))))
    ).reduce((a, b) => a + b, 0);
  // The same shares in the volume chart and in City against city (the sample's two cities are both drawn).
  for (const chart of [volumeChart(page), page.getByRole('img', { name: 'City against city' })]) {
    expect(await marked(chart, 'illustrative')).toBe(sum('illustrative'));
    expect(await marked(chart, 'estimated')).toBe(sum('estimated'));
    await expect(chart.locator('[data-legend="illustrative"]')).toBeVisible();
    await expect(chart.locator('[data-legend="estimated"]')).toBeVisible();
  }
  // The tables say the same per year: City against city's data table matches the volume table's.
  const table = async (heading: string) => {
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: heading, exact: true }),
    });
    await section.locator('summary').click();
    return section.getByRole('table');
  };
  const volume = await table('Training enrolments per year');
  const cities = await table('City against city');
  const completion = await table('Completion rate');
  const years = [...new Set(training.filter((r) => r.source === 'illustrative').map((r) => r.year))];
  expect(years.length).toBeGreaterThan(0);
  for (const year of years) {
    const note = volume.locator(`tr[data-year="${year}"] [data-unreported]`);
    await expect(note).toContainText('illustrative');
    const text = (await note.textContent())!;
    await expect(cities.locator(`tr[data-year="${year}"] [data-unreported]`)).toHaveText(text);
    // Every city together (the sample's illustrative rows record completion, so each of their years has a row).
    await expect(completion.locator(`tr[data-group=""][data-year="${year}"] [data-unreported]`)).toHaveText(
      text,
    );
  }
  // Topics in the reader's language, in the legend of the same chart.
  await page.goto('/training?lang=es', { waitUntil: 'networkidle' });
  await expect(page.getByRole('img', { name: 'Inscripciones en formación por año' })).toContainText(
    'comercio electrónico transfronterizo',
  );
});

test('a city filter changes the URL and the charts: Fuenlabrada shows only CIFE’s trainees', async ({
  page,
}) => {
  await page.goto('/training?lang=en', { waitUntil: 'networkidle' });
  await page.getByRole('form', { name: 'Filters' }).getByLabel('City').selectOption('Fuenlabrada');
  await expect(page).toHaveURL(/[?&]city=Fuenlabrada/);
  const chart = volumeChart(page);
  const cife = training.filter((r) => r.institution === 'cife-fuenlabrada');
  await expect.poll(() => chartTotals(chart)).toEqual(perYear(cife));
  expect(await groups(chart)).toEqual([...new Set(cife.map((r) => r.topic))].sort());
  const cities = page.getByRole('img', { name: 'City against city' });
  await expect(cities.locator('[data-city]')).toHaveCount(1);
  await expect(cities.locator('[data-city="Fuenlabrada"]')).toBeVisible();
});

test('the stack-by control regroups the bars by institution and keeps it in the URL', async ({ page }) => {
  await page.goto('/training?lang=en', { waitUntil: 'networkidle' });
  await page.getByRole('radio', { name: 'Institution' }).check();
  await expect(page).toHaveURL(/[?&]by=institution/);
  const chart = volumeChart(page);
  await expect.poll(() => groups(chart)).toEqual([...new Set(training.map((r) => r.institution))].sort());
  // Same people, grouped differently.
  expect(await chartTotals(chart)).toEqual(perYear(training));
  await expect(page.getByRole('radio', { name: 'Institution' })).toBeChecked();
  // And back, from the keyboard.
  await page.getByRole('radio', { name: 'Institution' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/[?&]by=topic/);
});

test('the data table opens from the keyboard and holds the numbers, completion over recorded outcomes only', async ({
  page,
}) => {
  await page.goto('/training?lang=en');
  const summary = page
    .locator('#training-volume-title')
    .locator('xpath=ancestor::section')
    .locator('summary');
  // Tab through the page until the table's disclosure has the focus.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await summary.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  const table = summary.locator('xpath=..').getByRole('table');
  await expect(table).toBeVisible();
  const totals = perYear(training);
  const row2023 = table.locator('tr[data-year="2023"]');
  await expect(row2023.locator('[data-total]')).toHaveText(totals[2023]!.toLocaleString('en'));
  // 2019: ZFC's 770 trainees record no completion, so the rate is over the other institutions' trainees only.
  const y2019 = training.filter((r) => r.year === '2019');
  const reported = y2019.filter((r) => r.completed !== '');
  const rate = Math.round(
    (100 * reported.reduce((s, r) => s + Number(r.completed), 0)) /
      reported.reduce((s, r) => s + Number(r.trainees), 0),
  );
  await expect(table.locator('tr[data-year="2019"] td[data-rate]')).toHaveText(`${rate}%`);
  expect(rate).toBeGreaterThan(80); // counting ZFC as "not completed" would give about 67 %
});

test('a filter that matches nothing says so, with a way back', async ({ page }) => {
  await page.goto('/training?lang=en&from=2100');
  await expect(page.getByText('No training matches these filters.')).toBeVisible();
  await expect(volumeChart(page)).toHaveCount(0);
  await page.getByRole('main').getByRole('link', { name: 'Clear filters', exact: true }).click();
  await expect(page).not.toHaveURL(/from=/);
  await expect(volumeChart(page)).toBeVisible();
});

test('the training page speaks Spanish and Chinese', async ({ page }) => {
  await page.goto('/training?lang=es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '¿Cuántas inscripciones en formación hay?',
  );
  await expect(page.getByRole('heading', { name: 'Ciudad frente a ciudad' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Inscripciones en formación por año' })).toBeVisible();
  await page.goto('/training?lang=zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('培训了多少人次？');
  await expect(page.getByRole('heading', { name: '结业率' })).toBeVisible();
});

test('printing keeps the charts and drops the controls', async ({ page }) => {
  await page.goto('/training?lang=en');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('form', { name: 'Filters' })).toBeHidden();
  await expect(page.getByRole('radio', { name: 'Institution' })).toBeHidden();
  await expect(volumeChart(page)).toBeVisible();
});

test('the training page has no serious or critical accessibility violation, tables open', async ({
  page,
}) => {
  for (const query of ['lang=en', 'lang=zh&by=institution', 'lang=es&from=2100']) {
    await page.goto(`/training?${query}`, { waitUntil: 'networkidle' });
    for (const summary of await page.locator('summary:visible').all()) await summary.click();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${query}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  }
});
