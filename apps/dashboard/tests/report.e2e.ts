import { expect, test } from '@playwright/test';

const mediaBox = (pdf: Buffer) =>
  /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'))!.slice(1).map(Number);
const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

test('a report of chosen charts, heading and notes prints to PDF, each chart cited with its data version', async ({
  page,
}) => {
  await page.goto('/report?lang=en', { waitUntil: 'networkidle' });
  await expect(page.getByText('Choose at least one chart.')).toBeVisible();
  // The charts of every page with a Share menu, grouped by page (the overview's and the network page's share a title).
  const group = (name: string) => page.getByRole('group', { name, exact: true });
  await group('Overview').getByLabel('Who works with whom').check();
  await group('Progress').getByLabel('How far partnerships have come').check();
  await group('Overview').getByLabel('Key figures').check();
  await group('Network').getByLabel('Who works with whom').check();
  await group('Training').getByLabel('Training enrolments per year').check();
  await group('Training').getByLabel('City against city').check();
  await group('Training').getByLabel('Completion rate').check();
  await group('Progress').getByLabel('Milestones by partnership').check();
  await page.getByLabel('Heading').fill('Fuenlabrada – Hangzhou: <b>2026</b>');
  await page.getByLabel('Notes').fill('First paragraph.\n\nSecond paragraph.');
  await page.getByRole('button', { name: 'Show the report' }).click();

  const report = page.getByRole('article');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Fuenlabrada – Hangzhou: <b>2026</b>');
  await expect(report.locator('.notes')).toHaveText(['First paragraph.', 'Second paragraph.']);
  const sections = report.locator('section[data-chart]');
  const CHOSEN = [
    'network',
    'progress',
    'kpis',
    'network-full',
    'training-volume',
    'training-cities',
    'training-completion',
    'progress-timeline',
  ];
  await expect(sections).toHaveCount(CHOSEN.length);
  expect(await sections.evaluateAll((s) => s.map((e) => e.getAttribute('data-chart')))).toEqual(CHOSEN);
  for (const section of await sections.all()) {
    await expect(section.locator('svg[role="img"]')).toBeVisible();
    await expect(section.locator('.citation')).toHaveText(
      /\. Puente, data version \d+ of \d{4}-\d{2}-\d{2}\. http/,
    );
  }
  // The filters stay with the report: a filtered report is a link too.
  await page.getByRole('combobox', { name: 'City' }).selectOption('Hangzhou');
  await expect(page).toHaveURL(/city=Hangzhou/);
  await expect(page).toHaveURL(/chart=network/);
  await expect(sections).toHaveCount(CHOSEN.length);
  // Every chart drawn under the filter: the timeline's partnerships are all Hangzhou's.
  const timeline = report.locator('section[data-chart="progress-timeline"] svg[role="img"]');
  await expect(timeline.locator('[data-row]').first()).toBeVisible();
  await expect(report.locator('section[data-chart="training-cities"] svg [data-city]')).toHaveCount(1);

  // Printed, the report stands alone: no controls, no app header; every chart on paper.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Show the report' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  for (const section of await sections.all()) await expect(section.locator('svg[role="img"]')).toBeVisible();
  const a4 = await page.pdf({ preferCSSPageSize: true });
  expect(a4.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pages(a4)).toBeGreaterThanOrEqual(1);
  // A4 portrait: 595 × 842 points.
  const [width, height] = mediaBox(a4);
  expect(width).toBeCloseTo(595, 0);
  expect(height).toBeCloseTo(842, 0);

  // As slides: 16:9 pages, one chart each.
  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('Slides (16:9)').check();
  await page.getByRole('button', { name: 'Show the report' }).click();
  await expect(page).toHaveURL(/format=slides/);
  await page.emulateMedia({ media: 'print' });
  const slides = await page.pdf({ preferCSSPageSize: true });
  expect(pages(slides)).toBeGreaterThanOrEqual(CHOSEN.length);
  const [w = 0, h = 1] = mediaBox(slides);
  expect(w / h).toBeCloseTo(16 / 9, 1);
});
