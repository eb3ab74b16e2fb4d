/**
 * The analyst's whole path, by clicking in Chromium: sign in, drop a messy Excel export (Windows-1252, `;`,
 * Spanish headers, a totals row), fix a column mapping, read the errors, upload a corrected file, see the
 * dashboard change, then restore the previous version as an admin.
 */
import { expect, test, type Page } from '@playwright/test';
import { signInAs, startAuthServer, type AuthServer } from './auth-server';
import { E2E_PORT } from './host-page';

const PORT = E2E_PORT + 36;
let server: AuthServer;

test.beforeAll(async () => {
  server = await startAuthServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

/** Text as Excel on a Spanish Windows saves it: Windows-1252, CRLF. */
const cp1252 = (text: string) => Buffer.from(text.replaceAll('\n', '\r\n'), 'latin1');

const HEADER = 'Código;Nombre;Población;País;Tipo\n';
const ROWS =
  'centro-mostoles;Centro de Formación de Móstoles;Móstoles;ES;agency\n' +
  'taller-hostil;<img src=x onerror=alert(1)>;Getafe;ES;company\n';
const MESSY = cp1252(HEADER + ROWS + 'TOTAL;;;;2\n');
const FIXED = cp1252(HEADER + ROWS);

const institutionCount = async (page: Page) =>
  Number(/^(\d+) institutions/.exec((await page.locator('main p').first().textContent()) ?? '')?.[1]);

test('an analyst loads a messy export by clicking, and an admin restores the previous version', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const alerts: string[] = [];
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signInAs(page, server, 'analyst');
  await page.waitForLoadState('networkidle');
  const before = await institutionCount(page);
  expect(before).toBeGreaterThan(0);

  await page.getByRole('link', { name: 'Upload' }).click();
  await expect(page.getByRole('heading', { name: 'Upload data' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Update: change rows with the same key, add the others').check();
  // An empty file is named as such, in the analyst's language, before anything is sent. Chosen as a person does:
  // a click on the button in the page's language opens the browser's file chooser, where two files are picked.
  const names = ['vacio.csv', 'vacio-2.csv'];
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Choose CSV files', { exact: true }).click();
  await (
    await chooser
  ).setFiles(names.map((name) => ({ name, mimeType: 'text/csv', buffer: Buffer.alloc(0) })));
  for (const name of names) {
    const empty = page.getByRole('region', { name });
    await expect(empty.getByRole('alert')).toContainText('This file is empty. Export the table again');
    await empty.getByRole('button', { name: 'Remove' }).click();
    await expect(empty).toHaveCount(0);
  }
  await page.locator('[data-upload-input]').setInputFiles({
    name: 'instituciones.csv',
    mimeType: 'text/csv',
    buffer: MESSY,
  });
  const card = page.getByRole('region', { name: 'instituciones.csv' });
  await expect(card.getByLabel('Table')).toHaveValue('institutions');
  await expect(card.getByLabel('Encoding')).toHaveValue('windows-1252');
  await expect(card.getByLabel('Delimiter')).toHaveValue(';');
  // Accents read right, and the hostile name is only text.
  await expect(card.getByRole('cell', { name: 'Centro de Formación de Móstoles' })).toBeVisible();
  await expect(card.getByRole('cell', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  // "Población" is not a name the contract knows: the analyst says it is the city.
  await expect(card.getByLabel('Población')).toHaveValue('');
  await card.getByLabel('Población').selectOption('city');

  await page.getByRole('button', { name: 'Check' }).click();
  const report = page.getByRole('alert');
  await expect(report).toContainText('Fix the errors below');
  await expect(report.locator('[data-code="invalid-type"]')).toBeVisible();
  // An entry points at its cell: the totals row's id, highlighted in the preview.
  await report.locator('[data-code="invalid-type"] button.where').first().click();
  await expect(card.locator('td.picked')).toHaveText('TOTAL');
  await expect(page.getByRole('button', { name: 'Upload', exact: true })).toBeDisabled();

  await card.getByRole('button', { name: 'Remove' }).click();
  await page.locator('[data-upload-input]').setInputFiles({
    name: 'instituciones.csv',
    mimeType: 'text/csv',
    buffer: FIXED,
  });
  const fixed = page.getByRole('region', { name: 'instituciones.csv' });
  // The mapping chosen for this header is remembered.
  await expect(fixed.getByLabel('Población')).toHaveValue('city');
  await page.getByRole('button', { name: 'Check' }).click();
  const changes = page.getByRole('region', { name: 'What the load would change' });
  await expect(changes.locator('[data-table="institutions"]')).toContainText('2 rows added');
  await expect(changes).toContainText('centro-mostoles, taller-hostil');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByText(/^Loaded as version \d+\.$/)).toBeVisible();

  await page.getByRole('link', { name: 'See the dashboard' }).click();
  await expect.poll(() => institutionCount(page)).toBe(before + 2);
  await page.goto(`${server.base}/institutions/taller-hostil?lang=en`, { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<img src=x onerror=alert(1)>');
  expect(alerts).toEqual([]);
  expect(errors).toEqual([]);

  // The admin takes it back.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await signInAs(page, server, 'admin');
  await page.getByRole('link', { name: 'Versions' }).click();
  const versions = page.locator('[data-version]');
  const previous = versions.nth(1);
  const number = await previous.getAttribute('data-version');
  await previous.getByRole('link', { name: 'Restore this version…' }).click();
  const confirm = page.getByRole('region', { name: `Restore version ${number}?` });
  await expect(confirm.locator('[data-table="institutions"]')).toContainText('2 rows removed');
  await confirm.getByRole('button', { name: `Restore version ${number}` }).click();
  await expect(page.getByText(/^Restored: the data is now version \d+\.$/)).toBeVisible();
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect.poll(() => institutionCount(page)).toBe(before);
});
