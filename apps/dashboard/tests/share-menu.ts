/** A chart's Share menu as a reader uses it, for the sharing tests. */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** Opens a chart card's Share menu by clicking its button; returns the menu. */
export async function openShare(page: Page, card: string, button = 'Share'): Promise<Locator> {
  const section = page.locator(`section[aria-labelledby="${card}-title"]`);
  const name = new RegExp(`^${button}[:：]`);
  await section.getByRole('button', { name }).click();
  const menu = section.getByRole('group', { name });
  await expect(menu).toBeVisible();
  return menu;
}

/** Clicks a download link of the menu and returns the file's bytes. */
export async function download(page: Page, link: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFile((await file.path())!);
}

/** What an SVG file holds, read by the browser's own XML parser. */
export function readSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      xmlError: doc.querySelector('parsererror')?.textContent ?? null,
      nodes: [...doc.querySelectorAll('[data-node]')].map((n) => [
        n.getAttribute('data-node'),
        n.getAttribute('transform'),
        n.querySelector('circle')?.getAttribute('fill') ?? null,
      ]),
      links: [...doc.querySelectorAll('[data-link] path')].map((p) => p.getAttribute('d')),
      bars: [...doc.querySelectorAll('[data-group][data-year]')].map((b) =>
        [b.getAttribute('data-group'), b.getAttribute('data-year'), b.getAttribute('data-trainees')].join(
          '|',
        ),
      ),
      cities: [...doc.querySelectorAll('[data-city]')].map((c) => c.getAttribute('data-city')),
      source: doc.querySelector('[data-source]')?.textContent ?? null,
      text: doc.documentElement.textContent ?? '',
    };
  }, svg);
}

/** A network chart as the page draws it: each institution (id, place, colour), and how many partnerships. */
export function drawnNetwork(chart: Locator) {
  return chart.evaluate((el) => ({
    nodes: [...el.querySelectorAll('[data-node]')].map((n) => [
      n.getAttribute('data-node'),
      n.getAttribute('transform'),
      n.querySelector('circle')?.getAttribute('fill') ?? null,
    ]),
    links: el.querySelectorAll('[data-link]').length,
  }));
}
