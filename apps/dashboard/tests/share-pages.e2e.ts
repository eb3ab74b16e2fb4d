import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { download, openShare, readSvg } from './share-menu';

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
  const onPage = await chart.evaluate((el) => ({
    nodes: [...el.querySelectorAll('[data-node]')].map((n) => [
      n.getAttribute('data-node'),
      n.getAttribute('transform'),
      n.querySelector('circle')?.getAttribute('fill') ?? null,
    ]),
    links: el.querySelectorAll('[data-link]').length,
  }));
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
