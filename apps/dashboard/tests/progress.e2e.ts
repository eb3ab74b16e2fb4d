import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

// The sample programme the server loads on first start.
const lines = (table: string) =>
  readFileSync(new URL(`../../../data/${table}.csv`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
// partnerships.csv: id,source,target,area,status,started_on,title (only the title may hold quoted commas).
const partnerships = lines('partnerships').map((line) => {
  const [id, , , , status] = line.split(',');
  return { id: id!, status: status! };
});
// milestones.csv: id,partnership,date,title,kind,status,… (titles hold no commas in the sample).
const milestones = lines('milestones').map((line) => {
  const f = line.split(',');
  return { id: f[0]!, partnership: f[1]!, date: f[2]!, status: f[5]! };
});
const count = (status: string) => partnerships.filter((p) => p.status === status).length;

const funnel = (page: Page) => page.getByRole('img', { name: 'Partnerships by status' });
const timeline = (page: Page) => page.getByRole('img', { name: 'Milestones by partnership' });

test('the funnel counts the sample’s partnerships by status, before any JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/progress?lang=en&asOf=2027-01-01');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How far have the partnerships come?');
  const chart = funnel(page);
  await expect(chart).toBeVisible();
  expect(count('proposed')).toBe(7);
  expect(count('active')).toBe(2);
  await expect(chart.locator('[data-stage="proposed"]')).toHaveAttribute('data-count', '7');
  await expect(chart.locator('[data-stage="active"]')).toHaveAttribute('data-count', '2');
  // Everyone in the pipeline reached "proposed".
  await expect(chart.locator('[data-stage="proposed"]')).toHaveAttribute(
    'data-reached',
    String(partnerships.length),
  );
  await context.close();
});

test('the timeline has a row per partnership, every milestone with its status, and a today line', async ({
  page,
}) => {
  await page.goto('/progress?lang=en&asOf=2027-01-01');
  const chart = timeline(page);
  await expect(chart.locator('[data-row]')).toHaveCount(partnerships.length);
  await expect(chart.locator('[data-milestone]')).toHaveCount(milestones.length);
  await expect(chart.locator('[data-status="done"]')).toHaveCount(
    milestones.filter((m) => m.status === 'done').length,
  );
  await expect(chart.locator('[data-status="planned"]')).toHaveCount(
    milestones.filter((m) => m.status === 'planned').length,
  );
  await expect(chart.locator('[data-today="2027-01-01"]')).toHaveCount(1);
  // Today lies between the done milestones (2023) and the planned ones (2027-03-17).
  const x = async (selector: string) =>
    chart
      .locator(selector)
      .first()
      .evaluate((el) => el.getBoundingClientRect().x);
  expect(await x('[data-status="done"]')).toBeLessThan(await x('[data-today] line'));
  expect(await x('[data-today] line')).toBeLessThan(await x('[data-status="planned"]'));
});

test('the next 90 days list what is due, or say nothing is and show the next one coming', async ({
  page,
}) => {
  const planned = milestones.filter((m) => m.status === 'planned');
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Next 90 days' }) });

  await page.goto('/progress?lang=en&asOf=2027-01-01');
  await expect(card.locator('li[data-milestone]')).toHaveCount(planned.length);
  await expect(card).not.toContainText('No milestone is planned');

  await page.goto('/progress?lang=en&asOf=2026-11-25');
  await expect(card).toContainText('No milestone is planned in the next 90 days.');
  await expect(card).toContainText(`The next ${planned.length} come on Mar 17, 2027, in 112 days:`);
  await expect(card.locator('li[data-milestone]')).toHaveCount(planned.length);

  // Past their date and still planned: late, in the list and on the timeline.
  await page.goto('/progress?lang=en&asOf=2027-06-01');
  await expect(card).toContainText(`${planned.length} planned milestones are past their date`);
  await expect(timeline(page).locator('[data-status="overdue"]')).toHaveCount(planned.length);
});

test('asOf must be a real date; anything else is ignored and today is used', async ({ page }) => {
  const today = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date());
  await page.goto('/progress?lang=en&asOf=2027-02-30');
  await expect(page.getByText(`As of ${today}`)).toBeVisible();
  await page.goto('/progress?lang=en&asOf=1%2F1%2F2027');
  await expect(page.getByText(`As of ${today}`)).toBeVisible();
});

test('no milestones recorded is not stalled: the sample’s active partnerships are listed apart', async ({
  page,
}) => {
  await page.goto('/progress?lang=en&asOf=2027-01-01');
  const stalled = page.locator('section', {
    has: page.getByRole('heading', { name: /Stalled partnerships/ }),
  });
  // The two active partnerships of the sample have no milestone at all: nothing says they stalled.
  await expect(stalled.locator('tr[data-partnership]')).toHaveCount(0);
  await expect(stalled).toContainText('No partnership has stalled');
  await expect(page.locator('.intro')).toContainText('none has stalled');

  const unrecorded = page.locator('section', {
    has: page.getByRole('heading', { name: /No milestones recorded/ }),
  });
  const active = partnerships.filter((p) => p.status === 'active').map((p) => p.id);
  const rows = unrecorded.locator('tr[data-partnership]');
  await expect(rows).toHaveCount(active.length);
  expect(
    (await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-partnership')))).sort(),
  ).toEqual(active.sort());
  await expect(unrecorded.getByRole('link').first()).toHaveAttribute('href', /^\/institutions\//);
  await expect(timeline(page).getByText('Active · no milestones recorded')).toHaveCount(active.length);
});

test('a status filter changes the URL and the charts', async ({ page }) => {
  await page.goto('/progress?lang=en&asOf=2027-01-01', { waitUntil: 'networkidle' });
  await page.getByRole('form', { name: 'Filters' }).getByLabel('Status').selectOption('active');
  await expect(page).toHaveURL(/[?&]status=active/);
  const chart = funnel(page);
  await expect(chart.locator('[data-stage="proposed"]')).toHaveAttribute('data-count', '0');
  await expect(chart.locator('[data-stage="active"]')).toHaveAttribute('data-count', '2');
  await expect(timeline(page).locator('[data-row]')).toHaveCount(2);
});

test('the funnel’s table opens from the keyboard and holds the numbers', async ({ page }) => {
  await page.goto('/progress?lang=en');
  const summary = page
    .locator('#progress-funnel-title')
    .locator('xpath=ancestor::section')
    .locator('summary');
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await summary.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  const table = summary.locator('xpath=..').getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.locator('tr[data-stage="proposed"] td').first()).toHaveText('7');
  await expect(table.locator('tr[data-stage="active"] td').first()).toHaveText('2');
});

test('a filter that matches no partnership says so, with a way back', async ({ page }) => {
  await page.goto('/progress?lang=en&status=cancelled');
  await expect(page.getByText('No partnership matches these filters.')).toBeVisible();
  await expect(funnel(page)).toHaveCount(0);
  await page.getByRole('main').getByRole('link', { name: 'Clear filters', exact: true }).click();
  await expect(funnel(page)).toBeVisible();
});

test('the progress page speaks Spanish and Chinese', async ({ page }) => {
  await page.goto('/progress?lang=es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '¿Cuánto han avanzado las colaboraciones?',
  );
  await expect(page.getByRole('heading', { name: 'Próximos 90 días' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Colaboraciones por estado' })).toBeVisible();
  await page.goto('/progress?lang=zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('各项合作进展到哪一步了？');
  await expect(page.getByRole('heading', { name: '各合作项目的里程碑' })).toBeVisible();
});

test('the progress page has no serious or critical accessibility violation, tables open', async ({
  page,
}) => {
  for (const query of ['lang=en&asOf=2027-06-01', 'lang=zh', 'lang=es&status=cancelled']) {
    await page.goto(`/progress?${query}`, { waitUntil: 'networkidle' });
    for (const summary of await page.locator('summary:visible').all()) await summary.click();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${query}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  }
});

test('illustrative milestones say so where they are listed', async ({ page }) => {
  // data/: the planned follow-up dialogues of 2027 are illustrative (`source`), the meetings of 2023 reported.
  await page.goto('/progress?lang=en&asOf=2027-01-01', { waitUntil: 'networkidle' });
  const upcoming = page.getByRole('region', { name: /next 90 days/i });
  const planned = milestones.filter((m) => m.status === 'planned').length;
  await expect(upcoming.locator('[data-source="illustrative"]')).toHaveCount(planned);
  await expect(upcoming.locator('[data-source="illustrative"]').first()).toHaveText('Illustrative');
  // On the timeline too: a ring on each of their marks, named in its tooltip.
  const ringed = timeline(page).locator('[data-milestone][data-source="illustrative"]');
  await expect(ringed).toHaveCount(planned);
  await expect(ringed.first().locator('title')).toContainText('Illustrative');
  await expect(timeline(page).locator('[data-milestone][data-source="reported"]')).toHaveCount(
    milestones.length - planned,
  );
  await page.goto('/progress?lang=es&asOf=2027-01-01', { waitUntil: 'networkidle' });
  await expect(page.locator('[data-source="illustrative"]').first()).toHaveText('Ilustrativo');
});
