/**
 * A 100 MB export dropped on the upload page: the browser reads it in a Web Worker, the progress bar moves, and
 * the page stays responsive — no long task on the main thread, clicks and keys answered — until the file's table,
 * encoding and preview are shown.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PASSWORDS, puente, signInAs, startAuthServer, type AuthServer } from './auth-server';

const PORT = 4715;
let server: AuthServer;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(tmpdir(), 'puente-large-'));
  // 40,000 institutions × 10 years × 5 programmes: two million training rows, about 110 MB.
  puente(['generate', '--out', dir, '--institutions', '40000', '--years', '10', '--programmes', '5']);
  server = await startAuthServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a 100 MB file is read with a moving progress bar while the page stays responsive', async ({ page }) => {
  test.setTimeout(180_000);
  const file = path.join(dir, 'training.csv');
  expect(statSync(file).size).toBeGreaterThan(100 * 1024 * 1024);

  await signInAs(page, server, 'analyst');
  await page.getByRole('link', { name: 'Upload' }).click();
  await expect(page.getByRole('heading', { name: 'Upload data' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration))).observe({
      type: 'longtask',
    });
  });

  await page.locator('[data-upload-input]').setInputFiles(file);
  const card = page.getByRole('region', { name: 'training.csv' });
  const bar = card.locator('progress');
  await expect(bar).toBeVisible();
  // While the worker reads: the bar moves, and the page answers a click on another control at once.
  const shares = new Set<string>();
  const answers: number[] = [];
  const upsert = page.getByLabel('Update: change rows with the same key, add the others');
  const replace = page.getByLabel('Replace: each table becomes its file');
  for (let i = 0; (await bar.count()) > 0 && i < 600; i++) {
    const value = await bar.getAttribute('value').catch(() => null);
    if (value !== null && Number(value) > 0 && Number(value) < 1) shares.add(value);
    const started = Date.now();
    await (i % 2 === 0 ? upsert : replace).check();
    answers.push(Date.now() - started);
    await page.waitForTimeout(100);
  }
  await expect(card.getByLabel('Table')).toHaveValue('training');
  await expect(card.getByLabel('Encoding')).toHaveValue('utf-8');
  expect(shares.size, 'the progress bar showed several shares of the file').toBeGreaterThanOrEqual(3);
  const longest = (
    await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)
  ).reduce((a, b) => Math.max(a, b), 0);
  console.log(
    `${answers.length} clicks while reading: worst ${answers.reduce((a, b) => Math.max(a, b), 0)} ms; longest task ${Math.round(longest)} ms`,
  );
  expect(longest, 'no task held the page for a second').toBeLessThan(1_000);
  expect(answers.reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(1_500);
});

test('files dragged onto the page from the desktop are read, each as its table', async ({ page }) => {
  await page.goto(`${server.base}/login?lang=es`, { waitUntil: 'networkidle' });
  await page.getByLabel('Nombre de usuario').fill('analyst');
  await page.getByLabel('Contraseña').fill(PASSWORDS.analyst);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('link', { name: 'Subir datos' }).click();
  await page.waitForLoadState('networkidle');
  const sample = new URL('../../../data/', import.meta.url).pathname;
  const files = ['institutions.csv', 'partnerships.csv'].map((name) => ({
    name,
    text: readFileSync(path.join(sample, name), 'utf8'),
  }));
  // What the browser hands the page when a person drops two files from the desktop.
  const dropped = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, text } of list) transfer.items.add(new File([text], name, { type: 'text/csv' }));
    return transfer;
  }, files);
  const zone = page.locator('.drop');
  await zone.dispatchEvent('dragenter', { dataTransfer: dropped });
  await zone.dispatchEvent('dragover', { dataTransfer: dropped });
  await zone.dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByRole('region', { name: 'institutions.csv' }).getByLabel('Tabla')).toHaveValue(
    'institutions',
  );
  await expect(page.getByRole('region', { name: 'partnerships.csv' }).getByLabel('Tabla')).toHaveValue(
    'partnerships',
  );
});
