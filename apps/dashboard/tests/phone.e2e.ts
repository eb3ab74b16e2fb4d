import { expect, test } from '@playwright/test';
import { PASSWORDS, startAuthServer, type AuthServer } from './auth-server';
import { E2E_PORT } from './host-page';
import { expectLaidOutForPhone, PHONE } from './phone-layout';

// Every page on a 390 px phone, in every language: re-laid out, not shrunk (see phone-layout.ts). The leadership
// pages at generated scale are checked in network.e2e.ts, on the programme it serves.
const PAGES = ['/', '/network', '/training', '/progress', '/institutions/cife-fuenlabrada'];
const LANGUAGES = ['en', 'es', 'zh'];
for (const lang of LANGUAGES) {
  for (const path of PAGES) {
    test(`${path} at 390 px in ${lang}: no text under 11 px, no sideways scroll`, async ({ page }) => {
      await page.setViewportSize(PHONE);
      await page.goto(`${path}?lang=${lang}`, { waitUntil: 'networkidle' });
      await expectLaidOutForPhone(page, path);
    });
  }
}

test.describe('the sign-in page, the report, and the pages of analysts and admins at 390 px', () => {
  let server: AuthServer;
  test.beforeAll(async () => {
    server = await startAuthServer(E2E_PORT + 48);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  const SIGN_IN = { en: 'Sign in', es: 'Entrar', zh: '登录' } as const;
  for (const lang of LANGUAGES) {
    test(`in ${lang}: signed out and signed in as an admin, no text under 11 px, no sideways scroll`, async ({
      page,
    }) => {
      test.setTimeout(60_000);
      await page.setViewportSize(PHONE);
      await page.goto(`${server.base}/login?lang=${lang}`, { waitUntil: 'networkidle' });
      await expectLaidOutForPhone(page, '/login');
      await page.locator('input[name="name"]').fill('admin');
      await page.locator('input[name="password"]').fill(PASSWORDS.admin);
      await page.getByRole('button', { name: SIGN_IN[lang as keyof typeof SIGN_IN], exact: true }).click();
      await expect(page).not.toHaveURL(/\/login/);
      // The signed-in header (pages, the account's pages, the user, both sign-out buttons, the languages) on every
      // page, with each page's own tables.
      for (const path of ['/', '/upload', '/versions', '/audit', '/report']) {
        await page.goto(`${server.base}${path}?lang=${lang}`, { waitUntil: 'networkidle' });
        await expectLaidOutForPhone(page, path);
        const header = (await page.locator('header.bar').boundingBox())!;
        expect(header.height, `the header of ${path}`).toBeLessThan(PHONE.height / 3);
      }
    });
  }
});

test('on a phone the filters wait behind one button, and the key figures come first', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/?lang=en', { waitUntil: 'networkidle' });
  const city = page.getByRole('combobox', { name: 'City' });
  await expect(city).toBeHidden();
  const figures = page.getByRole('list', { name: 'Key figures' }).or(page.locator('dl.kpis'));
  const figuresTop = (await figures.boundingBox())!.y;
  expect(figuresTop).toBeLessThan(PHONE.height);
  await page.locator('summary', { hasText: 'Filters' }).click();
  await expect(city).toBeVisible();
  await city.selectOption('Hangzhou');
  await expect(page).toHaveURL(/[?&]city=Hangzhou(&|$)/);
  // The choice in force is named on the button, so a closed filter bar still says the view is filtered.
  await expect(page.locator('summary', { hasText: 'Filters' })).toContainText('1 filter applied');
});

test('on a phone the network is on the first screen', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  const chart = page.locator('[data-node]').first();
  await expect(chart).toBeVisible();
  const box = (await chart.boundingBox())!;
  expect(box.y).toBeLessThan(PHONE.height);
});

test('on a phone the network is drawn upright, its display options behind one button', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/network?lang=es', { waitUntil: 'networkidle' });
  const chart = page.getByRole('group', { name: 'Quién colabora con quién' });
  // Near-square, not a strip a few lines tall: at least as tall as four-fifths of its width, within the screen.
  await expect
    .poll(async () => {
      const box = (await chart.boundingBox())!;
      return box.height / box.width;
    })
    .toBeGreaterThanOrEqual(0.8);
  expect((await chart.boundingBox())!.height).toBeLessThan(PHONE.height * 0.8);
  const colourByType = page.getByRole('radio', { name: 'Tipo' });
  await expect(colourByType).toBeHidden();
  await page.locator('summary', { hasText: 'Opciones de visualización' }).click();
  await expect(colourByType).toBeVisible();
  await colourByType.check();
  await expect(page).toHaveURL(/[?&]color=type(&|$)/);
});

test('on a laptop the network keeps its wide drawing and its display options in view', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  const box = (await page.getByRole('group', { name: 'Who works with whom' }).boundingBox())!;
  expect(box.width / box.height).toBeGreaterThan(1.4);
  await expect(page.getByRole('radio', { name: 'Type' })).toBeVisible();
  await expect(page.locator('summary', { hasText: 'Display options' })).toBeHidden();
});
