import { expect, test, type Page } from '@playwright/test';
import { signInAs, startAuthServer, type AuthServer } from './auth-server';
import { E2E_PORT } from './host-page';

// The language switcher, clicked as a reader would, on every page: en → es → zh → en. Each click must change the
// page's text and its <html lang>, and the choice must hold on the next page reached through the main navigation.
const LANGUAGES = [
  { code: 'en', tag: 'en', name: 'English', nav: 'Main navigation', switcher: 'Language' },
  { code: 'es', tag: 'es', name: 'Español', nav: 'Navegación principal', switcher: 'Idioma' },
  { code: 'zh', tag: 'zh-CN', name: '中文', nav: '主导航', switcher: '语言' },
] as const;
type Code = (typeof LANGUAGES)[number]['code'];

const PAGES: { path: string; heading: Record<Code, string | RegExp>; next: Record<Code, string> }[] = [
  {
    path: '/',
    heading: {
      en: 'Is the programme working?',
      es: '¿Está funcionando el programa?',
      zh: '合作项目进展如何？',
    },
    next: { en: 'Network', es: 'Red', zh: '合作网络' },
  },
  {
    path: '/network',
    heading: { en: 'Cooperation network', es: 'Red de cooperación', zh: '合作网络' },
    next: { en: 'Training', es: 'Formación', zh: '培训' },
  },
  {
    path: '/training',
    heading: {
      en: 'How many enrolled in training?',
      es: '¿Cuántas inscripciones en formación hay?',
      zh: '培训了多少人次？',
    },
    next: { en: 'Progress', es: 'Avance', zh: '进展' },
  },
  {
    path: '/progress',
    heading: {
      en: 'How far have the partnerships come?',
      es: '¿Cuánto han avanzado las colaboraciones?',
      zh: '各项合作进展到哪一步了？',
    },
    next: { en: 'Overview', es: 'Resumen', zh: '概览' },
  },
  {
    // The institution's own name in each language.
    path: '/institutions/fuenlabrada-city-council',
    heading: { en: 'Fuenlabrada City Council', es: 'Ayuntamiento de Fuenlabrada', zh: '富恩拉夫拉达市政府' },
    next: { en: 'Overview', es: 'Resumen', zh: '概览' },
  },
];

async function expectLanguage(page: Page, code: Code, heading: string | RegExp) {
  const language = LANGUAGES.find((l) => l.code === code)!;
  await expect(page.locator('html')).toHaveAttribute('lang', language.tag);
  // The first: a report's own heading is a second one.
  await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(heading);
  const switcher = page.getByRole('navigation', { name: language.switcher });
  await expect(switcher.getByRole('link', { name: language.name })).toHaveAttribute('aria-current', 'true');
  await expect(switcher.locator('[aria-current]')).toHaveCount(1);
}

/**
 * Clicks the switcher en → es → zh → en on the page open in English: each click changes the language, on the same
 * page, and the cookie remembers it.
 */
async function switchAround(page: Page, heading: Record<Code, string | RegExp>) {
  const path = new URL(page.url()).pathname;
  for (const [from, to] of [
    ['en', 'es'],
    ['es', 'zh'],
    ['zh', 'en'],
  ] as const) {
    const before = LANGUAGES.find((l) => l.code === from)!;
    const after = LANGUAGES.find((l) => l.code === to)!;
    await page
      .getByRole('navigation', { name: before.switcher })
      .getByRole('link', { name: after.name })
      .click();
    await expectLanguage(page, to, heading[to]);
    expect(new URL(page.url()).pathname).toBe(path);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'lang');
    expect(cookie?.value).toBe(to);
  }
}

for (const target of PAGES) {
  test(`the language switcher works by click on ${target.path}, both ways, and is remembered`, async ({
    page,
  }) => {
    await page.goto(`${target.path}?lang=en`, { waitUntil: 'networkidle' });
    await expectLanguage(page, 'en', target.heading.en);
    const path = new URL(page.url()).pathname;
    await switchAround(page, target.heading);

    // Back in English, then Spanish once more, and on to the next page by the main navigation.
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
    await expectLanguage(page, 'es', target.heading.es);
    await page.waitForLoadState('networkidle');
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: target.next.es })
      .click();
    await expect(page).not.toHaveURL(new RegExp(`${path.replace(/[/]/g, '\\/')}(\\?|$)`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(target.heading.es);
    await expect(
      page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'Español' }),
    ).toHaveAttribute('aria-current', 'true');
  });
}

test('the language chosen by click is remembered without ?lang in the address', async ({ page }) => {
  await page.goto('/training?lang=en', { waitUntil: 'networkidle' });
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // A fresh visit, as from a bookmark: the cookie, not the address, carries the language.
  await page.goto('/progress', { waitUntil: 'networkidle' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('各项合作进展到哪一步了？');
});

test.describe('the sign-in page, the report, and the pages of analysts and admins', () => {
  test.describe.configure({ mode: 'serial' });
  let server: AuthServer;
  test.beforeAll(async () => {
    server = await startAuthServer(E2E_PORT + 50);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  const OTHERS: { path: string; admin: boolean; heading: Record<Code, string> }[] = [
    { path: '/login', admin: false, heading: { en: 'Sign in', es: 'Iniciar sesión', zh: '登录' } },
    { path: '/report', admin: false, heading: { en: 'Report', es: 'Informe', zh: '报告' } },
    { path: '/upload', admin: true, heading: { en: 'Upload data', es: 'Subir datos', zh: '上传数据' } },
    {
      path: '/versions',
      admin: true,
      heading: { en: 'Data versions', es: 'Versiones de los datos', zh: '数据版本' },
    },
    {
      path: '/audit',
      admin: true,
      heading: { en: 'Audit log', es: 'Registro de auditoría', zh: '审计日志' },
    },
  ];
  for (const target of OTHERS) {
    test(`the language switcher works by click on ${target.path}, both ways`, async ({ page }) => {
      if (target.admin) {
        await signInAs(page, server, 'admin');
      }
      await page.goto(`${server.base}${target.path}?lang=en`, { waitUntil: 'networkidle' });
      await expectLanguage(page, 'en', target.heading.en);
      await switchAround(page, target.heading);
    });
  }
});
