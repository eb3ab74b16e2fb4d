/**
 * Completion rate per year: one line per group (e.g. per city) and one for all of them, on a fixed
 * 0–100 % axis. Plain serialisable data, rounded to 2 decimals, drawn by `CompletionChart.svelte`.
 *
 * A rate is completed / reported, where `reported` counts the trainees whose outcome is recorded:
 * a year or group that records no completion has no rate (a gap in its line), never a 0 %.
 * Each line ends in a direct label, so colour is never the only way to tell them apart.
 */
import { min, max } from 'd3-array';
import { line } from 'd3-shape';
import { scaleLinear, scalePoint } from 'd3-scale';
import { categoryColors, compareStrings, INK, OKABE_ITO } from '../palette.js';
import { round2 } from '../number.js';
import { estimateTextWidth } from '../text.js';
import { thinYears } from './cities.js';
import { fitText } from './fit.js';
import type { AxisTick, LegendItem } from './model.js';

export interface CompletionRecord {
  /** The group (e.g. a city). */
  key: string;
  year: number;
  completed: number;
  /** Trainees whose completion is recorded: the base of the rate. */
  reported: number;
  /** Of the group's enrolments that year, those estimated and those illustrative (the contract's `source`). */
  estimated?: number;
  illustrative?: number;
}

export interface CompletionOptions {
  width: number;
  height: number;
  /** First and last year shown; default the years with a recorded completion. */
  from?: number;
  to?: number;
  /** Display names of the groups (default: the keys). */
  names?: Readonly<Record<string, string>>;
  /** The `lang` of a group's name when it is not in the page's language (shown untranslated); '' for unknown. */
  nameLangs?: Readonly<Record<string, string>>;
  /** Fixed colours by group (e.g. the city colours of the other charts). */
  colors?: Readonly<Record<string, string>>;
  /** Most group lines drawn (those with the largest base); default 7. The "all" line counts everyone. */
  maxSeries?: number;
  /** Localised texts the model lays out. */
  labels?: { all?: string };
}

export interface CompletionPoint {
  year: number;
  x: number;
  y: number;
  rate: number;
  completed: number;
  reported: number;
}

export interface CompletionSeries {
  key: string;
  label: string;
  /** The `lang` of `label` when not the page's. */
  lang?: string;
  color: string;
  /** True for the line of every group together. */
  all?: boolean;
  /** Line through the years with a rate; gaps where there is none. */
  path: string;
  points: CompletionPoint[];
  /** The direct label at the line's last point, moved apart from the others' labels. */
  end: { x: number; y: number; labelY: number; label: string } | null;
  completed: number;
  reported: number;
  rate: number | null;
}

export interface CompletionModel {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  series: CompletionSeries[];
  xTicks: AxisTick[];
  /** 0, 25, 50, 75, 100 % (values 0..1). */
  yTicks: AxisTick[];
  legend: LegendItem[];
  captionY: number;
  /** Groups not drawn as their own line (past `maxSeries`); they still count in "all". */
  hidden: number;
  summary: {
    completed: number;
    reported: number;
    rate: number | null;
    from: number | null;
    to: number | null;
  };
}

/** Key of the line of every group together (not a valid city name in practice). */
export const ALL_KEY = '*';
const FONT_SIZE = 11;
const LEGEND_ROW = 18;
const CAPTION_ROOM = 22;
const MARGIN = { top: 8, bottom: 24, left: 44 };
const LABEL_GAP = 13;

/** Builds the completion chart's model. Pure and deterministic; record order doesn't matter. */
export function completionModel(
  records: readonly CompletionRecord[],
  options: CompletionOptions,
): CompletionModel {
  const { width, height } = options;
  if (!(width > 0 && height > 0)) throw new RangeError('completionModel: width and height must be > 0');

  // Default range: the years where some completion is recorded (elsewhere there is no rate to draw).
  const dataYears = records.filter((r) => r.reported > 0).map((r) => r.year);
  const from = options.from ?? min(dataYears) ?? null;
  const to = options.to ?? max(dataYears) ?? null;
  const years: number[] = [];
  if (from !== null && to !== null) for (let y = from; y <= to; y++) years.push(y);

  type Cell = { completed: number; reported: number };
  const cells = new Map<string, Map<number, Cell>>();
  const add = (key: string, year: number, completed: number, reported: number) => {
    const perYear = cells.get(key) ?? new Map<number, Cell>();
    const cell = perYear.get(year) ?? { completed: 0, reported: 0 };
    cell.completed += completed;
    cell.reported += reported;
    perYear.set(year, cell);
    cells.set(key, perYear);
  };
  for (const r of records) {
    if (from === null || to === null || r.year < from || r.year > to) continue;
    const reported = Math.max(0, r.reported);
    const completed = Math.max(0, Math.min(r.completed, reported));
    add(r.key, r.year, completed, reported);
    add(ALL_KEY, r.year, completed, reported);
  }
  const base = (key: string) => [...(cells.get(key)?.values() ?? [])].reduce((s, c) => s + c.reported, 0);
  const groups = [...cells.keys()].filter((k) => k !== ALL_KEY && base(k) > 0);
  const maxSeries = Math.max(1, options.maxSeries ?? 7);
  const drawn = [...groups].sort((a, b) => base(b) - base(a) || compareStrings(a, b)).slice(0, maxSeries);
  drawn.sort(compareStrings);
  // With a single group, its line is the "all" line: draw it once.
  const keys = drawn.length > 1 ? [...drawn, ALL_KEY] : drawn.length === 1 ? drawn : [];

  const palette = categoryColors(new Map(groups.map((k) => [k, base(k)])), OKABE_ITO);
  const colorOf = (key: string) =>
    key === ALL_KEY ? INK.text : (options.colors?.[key] ?? palette.colorOf(key));
  const nameOf = (key: string) =>
    key === ALL_KEY ? (options.labels?.all ?? 'all') : (options.names?.[key] ?? key);
  const langOf = (key: string) => {
    const lang = key === ALL_KEY ? undefined : options.nameLangs?.[key];
    return lang === undefined ? {} : { lang };
  };

  // Legend above the plot, wrapped into rows.
  const legend: LegendItem[] = [];
  let lx = MARGIN.left;
  let ly = MARGIN.top + FONT_SIZE;
  for (const key of keys) {
    const title = nameOf(key);
    const label = fitText(title, Math.min(200, width - MARGIN.left - 40), FONT_SIZE);
    const w = 24 + estimateTextWidth(label, FONT_SIZE) + 16;
    if (lx + w > width - 8 && lx > MARGIN.left) {
      lx = MARGIN.left;
      ly += LEGEND_ROW;
    }
    legend.push({
      key,
      label,
      title,
      ...langOf(key),
      color: colorOf(key),
      x: round2(lx),
      y: round2(ly),
      kind: 'line',
    });
    lx += w;
  }

  // Direct labels need room on the right: as wide as the longest (cut at 120 px).
  const endLabels = new Map(keys.map((k) => [k, fitText(nameOf(k), 120, FONT_SIZE)]));
  const right = 12 + Math.max(0, ...[...endLabels.values()].map((l) => estimateTextWidth(l, FONT_SIZE)));
  const plot = {
    x: MARGIN.left,
    y: ly + LEGEND_ROW,
    width: Math.max(10, width - MARGIN.left - right - 8),
    height: 0,
  };
  plot.height = Math.max(10, height - plot.y - MARGIN.bottom - CAPTION_ROOM);

  const x = scalePoint<number>()
    .domain(years)
    .range([plot.x, plot.x + plot.width])
    .padding(0.5);
  const y = scaleLinear()
    .domain([0, 1])
    .range([plot.y + plot.height, plot.y]);

  const series: CompletionSeries[] = keys.map((key) => {
    const perYear = cells.get(key) ?? new Map<number, Cell>();
    const points: CompletionPoint[] = years.flatMap((year) => {
      const cell = perYear.get(year);
      if (!cell || cell.reported <= 0) return [];
      const rate = cell.completed / cell.reported;
      return [
        {
          year,
          x: round2(x(year) ?? 0),
          y: round2(y(rate)),
          rate: round2(rate),
          completed: cell.completed,
          reported: cell.reported,
        },
      ];
    });
    // Gaps: a year without a rate breaks the line.
    const byYear = new Map(points.map((p) => [p.year, p]));
    const path =
      line<number>()
        .defined((year) => byYear.has(year))
        .x((year) => byYear.get(year)?.x ?? 0)
        .y((year) => byYear.get(year)?.y ?? 0)
        .digits(2)(years) ?? '';
    const completed = points.reduce((s, p) => s + p.completed, 0);
    const reported = points.reduce((s, p) => s + p.reported, 0);
    const last = points.at(-1);
    return {
      key,
      label: nameOf(key),
      ...langOf(key),
      color: colorOf(key),
      ...(key === ALL_KEY ? { all: true } : {}),
      path,
      points,
      end: last ? { x: last.x, y: last.y, labelY: last.y, label: endLabels.get(key) ?? '' } : null,
      completed,
      reported,
      rate: reported > 0 ? round2(completed / reported) : null,
    };
  });
  dodgeLabels(
    series.flatMap((s) => (s.end ? [s.end] : [])),
    plot.y + 4,
    plot.y + plot.height,
  );

  const all = series.find((s) => s.all) ?? series[0];
  return {
    width: round2(width),
    height: round2(height),
    plot: { x: round2(plot.x), y: round2(plot.y), width: round2(plot.width), height: round2(plot.height) },
    series,
    xTicks: thinYears(years, Math.max(1, Math.floor(plot.width / 38))).map((year) => ({
      value: year,
      position: round2(x(year) ?? 0),
    })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, position: round2(y(value)) })),
    legend,
    captionY: round2(height - 6),
    hidden: groups.length - drawn.length,
    summary: {
      completed: all?.completed ?? 0,
      reported: all?.reported ?? 0,
      rate: all?.rate ?? null,
      from: years[0] ?? null,
      to: years.at(-1) ?? null,
    },
  };
}

/**
 * Spreads the end labels vertically so none is closer than LABEL_GAP to the next, keeping them
 * within [top, bottom]: labels of lines that end close together would otherwise print on each other.
 */
function dodgeLabels(ends: Array<{ labelY: number; y: number }>, top: number, bottom: number): void {
  const sorted = [...ends].sort((a, b) => a.y - b.y);
  for (let i = 0; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    sorted[i]!.labelY = Math.max(sorted[i]!.y, previous ? previous.labelY + LABEL_GAP : top);
  }
  // Pushed past the bottom: shift the run back up.
  for (let i = sorted.length - 1; i >= 0; i--) {
    const next = sorted[i + 1];
    sorted[i]!.labelY = Math.min(sorted[i]!.labelY, next ? next.labelY - LABEL_GAP : bottom);
  }
  for (const end of sorted) end.labelY = round2(end.labelY);
}
