/**
 * A label that is HTML (`<img src=x onerror=alert(1)>`) is loaded as data and shown as text on every page that
 * shows names: as a person moves through them in Chromium, no `img` element appears and no dialog opens.
 */
import { expect, test, type Page } from '@playwright/test';
import { signInAs, startAuthServer, upload, type AuthServer, type UploadFile } from './auth-server';
import { E2E_PORT } from './host-page';

const PORT = E2E_PORT + 40;
const HOSTILE = '<img src=x onerror=alert(1)>';
let server: AuthServer;

test.beforeAll(async () => {
  server = await startAuthServer(PORT);
  // Everywhere a name can be: an institution, its partnership, a programme and a milestone, in a file whose
  // name is the label too (the history lists file names).
  const parts: [string, string][] = [
    ['institutions', `id,name,city,country,type\ntaller-hostil,"${HOSTILE}",Getafe,ES,company\n`],
    [
      'partnerships',
      `id,source,target,area,status,started_on,title\nhostil-link,taller-hostil,fuenlabrada-city-council,pilot_project,active,2024-01-10,"${HOSTILE}"\n`,
    ],
    [
      'training',
      `institution,partnership,programme,topic,year,trainees,completed\ntaller-hostil,hostil-link,"${HOSTILE}","${HOSTILE}",2024,90000,10\n`,
    ],
    [
      'milestones',
      `id,partnership,date,title,kind,status\nhostil-milestone,hostil-link,2024-02-01,"${HOSTILE}",meeting,done\n`,
    ],
  ];
  const files = parts.map(([table, text]): UploadFile => [table, text, `${HOSTILE}.csv`]);
  const response = await upload(server, files, { mode: 'upsert' });
  expect(response.status).toBe(201);
});
test.afterAll(async () => {
  await server?.stop();
});

/** The label is on the page as text, and nothing on the page is an image. */
async function shownAsText(page: Page, where: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.getByText(HOSTILE).first(), where).toBeAttached();
  expect(await page.locator('img').count(), where).toBe(0);
}

test('the hostile label is text on every page that shows names, and no script runs', async ({ page }) => {
  test.setTimeout(90_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await signInAs(page, server, 'analyst');
  await shownAsText(page, 'overview');

  for (const name of ['Network', 'Training', 'Progress']) {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`/${name.toLowerCase()}`));
    await shownAsText(page, name);
  }
  await page.getByRole('link', { name: 'Versions' }).click();
  await expect(page).toHaveURL(/\/versions/);
  await shownAsText(page, 'versions');

  await page.goto(`${server.base}/institutions/taller-hostil?lang=en`, { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE);
  await shownAsText(page, 'institution page');

  // The upload preview shows the cells of the file before anything is sent.
  await page.getByRole('link', { name: 'Upload' }).click();
  await expect(page.getByRole('heading', { name: 'Upload data' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.locator('[data-upload-input]').setInputFiles({
    name: `${HOSTILE}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(`id,name,city,country,type\nanother-hostil,"${HOSTILE}",Getafe,ES,company\n`),
  });
  await expect(page.getByRole('cell', { name: HOSTILE })).toBeVisible();
  await shownAsText(page, 'upload preview');

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
