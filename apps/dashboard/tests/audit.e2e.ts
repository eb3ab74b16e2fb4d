/**
 * The audit log, as an admin sees it: after signing in (one failed attempt first, under a hostile name), an upload
 * and a restore done by clicking, the audit page lists each with who, what, outcome and address, the hostile name
 * as text. Viewers and analysts get 403 on the page and the API, by cookie or token.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PASSWORDS, sessionCookie, signIn, startAuthServer, upload, type AuthServer } from './auth-server';
import { E2E_PORT } from './host-page';

const PORT = E2E_PORT + 44;
const HOSTILE = '<img src=x onerror=alert(1)>';
let server: AuthServer;

test.beforeAll(async () => {
  server = await startAuthServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

async function fillSignIn(page: Page, name: string, password: string) {
  await page.goto(`${server.base}/login?lang=en`, { waitUntil: 'networkidle' });
  await page.getByLabel('User name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The audit page's row of an entry, found by what it says. */
const row = (page: Page, ...texts: (string | RegExp)[]) => {
  let rows = page.locator('tr[data-entry]');
  for (const text of texts) rows = rows.filter({ hasText: text });
  return rows;
};

test('an admin sees sign-ins, an upload and a restore done by clicking, with address and outcome', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await fillSignIn(page, HOSTILE, 'not the password');
  await expect(page.getByText('That user name and password do not match.')).toBeVisible();
  await fillSignIn(page, 'admin', PASSWORDS.admin);
  await expect(page.getByText('Signed in as admin')).toBeVisible();

  await page.getByRole('link', { name: 'Upload' }).click();
  await expect(page.getByRole('heading', { name: 'Upload data' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Update: change rows with the same key, add the others').check();
  await page.locator('[data-upload-input]').setInputFiles({
    name: 'nuevas-instituciones.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('id,name,city,country,type\ncentro-audit,Centro Audit,Getafe,ES,agency\n'),
  });
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('region', { name: 'What the load would change' })).toBeVisible();
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const loaded = page.getByText(/^Loaded as version \d+\.$/);
  await expect(loaded).toBeVisible();
  const made = Number(/\d+/.exec((await loaded.textContent()) ?? '')![0]);

  await page.getByRole('link', { name: 'Versions' }).click();
  await page
    .locator(`[data-version="${made - 1}"]`)
    .getByRole('link', { name: 'Restore this version…' })
    .click();
  await page.getByRole('button', { name: `Restore version ${made - 1}` }).click();
  await expect(page.getByText(`Restored: the data is now version ${made + 1}.`)).toBeVisible();

  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page).toHaveURL(/\/audit$/);
  const failed = row(page, 'Sign-in', 'failed');
  await expect(failed).toHaveCount(1);
  await expect(failed.locator('td.who')).toHaveText(HOSTILE);
  await expect(failed).toContainText('127.0.0.1');
  await expect(row(page, 'Sign-in', 'done', 'admin')).toHaveCount(1);
  const upload = row(page, 'Upload', 'done');
  await expect(upload).toHaveCount(1);
  await expect(upload).toContainText('admin');
  await expect(upload).toContainText('dashboard');
  await expect(upload).toContainText('update');
  await expect(upload).toContainText('1 file: nuevas-instituciones.csv');
  await expect(upload).toContainText(`made version ${made}`);
  const restore = row(page, 'Restore', 'done');
  await expect(restore).toContainText(`back to version ${made - 1} · made version ${made + 1}`);
  // Newest first: the restore, the upload, the sign-in, the failed attempt, then the CLI's making of the users.
  const order = await page.locator('tr[data-entry] td:nth-child(3)').allTextContents();
  expect(order.slice(0, 5)).toEqual(['Restore', 'Upload', 'Sign-in', 'Sign-in', 'API token created']);
  await expect(row(page, 'User saved', 'command line', 'user analyst', 'role analyst')).toHaveCount(1);
  expect(await page.locator('main img').count()).toBe(0);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);

  // Signing out is recorded too, and the page is in every language.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await fillSignIn(page, 'admin', PASSWORDS.admin);
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(row(page, 'Sign-out', 'admin')).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registro de auditoría');
  await expect(row(page, 'Cierre de sesión', 'hecho')).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('审计日志');
  await expect(row(page, '恢复版本', '成功')).toHaveCount(1);
  expect(dialogs).toEqual([]);
});

test('viewers and analysts get 403 on the page and the API; admins get bounded pages', async ({ page }) => {
  for (const role of ['viewer', 'analyst'] as const) {
    const cookie = sessionCookie(await signIn(server.base, role, PASSWORDS[role]));
    for (const path of ['/audit', '/api/audit', '/api/audit?limit=1']) {
      const byCookie = await fetch(`${server.base}${path}`, { headers: { cookie }, redirect: 'manual' });
      expect(byCookie.status, `${role} ${path}`).toBe(403);
      const byToken = await fetch(`${server.base}${path}`, {
        headers: { authorization: `Bearer ${server.tokens[role]}` },
      });
      expect(byToken.status, `${role} token ${path}`).toBe(403);
    }
    // And nobody signed in is asked to.
    expect((await fetch(`${server.base}/api/audit`)).status).toBe(401);
    // The link is not offered to them either.
    await page.context().clearCookies();
    await fillSignIn(page, role, PASSWORDS[role]);
    await expect(page.getByText(`Signed in as ${role}`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  }

  // A script's upload with a problem is recorded as failed, through the API, with its file and problem count.
  const rejected = await upload(server, [['institutions', 'id,name\nBAD ID,x\n', 'broken.csv']], {
    mode: 'upsert',
  });
  expect(rejected.status).toBe(422);

  const admin = { authorization: `Bearer ${server.tokens.admin}` };
  const all = (await (await fetch(`${server.base}/api/audit`, { headers: admin })).json()) as {
    id: number;
  }[];
  expect(all.length).toBeGreaterThan(3);
  const ids = all.map((e) => e.id);
  expect(ids).toEqual([...ids].sort((a, b) => b - a));
  const first = (await (await fetch(`${server.base}/api/audit?limit=2`, { headers: admin })).json()) as {
    id: number;
  }[];
  expect(first.map((e) => e.id)).toEqual(ids.slice(0, 2));
  const next = (await (
    await fetch(`${server.base}/api/audit?limit=2&before=${ids[1]}`, { headers: admin })
  ).json()) as { id: number }[];
  expect(next.map((e) => e.id)).toEqual(ids.slice(2, 4));
  for (const bad of ['limit=0', 'limit=1001', 'limit=x', 'before=-1', "before=1'%20OR%201=1"]) {
    expect((await fetch(`${server.base}/api/audit?${bad}`, { headers: admin })).status, bad).toBe(400);
  }
  // The viewers' and analysts' refused requests did not get in; their sign-ins did.
  const entries = (await (await fetch(`${server.base}/api/audit`, { headers: admin })).json()) as {
    actor: string;
    action: string;
    outcome: string;
    address: string;
    details: unknown;
  }[];
  expect(
    entries.filter((e) => e.action === 'sign-in' && e.actor === 'viewer' && e.outcome === 'ok').length,
  ).toBe(2);
  expect(entries.every((e) => !JSON.stringify(e).includes(PASSWORDS.viewer))).toBe(true);
  expect(entries.find((e) => e.action === 'upload' && e.actor === 'analyst')).toMatchObject({
    outcome: 'failed',
    via: 'api',
    address: '127.0.0.1',
    details: { status: 422, mode: 'upsert', files: [{ table: 'institutions', name: 'broken.csv' }] },
  });
});

test('the audit page shows 50 entries at a time, older ones a click away', async ({ page }) => {
  test.setTimeout(90_000);
  // Enough entries for two pages: a script's uploads, each refused for a problem.
  for (let i = 0; i < 55; i++) {
    const response = await upload(server, [['institutions', 'id,name\nBAD ID,x\n', `broken-${i}.csv`]]);
    expect(response.status).toBe(422);
  }
  await fillSignIn(page, 'admin', PASSWORDS.admin);
  await page.getByRole('link', { name: 'Audit log' }).click();
  const rows = page.locator('tr[data-entry]');
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText('Sign-in');
  await expect(rows.nth(1)).toContainText('broken-54.csv');
  const newest = Number(await rows.first().getAttribute('data-entry'));
  await page.getByRole('link', { name: 'Older entries' }).click();
  await expect(rows.first()).toHaveAttribute('data-entry', String(newest - 50));
  await expect(page.getByRole('link', { name: 'Older entries' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Newest entries' }).click();
  await expect(rows.first()).toHaveAttribute('data-entry', String(newest));
});

test('"Sign out everywhere" ends the sessions of every browser at once, and the log says how many', async ({
  browser,
}) => {
  const [laptop, phone] = [await browser.newContext(), await browser.newContext()];
  const [here, there] = [await laptop.newPage(), await phone.newPage()];
  for (const page of [here, there]) {
    await fillSignIn(page, 'admin', PASSWORDS.admin);
    await expect(page.getByText('Signed in as admin')).toBeVisible();
  }
  await here.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(here.getByRole('link', { name: 'Sign in' })).toBeVisible();
  // The other browser still holds its cookie, but its session has ended: its next page asks it to sign in.
  expect((await phone.cookies()).some((c) => c.name === 'puente_session')).toBe(true);
  await there.goto(`${server.base}/versions?lang=en`);
  await expect(there).toHaveURL(/\/login/);

  // It signs in again as usual.
  await fillSignIn(there, 'admin', PASSWORDS.admin);
  await expect(there.getByText('Signed in as admin')).toBeVisible();
  await there.goto(`${server.base}/audit?lang=en`, { waitUntil: 'networkidle' });
  // Both browsers' sessions at least (the tests before left others of admin's open).
  const ended = row(there, 'admin', 'Sign-out', /sessions ended/);
  await expect(ended).toHaveCount(1);
  expect(Number(/(\d+) sessions ended/.exec(await ended.innerText())![1])).toBeGreaterThanOrEqual(2);
  await laptop.close();
  await phone.close();
});
