/**
 * The milestone timeline: one row per partnership, its milestones placed by date on a shared time
 * axis, with a "today" line. Plain serialisable data, rounded to 2 decimals, drawn by
 * `MilestoneTimeline.svelte`.
 *
 * Each milestone is one of four marks, told apart by shape as well as colour: done (filled circle),
 * planned (hollow circle), planned but past its date (hollow diamond: late, neither done nor marked
 * missed) and missed (cross). A row's name sits above its track, so long partnership titles get the
 * whole width rather than a narrow left column.
 */
import { min, max } from 'd3-array';
import type { MilestoneStatus } from '@puente/data/schema';
import { scaleUtc } from 'd3-scale';
import { INK } from '../palette.js';
import { round2 } from '../number.js';
import { estimateTextWidth } from '../text.js';
import { fitText } from '../training/fit.js';
import { dateTime, isIsoDate, isoDate } from './dates.js';

export interface TimelineMilestone {
  id: string;
  /** `yyyy-mm-dd`. */
  date: string;
  /** A status outside the contract is drawn as a neutral mark. */
  status: MilestoneStatus;
  title?: string;
  /** Where the milestone comes from; an estimated or illustrative one is drawn with a ring around its mark. */
  source?: 'reported' | 'estimated' | 'illustrative';
}

export interface TimelineRow {
  id: string;
  /** The row's name (e.g. the partnership's title). */
  label: string;
  /** A short text after the name, e.g. the partnership's status. */
  note?: string;
  milestones: readonly TimelineMilestone[];
}

export type MarkKind = 'done' | 'planned' | 'overdue' | 'missed' | 'other';
/** A legend entry: a kind of mark, or the ring around a milestone that is estimated or illustrative. */
export type LegendKey = MarkKind | 'unreported';

export interface TimelineOptions {
  width: number;
  /** "Today", `yyyy-mm-dd`: planned milestones before it are late. */
  asOf: string;
  /** Height of a row (name and track), px. Default 40. */
  rowHeight?: number;
  /** Most rows drawn; default 30. The rest are counted in `hiddenRows`. */
  maxRows?: number;
  /** Time axis bounds, `yyyy-mm-dd`; default the milestones' dates and `asOf`, padded. */
  from?: string;
  to?: string;
  /** Localised texts the model lays out: the legend's (`unreported`: the ring of an estimated or illustrative
   * milestone) and the "today" label. */
  labels?: Partial<Record<LegendKey | 'today', string>>;
}

export interface TimelineMark {
  id: string;
  date: string;
  status: MilestoneStatus;
  kind: MarkKind;
  title: string;
  source: 'reported' | 'estimated' | 'illustrative';
  x: number;
  y: number;
}

export interface TimelineRowModel {
  id: string;
  /** The name as drawn (cut with "…" to fit) and in full. */
  label: string;
  fullLabel: string;
  note: string;
  /** Top of the row, baseline of its name, y of its track. */
  y: number;
  labelY: number;
  trackY: number;
  /** x where the note ends (right-aligned at the end of the row, clear of the name). */
  noteX: number;
  /** Span of the track line (first to last milestone); null without milestones. */
  span: { x1: number; x2: number } | null;
  marks: TimelineMark[];
}

export interface TimelineTick {
  /** `yyyy-mm-dd`. */
  value: string;
  position: number;
  /** How to label it: a year (1 January), a month (the 1st), or a day. */
  unit: 'year' | 'month' | 'day';
}

export interface TimelineModel {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  rows: TimelineRowModel[];
  hiddenRows: number;
  domain: { from: string; to: string };
  today: { date: string; label: string; x: number; labelY: number; anchor: 'start' | 'middle' | 'end' };
  ticks: TimelineTick[];
  legend: Array<{ key: LegendKey; label: string; x: number; y: number; color: string }>;
  colors: Record<MarkKind, string>;
  captionY: number;
  summary: { rows: number; milestones: number } & Record<MarkKind, number>;
}

/** Okabe–Ito: bluish green (done), blue (planned), vermillion (late, missed), grey (other). */
export const MARK_COLORS: Record<MarkKind, string> = {
  done: '#009E73',
  planned: '#0072B2',
  overdue: '#D55E00',
  missed: '#D55E00',
  other: INK.faint,
};

const FONT_SIZE = 11;
const NAME_SIZE = 11.5;
const BOLD = 1.1;
const LEGEND_ROOM = 26;
const TODAY_ROOM = 16;
const AXIS_ROOM = 20;
const CAPTION_ROOM = 22;
const SIDE = 12;
const DAY = 86_400_000;

export function markKind(status: MilestoneStatus, date: string, asOf: string): MarkKind {
  if (status === 'done') return 'done';
  if (status === 'missed') return 'missed';
  if (status === 'planned') return date < asOf ? 'overdue' : 'planned';
  return 'other';
}

/** Builds the timeline's model. Pure and deterministic; milestones without a valid date are left out. */
export function timelineModel(rows: readonly TimelineRow[], options: TimelineOptions): TimelineModel {
  const { width, asOf } = options;
  if (!(width > 0)) throw new RangeError('timelineModel: width must be > 0');
  if (!isIsoDate(asOf)) throw new RangeError(`timelineModel: asOf must be yyyy-mm-dd, not ${asOf}`);
  const rowHeight = options.rowHeight ?? 40;
  const maxRows = Math.max(1, options.maxRows ?? 30);
  const label = (key: LegendKey | 'today') =>
    options.labels?.[key] ?? (key === 'unreported' ? 'estimated or illustrative' : key);

  const valid = rows.map((row) => ({
    ...row,
    milestones: row.milestones.filter((m) => isIsoDate(m.date)),
  }));
  const summary = { rows: rows.length, milestones: 0, done: 0, planned: 0, overdue: 0, missed: 0, other: 0 };
  for (const row of valid)
    for (const m of row.milestones) {
      summary.milestones++;
      summary[markKind(m.status, m.date, asOf)]++;
    }

  // Time domain: every date and today, padded so marks at the ends aren't cut (≥ 3 weeks a side).
  const times = [dateTime(asOf), ...valid.flatMap((row) => row.milestones.map((m) => dateTime(m.date)))];
  const lo = options.from && isIsoDate(options.from) ? dateTime(options.from) : (min(times) ?? 0);
  const hi = options.to && isIsoDate(options.to) ? dateTime(options.to) : (max(times) ?? 0);
  const pad = Math.max(21 * DAY, (hi - lo) * 0.04);
  const domain = [
    options.from && isIsoDate(options.from) ? lo : lo - pad,
    options.to && isIsoDate(options.to) ? hi : hi + pad,
  ] as const;

  const shown = valid.slice(0, maxRows);
  // Legend: the three statuses always (so a reader learns the marks), "late" only when there is one, and the ring of
  // an estimated or illustrative milestone only when one is drawn.
  const unreported = shown.some((row) => row.milestones.some((m) => (m.source ?? 'reported') !== 'reported'));
  const kinds: LegendKey[] = [
    'done',
    'planned',
    ...(summary.overdue > 0 ? (['overdue'] as const) : []),
    'missed',
    ...(unreported ? (['unreported'] as const) : []),
  ];
  const legend: TimelineModel['legend'] = [];
  let lx = SIDE;
  let ly = 8 + FONT_SIZE;
  for (const key of kinds) {
    const w = 20 + estimateTextWidth(label(key), FONT_SIZE) + 18;
    if (lx + w > width - SIDE && lx > SIDE) {
      lx = SIDE;
      ly += 18;
    }
    const color = key === 'unreported' ? INK.muted : MARK_COLORS[key];
    legend.push({ key, label: label(key), x: round2(lx), y: round2(ly), color });
    lx += w;
  }

  const plot = {
    x: SIDE,
    y: ly - FONT_SIZE + LEGEND_ROOM + TODAY_ROOM,
    width: Math.max(10, width - 2 * SIDE),
    height: shown.length * rowHeight,
  };
  const x = scaleUtc()
    .domain([new Date(domain[0]), new Date(domain[1])])
    .range([plot.x + 6, plot.x + plot.width - 6]);
  const at = (iso: string) => round2(x(new Date(dateTime(iso))));

  const rowModels: TimelineRowModel[] = shown.map((row, i) => {
    const top = plot.y + i * rowHeight;
    const trackY = top + rowHeight - 13;
    const note = row.note ?? '';
    const noteWidth = note ? estimateTextWidth(note, FONT_SIZE) + 16 : 0;
    // Names are bold, about a tenth wider than the estimate for regular text.
    const name = fitText(row.label, Math.max(40, plot.width - noteWidth) / BOLD, NAME_SIZE);
    const marks: TimelineMark[] = [...row.milestones]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))
      .map((m) => ({
        id: m.id,
        date: m.date,
        status: m.status,
        kind: markKind(m.status, m.date, asOf),
        title: m.title ?? '',
        source: m.source ?? 'reported',
        x: at(m.date),
        y: round2(trackY),
      }));
    const first = marks[0];
    const last = marks.at(-1);
    return {
      id: row.id,
      label: name,
      fullLabel: row.label,
      note,
      y: round2(top),
      labelY: round2(top + 14),
      trackY: round2(trackY),
      noteX: round2(plot.x + plot.width),
      span: first && last ? { x1: first.x, x2: last.x } : null,
      marks,
    };
  });

  const tickCount = Math.max(2, Math.floor(plot.width / 100));
  const ticks: TimelineTick[] = x.ticks(tickCount).map((date) => {
    const iso = isoDate(date.getTime());
    return {
      value: iso,
      position: round2(x(date)),
      unit: iso.endsWith('-01-01') ? 'year' : iso.endsWith('-01') ? 'month' : 'day',
    };
  });

  const todayX = at(asOf);
  const todayWidth = estimateTextWidth(label('today'), FONT_SIZE);
  const anchor =
    todayX - todayWidth / 2 < plot.x
      ? 'start'
      : todayX + todayWidth / 2 > plot.x + plot.width
        ? 'end'
        : 'middle';
  const height = plot.y + plot.height + AXIS_ROOM + CAPTION_ROOM;
  return {
    width: round2(width),
    height: round2(height),
    plot: { x: round2(plot.x), y: round2(plot.y), width: round2(plot.width), height: round2(plot.height) },
    rows: rowModels,
    hiddenRows: valid.length - shown.length,
    domain: { from: isoDate(domain[0]), to: isoDate(domain[1]) },
    today: { date: asOf, label: label('today'), x: todayX, labelY: round2(plot.y - 5), anchor },
    ticks,
    legend,
    colors: MARK_COLORS,
    captionY: round2(height - 6),
    summary,
  };
}
