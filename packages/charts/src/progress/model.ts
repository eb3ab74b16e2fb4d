/**
 * The progress chart's model: a funnel of partnerships through the pipeline
 * proposed → negotiating → agreed → active → completed, with paused and cancelled set aside.
 *
 * Each stage shows two numbers: how many partnerships *reached* it (are at it or at a later stage;
 * the funnel's outline, which can only narrow) and how many are *at* it now (the solid core).
 * Paused and cancelled partnerships have left the pipeline at an unknown stage, so they are counted
 * beside it rather than in it. Plain serialisable data, drawn by `ProgressFunnel.svelte`.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { compareStrings, INK } from '../palette.js';
import { round2 } from '../number.js';
import { estimateTextWidth } from '../text.js';
import {
  ASIDE_STATUSES,
  isPartnershipStatus,
  PIPELINE_STATUSES,
  type PartnershipArea,
  type PartnershipStatus,
} from '@puente/data/schema';

export interface ProgressRecord {
  id: string;
  /**
   * A partnership status of the contract (`PartnershipStatus`); any other is counted aside, after paused and
   * cancelled. Plain text so that counts keyed by status (`Object.entries`) pass as they are.
   */
  status: string;
  area?: PartnershipArea;
  /** How many partnerships the record stands for (default 1), so counts can arrive already summed. */
  count?: number;
}

export interface ProgressOptions {
  width: number;
  height: number;
  /** Legend texts the model lays out (localise here). */
  labels?: { reached?: string; count?: string };
  /**
   * Room for the stage names on the left and the numbers on the right, px (default 96 and 130):
   * measure the localised texts, e.g. with `estimateTextWidth`, so long ones aren't cut.
   */
  labelWidth?: number;
  valueWidth?: number;
}

/** Statuses set aside from the pipeline (the contract's: paused, cancelled). */
export { ASIDE_STATUSES };
/** Pipeline stages in order (the contract's: its statuses, less those set aside). */
export const PIPELINE_STAGES: readonly PartnershipStatus[] = PIPELINE_STATUSES;

export interface ProgressStage {
  key: PartnershipStatus;
  /** Partnerships at this stage now. */
  count: number;
  /** Partnerships at this stage or a later one. */
  reached: number;
  /** reached / reached at the previous stage (0..1); null for the first stage or after an empty one. */
  conversion: number | null;
  /** Band of the row. */
  y: number;
  height: number;
  /** Outline (reached), centred. */
  reachedX: number;
  reachedWidth: number;
  /** Core (count), centred. */
  countX: number;
  countWidth: number;
}

export interface ProgressAside {
  /** Paused, cancelled, or a status the contract doesn't know. */
  key: string;
  count: number;
  y: number;
  height: number;
  x: number;
  width: number;
}

export interface ProgressModel {
  width: number;
  height: number;
  /** Centre line of the funnel. */
  centreX: number;
  /** Where stage names are written (right-aligned). */
  labelX: number;
  /** Where numbers are written (left-aligned). */
  valueX: number;
  stages: ProgressStage[];
  /** Paused, cancelled, then any unknown status (sorted), each with a bar on the funnel's scale. */
  aside: ProgressAside[];
  /** y of the line separating the aside rows from the pipeline; null without aside rows. */
  dividerY: number | null;
  colors: { reached: string; count: string; aside: string };
  /** Legend above the funnel: what the outline and the core stand for. */
  legend: Array<{ key: 'reached' | 'count'; label: string; color: string; x: number; y: number }>;
  captionY: number;
  summary: { partnerships: number; inPipeline: number; aside: number; completed: number };
}

const CAPTION_ROOM = 22;
const LEGEND_ROOM = 22;
const COLORS = { reached: '#cfe3f1', count: '#0072B2', aside: INK.faint };
const LABEL_ROOM = 96;
const VALUE_ROOM = 130;

/** Builds the progress funnel's model. Pure and deterministic. Repeated ids count once. */
export function progressModel(records: readonly ProgressRecord[], options: ProgressOptions): ProgressModel {
  const { width, height } = options;
  if (!(width > 0 && height > 0)) throw new RangeError('progressModel: width and height must be > 0');

  const byId = new Map<string, ProgressRecord>();
  for (const r of records) if (!byId.has(r.id)) byId.set(r.id, r);
  const counts = new Map<string, number>();
  let partnerships = 0;
  for (const r of byId.values()) {
    const n = Math.max(0, Math.floor(r.count ?? 1));
    counts.set(r.status, (counts.get(r.status) ?? 0) + n);
    partnerships += n;
  }

  const stageCounts = PIPELINE_STAGES.map((key) => counts.get(key) ?? 0);
  const reached = stageCounts.map((_, i) => stageCounts.slice(i).reduce((a, b) => a + b, 0));
  const unknown = [...counts.keys()].filter((k) => !isPartnershipStatus(k)).sort(compareStrings);
  const asideKeys = [...ASIDE_STATUSES.filter((k) => (counts.get(k) ?? 0) > 0), ...unknown];

  const rows = [...PIPELINE_STAGES, ...asideKeys];
  const gapRows = asideKeys.length > 0 ? 0.6 : 0; // breathing room before the aside rows
  const top = 8 + LEGEND_ROOM;
  const bottom = height - CAPTION_ROOM;
  const band = scaleBand<number>()
    .domain(rows.map((_, i) => i))
    .range([top, top + ((bottom - top) * rows.length) / (rows.length + gapRows)])
    .paddingInner(0.18);
  const shift = (i: number) =>
    i >= PIPELINE_STAGES.length ? ((bottom - top) * gapRows) / (rows.length + gapRows) : 0;

  const labelRoom = Math.max(LABEL_ROOM, options.labelWidth ?? 0);
  const valueRoom = Math.max(VALUE_ROOM, options.valueWidth ?? 0);
  const funnelWidth = Math.max(20, width - labelRoom - valueRoom);
  const centreX = labelRoom + funnelWidth / 2;
  const scale = scaleLinear()
    .domain([0, Math.max(1, reached[0] ?? 0, ...asideKeys.map((k) => counts.get(k) ?? 0))])
    .range([0, funnelWidth]);

  const stages: ProgressStage[] = PIPELINE_STAGES.map((key, i) => {
    const y = band(i) ?? 0;
    const rw = scale(reached[i]!);
    const cw = scale(stageCounts[i]!);
    const previous = i > 0 ? reached[i - 1]! : 0;
    return {
      key,
      count: stageCounts[i]!,
      reached: reached[i]!,
      conversion: i > 0 && previous > 0 ? round2(reached[i]! / previous) : null,
      y: round2(y),
      height: round2(band.bandwidth()),
      reachedX: round2(centreX - rw / 2),
      reachedWidth: round2(rw),
      countX: round2(centreX - cw / 2),
      countWidth: round2(cw),
    };
  });
  const aside: ProgressAside[] = asideKeys.map((key, k) => {
    const i = PIPELINE_STAGES.length + k;
    const w = scale(counts.get(key) ?? 0);
    return {
      key,
      count: counts.get(key) ?? 0,
      y: round2((band(i) ?? 0) + shift(i)),
      height: round2(band.bandwidth()),
      x: round2(centreX - w / 2),
      width: round2(w),
    };
  });
  const lastStage = stages.at(-1);
  const firstAside = aside[0];
  const inPipeline = reached[0] ?? 0;
  return {
    width: round2(width),
    height: round2(height),
    centreX: round2(centreX),
    labelX: round2(labelRoom - 10),
    valueX: round2(labelRoom + funnelWidth + 10),
    stages,
    aside,
    dividerY: firstAside && lastStage ? round2((lastStage.y + lastStage.height + firstAside.y) / 2) : null,
    colors: COLORS,
    legend: legendItems(options, labelRoom),
    captionY: round2(height - 6),
    summary: {
      partnerships,
      inPipeline,
      aside: partnerships - inPipeline,
      completed: counts.get('completed') ?? 0,
    },
  };
}

function legendItems(options: ProgressOptions, x0: number): ProgressModel['legend'] {
  const reachedLabel = options.labels?.reached ?? 'reached this stage';
  const countLabel = options.labels?.count ?? 'at this stage now';
  const y = 8 + 11;
  const x1 = x0 + 17 + estimateTextWidth(reachedLabel, 11) + 20;
  return [
    { key: 'reached', label: reachedLabel, color: COLORS.reached, x: round2(x0), y },
    { key: 'count', label: countLabel, color: COLORS.count, x: round2(x1), y },
  ];
}
