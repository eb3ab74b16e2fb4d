/**
 * Hostile names in everything a presenter takes away: a programme whose every label is markup (`<img onerror>`,
 * `<svg onload>`), a right-to-left override, ICU message syntax, a spreadsheet formula or a colour string that
 * points at another site is loaded, then embedded by another site (code from the Share menu) and downloaded as
 * SVG, PNG and CSV by clicking. No dialog opens, nothing is fetched from anywhere else, the SVG holds no script,
 * event attribute or foreignObject and its text is the label, escaped; the PNG is a picture; the CSV's formulas
 * are inert. A `javascript:` website is refused at the upload.
 */
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { startAuthServer, upload as post, type AuthServer } from './auth-server';
import { E2E_PORT, hostPage } from './host-page';
import { download, openShare } from './share-menu';

const PORT = E2E_PORT + 46;
const HOST = PORT + 1;
/** Where a leak would go: nothing listens there, and the browser is watched for any request to it. */
const OUTSIDE = `http://127.0.0.1:${PORT + 2}`;

const LABELS = {
  img: '<img src=x onerror=alert(1)>',
  svg: '<svg onload=alert(2)><circle r="9"/></svg>',
  rtl: 'Centro \u202Eexe.txt\u202C RTL',
  icu: '{count, plural, one {# uno} other {# muchos}} {name}',
  formula: `=HYPERLINK("${OUTSIDE}/f","clic")`,
  plus: "+cmd|' /C calc'!A0",
  at: '@SUM(1+1)',
  colour: `red" fill="url(${OUTSIDE}/c)`,
};
const CITY = `url(${OUTSIDE}/city)`;
const TOPIC = `#000;background:url(${OUTSIDE}/t)`;
const ALL = [...Object.values(LABELS), CITY, TOPIC];
const q = (text: string) => `"${text.replaceAll('"', '""')}"`;

let server: AuthServer;

function programme(website = ''): [string, string][] {
  const ids = Object.keys(LABELS);
  const institutions = Object.entries(LABELS).map(
    ([id, name], i) =>
      `${id},${q(name)},${i % 2 ? 'Hangzhou' : q(CITY)},${i % 2 ? 'CN' : 'ES'},company,${i === 0 ? q(website) : ''}`,
  );
  // A ring, so every institution has partners and a label on the network.
  const partnerships = ids.map(
    (id, i) =>
      `p-${id},${id},${ids[(i + 1) % ids.length]},pilot_project,active,2024-01-10,${q(LABELS[id as keyof typeof LABELS])}`,
  );
  const training = ids.map(
    (id, i) =>
      `${id},p-${id},${q(LABELS[id as keyof typeof LABELS])},${q(i % 2 ? TOPIC : LABELS.icu)},2024,${10 + i},5`,
  );
  return [
    ['institutions', `id,name,city,country,type,website\n${institutions.join('\n')}\n`],
    ['partnerships', `id,source,target,area,status,started_on,title\n${partnerships.join('\n')}\n`],
    ['training', `institution,partnership,programme,topic,year,trainees,completed\n${training.join('\n')}\n`],
    [
      'milestones',
      `id,partnership,date,title,kind,status\nm-1,p-img,2024-02-01,${q(LABELS.svg)},meeting,done\n`,
    ],
  ];
}

const upload = (files: [string, string][]) => post(server, files, { mode: 'replace' });

test.beforeAll(async () => {
  server = await startAuthServer(PORT, { PUENTE_EMBED_ORIGINS: `http://127.0.0.1:${HOST}` });
  const refused = await upload(programme('javascript:alert(document.domain)'));
  expect(refused.status).toBe(422);
  const report = (await refused.json()) as { problems: { code: string; column: string }[] };
  expect(report.problems).toContainEqual(
    expect.objectContaining({ code: 'invalid-type', column: 'website' }),
  );
  expect((await upload(programme('https://example.org/"><script>alert(3)</script>'))).status).toBe(201);
});
test.afterAll(async () => {
  await server?.stop();
});

/** Fails the test on any dialog, and lists every request that left Puente's and the host page's origins. */
function watch(page: Page) {
  const dialogs: string[] = [];
  const outside: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (
      !/^(data|blob):/.test(url) &&
      !url.startsWith(server.base) &&
      !url.startsWith(`http://127.0.0.1:${HOST}/`)
    ) {
      outside.push(url);
    }
  });
  return { dialogs, outside };
}

/** Markup that could run or fetch, in a document or a piece of one. */
const ACTIVE = ['script', 'foreignObject', 'img', 'iframe', 'object', 'embed', 'image', 'use'];
async function activeParts(page: Page, markup: string, type: 'image/svg+xml' | 'text/html') {
  return page.evaluate(
    ({ markup, type, active }) => {
      const doc = new DOMParser().parseFromString(markup, type);
      const found: string[] = [];
      for (const el of doc.querySelectorAll('*')) {
        if (active.includes(el.localName) && !(el.localName === 'script' && type === 'text/html'))
          found.push(el.localName);
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(`${el.localName}@${attr.name}`);
          // Text attributes (aria-label, data-*) may hold a label; those that fetch or paint may not point out.
          const fetches =
            /^(style|fill|stroke|href|xlink:href|src|srcset|filter|mask|clip-path|marker-\w+|cursor)$/;
          if (fetches.test(attr.name) && /javascript:|url\(\s*['"]?http|^\s*http/i.test(attr.value))
            found.push(`${el.localName}@${attr.name}=${attr.value}`);
        }
      }
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        found,
        text: doc.documentElement.textContent ?? '',
      };
    },
    { markup, type, active: ACTIVE },
  );
}

test('embeds of the hostile programme show the labels as text, run nothing and fetch nothing elsewhere', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const seen = watch(page);
  // In Chinese too: a label in ICU syntax is an argument of the messages around it, never a message itself.
  for (const [card, lang, share, embed] of [
    ['network', 'en', 'Share', 'Embed code (iframe)'],
    ['trend', 'en', 'Share', 'Embed code (iframe)'],
    ['network', 'zh', '分享', '嵌入代码（iframe）'],
  ] as const) {
    await page.goto(`${server.base}/?lang=${lang}`, { waitUntil: 'networkidle' });
    const menu = await openShare(page, card, share);
    const code = await menu.getByLabel(embed).inputValue();
    const host = await hostPage(HOST, code);
    try {
      await page.goto(host.url, { waitUntil: 'networkidle' });
      const frame = page.frameLocator('iframe');
      await expect(frame.locator('figure')).toBeVisible();
      const body = await frame.locator('body').innerHTML();
      const { found, text } = await activeParts(page, body, 'text/html');
      expect(found, card).toEqual([]);
      const shown = ALL.filter((label) => text.includes(label));
      expect(shown.length, `${card} ${lang}: ${text.slice(0, 400)}`).toBeGreaterThan(0);
      if (card === 'network') expect(text).toContain(LABELS.icu);
      // Hovering or focusing a part shows its details: still text.
      await frame.locator('svg [data-node], svg [data-group]').first().hover();
      expect(await frame.locator('img, foreignObject').count(), card).toBe(0);
    } finally {
      await host.close();
    }
  }
  expect(seen.dialogs).toEqual([]);
  expect(seen.outside).toEqual([]);
});

test('SVG, PNG and CSV downloads hold the labels inertly', async ({ page }) => {
  test.setTimeout(90_000);
  const seen = watch(page);
  await page.goto(`${server.base}/?lang=en`, { waitUntil: 'networkidle' });
  const allText: string[] = [];
  for (const card of ['network', 'trend']) {
    const menu = await openShare(page, card);
    const svg = (await download(page, menu.getByRole('link', { name: 'SVG' }))).toString('utf8');
    const { error, found, text } = await activeParts(page, svg, 'image/svg+xml');
    expect(error, card).toBeNull();
    expect(found, card).toEqual([]);
    // Markup in a label is escaped in the file (an element would start with `<`) and read back as the label.
    expect(svg, card).not.toMatch(/<(script|foreignObject|img|svg onload)/i);
    if (card === 'network') expect(svg).toContain('&lt;img src=x onerror=alert(1)>');
    allText.push(text);
    // The file draws as a picture, with no request anywhere.
    const size = await page.evaluate(async (markup) => {
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
      await img.decode();
      return img.naturalWidth;
    }, svg);
    expect(size, card).toBeGreaterThan(300);

    const png = await download(page, menu.getByRole('link', { name: 'PNG 16:9, 1×' }));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 720]);
    const drawn = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      return [bitmap.width, bitmap.height];
    }, png.toString('base64'));
    expect(drawn).toEqual([1280, 720]);

    const csv = (await download(page, menu.getByRole('link', { name: 'Data (CSV)' })))
      .toString('utf8')
      .slice(1);
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const cells = parsed.data.flat();
    // No cell a spreadsheet would read as a formula; the formula labels are there, made inert by a quote.
    expect(
      cells.filter((c) => /^[=+\-@\t\r]/.test(c)),
      card,
    ).toEqual([]);
    if (card === 'network') {
      for (const label of [LABELS.formula, LABELS.plus, LABELS.at]) expect(cells).toContain(`'${label}`);
      for (const label of [LABELS.img, LABELS.svg, LABELS.rtl, LABELS.icu, LABELS.colour])
        expect(cells).toContain(label);
    }
    await page.keyboard.press('Escape');
  }
  // Between the network and the training chart, the labels appear in the files as they were written.
  const text = allText.join('\n');
  expect(ALL.filter((label) => text.includes(label)).length).toBeGreaterThan(5);
  expect(seen.dialogs).toEqual([]);
  expect(seen.outside).toEqual([]);
});
