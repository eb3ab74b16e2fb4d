import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '@puente/data';
import { institutionProfile, load, network, Store } from '@puente/data/store';
import { OVERVIEW_CHARTS } from '$lib/charts/catalogue';
import { institutionChartData } from '$lib/charts/institution-charts';
import { chartData, type ChartData } from '$lib/charts/overview-charts';
import { institutionPage } from '$lib/components/institution/profile';
import { translator } from '$lib/i18n/translator';
import { programmeColors } from '../views/colors';
import { networkView } from '../views/network';
import { overviewView, type OverviewView } from '../views/overview';
import { progressView } from '../views/progress';
import { trainingView } from '../views/training';
import { chartRows, csvDelimiter, toCsv } from './csv';
import { chartPng, pngSize } from './png';
import { chartMarkup, chartSvg } from './svg';

const encoder = new TextEncoder();
const file = (name: string, text: string) => ({ name, bytes: encoder.encode(text) });
const dir = mkdtempSync(path.join(tmpdir(), 'puente-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small programme with Chinese names and a city and title that a spreadsheet would run as formulas. */
let store: Store;
let views: Record<'en' | 'es' | 'zh', OverviewView>;
beforeAll(async () => {
  store = await Store.open({ path: path.join(dir, 'exports.duckdb') });
  const result = await load(store, {
    mode: 'replace',
    user: 'test',
    files: [
      file(
        'institutions.csv',
        `id,name,name_zh,city,country,type
fuen,Ayuntamiento de Fuenlabrada,富恩拉布拉达市政府,Fuenlabrada,ES,government
hz,Hangzhou Commerce Bureau,杭州市商务局,杭州,CN,government
evil,"=HYPERLINK(""http://x"")",,@Evil,ES,company
`,
      ),
      file(
        'partnerships.csv',
        `id,source,target,area,status,title
p1,fuen,hz,exchange,active,Exchange
p2,evil,hz,branding,proposed,-2+3
`,
      ),
      file(
        'training.csv',
        `institution,programme,year,trainees,completed
fuen,SME export,2022,10,5
hz,跨境电商,2023,40,20
evil,Evil,2023,3,3
`,
      ),
      file(
        'milestones.csv',
        `id,partnership,date,title,kind,status
m1,p1,2023-05-01,签署协议,agreement,done
m2,p2,2027-01-10,=1+2,meeting,planned
`,
      ),
    ],
  });
  expect(result.ok).toBe(true);
  const build = (locale: 'en' | 'es' | 'zh') =>
    overviewView(store, { filters: NO_FILTERS, locale, asOf: '2026-12-01' });
  views = { en: await build('en'), es: await build('es'), zh: await build('zh') };
  const colors = await programmeColors(store);
  for (const locale of ['en', 'es', 'zh'] as const) {
    const net = await networkView(await network(store, NO_FILTERS), {
      filters: NO_FILTERS,
      locale,
      colorBy: 'type',
      sizeBy: 'trained',
      layout: 'bridge',
      colors,
    });
    const training = await trainingView(store, { by: 'institution', filters: NO_FILTERS, locale, colors });
    const { from, to, cities, cityColorBy, cityColors, cityCountries, cityNames, cityLangs } = training;
    const byCity = { cities, cityColorBy, cityColors, cityCountries, cityNames, cityLangs, from, to };
    pages[locale] = [
      { chart: 'network-full', model: net.model, colorBy: 'type', sizeBy: 'trained', layout: 'bridge' },
      {
        chart: 'training-volume',
        by: training.by,
        stack: training.stack,
        completion: training.completion,
        stackColors: training.stackColors,
        from,
        to,
      },
      { chart: 'training-cities', ...byCity },
      { chart: 'training-completion', ...byCity },
    ];
    const progress = await progressView(store, { filters: NO_FILTERS, locale, asOf: '2026-12-01' });
    const { asOf, partnerships, timeline, timelineMilestones } = progress;
    pages[locale].push({ chart: 'progress-timeline', asOf, partnerships, timeline, timelineMilestones });
    const hz = institutionPage((await institutionProfile(store, 'hz', { locale }))!, {
      locale,
      labels: { completionRate: 'rate', other: 'other' },
    });
    pages[locale].push(
      institutionChartData('institution-network', hz),
      institutionChartData('institution-training', hz),
    );
  }
});
/**
 * The charts of the network, training and progress pages, drawn with options other than the defaults, then an
 * institution's (Hangzhou's bureau) ego network and training.
 */
const pages = {} as Record<'en' | 'es' | 'zh', ChartData[]>;
afterAll(() => store?.close());

const data = (chart: (typeof OVERVIEW_CHARTS)[number], locale: 'en' | 'es' | 'zh' = 'zh') =>
  chartData(chart, views[locale]);
const text = { title: 'T', caption: 'C', source: 'Source: Puente · data version 1 of 2026-12-01' };

describe('SVG export', () => {
  it.each(OVERVIEW_CHARTS)(
    '%s: the page’s drawing in a self-contained file, with no script, handler or foreignObject',
    (chart) => {
      const tr = translator('zh');
      const { svg, width, height } = chartSvg(data(chart), tr, text);
      expect(
        svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
      ).toBe(true);
      // The chart as the page renders it is inside, unchanged apart from its opening tag.
      const page = chartMarkup(data(chart), tr);
      expect(svg).toContain(page.slice(page.indexOf('>') + 1));
      expect(svg).toMatch(/font-family="[^"]*'Noto Sans SC'[^"]*sans-serif"/);
      expect(svg).not.toMatch(/<script|<foreignObject|\son[a-z]+=|javascript:|<style|href=/i);
      expect(svg).toContain('data version 1');
      expect(width).toBeGreaterThan(100);
      expect(height).toBeGreaterThan(100);
    },
  );

  it('draws the network, training, progress and institution pages’ charts as those pages do', () => {
    const tr = translator('zh');
    for (const chart of pages.zh) {
      const { svg } = chartSvg(chart, tr, text);
      const page = chartMarkup(chart, tr);
      expect(page, chart.chart).toMatch(/^<svg\b/);
      expect(svg).toContain(page.slice(page.indexOf('>') + 1));
      expect(svg).not.toMatch(/<script|<foreignObject|\son[a-z]+=|javascript:|<style|href=/i);
    }
    const [network, volume] = pages.zh;
    // Coloured by type, in the type's name; stacked by institution, in the reader's language.
    expect(chartSvg(network!, tr, text).svg).toContain(`>${tr.labels.type('government')}</text>`);
    expect(chartMarkup(volume!, tr)).toContain('data-group="hz"');
    // The timeline's two partnerships and their milestones; the institution's partners and its training.
    const [timeline, ego, training] = pages.zh.slice(-3).map((chart) => chartSvg(chart, tr, text).svg);
    expect(timeline).toContain('data-milestone="m1"');
    expect(timeline).toContain('data-milestone="m2"');
    expect(ego).toContain('data-node="hz"');
    expect(ego).toContain('data-node="fuen"');
    expect(ego).toContain('data-node="evil"');
    expect(training).toContain('data-year="2023"');
    expect(training).not.toContain('data-year="2022"');
  });

  it('escapes text from the data and from the frame', () => {
    const { svg } = chartSvg(data('network'), translator('en'), { ...text, title: '<b>&"' });
    expect(svg).toContain('&lt;b&gt;&amp;&quot;');
    expect(svg).not.toContain('<b>');
  });
});

/** Decodes an 8-bit RGBA, non-interlaced PNG (what resvg writes) into its pixels. */
function decodePng(png: Buffer): { width: number; height: number; pixels: Uint8Array } {
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25], png[28]]).toEqual([8, 6, 0]);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`PNG filter ${filter}`);
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** Pixels whose colour differs between two pictures of one size. */
function differing(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 60) n++;
  }
  return n;
}

describe('PNG export', () => {
  it('is a PNG of the size asked: its own, 16:9 or 4:3, at 1× or 2×', async () => {
    const file = chartSvg(data('progress'), translator('en'), text);
    for (const shape of [
      { scale: 1, ratio: null },
      { scale: 2, ratio: null },
      { scale: 1, ratio: '16:9' },
      { scale: 2, ratio: '4:3' },
    ] as const) {
      const png = decodePng(await chartPng(file, shape));
      expect({ width: png.width, height: png.height }).toEqual(pngSize(file, shape));
    }
    expect(pngSize(file, { scale: 2, ratio: '16:9' })).toEqual({ width: 2560, height: 1440 });
    expect(pngSize(file, { scale: 1, ratio: '4:3' })).toEqual({ width: 1280, height: 960 });
  });

  it('draws the Chinese labels with the shipped font: not blank, not missing-glyph boxes', async () => {
    const tr = translator('zh');
    const file = chartSvg(data('network'), tr, text);
    expect(file.svg).toMatch(/[\u4e00-\u9fff]/);
    // The same picture with every Chinese character removed, and with each replaced by a character no font has
    // (drawn as the missing-glyph box): the real one must differ from both where the labels are.
    const without = { ...file, svg: file.svg.replace(/[\u3000-\u9fff\uff00-\uffef]/g, '') };
    const boxes = { ...file, svg: file.svg.replace(/[\u3000-\u9fff\uff00-\uffef]/g, '\u{10FFFD}') };
    const shape = { scale: 1, ratio: null } as const;
    const [real, blank, box] = await Promise.all(
      [file, without, boxes].map(async (f) => decodePng(await chartPng(f, shape)).pixels),
    );
    expect(differing(real!, blank!)).toBeGreaterThan(400);
    expect(differing(real!, box!)).toBeGreaterThan(400);
  });
});

describe('CSV export', () => {
  it.each(['en', 'es', 'zh'] as const)(
    'round-trips in %s: BOM, the language’s delimiter, the rows behind the chart',
    (locale) => {
      const tr = translator(locale);
      for (const chart of [...OVERVIEW_CHARTS.map((c) => data(c, locale)), ...pages[locale]]) {
        const rows = chartRows(chart, tr);
        expect(rows.length, chart.chart).toBeGreaterThan(1);
        const text = toCsv(rows, csvDelimiter(tr));
        expect(text.startsWith('\uFEFF')).toBe(true);
        const parsed = Papa.parse<string[]>(text.slice(1), {
          delimiter: csvDelimiter(tr),
          skipEmptyLines: true,
        });
        expect(parsed.errors).toEqual([]);
        // Every value comes back as written, except formulas, which come back inert behind a '.
        const expected = rows.map((row) =>
          row.map((v) => (typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v)),
        );
        expect(parsed.data).toEqual(expected);
      }
      expect(csvDelimiter(tr)).toBe(locale === 'es' ? ';' : ',');
    },
  );

  it('makes formulas inert, in every position and with every trigger', () => {
    const csv = toCsv([['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'ok', 'a;b', 'say "hi"', 5, -5]], ';');
    expect(csv).toBe(`\uFEFF'=1+1;'+1;'-1;'@SUM(A1);'\tx;"'\rx";ok;"a;b";"say ""hi""";5;-5\r\n`);
  });

  it('writes the chart’s data in the reader’s language, formula-safe', () => {
    const network = toCsv(chartRows(data('network', 'zh'), translator('zh')), ',');
    expect(network).toContain('杭州市商务局');
    expect(network).toContain(`'=HYPERLINK(""http://x"")`);
    expect(network).toContain(`'@Evil`);
    expect(network).not.toMatch(/(^|,)=HYPERLINK/m);
    const [, volume, cities] = pages.es.map((chart) => toCsv(chartRows(chart, translator('es')), ';'));
    expect(volume!.split('\r\n')[0]).toMatch(/^\uFEFFAño;Institución;/);
    expect(volume).toContain(`'=HYPERLINK(""http://x"")`);
    expect(cities).toContain(`'@Evil`);
    expect(cities).not.toMatch(/(^|;)@Evil/m);
    const [timeline, ego, trained] = pages.es
      .slice(-3)
      .map((chart) => toCsv(chartRows(chart, translator('es')), ';'));
    expect(timeline!.split('\r\n')[0]).toBe(
      '\uFEFFColaboración;Estado;Fecha;Hito;Tipo;En la línea de tiempo',
    );
    expect(timeline).toContain(`;'=1+2;`);
    expect(timeline).toContain('2023-05-01;签署协议;');
    // Only the institution's own partnerships and training: Hangzhou's bureau is in both partnerships, and trained
    // in 2023 alone.
    expect(ego!.trim().split('\r\n')).toHaveLength(3);
    expect(trained!.trim().split('\r\n').slice(1)).toEqual(['2023;跨境电商;40;20;0;0']);
    const training = toCsv(chartRows(data('training', 'es'), translator('es')), ';');
    expect(training.split('\r\n')[0]).toBe(
      '\uFEFFAño;Ciudad;Inscripciones en formación;Completaron;Ilustrativo (no son cifras reales);Estimado',
    );
  });
});
