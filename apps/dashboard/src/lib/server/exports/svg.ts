/**
 * A chart as a standalone SVG file: the chart the page draws (ChartFigure, rendered by Svelte on the server) set in
 * a frame with its title, caption and source line. Presentation is in attributes, fonts named with fallbacks, no
 * script, event attribute or foreignObject: the file opens the same in PowerPoint, Word, Illustrator and Inkscape.
 */
import { render } from 'svelte/server';
import {
  estimateTextWidth,
  FONT_FAMILY,
  fitText,
  INK,
  wrapLabel,
  type NetworkLegendModel,
} from '@puente/charts';
import type { ChartData } from '$lib/charts/overview-charts';
import ChartFigure from '$lib/components/charts/ChartFigure.svelte';
import type { Translator } from '$lib/i18n/translator';
import { networkText } from '$lib/network-text';

export interface ChartFile {
  svg: string;
  width: number;
  height: number;
}

const MARGIN = 16;
const HEAD = 62;
const FOOT = 30;
const CAPTION_LINE = 16;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The chart's own <svg> as Svelte renders it on the server, without the hydration comments. */
export function chartMarkup(data: ChartData, tr: Translator): string {
  return render(ChartFigure, { props: { data, tr } })
    .body.replace(/<!--[\s\S]*?-->/g, '')
    .trim();
}

export function chartSvg(
  data: ChartData,
  tr: Translator,
  text: { title: string; caption: string; source: string },
): ChartFile {
  const inner = chartMarkup(data, tr);
  const open = /^<svg\b([^>]*)>/.exec(inner);
  const width = Number(/\swidth="([\d.]+)"/.exec(open?.[1] ?? '')?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(open?.[1] ?? '')?.[1]);
  if (!open || !(width > 0) || !(height > 0)) throw new Error(`The ${data.chart} chart drew no sized <svg>`);
  // The caption over up to three lines (a page chart's says how each of its options draws).
  const caption = wrapLabel(text.caption, width, 12, 3);
  const head = HEAD + CAPTION_LINE * (caption.length - 1);
  const legend =
    (data.chart === 'network' || data.chart === 'network-full' || data.chart === 'institution-network') &&
    data.model
      ? colourLegend(data.model.legend, tr, head + height + 8, width)
      : null;
  const total = { width: width + 2 * MARGIN, height: head + height + (legend ? 24 : 0) + FOOT };
  const line = (s: string, size: number) => escape(fitText(s, width, size));
  // The chart nests as it is, placed by x and y; only its attributes for web pages (role, style) stay behind.
  const nested =
    `<svg x="${MARGIN}" y="${head}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    inner.slice(open[0].length);
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${total.width}" height="${total.height}"`,
    ` viewBox="0 0 ${total.width} ${total.height}" font-family="${escape(FONT_FAMILY)}" font-size="11">`,
    `<rect width="${total.width}" height="${total.height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="30" font-size="18" font-weight="700" fill="${INK.text}">${line(text.title, 18)}</text>`,
    ...caption.map(
      (l, i) =>
        `<text x="${MARGIN}" y="${50 + CAPTION_LINE * i}" font-size="12" fill="${INK.muted}">${escape(l)}</text>`,
    ),
    nested,
    ...(legend ? [legend] : []),
    `<text x="${MARGIN}" y="${total.height - 12}" font-size="11" fill="${INK.muted}" data-source="">${line(text.source, 11)}</text>`,
    '</svg>',
    '',
  ].join('\n');
  return { svg, ...total };
}

/**
 * The network's colours as a line of swatches under it (on the page, an HTML legend does this). Sizes and dash
 * patterns are explained by the caption.
 */
function colourLegend(legend: NetworkLegendModel, tr: Translator, y: number, width: number): string {
  let x = MARGIN;
  const items: string[] = [];
  const name = networkText(tr).legendFor(legend).colorName;
  for (const c of legend.colors) {
    const label = c.other ? tr.t('training.other') : name(c.key);
    const next = x + 26 + estimateTextWidth(label, 11);
    // One line: colours past the width are left to the caption and the data (the palette greys most of them).
    if (next - 12 > MARGIN + width) break;
    items.push(
      `<g transform="translate(${x.toFixed(1)},${y})" data-legend="${escape(c.key)}">` +
        `<circle cx="5" cy="7" r="5" fill="${escape(c.color)}"/>` +
        `<text x="14" y="11" font-size="11" fill="${INK.text}">${escape(label)}</text></g>`,
    );
    x = next;
  }
  return `<g>${items.join('')}</g>`;
}
