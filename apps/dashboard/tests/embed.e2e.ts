import { expect, test, type Page } from '@playwright/test';
import { E2E_PORT, hostPage } from './host-page';

/** The iframe code a presenter copies from a chart's Share menu (clicked open, pin chosen or not). */
async function embedCodeFromMenu(page: Page, card: string, pin: boolean): Promise<string> {
  await page.goto('/?lang=en', { waitUntil: 'networkidle' });
  await page
    .locator(`section[aria-labelledby="${card}-title"]`)
    .getByRole('button', { name: 'Share' })
    .click();
  const menu = page.getByRole('group', { name: /^Share: / });
  if (pin) await menu.getByRole('radio', { name: /^Pin to data version \d+$/ }).click();
  return menu.getByLabel('Embed code (iframe)').inputValue();
}

test('another site embeds a chart from the Share menu: it renders, alone, and the frame fits its height', async ({
  page,
}) => {
  const code = await embedCodeFromMenu(page, 'funnel', false);
  expect(code).toMatch(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/progress\?sig=[\w-]{43}&amp;lang=en"/,
  );
  const host = await hostPage(E2E_PORT + 1, code);
  try {
    await page.goto(host.url, { waitUntil: 'networkidle' });
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { name: 'How far partnerships have come' })).toBeVisible();
    await expect(frame.locator('svg[role="img"] [data-stage]').first()).toBeVisible();
    await expect(frame.locator('[data-source]')).toHaveText(/^Source: Puente · data version \d+ of /);
    // Only the chart: none of the app's header or navigation.
    await expect(frame.getByRole('navigation')).toHaveCount(0);
    // The embed posts its height; the snippet sets the frame to it (from the 560 px it starts with).
    const iframe = page.locator('iframe');
    await expect.poll(() => iframe.evaluate((f) => (f as HTMLIFrameElement).style.height)).toMatch(/^\d+px$/);
    const figure = frame.locator('figure');
    const inner = await figure.evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    await expect.poll(() => iframe.evaluate((f) => Math.round(f.getBoundingClientRect().height))).toBe(inner);
    expect(inner).not.toBe(560);

    // A narrower host draws the chart smaller: the frame follows, down as well as up.
    await page.setViewportSize({ width: 420, height: 800 });
    await expect
      .poll(() => iframe.evaluate((f) => Math.round(f.getBoundingClientRect().height)))
      .toBeLessThan(inner - 50);
    const after = await figure.evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    await expect.poll(() => iframe.evaluate((f) => Math.round(f.getBoundingClientRect().height))).toBe(after);
  } finally {
    await host.close();
  }
});

test('a site not on the allowlist cannot frame an embed, and no site can frame the dashboard', async ({
  page,
}) => {
  const code = await embedCodeFromMenu(page, 'network', false);
  const src = /src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&');
  const other = await hostPage(
    E2E_PORT + 2,
    `${code}<iframe id="app" src="${src.replace(/\/embed\/network.*/, '/')}"></iframe>`,
  );
  try {
    await page.goto(other.url, { waitUntil: 'networkidle' });
    await expect
      .poll(() =>
        page
          .frames()
          .filter((f) => f !== page.mainFrame())
          .map((f) => f.url()),
      )
      .toEqual(['chrome-error://chromewebdata/', 'chrome-error://chromewebdata/']);
  } finally {
    await other.close();
  }
  const embed = await page.request.get(src);
  // The last directive of the page's policy (tests/headers.e2e.ts checks the others).
  expect(embed.headers()['content-security-policy']).toMatch(
    new RegExp(`; frame-ancestors 'self' https: http://127\\.0\\.0\\.1:${E2E_PORT + 1}$`),
  );
  const overview = await page.request.get('/');
  expect(overview.headers()['content-security-policy']).toMatch(/; frame-ancestors 'none'$/);
});

test('an embed link changed after it was made is refused: tampered, widened, unpinned or unsigned → 403', async ({
  page,
}) => {
  await page.goto('/?lang=en&city=Hangzhou', { waitUntil: 'networkidle' });
  await page
    .locator('section[aria-labelledby="network-title"]')
    .getByRole('button', { name: 'Share' })
    .click();
  const menu = page.getByRole('group', { name: 'Share: Who works with whom' });
  await menu.getByRole('radio', { name: /^Pin to data version \d+$/ }).click();
  const code = await menu.getByLabel('Embed code (iframe)').inputValue();
  const src = new URL(/src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&'));
  expect(src.searchParams.get('city')).toBe('Hangzhou');
  expect((await page.request.get(src.href)).status()).toBe(200);

  const changed = (change: (q: URLSearchParams) => void) => {
    const url = new URL(src);
    change(url.searchParams);
    return page.request.get(url.href);
  };
  const sig = src.searchParams.get('sig')!;
  expect((await changed((q) => q.set('sig', (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1)))).status()).toBe(
    403,
  );
  expect((await changed((q) => q.delete('city'))).status()).toBe(403);
  expect((await changed((q) => q.append('city', 'Fuenlabrada'))).status()).toBe(403);
  expect((await changed((q) => q.delete('version'))).status()).toBe(403);
  expect((await changed((q) => q.delete('sig'))).status()).toBe(403);
  expect((await page.request.get(src.href.replace('/embed/network', '/embed/kpis'))).status()).toBe(403);
  // The language is the reader's: switching it keeps the link valid.
  expect((await changed((q) => q.set('lang', 'zh'))).status()).toBe(200);
  // A pinned file needs the same signature; a file following the data needs none.
  const file = new URL(src.href.replace('/embed/network', '/api/charts/network.csv'));
  expect((await page.request.get(file.href)).status()).toBe(200);
  file.searchParams.delete('city');
  expect((await page.request.get(file.href)).status()).toBe(403);
  expect((await page.request.get('/api/charts/network.csv?city=Hangzhou')).status()).toBe(200);

  // The refusal is a page the reader understands, in the frame too.
  await page.goto(src.href.replace(/sig=[^&]+/, 'sig=x'), { waitUntil: 'networkidle' });
  await expect(page.getByText('This embed link is not valid', { exact: false })).toBeVisible();
});

test('oEmbed turns a pasted link into the chart’s embed code', async ({ page, baseURL }) => {
  const answer = await page.request.get(
    `/api/oembed?url=${encodeURIComponent(`${baseURL}/training?city=Hangzhou&lang=es`)}&maxwidth=600`,
  );
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  expect(body).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Puente', width: 600 });
  expect(body.title).toMatch(
    /^Inscripciones en formación por año · Fuente: Puente · versión de datos \d+ del /,
  );
  const src = /src="([^"]+)"/.exec(body.html)![1]!.replace(/&amp;/g, '&');
  expect(src).toMatch(/\/embed\/training-volume\?city=Hangzhou&sig=[\w-]{43}&lang=es$/);
  await page.goto(src, { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { name: 'Inscripciones en formación por año' })).toBeVisible();

  // An institution's page becomes its partners, scoped to that institution by the signature.
  const institution = await (
    await page.request.get(
      `/api/oembed?url=${encodeURIComponent(`${baseURL}/institutions/hangzhou-hansheng?lang=en`)}`,
    )
  ).json();
  expect(institution.title).toMatch(
    /^Partners of Hangzhou Hansheng Education Technology Co\., Ltd\. · Source:/,
  );
  const scoped = /src="([^"]+)"/.exec(institution.html)![1]!.replace(/&amp;/g, '&');
  expect(scoped).toMatch(
    /\/embed\/institution-network\?institution=hangzhou-hansheng&sig=[\w-]{43}&lang=en$/,
  );
  expect((await page.request.get(scoped)).status()).toBe(200);
  expect((await page.request.get(scoped.replace('hangzhou-hansheng', 'alibaba'))).status()).toBe(403);
  expect(
    (
      await page.request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/institutions/nobody-at-all`)}`)
    ).status(),
  ).toBe(404);

  expect(
    (
      await page.request.get(`/api/oembed?url=${encodeURIComponent('https://elsewhere.example/training')}`)
    ).status(),
  ).toBe(404);
  expect(
    (
      await page.request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/embed/training?sig=nope`)}`)
    ).status(),
  ).toBe(403);
  expect(
    (await page.request.get(`/api/oembed?format=xml&url=${encodeURIComponent(`${baseURL}/`)}`)).status(),
  ).toBe(501);
});

test('files and embeds refuse what they do not serve', async ({ page }) => {
  const status = async (url: string) => (await page.request.get(url)).status();
  expect(await status('/api/charts/nope.svg')).toBe(404);
  expect(await status('/api/charts/network.gif')).toBe(404);
  expect(await status('/api/charts/network.png?scale=3')).toBe(400);
  expect(await status('/api/charts/network.png?ratio=1:1')).toBe(400);
  expect(await status('/api/charts/network.svg?version=abc')).toBe(403);
  expect(await status('/api/charts/network.svg?version=1')).toBe(403);
  expect(await status('/embed/nope?sig=x')).toBe(404);
  // A file following the data answers again with 304 while the data has not changed.
  const first = await page.request.get('/api/charts/kpis.svg?lang=es');
  const etag = first.headers()['etag']!;
  const again = await page.request.get('/api/charts/kpis.svg?lang=es', {
    headers: { 'if-none-match': etag },
  });
  expect(again.status()).toBe(304);
});
