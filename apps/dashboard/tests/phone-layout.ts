/**
 * What a page laid out for a 390 px phone must be: re-laid out, not shrunk. No text a reader sees is smaller than
 * 11 px (SVG text measured as drawn, through the SVG's scaling), and nothing scrolls sideways.
 */
import { expect, type Page } from '@playwright/test';

export const PHONE = { width: 390, height: 844 };
const MIN_PX = 11;

/** Every rendered text node smaller than `min` px on screen, with its size and where it is. */
function smallText(page: Page, min: number) {
  return page.evaluate((min) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent) continue;
      // Only text that is drawn: a text node with no box is hidden (closed <details>, display: none, <title>).
      const range = document.createRange();
      range.selectNodeContents(node);
      const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (boxes.length === 0 || !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
        continue;
      // Visually hidden text for screen readers (a 1 px clipped box) is not read by the eye.
      if (parent.closest('.visually-hidden, .sr-only')) continue;
      let size = parseFloat(getComputedStyle(parent).fontSize);
      // SVG text is drawn through the SVG's scaling: its size on screen is the font size times that scale.
      const svgText: Element = parent;
      if (svgText instanceof SVGGraphicsElement) {
        const m = svgText.getScreenCTM();
        if (m) size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      }
      if (size < min - 0.01) {
        const where =
          parent.closest('[id], section, header, nav, form')?.getAttribute('id') ?? parent.tagName;
        found.push(
          `${size.toFixed(1)}px "${text.slice(0, 40)}" (${parent.tagName.toLowerCase()} in ${where})`,
        );
      }
    }
    return found;
  }, min);
}

/** Fails unless the page on screen is laid out for the phone: no sideways scroll, no text under 11 px. */
export async function expectLaidOutForPhone(page: Page, name: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, `${name} scrolls sideways`).toBeLessThanOrEqual(widths.client);
  expect(await smallText(page, MIN_PX), `text under 11 px on ${name}`).toEqual([]);
}
