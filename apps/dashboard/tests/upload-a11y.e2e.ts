/**
 * The analyst's pages — sign-in, upload with a validation report shown, the version history with a restore
 * confirmation open — have no serious or critical accessibility violation (axe, WCAG 2.1 A and AA).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PASSWORDS, startAuthServer, upload, type AuthServer } from './auth-server';
import { E2E_PORT } from './host-page';

const PORT = E2E_PORT + 42;
let server: AuthServer;

test.beforeAll(async () => {
  server = await startAuthServer(PORT);
  // A second version, so the history offers a restore.
  const institutions = 'id,name,city,country,type\ngetafe-lab,Getafe Lab,Getafe,ES,company\n';
  const response = await upload(server, [['institutions', institutions]], { mode: 'upsert' });
  expect(response.status).toBe(201);
});
test.afterAll(async () => {
  await server?.stop();
});

async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function signIn(page: Page, role: 'analyst' | 'admin', lang: string) {
  await page.goto(`${server.base}/login?lang=${lang}`, { waitUntil: 'networkidle' });
  await page.locator('input[name="name"]').fill(role);
  await page.locator('input[name="password"]').fill(PASSWORDS[role]);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.waitForLoadState('networkidle');
}

for (const lang of ['en', 'zh'] as const) {
  test(`/login has no serious accessibility violation, a failed sign-in included (${lang})`, async ({
    page,
  }) => {
    await page.goto(`${server.base}/login?lang=${lang}`, { waitUntil: 'networkidle' });
    expect(await serious(page)).toEqual([]);
    await page.locator('input[name="name"]').fill('analyst');
    await page.locator('input[name="password"]').fill('not the password');
    await page.locator('form button[type="submit"]').click();
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await serious(page)).toEqual([]);
  });

  test(`/upload with a validation report shown has no serious accessibility violation (${lang})`, async ({
    page,
  }) => {
    await signIn(page, 'analyst', lang);
    await page.goto(`${server.base}/upload?lang=${lang}`, { waitUntil: 'networkidle' });
    expect(await serious(page)).toEqual([]);
    await page.locator('[data-upload-input]').setInputFiles({
      name: 'institutions.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'id,name,city,country,type\nBad Id,,Getafe,XX,company\nok-one,Ok,Getafe,ES,mayor\n',
      ),
    });
    await expect(page.getByRole('region', { name: 'institutions.csv' })).toBeVisible();
    await page.getByRole('button', { name: lang === 'en' ? 'Check' : '检查', exact: true }).click();
    await expect(page.locator('[data-code]').first()).toBeVisible();
    expect(await serious(page)).toEqual([]);
  });

  test(`/versions with a restore confirmation open has no serious accessibility violation (${lang})`, async ({
    page,
  }) => {
    await signIn(page, 'admin', lang);
    await page.goto(`${server.base}/versions?lang=${lang}`, { waitUntil: 'networkidle' });
    await page.locator('details summary').first().click();
    expect(await serious(page)).toEqual([]);
    await page.locator('a.restore').first().click();
    await expect(page.locator('section.confirm')).toBeVisible();
    expect(await serious(page)).toEqual([]);
  });
}
