/**
 * The training chart's model: people trained per year as stacked bars (by topic or by institution),
 * with the share who completed their programme as a line on a 0–100 % axis. Plain serialisable data,
 * rounded to 2 decimals, drawn by `TrainingChart.svelte`.
 *
 * The completion rate is taken over the trainees whose outcome is recorded (`reported`), never over
 * every trainee: a programme that doesn't report completion says nothing about it, and counting its
 * people as "not completed" would understate the rate.
 */
import { min, max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { line, stack, stackOrderNone, stackOffsetNone } from 'd3-shape';
import { categoryColors, compareStrings, INK, OKABE_ITO, OTHER_COLOR, type ColorMap } from '../palette.js';
import { round2 } from '../number.js';
import { estimateTextWidth } from '../text.js';
import type { AxisTick } from '../frame/types.js';
import { fitText, numberWidth } from './fit.js';

/** One row of training.csv (institution, programme, year) with, optionally, readable names. */
export interface TrainingRecord {
  institution: string;
  /** Display name of the institution (defaults to its id). */
  institutionLabel?: string;
  programme?: string;
  topic?: string;
  /** Display name of the topic, e.g. in the reader's language (defaults to the topic: the series' key). */
  topicLabel?: string;
  /**
   * The `lang` of the label shown (`institutionLabel` or `topicLabel`) when it is not in the page's language, so the
   * legend marks a name shown untranslated; '' for unknown.
   */
  labelLang?: string;
  year: number;
  trainees: number;
  completed: number;
  /**
   * Trainees of this record whose completion is recorded: the base of the completion rate. Default
   * `trainees` (everyone's outcome is known). Give 0 for a record that doesn't report completion.
   */
  reported?: number;
  /**
   * Trainees of this record that are not reported fact: estimated, or illustrative (the contract's `source`).
   * Drawn as a pattern over their share of the bar, with a legend entry, so an illustrative figure is never
   * shown as a measured one. Default none.
   */
  estimated?: number;
  illustrative?: number;
  /**
   * True for a record that belongs to the grey "other" series whatever its key: small groups summed
   * before they reach the model (so a page need not send thousands of institutions' rows).
   */
  other?: boolean;
}

/** Completion of one year, when the records can't tell it (see `TrainingOptions.completion`). */
export interface YearCompletion {
  year: number;
  completed: number;
  /** Trainees whose completion is recorded. */
  reported: number;
}

export interface TrainingOptions {
  width: number;
  height: number;
  /** What the bars are stacked by. Default `'topic'` (records without a topic count as "other"). */
  stackBy?: 'topic' | 'institution';
  /** First and last year shown; default the data's range. Years without records show as empty. */
  from?: number;
  to?: number;
  /**
   * Legend texts the model lays out (localise here): the rate line, and the grey series that gathers
   * records without a topic and the series past the palette's size.
   */
  labels?: {
    completionRate?: string;
    other?: string;
    estimated?: string;
    illustrative?: string;
    /** What the series are, heading the legend (e.g. "Country", when cities are too many to colour). */
    series?: string;
  };
  /**
   * The colour of each series key over the whole programme (topics, cities: see `domainColors`), so a topic keeps
   * its colour on every page. Without it, colours are assigned over the series drawn.
   */
  colors?: ColorMap;
  /**
   * Completion per year, overriding what the records say. For records grouped more coarsely than
   * completion is reported (e.g. by topic, when one topic mixes programmes that report completion and
   * programmes that don't), so the rate line keeps the right base.
   */
  completion?: readonly YearCompletion[];
  /** Longest legend label, in px; longer names are cut with "…" (the full name is the item's `title`). */
  legendLabelWidth?: number;
}

export interface TrainingSeries {
  key: string;
  label: string;
  /** The `lang` of `label` when not the page's (see `TrainingRecord.labelLang`). */
  labelLang?: string;
  color: string;
  trainees: number;
  /** True for the grey series that gathers everything past the palette's size. */
  other?: boolean;
}

export interface TrainingBar {
  /** Series key. */
  key: string;
  year: number;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  trainees: number;
  completed: number;
  /** Of `trainees`, those estimated and those illustrative (see `TrainingRecord`). */
  estimated: number;
  illustrative: number;
}

export interface TrainingYear {
  year: number;
  /** Centre of the year's band. */
  x: number;
  trainees: number;
  completed: number;
  /** Trainees whose completion is recorded. */
  reported: number;
  /** completed / reported, 0..1; null for a year where no completion is recorded. */
  rate: number | null;
  /** Of `trainees`, those estimated and those illustrative. */
  estimated: number;
  illustrative: number;
  /** Top of the stack. */
  top: number;
  /** Baseline of the year's total label: above the stack, moved clear of the rate point; null for an empty year. */
  labelY: number | null;
  /** Position of the completion-rate point, or null. */
  rateY: number | null;
}

export type { AxisTick } from '../frame/types.js';

export interface LegendItem {
  key: string;
  /** The label as drawn (cut with "…" when too long). */
  label: string;
  /** The full label, for a tooltip. */
  title: string;
  /** The `lang` of the label when not the page's. */
  lang?: string;
  color: string;
  x: number;
  y: number;
  /**
   * Swatch kind: a square for bar series, a line with a dot for the completion rate, a hatched or dotted square
   * for the share of bars that is illustrative or estimated.
   */
  kind: 'square' | 'line' | 'illustrative' | 'estimated';
  other?: boolean;
}

export interface TrainingModel {
  width: number;
  height: number;
  stackBy: 'topic' | 'institution';
  /** Plot area (inside the axes). */
  plot: { x: number; y: number; width: number; height: number };
  series: TrainingSeries[];
  bars: TrainingBar[];
  years: TrainingYear[];
  /** Path of the completion-rate line (gaps at years without trainees); empty without data. */
  ratePath: string;
  rateColor: string;
  xTicks: AxisTick[];
  /** People trained, left axis. */
  yTicks: AxisTick[];
  /** Completion rate 0..1, right axis. */
  rateTicks: AxisTick[];
  /** Whether the years' total labels fit above the bars (they don't on narrow charts with many years). */
  showTotals: boolean;
  /** The legend's heading (`labels.series`), placed before its first entry; null without one. */
  legendTitle: { label: string; title: string; x: number; y: number } | null;
  legend: LegendItem[];
  /** Baseline of the caption line under the plot. */
  captionY: number;
  summary: {
    trainees: number;
    completed: number;
    /** Trainees whose completion is recorded. */
    reported: number;
    /** completed / reported; null when no completion is recorded. */
    rate: number | null;
    from: number | null;
    to: number | null;
  };
}

const FONT_SIZE = 11;
const LEGEND_ROW = 18;
const CAPTION_ROOM = 22;
const MARGIN = { top: 8, right: 44, bottom: 24, left: 48 };
/** Digits of the total labels: cap height above the baseline, descent below it (px at FONT_SIZE). */
const LABEL_ASCENT = 8.5;
const LABEL_DESCENT = 2;
/** Half the size of a completion-rate point, stroke included. */
const POINT_RADIUS = 4.5;
const DEFAULT_LEGEND_LABEL = 220;
export const RATE_COLOR = INK.text;
/** Stacks use 7 colours (Okabe–Ito without black, which would dominate a stack), then "other". */
const STACK_PALETTE = OKABE_ITO.slice(0, 7);

/** Builds the training chart's model. Pure and deterministic; record order doesn't matter. */
export function trainingModel(records: readonly TrainingRecord[], options: TrainingOptions): TrainingModel {
  const { width, height } = options;
  if (!(width > 0 && height > 0)) throw new RangeError('trainingModel: width and height must be > 0');
  const stackBy = options.stackBy ?? 'topic';

  const keyOf = (r: TrainingRecord) =>
    r.other
      ? 'other'
      : stackBy === 'institution'
        ? r.institution
        : r.topic?.trim()
          ? r.topic.trim()
          : 'other';
  // Records summed into "other" upstream: that series is the grey catch-all whatever the number of the rest.
  const forcedOther = records.some((r) => r.other);
  const labels = new Map<string, string>();
  const labelLangs = new Map<string, string>();
  for (const r of records) {
    const key = keyOf(r);
    if (!labels.has(key) && key !== 'other' && r.labelLang !== undefined) labelLangs.set(key, r.labelLang);
    if (!labels.has(key))
      labels.set(
        key,
        stackBy === 'institution'
          ? (r.institutionLabel ?? key)
          : key === 'other'
            ? (options.labels?.other ?? 'other')
            : (r.topicLabel ?? key),
      );
  }

  const dataYears = records.map((r) => r.year);
  const from = options.from ?? min(dataYears) ?? null;
  const to = options.to ?? max(dataYears) ?? null;
  const years: number[] = [];
  if (from !== null && to !== null) for (let y = from; y <= to; y++) years.push(y);
  const inRange = records.filter((r) => from !== null && to !== null && r.year >= from && r.year <= to);

  // Series: colours from the sorted keys (stable); past 7, the smaller ones become "other".
  const totals = new Map<string, number>();
  for (const r of inRange) totals.set(keyOf(r), (totals.get(keyOf(r)) ?? 0) + Math.max(0, r.trainees));
  const palette = categoryColors(
    new Map([...totals].filter(([key]) => !(forcedOther && key === 'other'))),
    STACK_PALETTE,
  );
  const kept = new Set(palette.entries.filter((e) => !e.other).map((e) => e.key));
  const seriesKey = (key: string) => (kept.has(key) ? key : 'other');
  const seriesTotals = new Map<string, number>();
  for (const [key, total] of totals)
    seriesTotals.set(seriesKey(key), (seriesTotals.get(seriesKey(key)) ?? 0) + total);
  const hasOther = forcedOther || palette.entries.some((e) => e.other);
  const colorOf = (key: string) =>
    hasOther && key === 'other' ? OTHER_COLOR : (options.colors?.[key] ?? palette.colorOf(key));
  // Stack order: largest series at the base; "other" on top.
  const series: TrainingSeries[] = [...seriesTotals.entries()]
    .sort(
      ([a, ta], [b, tb]) =>
        Number(hasOther && a === 'other') - Number(hasOther && b === 'other') ||
        tb - ta ||
        compareStrings(a, b),
    )
    .map(([key, trainees]) => ({
      key,
      label: hasOther && key === 'other' ? (options.labels?.other ?? 'other') : (labels.get(key) ?? key),
      ...(labelLangs.has(key) && !(hasOther && key === 'other') ? { labelLang: labelLangs.get(key) } : {}),
      color: colorOf(key),
      trainees,
      ...(hasOther && key === 'other' ? { other: true } : {}),
    }));

  // Aggregate per year × series.
  type Row = {
    year: number;
    values: Record<string, number>;
    completed: Record<string, number>;
    reported: Record<string, number>;
    estimated: Record<string, number>;
    illustrative: Record<string, number>;
  };
  const rows: Row[] = years.map((year) => ({
    year,
    values: {},
    completed: {},
    reported: {},
    estimated: {},
    illustrative: {},
  }));
  const rowOf = new Map(rows.map((row) => [row.year, row]));
  for (const r of inRange) {
    const row = rowOf.get(r.year);
    if (!row) continue;
    const key = seriesKey(keyOf(r));
    const trainees = Math.max(0, r.trainees);
    const reported = clampTo(r.reported ?? trainees, trainees);
    row.values[key] = (row.values[key] ?? 0) + trainees;
    row.reported[key] = (row.reported[key] ?? 0) + reported;
    row.completed[key] = (row.completed[key] ?? 0) + clampTo(r.completed, reported);
    const illustrative = clampTo(r.illustrative ?? 0, trainees);
    row.illustrative[key] = (row.illustrative[key] ?? 0) + illustrative;
    row.estimated[key] = (row.estimated[key] ?? 0) + clampTo(r.estimated ?? 0, trainees - illustrative);
  }
  const anyOf = (field: 'estimated' | 'illustrative') =>
    rows.some((row) => Object.values(row[field]).some((v) => v > 0));
  const override = new Map((options.completion ?? []).map((c) => [c.year, c]));

  // The left margin fits the widest label of the people axis (one scale's ticks, whatever the height).
  const yearTotals = rows.map((row) => Object.values(row.values).reduce((a, b) => a + b, 0));
  const yDomain = scaleLinear()
    .domain([0, Math.max(1, ...yearTotals) * 1.08]) // headroom above the tallest bar, for its total label
    .nice(5);
  const left = Math.max(
    MARGIN.left,
    Math.ceil((max(yDomain.ticks(5), (v) => numberWidth(v, FONT_SIZE)) ?? 0) + 12),
  );

  // Legend above the plot, wrapped into rows.
  const legend: LegendItem[] = [];
  let lx = left;
  let ly = MARGIN.top + FONT_SIZE;
  const items = [
    ...series.map((s) => ({
      key: s.key,
      label: s.label,
      lang: s.labelLang,
      color: s.color,
      kind: 'square' as const,
      other: s.other,
    })),
    {
      key: 'completion-rate',
      label: options.labels?.completionRate ?? 'completion rate',
      lang: undefined,
      color: RATE_COLOR,
      kind: 'line' as const,
      other: undefined,
    },
    ...(['illustrative', 'estimated'] as const).filter(anyOf).map((kind) => ({
      key: kind,
      label: options.labels?.[kind] ?? kind,
      lang: undefined,
      color: RATE_COLOR,
      kind,
      other: undefined,
    })),
  ];
  const maxLabel = Math.max(
    40,
    Math.min(options.legendLabelWidth ?? DEFAULT_LEGEND_LABEL, width - left - MARGIN.right - 34),
  );
  let legendTitle: TrainingModel['legendTitle'] = null;
  if (options.labels?.series) {
    const label = fitText(options.labels.series, width - left - MARGIN.right, FONT_SIZE);
    legendTitle = { label, title: options.labels.series, x: round2(lx), y: round2(ly) };
    lx += estimateTextWidth(label, FONT_SIZE) + 12;
  }
  for (const item of items) {
    const label = fitText(item.label, maxLabel, FONT_SIZE);
    const w = 18 + estimateTextWidth(label, FONT_SIZE) + 16;
    if (lx + w > width - MARGIN.right && lx > left) {
      lx = left;
      ly += LEGEND_ROW;
    }
    legend.push({
      key: item.key,
      label,
      title: item.label,
      ...(item.lang === undefined ? {} : { lang: item.lang }),
      color: item.color,
      x: round2(lx),
      y: round2(ly),
      kind: item.kind,
      ...(item.other ? { other: true } : {}),
    });
    lx += w;
  }

  const plot = {
    x: left,
    y: ly + LEGEND_ROW,
    width: Math.max(10, width - left - MARGIN.right),
    height: 0,
  };
  plot.height = Math.max(10, height - plot.y - MARGIN.bottom - CAPTION_ROOM);

  const x = scaleBand<number>()
    .domain(years)
    .range([plot.x, plot.x + plot.width])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const y = yDomain.copy().range([plot.y + plot.height, plot.y]);
  const rateY = scaleLinear()
    .domain([0, 1])
    .range([plot.y + plot.height, plot.y]);

  const stacked = stack<Row>()
    .keys(series.map((s) => s.key))
    .value((row, key) => row.values[key] ?? 0)
    .order(stackOrderNone)
    .offset(stackOffsetNone)(rows);

  const bars: TrainingBar[] = [];
  stacked.forEach((layer, k) => {
    const s = series[k]!;
    layer.forEach((point) => {
      const row = point.data;
      const value = row.values[s.key] ?? 0;
      if (value <= 0) return;
      const top = y(point[1]);
      bars.push({
        key: s.key,
        year: row.year,
        x: round2(x(row.year) ?? 0),
        y: round2(top),
        width: round2(x.bandwidth()),
        height: round2(y(point[0]) - top),
        color: s.color,
        trainees: value,
        completed: row.completed[s.key] ?? 0,
        estimated: row.estimated[s.key] ?? 0,
        illustrative: row.illustrative[s.key] ?? 0,
      });
    });
  });

  const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
  const yearModels: TrainingYear[] = rows.map((row, i) => {
    const trainees = yearTotals[i]!;
    const given = override.get(row.year);
    const reported = given ? clampTo(given.reported, trainees) : sum(row.reported);
    const completed = given ? clampTo(given.completed, reported) : sum(row.completed);
    const rate = reported > 0 ? completed / reported : null;
    const top = y(trainees);
    const pointY = rate === null ? null : rateY(rate);
    return {
      year: row.year,
      x: round2((x(row.year) ?? 0) + x.bandwidth() / 2),
      trainees,
      completed,
      reported,
      rate: rate === null ? null : round2(rate),
      estimated: sum(row.estimated),
      illustrative: sum(row.illustrative),
      top: round2(top),
      labelY: trainees > 0 ? round2(totalLabelY(top, pointY, plot.y)) : null,
      rateY: pointY === null ? null : round2(pointY),
    };
  });
  // Totals show when the widest one fits in a band step, clear of the neighbouring years' points.
  const widest = Math.max(0, ...yearTotals.map((t) => numberWidth(t, FONT_SIZE)));
  const showTotals = years.length > 0 && widest + 2 * POINT_RADIUS + 2 <= x.step();
  const ratePath =
    line<TrainingYear>()
      .defined((d) => d.rateY !== null)
      .x((d) => d.x)
      .y((d) => d.rateY ?? 0)
      .digits(2)(yearModels) ?? '';

  const trainees = yearTotals.reduce((a, b) => a + b, 0);
  const completed = yearModels.reduce((a, b) => a + b.completed, 0);
  const reported = yearModels.reduce((a, b) => a + b.reported, 0);
  return {
    width: round2(width),
    height: round2(height),
    stackBy,
    plot: { x: round2(plot.x), y: round2(plot.y), width: round2(plot.width), height: round2(plot.height) },
    series,
    bars,
    years: yearModels,
    ratePath,
    rateColor: RATE_COLOR,
    // Every year while they fit (about 36 px each), else every 2nd, 5th or 10th.
    xTicks: thin(years, Math.max(1, Math.floor(plot.width / 36))).map((year) => ({
      value: year,
      position: round2((x(year) ?? 0) + x.bandwidth() / 2),
    })),
    yTicks: y.ticks(5).map((value) => ({ value, position: round2(y(value)) })),
    rateTicks: [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, position: round2(rateY(value)) })),
    showTotals,
    legendTitle,
    legend,
    captionY: round2(height - 6),
    summary: {
      trainees,
      completed,
      reported,
      rate: reported > 0 ? round2(completed / reported) : null,
      from: years[0] ?? null,
      to: years.at(-1) ?? null,
    },
  };
}

/** `value` within 0..max (negative and excess counts are data errors; they never reach the chart). */
function clampTo(value: number, max: number): number {
  return Math.max(0, Math.min(value, max));
}

/**
 * Baseline of a year's total label: just above its stack, unless the completion-rate point sits
 * there; then just above the point, or just below it when there is no room above (near the top).
 */
function totalLabelY(top: number, pointY: number | null, plotTop: number): number {
  const baseline = top - 4;
  if (pointY === null) return baseline;
  const clear =
    baseline + LABEL_DESCENT < pointY - POINT_RADIUS || baseline - LABEL_ASCENT > pointY + POINT_RADIUS;
  if (clear) return baseline;
  const above = pointY - POINT_RADIUS - 2 - LABEL_DESCENT;
  // The label may rise into the gap under the legend, not into the legend.
  if (above - LABEL_ASCENT >= plotTop - 10) return above;
  return pointY + POINT_RADIUS + 2 + LABEL_ASCENT;
}

/** Keeps at most `count` years, on a round step (1, 2, 5, 10, …) so the labels read as a scale. */
function thin(years: readonly number[], count: number): number[] {
  if (years.length <= count) return [...years];
  const steps = [2, 5, 10, 20, 25, 50, 100];
  const step = steps.find((s) => Math.ceil(years.length / s) <= count) ?? 100;
  return years.filter((year) => year % step === 0);
}
