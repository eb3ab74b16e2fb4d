import { expect, test, type Page } from '@playwright/test';

// A network label is read as the name of the node it stands beside: each drawn label must sit within about a line
// of its own node, and no other node may stand nearer to it than its own. Measured on screen, as drawn, where the
// text keeps its size and the drawing does not (a phone's larger text beside the nodes' spacing).

/** For every drawn label: its distance to its node's disc, its size on screen, and the nodes nearer than its own. */
function labelPlaces(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg text[data-label]')].map((text) => {
      const id = text.getAttribute('data-label')!;
      const svg = text.closest('svg')!;
      const disc = (element: Element) => {
        const b = element.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2, r: b.width / 2 };
      };
      const box = text.getBoundingClientRect();
      const distance = (c: { x: number; y: number; r: number }) =>
        Math.max(
          0,
          Math.hypot(
            Math.max(box.left - c.x, 0, c.x - box.right),
            Math.max(box.top - c.y, 0, c.y - box.bottom),
          ) - c.r,
        );
      const nodes = [...svg.querySelectorAll('[data-node]')].map((g) => ({
        id: g.getAttribute('data-node')!,
        disc: disc(g.querySelector('circle')!),
      }));
      const own = nodes.find((n) => n.id === id);
      const m = (text as SVGGraphicsElement).getScreenCTM();
      const size = parseFloat(getComputedStyle(text).fontSize) * (m ? Math.sqrt(Math.abs(m.a * m.d)) : 1);
      const away = own ? distance(own.disc) : Infinity;
      return {
        id,
        away: Math.round(away * 10) / 10,
        size: Math.round(size * 10) / 10,
        nearer: nodes.filter((n) => n.id !== id && distance(n.disc) < away).map((n) => n.id),
      };
    }),
  );
}

for (const size of [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
]) {
  for (const path of ['/network', '/']) {
    test(`${path} at ${size.width} px: every label beside its own node, in every language`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      for (const lang of ['en', 'es', 'zh']) {
        await page.goto(`${path}?lang=${lang}`, { waitUntil: 'networkidle' });
        await expect(page.locator('svg text[data-label]').first()).toBeVisible();
        const places = await labelPlaces(page);
        expect(places.length, lang).toBeGreaterThan(2);
        for (const label of places) {
          // Within a line and a quarter of its text's size from its disc, and no other node nearer.
          expect(label.away, `${lang}: ${label.id} stands ${label.away} px off`).toBeLessThanOrEqual(
            1.25 * label.size,
          );
          expect(label.nearer, `${lang}: ${label.id} reads as another node's`).toEqual([]);
        }
      }
    });
  }
}
