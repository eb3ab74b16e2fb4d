import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serveGenerated, type GeneratedServer } from './programme';

/**
 * A network past the SVG's size is drawn on canvas: its labels keep the language they are in, as the SVG's `lang`
 * does, so a name shown untranslated is set in its own language's fonts and glyph forms.
 */
test.describe('canvas labels at 2,000 institutions', () => {
  test.describe.configure({ mode: 'serial' });
  let server: GeneratedServer;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    // Every institution named in English; odd-numbered ones in Chinese too. On the Chinese page the even ones are
    // shown in English, marked English.
    const translate = (data: string) => {
      const file = path.join(data, 'institutions.csv');
      const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
      expect(header).toMatch(/^id,name,name_en,name_es,name_zh,/);
      const named = lines.map((line) => {
        const [id = '', name = '', , , , ...rest] = line.split(',');
        const n = Number(id.replace(/\D/g, ''));
        return [id, name, name, '', n % 2 === 1 ? `机构${n}号` : '', ...rest].join(',');
      });
      writeFileSync(file, [header, ...named].join('\n') + '\n');
    };
    server = await serveGenerated(
      Number(process.env.E2E_PORT ?? 4173) + 3,
      ['--institutions', '2000', '--years', '2', '--programmes', '1', '--seed', '3'],
      translate,
    );
  });
  test.afterAll(async () => server?.stop());

  test('each label drawn is set in the language it is in', async ({ page }) => {
    test.setTimeout(60_000);
    // What the page draws on its canvas, and in which language: watched, not replaced.
    await page.addInitScript(() => {
      const drawn: Array<{ text: string; lang: string }> = [];
      (window as unknown as { drawn: typeof drawn }).drawn = drawn;
      const fill = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
        drawn.push({ text, lang: (this as CanvasRenderingContext2D & { lang: string }).lang });
        return fill.call(this, text, ...rest);
      };
    });
    await page.goto(`${server.base}/network?lang=zh`, { waitUntil: 'networkidle' });
    const surface = page.locator('.surface[data-nodes-count="2000"]');
    await expect(surface).toHaveAttribute('data-layout', 'done', { timeout: 30_000 });
    await expect(page.locator('canvas')).toBeVisible();
    // Zoom in a few times, as a reader does, so more labels are drawn.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '放大' }).click();
    const drawn = async () =>
      page.evaluate(() => (window as unknown as { drawn: Array<{ text: string; lang: string }> }).drawn);
    await expect
      .poll(async () => (await drawn()).filter((d) => /^机构/.test(d.text)).length)
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await drawn()).filter((d) => /^[A-Z]/.test(d.text)).length)
      .toBeGreaterThan(0);
    const labels = await drawn();
    // Chinese names: the page's language. English ones: English.
    for (const d of labels.filter((l) => /^机构/.test(l.text))) expect(d.lang, d.text).toBe('inherit');
    for (const d of labels.filter((l) => /^[A-Z]/.test(l.text))) expect(d.lang, d.text).toBe('en');
  });
});
