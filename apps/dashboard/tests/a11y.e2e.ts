import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// Every page leadership sees, in each language: no serious or critical accessibility violation.
const PAGES = [
  '/',
  '/network',
  '/training',
  '/progress',
  '/institutions/hangzhou-hansheng',
  '/institutions/no-such-place',
  '/report?chart=network&chart=training&chart=progress&chart=kpis',
];

for (const lang of ['en', 'zh'] as const) {
  for (const path of PAGES) {
    test(`${path} has no serious accessibility violation (${lang})`, async ({ page }) => {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(serious).toEqual([]);
    });
  }
}
