/**
 * City against city: people trained per year in each city, as small multiples — one panel per city,
 * all on the same scales (years across, people up), so bar heights compare across panels. Plain
 * serialisable data, rounded to 2 decimals, drawn by `CityTrainingChart.svelte`.
 *
 * Small multiples rather than one chart with a bar or line per city: they stay readable from two
 * cities (the usual programme) to the dozens of a generated one, where overlaid lines would tangle.
 * Past `maxPanels`, the cities with fewer trainees are left to the data table and counted in `hidden`.
 */
import { min, max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { categoryColors, compareStrings, OKABE_ITO, OTHER_COLOR } from '../palette.js';
import { round2 } from '../number.js';
import { estimateTextWidth } from '../text.js';
import { fitText, numberWidth } from './fit.js';
import type { AxisTick } from './model.js';
import type { ProvenanceBar } from '../frame/types.js';

/** People trained in one city and year (already summed over its institutions). */
export interface CityTrainingRecord {
  city: string;
  year: number;
  trainees: number;
  /** Of `trainees`, those estimated and those illustrative (the contract's `source`); default none. */
  estimated?: number;
  illustrative?: number;
}

export interface CityTrainingOptions {
  width: number;
  /** Height of each panel's plot area, in px. Default 140. */
  plotHeight?: number;
  /** First and last year shown; default the data's range. */
  from?: number;
  to?: number;
  /** Most panels drawn; default 8. */
  maxPanels?: number;
  /** Narrowest panel before the grid drops a column; default 280. */
  minPanelWidth?: number;
  /** Fixed colours by city (e.g. those of the network); others get palette colours. */
  colors?: Readonly<Record<string, string>>;
  /** Display names by city, e.g. in the reader's language; a city without one shows as it is written. */
  names?: Readonly<Record<string, string>>;
  /** The `lang` of a city's name when it is not in the page's language (shown untranslated); '' for unknown. */
  nameLangs?: Readonly<Record<string, string>>;
  /** Legend texts of the illustrative and estimated shares, drawn only when some bar has one. */
  labels?: { illustrative?: string; estimated?: string };
}

/** A city's bar for one year. */
export type CityBar = ProvenanceBar;

/** A legend entry for the illustrative or estimated share of the bars. */
export interface CityLegendItem {
  key: 'illustrative' | 'estimated';
  label: string;
  x: number;
  y: number;
}

export interface CityPanel {
  key: string;
  /** City name, cut with "…" to fit the panel's title row. */
  label: string;
  /** The `lang` of `label` when not the page's. */
  lang?: string;
  color: string;
  /** Top-left corner and size of the whole panel (title, plot and axis). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Baseline of the panel's title. */
  titleY: number;
  /** Plot area, in chart coordinates. */
  plot: { x: number; y: number; width: number; height: number };
  bars: CityBar[];
  xTicks: AxisTick[];
  yTicks: AxisTick[];
  /** People trained in the city over the years shown. */
  trainees: number;
  /** The year with most people trained (the earliest on a tie); null without training. */
  peak: { year: number; trainees: number } | null;
}

export interface CityTrainingModel {
  width: number;
  height: number;
  panels: CityPanel[];
  /** The illustrative and estimated shares, above the panels, when some bar has one (never a figure passed as fact). */
  legend: CityLegendItem[];
  /** Cities not drawn (past `maxPanels`), with their trainees. */
  hidden: { cities: number; trainees: number };
  /** Baseline of the caption line under the panels. */
  captionY: number;
  summary: { cities: number; trainees: number; from: number | null; to: number | null };
}

const TITLE_ROOM = 24;
const AXIS_ROOM = 22;
const GAP = { x: 24, y: 14 };
const CAPTION_ROOM = 20;
const FONT_SIZE = 11;
const LEGEND_ROOM = 22;

/** Builds the city small multiples. Pure and deterministic; record order doesn't matter. */
export function cityTrainingModel(
  records: readonly CityTrainingRecord[],
  options: CityTrainingOptions,
): CityTrainingModel {
  const { width } = options;
  if (!(width > 0)) throw new RangeError('cityTrainingModel: width must be > 0');
  const plotHeight = options.plotHeight ?? 140;
  const maxPanels = Math.max(1, options.maxPanels ?? 8);

  const dataYears = records.map((r) => r.year);
  const from = options.from ?? min(dataYears) ?? null;
  const to = options.to ?? max(dataYears) ?? null;
  const years: number[] = [];
  if (from !== null && to !== null) for (let y = from; y <= to; y++) years.push(y);

  const byCity = new Map<string, Map<number, number>>();
  // Per city and year: trainees not reported as fact, [estimated, illustrative].
  const unreported = new Map<string, [number, number]>();
  for (const r of records) {
    if (from === null || to === null || r.year < from || r.year > to) continue;
    const perYear = byCity.get(r.city) ?? new Map<number, number>();
    perYear.set(r.year, (perYear.get(r.year) ?? 0) + Math.max(0, r.trainees));
    byCity.set(r.city, perYear);
    const cell = `${r.city}\u0000${r.year}`;
    const [estimated, illustrative] = unreported.get(cell) ?? [0, 0];
    unreported.set(cell, [
      estimated + Math.max(0, r.estimated ?? 0),
      illustrative + Math.max(0, r.illustrative ?? 0),
    ]);
  }
  const kinds = (['illustrative', 'estimated'] as const).filter((kind) =>
    [...unreported.values()].some(([e, i]) => (kind === 'estimated' ? e : i) > 0),
  );
  const legend: CityLegendItem[] = [];
  let lx = 0;
  for (const key of kinds) {
    const label = options.labels?.[key] ?? key;
    legend.push({ key, label, x: round2(lx), y: FONT_SIZE });
    lx += 17 + estimateTextWidth(label, FONT_SIZE) + 16;
  }
  const top = legend.length > 0 ? LEGEND_ROOM : 0;
  const totals = new Map(
    [...byCity].map(([city, perYear]) => [city, [...perYear.values()].reduce((a, b) => a + b, 0)]),
  );
  const ranked = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || compareStrings(a, b));
  const shown = ranked.slice(0, maxPanels);
  const hiddenCities = ranked.slice(maxPanels);

  const palette = categoryColors(totals, OKABE_ITO);
  const colorOf = (city: string) => options.colors?.[city] ?? palette.colorOf(city) ?? OTHER_COLOR;

  const columns = Math.max(
    1,
    Math.min(shown.length, Math.floor((width + GAP.x) / ((options.minPanelWidth ?? 280) + GAP.x))),
  );
  const panelWidth = (width - (columns - 1) * GAP.x) / columns;
  const panelHeight = TITLE_ROOM + plotHeight + AXIS_ROOM;

  // One scale for every panel, so heights compare; its left margin fits the widest tick label.
  const peakValue = Math.max(1, max([...byCity.values()], (perYear) => max(perYear.values())) ?? 0);
  const yDomain = scaleLinear().domain([0, peakValue]).nice(4);
  const tickValues = yDomain.ticks(4);
  const left = Math.ceil((max(tickValues, (v) => numberWidth(v, FONT_SIZE)) ?? 0) + 10);

  const panels: CityPanel[] = shown.map((city, i) => {
    const column = i % columns;
    const row = Math.floor(i / columns);
    const px = column * (panelWidth + GAP.x);
    const py = top + row * (panelHeight + GAP.y);
    const plot = {
      x: px + left,
      y: py + TITLE_ROOM,
      width: Math.max(10, panelWidth - left - 4),
      height: plotHeight,
    };
    const x = scaleBand<number>()
      .domain(years)
      .range([plot.x, plot.x + plot.width])
      .paddingInner(0.2)
      .paddingOuter(0.1);
    const y = yDomain.copy().range([plot.y + plot.height, plot.y]);
    const perYear = byCity.get(city) ?? new Map<number, number>();
    const bars: CityBar[] = years
      .filter((year) => (perYear.get(year) ?? 0) > 0)
      .map((year) => {
        const trainees = perYear.get(year) ?? 0;
        const [estimated, illustrative] = unreported.get(`${city}\u0000${year}`) ?? [0, 0];
        const shownIllustrative = Math.min(illustrative, trainees);
        return {
          year,
          x: round2(x(year) ?? 0),
          y: round2(y(trainees)),
          width: round2(x.bandwidth()),
          height: round2(y(0) - y(trainees)),
          trainees,
          estimated: Math.min(estimated, trainees - shownIllustrative),
          illustrative: shownIllustrative,
        };
      });
    const peak = bars.reduce<CityBar | null>(
      (best, b) => (best === null || b.trainees > best.trainees ? b : best),
      null,
    );
    return {
      key: city,
      label: fitText(options.names?.[city] ?? city, panelWidth - 110, 12),
      ...(options.nameLangs?.[city] === undefined ? {} : { lang: options.nameLangs[city] }),
      color: colorOf(city),
      x: round2(px),
      y: round2(py),
      width: round2(panelWidth),
      height: round2(panelHeight),
      titleY: round2(py + 14),
      plot: { x: round2(plot.x), y: round2(plot.y), width: round2(plot.width), height: round2(plot.height) },
      bars,
      xTicks: thinYears(years, Math.max(1, Math.floor(plot.width / 38))).map((year) => ({
        value: year,
        position: round2((x(year) ?? 0) + x.bandwidth() / 2),
      })),
      yTicks: tickValues.map((value) => ({ value, position: round2(y(value)) })),
      trainees: totals.get(city) ?? 0,
      peak: peak ? { year: peak.year, trainees: peak.trainees } : null,
    };
  });

  const rows = Math.ceil(panels.length / columns);
  const gridHeight = rows > 0 ? rows * panelHeight + (rows - 1) * GAP.y : 0;
  const height = top + gridHeight + CAPTION_ROOM;
  return {
    width: round2(width),
    height: round2(height),
    panels,
    legend,
    hidden: {
      cities: hiddenCities.length,
      trainees: hiddenCities.reduce((sum, city) => sum + (totals.get(city) ?? 0), 0),
    },
    captionY: round2(height - 6),
    summary: {
      cities: totals.size,
      trainees: [...totals.values()].reduce((a, b) => a + b, 0),
      from: years[0] ?? null,
      to: years.at(-1) ?? null,
    },
  };
}

/** At most `count` years, on a round step (1, 2, 5, 10, …) so the labels read as a scale. */
export function thinYears(years: readonly number[], count: number): number[] {
  if (years.length <= count) return [...years];
  const steps = [2, 5, 10, 20, 25, 50, 100];
  const step = steps.find((s) => Math.ceil(years.length / s) <= count) ?? 100;
  return years.filter((year) => year % step === 0);
}
