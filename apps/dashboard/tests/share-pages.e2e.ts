import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { download, drawnNetwork, openShare, readSvg } from './share-menu';

const downloadText = async (...args: Parameters<typeof download>) =>
  (await download(...args)).toString('utf8');

const csvRows = (text: string, delimiter: string) => {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.delimiter).toBe(delimiter);
  return parsed.data;
};

test('the network page’s Share menu takes away its chart as drawn: filtered, coloured by type, sized by training', async ({
  page,
}) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  // Choose the view as a reader does: a city, then colour and size.
  await page.getByRole('combobox', { name: 'City' }).selectOption('Fuenlabrada');
  await expect(page).toHaveURL(/[?&]city=Fuenlabrada/);
  await page.getByRole('radio', { name: 'Type' }).check();
  await expect(page).toHaveURL(/[?&]color=type/);
  await page.getByRole('radio', { name: 'Training enrolments' }).check();
  await expect(page).toHaveURL(/[?&]size=trained/);

  const chart = page.locator('section[aria-labelledby="network-title"] .surface svg[viewBox]').first();
  const onPage = await drawnNetwork(chart);
  expect(onPage.nodes.length).toBeGreaterThan(3);

  const menu = await openShare(page, 'network', 'Share');
  const svgLink = menu.getByRole('link', { name: 'SVG' });
  await expect(svgLink).toHaveAttribute(
    'href',
    /\/api\/charts\/network-full\.svg\?city=Fuenlabrada&color=type&size=trained&lang=en$/,
  );
  const file = await readSvg(page, await downloadText(page, svgLink));
  expect(file.xmlError).toBeNull();
  // The same institutions, in the same places, in the same colours (by type: government is #332288).
  expect(file.nodes).toEqual(onPage.nodes);
  expect(file.nodes.some(([, , fill]) => fill === '#332288')).toBe(true);
  expect(file.text).toContain('Government');
  expect(file.text).toContain('coloured by type');

  // The CSV is the partnerships drawn: each one touches Fuenlabrada, the filter.
  const [header, ...rows] = csvRows(
    await downloadText(page, menu.getByRole('link', { name: 'Data (CSV)' })),
    ',',
  );
  expect(header).toEqual([
    'From',
    'City (from)',
    'To',
    'City (to)',
    'Area',
    'Status',
    'Milestones done',
    'Milestones',
  ]);
  expect(rows).toHaveLength(onPage.links);
  for (const row of rows) expect([row[1], row[3]]).toContain('Fuenlabrada');

  // Without the filter the files hold more: the filter is what made them smaller.
  const all = await page.request.get('/api/charts/network-full.csv?lang=en');
  expect(csvRows(await all.text(), ',').length - 1).toBeGreaterThan(rows.length);
});

test('the training page’s Share menus take away each chart with its filters and stacking, in Spanish', async ({
  page,
}) => {
  await page.goto('/training?lang=es', { waitUntil: 'networkidle' });
  await page.getByRole('form', { name: 'Filtros' }).getByLabel('Ciudad').selectOption('Hangzhou');
  await expect(page).toHaveURL(/[?&]city=Hangzhou/);
  await page.getByRole('radio', { name: 'Institución' }).check();
  await expect(page).toHaveURL(/[?&]by=institution/);

  const volume = page.locator('section[aria-labelledby="training-volume-title"]');
  const bars = await volume
    .locator('svg [data-group][data-year]')
    .evaluateAll((els) =>
      els.map((b) =>
        [b.getAttribute('data-group'), b.getAttribute('data-year'), b.getAttribute('data-trainees')].join(
          '|',
        ),
      ),
    );
  const totals = Object.fromEntries(
    await volume
      .locator('svg [data-total]')
      .evaluateAll((els) =>
        els.map((t) => [t.getAttribute('data-total'), t.textContent!.replace(/\D/g, '')]),
      ),
  );
  expect(bars.length).toBeGreaterThan(3);

  const menu = await openShare(page, 'training-volume', 'Compartir');
  const file = await readSvg(page, await downloadText(page, menu.getByRole('link', { name: 'SVG' })));
  expect(file.xmlError).toBeNull();
  // The same bars: per institution (not per topic), of Hangzhou's institutions only.
  expect(file.bars.sort()).toEqual(bars.sort());
  expect(file.text).toContain('Fuente: Puente');

  const [header, ...rows] = csvRows(
    await downloadText(page, menu.getByRole('link', { name: 'Datos (CSV)' })),
    ';',
  );
  expect(header?.slice(0, 3)).toEqual(['Año', 'Institución', 'Inscripciones en formación']);
  const sums: Record<string, number> = {};
  for (const [year, , trainees] of rows) sums[year!] = (sums[year!] ?? 0) + Number(trainees);
  expect(Object.fromEntries(Object.entries(sums).map(([y, n]) => [y, String(n)]))).toEqual(totals);
  expect(rows.some(([, name]) => /Fuenlabrada|CIFE/.test(name!))).toBe(false);
  await page.keyboard.press('Escape');

  // The city chart's own menu: one panel, Hangzhou's.
  const cities = await openShare(page, 'training-cities', 'Compartir');
  const citiesFile = await readSvg(page, await downloadText(page, cities.getByRole('link', { name: 'SVG' })));
  expect(citiesFile.cities).toEqual(['Hangzhou']);
  const [, ...cityRows] = csvRows(
    await downloadText(page, cities.getByRole('link', { name: 'Datos (CSV)' })),
    ';',
  );
  expect(new Set(cityRows.map(([city]) => city))).toEqual(new Set(['Hangzhou']));
  await page.keyboard.press('Escape');

  const completion = await openShare(page, 'training-completion', 'Compartir');
  await expect(completion.getByRole('link', { name: 'SVG' })).toHaveAttribute(
    'href',
    /\/api\/charts\/training-completion\.svg\?city=Hangzhou&lang=es$/,
  );
  const [, ...rates] = csvRows(
    await downloadText(page, completion.getByRole('link', { name: 'Datos (CSV)' })),
    ';',
  );
  expect(rates.length).toBeGreaterThan(0);
  for (const [city, , completed, reported] of rates) {
    expect(city).toBe('Hangzhou');
    expect(Number(completed)).toBeLessThanOrEqual(Number(reported));
  }
});

test('an institution’s charts share that institution alone: files, a pinned embed, and no way to another', async ({
  page,
}) => {
  await page.goto('/institutions/hangzhou-hansheng?lang=zh', { waitUntil: 'networkidle' });
  const ego = page.locator('section[aria-labelledby="ego-network-title"] svg[viewBox]').first();
  const onPage = await drawnNetwork(ego);
  expect(onPage.nodes.length).toBeGreaterThan(1);

  const menu = await openShare(page, 'ego-network', '分享');
  const svgLink = menu.getByRole('link', { name: 'SVG' });
  await expect(svgLink).toHaveAttribute(
    'href',
    /\/api\/charts\/institution-network\.svg\?institution=hangzhou-hansheng&lang=zh$/,
  );
  const file = await readSvg(page, await downloadText(page, svgLink));
  expect(file.xmlError).toBeNull();
  // The same partners, in the same places and colours, under the institution's own title.
  expect(file.nodes).toEqual(onPage.nodes);
  expect(file.text).toContain('的合作伙伴');
  expect(file.source).toMatch(/^来源：Puente · 数据版本 \d+（\d{4}-\d{2}-\d{2}）$/);
  const [header, ...rows] = csvRows(
    await downloadText(page, menu.getByRole('link', { name: '数据（CSV）' })),
    ',',
  );
  expect(header).toHaveLength(8);
  expect(rows).toHaveLength(onPage.links);

  // Pinned, the embed shows this institution at this version; moved to another institution it is refused.
  await menu.getByRole('radio', { name: /^固定在数据版本 \d+$/ }).check();
  const code = await menu.getByLabel('嵌入代码（iframe）').inputValue();
  const src = /src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&');
  expect(src).toMatch(
    /\/embed\/institution-network\?institution=hangzhou-hansheng&version=\d+&sig=[\w-]{43}&lang=zh$/,
  );
  await page.keyboard.press('Escape');
  const embed = await page.request.get(src);
  expect(embed.status()).toBe(200);
  expect(await embed.text()).toContain('data-node="hangzhou-hansheng"');
  const moved = await page.request.get(
    src.replace('institution=hangzhou-hansheng', 'institution=cife-fuenlabrada'),
  );
  expect(moved.status()).toBe(403);
  const unscoped = await page.request.get(src.replace('institution=hangzhou-hansheng&', ''));
  expect(unscoped.status()).toBe(403);

  // The training chart's menu: its CSV is the institution's table, row for row, summing to its total.
  const training = await openShare(page, 'training', '分享');
  await expect(training.getByRole('link', { name: 'SVG' })).toHaveAttribute(
    'href',
    /\/api\/charts\/institution-training\.svg\?institution=hangzhou-hansheng&lang=zh$/,
  );
  const [, ...trained] = csvRows(
    await downloadText(page, training.getByRole('link', { name: '数据（CSV）' })),
    ',',
  );
  const table = page.locator('section[aria-labelledby="training-title"] table');
  await expect(table.locator('tbody tr')).toHaveCount(trained.length);
  const total = (await table.locator('tfoot td').first().textContent())!.replace(/\D/g, '');
  expect(String(trained.reduce((sum, [, , n]) => sum + Number(n), 0))).toBe(total);
  const trainingEmbed = await training.getByLabel('嵌入代码（iframe）').inputValue();
  await page.goto(/src="([^"]+)"/.exec(trainingEmbed)![1]!.replace(/&amp;/g, '&'), {
    waitUntil: 'networkidle',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/的培训$/);
  await expect(page.locator('figure svg [data-year]').first()).toBeVisible();
});

test('the progress timeline’s Share menu takes away the timeline drawn, filtered, and pins its today', async ({
  page,
}) => {
  await page.goto('/progress?lang=en', { waitUntil: 'networkidle' });
  await page.getByRole('form', { name: 'Filters' }).getByLabel('Status').selectOption('proposed');
  await expect(page).toHaveURL(/[?&]status=proposed/);
  const card = page.locator('section[aria-labelledby="progress-timeline-title"]');
  const marks = await card
    .locator('svg[role="img"] [data-milestone]')
    .evaluateAll((els) => els.map((m) => m.getAttribute('data-milestone')));
  const rowsOnPage = await card
    .locator('svg[role="img"] [data-row]')
    .evaluateAll((els) => els.map((r) => r.getAttribute('data-row')));
  expect(marks.length).toBeGreaterThan(0);

  const menu = await openShare(page, 'progress-timeline', 'Share');
  const svgLink = menu.getByRole('link', { name: 'SVG' });
  await expect(svgLink).toHaveAttribute(
    'href',
    /\/api\/charts\/progress-timeline\.svg\?status=proposed&lang=en$/,
  );
  const svg = await downloadText(page, svgLink);
  const file = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror'),
      marks: [...doc.querySelectorAll('[data-milestone]')].map((m) => m.getAttribute('data-milestone')),
      rows: [...doc.querySelectorAll('[data-row]')].map((r) => r.getAttribute('data-row')),
    };
  }, svg);
  expect(file.error).toBeNull();
  expect(file.marks).toEqual(marks);
  expect(file.rows).toEqual(rowsOnPage);

  // The data: every partnership drawn is a proposal, and every milestone drawn is a row.
  const [header, ...rows] = csvRows(
    await downloadText(page, menu.getByRole('link', { name: 'Data (CSV)' })),
    ',',
  );
  expect(header).toEqual(['Partnership', 'Status', 'Date', 'Milestone', 'Kind', 'On the timeline']);
  for (const row of rows) expect(row[1]).toMatch(/^Proposed/);
  expect(rows.filter((r) => r[2] !== '')).toHaveLength(marks.length);

  // Pinned, the links carry the day the timeline is drawn for (what is overdue must not move either).
  await menu.getByRole('radio', { name: /^Pin to data version \d+$/ }).check();
  const pinned = (await svgLink.getAttribute('href'))!;
  expect(pinned).toMatch(
    /\/api\/charts\/progress-timeline\.svg\?status=proposed&asOf=\d{4}-\d{2}-\d{2}&version=\d+&sig=[\w-]{43}&lang=en$/,
  );
  expect((await page.request.get(pinned)).status()).toBe(200);
  const later = pinned.replace(/asOf=[\d-]+/, 'asOf=2099-01-01');
  expect((await page.request.get(later)).status()).toBe(403);
  // Its embed, alone on the page: the same rows.
  const code = await menu.getByLabel('Embed code (iframe)').inputValue();
  await page.goto(/src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&'), { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Milestones by partnership');
  expect(
    await page
      .locator('figure svg [data-row]')
      .evaluateAll((els) => els.map((r) => r.getAttribute('data-row'))),
  ).toEqual(rowsOnPage);
});
