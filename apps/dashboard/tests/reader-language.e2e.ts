import { expect, test, type Page } from '@playwright/test';

// Data in the reader's language, on the sample programme: cities named in the network's legend and table as
// everywhere else, and a name the data has no translation for shown as written, marked with the language it is in
// (`lang`), so screen readers pronounce it and browsers pick its font. Languages are chosen with the switcher.

const SWITCHER = { en: 'Language', es: 'Idioma', zh: '语言' } as const;
const NAMES = { en: 'English', es: 'Español', zh: '中文' } as const;

async function switchTo(page: Page, from: keyof typeof SWITCHER, to: keyof typeof SWITCHER) {
  await page.getByRole('navigation', { name: SWITCHER[from] }).getByRole('link', { name: NAMES[to] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to === 'zh' ? 'zh-CN' : to);
  await page.waitForLoadState('networkidle');
}

test('the network names cities in the reader’s language, in its legend and its table', async ({ page }) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  await switchTo(page, 'en', 'zh');
  const legend = page.locator('[data-legend-color]');
  await expect(legend).toHaveText(['富恩拉夫拉达', '杭州']);
  // Translated: no lang of their own.
  for (const entry of await legend.all()) expect(await entry.getAttribute('lang')).toBeNull();
  await page.getByText('以表格查看数据').click();
  const row = page.locator('tr[data-row="cife-fuenlabrada"]');
  await expect(row.locator('td').first()).toHaveText('富恩拉夫拉达');

  await switchTo(page, 'zh', 'es');
  await expect(legend).toHaveText(['Fuenlabrada', 'Hangzhou']);
});

test('a name without a translation is marked with the language it is shown in', async ({ page }) => {
  await page.goto('/network?lang=en', { waitUntil: 'networkidle' });
  await switchTo(page, 'en', 'zh');
  const svg = page.getByRole('group', { name: '谁与谁合作' });
  // The department has no Chinese name: its Spanish one is shown, marked Spanish; the council's is translated.
  await expect(svg.locator('text[data-label="fuenlabrada-economic-development"]')).toHaveAttribute(
    'lang',
    'es',
  );
  await expect(svg.locator('text[data-label="fuenlabrada-city-council"]')).toHaveText('富恩拉夫拉达市政府');
  expect(await svg.locator('text[data-label="fuenlabrada-city-council"]').getAttribute('lang')).toBeNull();
  // Hansheng's only name is English: in the list of the most connected, marked English.
  await expect(
    page.getByRole('link', { name: 'Hangzhou Hansheng Education Technology Co., Ltd.' }).first(),
  ).toHaveAttribute('lang', 'en');
  // The city filter's options are named like the legend.
  await expect(page.getByRole('combobox', { name: '城市' }).locator('option[value="Hangzhou"]')).toHaveText(
    '杭州',
  );

  // The overview's partnerships without milestones name their institutions the same way.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '概览' }).click();
  await page.waitForLoadState('networkidle');
  const unrecorded = page.locator('[data-unrecorded] li[data-partnership="hansheng-alibaba-programmes"]');
  await expect(unrecorded.getByText('Hangzhou Hansheng Education Technology Co., Ltd.')).toHaveAttribute(
    'lang',
    'en',
  );
  const alibaba = unrecorded.getByText('阿里巴巴集团');
  await expect(alibaba).toBeVisible();
  expect(await alibaba.getAttribute('lang')).toBeNull();
});

test('the timeline’s legend explains the ring of illustrative milestones, only when one is drawn', async ({
  page,
}) => {
  await page.goto('/progress?lang=en', { waitUntil: 'networkidle' });
  const entry = page.locator('[data-legend="unreported"]');
  await expect(entry).toHaveText('estimated or illustrative');
  await switchTo(page, 'en', 'es');
  await expect(entry).toHaveText('estimado o ilustrativo');
  await switchTo(page, 'es', 'zh');
  await expect(entry).toHaveText('估计或示意数据');
  // Branding's only milestone is reported: no ring drawn, no legend entry.
  await page.getByRole('combobox', { name: '领域' }).selectOption({ label: '品牌服务' });
  await expect(page).toHaveURL(/area=branding/);
  await expect(page.locator('[data-milestone]').first()).toBeVisible();
  await expect(page.locator('[data-source="illustrative"]')).toHaveCount(0);
  await expect(entry).toHaveCount(0);
});

for (const size of [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
]) {
  test(`the overview's network card reads at ${size.width} px: tall enough, within one screen`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await page.goto('/?lang=en', { waitUntil: 'networkidle' });
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Who works with whom' }) });
    const chart = card.getByRole('group', { name: 'Who works with whom' });
    const box = (await chart.boundingBox())!;
    // A phone gets an upright drawing, not the wide one shrunk to a strip a few lines tall.
    expect(box.height).toBeGreaterThanOrEqual(Math.min(380, size.height * 0.45));
    expect(box.height).toBeLessThanOrEqual(size.height * 0.8);
    expect((await card.boundingBox())!.height).toBeLessThanOrEqual(size.height * 1.15);
  });
}

test('names inside the summary’s sentences and the training chart’s legend carry their own lang', async ({
  page,
}) => {
  await page.goto('/training?lang=en', { waitUntil: 'networkidle' });
  await switchTo(page, 'en', 'zh');
  await page.getByRole('radio', { name: '机构' }).check();
  await expect(page).toHaveURL(/by=institution/);
  const chart = page.locator('section[aria-labelledby="training-volume-title"] svg');
  // CIFE has no Chinese name: shown in Spanish, marked Spanish; Hansheng in English, marked English.
  await expect(chart.locator('[data-legend="cife-fuenlabrada"] text')).toHaveAttribute('lang', 'es');
  await expect(chart.locator('[data-legend="hangzhou-hansheng"] text')).toHaveAttribute('lang', 'en');
  // Words of the chart's own are the page's.
  expect(await chart.locator('[data-legend="completion-rate"] text').getAttribute('lang')).toBeNull();

  await switchTo(page, 'zh', 'es');
  // In Spanish CIFE's name is the reader's own: no lang; Hansheng's is still English.
  await expect(chart.locator('[data-legend="cife-fuenlabrada"] text')).toHaveText(/^Centro de Iniciativas/);
  expect(await chart.locator('[data-legend="cife-fuenlabrada"] text').getAttribute('lang')).toBeNull();
  await expect(chart.locator('[data-legend="hangzhou-hansheng"] text')).toHaveAttribute('lang', 'en');

  await switchTo(page, 'es', 'zh');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '概览' }).click();
  await page.waitForLoadState('networkidle');
  // Companies only: Hansheng is the most connected, and its only name is English, inside a Chinese sentence.
  await page.getByRole('combobox', { name: '类型' }).selectOption({ label: '企业' });
  await expect(page).toHaveURL(/type=company/);
  const sentence = page.locator('section.summary li').first();
  await expect(sentence).toContainText('是合作关系最多的机构');
  await expect(sentence.locator('span[lang="en"]')).toHaveText(
    'Hangzhou Hansheng Education Technology Co., Ltd.',
  );
  // The sentence around it stays Chinese: only the name is marked.
  expect(await sentence.getAttribute('lang')).toBeNull();
  await expect(sentence.locator('[lang]')).toHaveCount(1);
});

test('the training chart’s SVG file marks names shown untranslated the same way', async ({ request }) => {
  const svg = await (await request.get('/api/charts/training-volume.svg?by=institution&lang=zh')).text();
  expect(svg).toMatch(/data-legend="cife-fuenlabrada"[^>]*>(?:(?!<\/g>).)*<text x="17" lang="es">/s);
  expect(svg).toMatch(/data-legend="hangzhou-hansheng"[^>]*>(?:(?!<\/g>).)*<text x="17" lang="en">/s);
  expect(svg).toMatch(/data-legend="completion-rate"[^>]*>(?:(?!<\/g>).)*<text x="17">/s);
  const spanish = await (await request.get('/api/charts/training-volume.svg?by=institution&lang=es')).text();
  expect(spanish).toMatch(/data-legend="cife-fuenlabrada"[^>]*>(?:(?!<\/g>).)*<text x="17">Centro/s);
});
