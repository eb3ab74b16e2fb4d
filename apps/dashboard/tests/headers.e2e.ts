/**
 * Security headers on every kind of response (the built files adapter-node serves too), and pages that work under their Content-Security-Policy: a reader
 * walks every page by clicking, switches language, opens the network, and the browser reports no violation; an
 * inline script put into a page is refused.
 */
import { expect, test, type Page } from '@playwright/test';

const RESPONSES = [
  { path: '/', kind: 'page' },
  { path: '/network?lang=zh', kind: 'page' },
  { path: '/institutions/cife', kind: 'page' },
  { path: '/no-such-page', kind: 'page' },
  { path: '/login', kind: 'page' },
  { path: '/embed/training', kind: 'embed' },
  { path: '/api/health', kind: 'data' },
  { path: '/api/charts/training.csv', kind: 'data' },
  { path: '/api/charts/training.png', kind: 'data' },
  { path: '/api/charts/training.svg', kind: 'svg' },
] as const;

test('every kind of response says its type is not to be guessed and keeps the referrer to the origin', async ({
  request,
}) => {
  for (const { path, kind } of RESPONSES) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    const policy = headers['content-security-policy'] ?? '';
    if (kind === 'page' || kind === 'embed') {
      const script = /(?:^|;\s*)script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      expect(script, path).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/=]+')*$/);
      expect(policy, path).toContain("object-src 'none'");
      expect(policy, path).toContain("base-uri 'none'");
      expect(policy, path).toMatch(kind === 'page' ? /frame-ancestors 'none'$/ : /frame-ancestors 'self' /);
    } else if (kind === 'svg') {
      expect(policy, path).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    } else {
      expect(policy, path).toBe('');
    }
  }
});

test('the built files a reader’s browser fetches carry them too: scripts, styles and the favicon', async ({
  page,
  request,
}) => {
  const built = new Map<string, Record<string, string>>();
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/_app/') || url.pathname === '/favicon.svg') {
      built.set(url.pathname, await response.allHeaders());
    }
  });
  await page.goto('/', { waitUntil: 'networkidle' });
  // Another page's styles come as files when reached by a click (the first page has them inline).
  for (const link of ['Network', 'Training']) {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: link }).click();
    await page.waitForLoadState('networkidle');
  }
  const paths = [...built.keys()];
  expect(paths.filter((p) => /^\/_app\/immutable\/.+\.js$/.test(p)).length).toBeGreaterThan(0);
  expect(paths.filter((p) => /^\/_app\/immutable\/.+\.css$/.test(p)).length).toBeGreaterThan(0);
  for (const [path, headers] of built) {
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
  }

  // Compressed copies, a revalidation and the favicon (a document of its own when opened: no script, no fetch).
  const script = paths.find((p) => p.endsWith('.js'))!;
  for (const encoding of ['br', 'gzip', 'identity']) {
    const response = await request.get(script, { headers: { 'accept-encoding': encoding } });
    expect(response.status(), encoding).toBe(200);
    expect(response.headers()['x-content-type-options'], encoding).toBe('nosniff');
  }
  const favicon = await request.get('/favicon.svg');
  expect(favicon.headers()['content-type']).toBe('image/svg+xml');
  expect(favicon.headers()['x-content-type-options']).toBe('nosniff');
  expect(favicon.headers()['content-security-policy']).toBe(
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  );
  const again = await request.get('/favicon.svg', { headers: { 'if-none-match': favicon.headers().etag! } });
  expect(again.status()).toBe(304);
  expect(again.headers()['x-content-type-options']).toBe('nosniff');
  // A built file's policy is for SVG files only: a script has none, a missing file gets the page's.
  expect((await request.get(script)).headers()['content-security-policy']).toBeUndefined();
  // A malformed path is answered, and the server stays up.
  expect((await request.get('/%E0%A4%A.svg')).status()).toBeGreaterThanOrEqual(400);
  expect((await request.get('/api/health')).status()).toBe(200);
  const missing = await request.get('/no-such-file.svg');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)),
    ...console,
  ];
}

test('a reader walks every page, in two languages, with no policy violation', async ({ page }) => {
  test.setTimeout(60_000);
  const violations = await watchPolicy(page);
  await page.goto('/?lang=en', { waitUntil: 'networkidle' });
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const [link, heading] of [
    ['Network', 'Cooperation network'],
    ['Training', 'How many enrolled in training?'],
    ['Progress', 'How far have the partnerships come?'],
    ['Overview', 'Is the programme working?'],
  ] as const) {
    await nav.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await page.waitForLoadState('networkidle');
  }
  // Client-side code runs: the language switch is handled in the page.
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('合作项目进展如何？');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '合作网络' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('合作网络');
  // A click on an institution opens its details, fetched by the page.
  await page.getByRole('group', { name: '谁与谁合作' }).locator('[data-node="hangzhou-hansheng"]').click();
  await expect(page.getByRole('complementary')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await violations()).toEqual([]);
});

test('an inline script put into a page does not run, and the browser reports it', async ({ page }) => {
  const violations = await watchPolicy(page);
  await page.goto('/', { waitUntil: 'networkidle' });
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.ranInline = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { ranInline?: boolean }).ranInline === true;
  });
  expect(ran).toBe(false);
  await expect.poll(async () => (await violations()).join('\n')).toMatch(/script-src/);
});
