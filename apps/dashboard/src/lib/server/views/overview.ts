/**
 * The overview's view: key figures, a summary written from the data, the network's most connected institutions,
 * the stalled partnerships, the training trend by city and the funnel — each bounded, whatever the programme's size.
 */
import { PARTNERSHIP_STATUSES } from '@puente/data/schema';
import {
  activityByYear,
  kpis,
  mostConnected,
  network,
  partnershipList,
  trainingByYear,
  trainingComparison,
  type ConnectedInstitution,
  type Kpis,
  type NetworkData as GraphRows,
  type PartnershipSummary,
  type Scope,
  type Store,
  type TrainingComparison,
  type YearActivity,
} from '@puente/data/store';
import type { ColorMap, NetworkModel, ProgressRecord, TrainingRecord } from '@puente/charts';
import type { Locale } from '$lib/i18n/translator';
import type { DataText } from '$lib/i18n/rich';
import { countryName, institutionLabel, institutionLang, textLang } from '$lib/labels';
import { summarize, type Sentence } from '$lib/summary';
import { networkColors, type ProgrammeColors } from './colors';
import { networkModelOffThread } from './network-pool';
import { uprightModel } from './upright';

/**
 * The overview's network shows every institution up to this many; past it, the most connected institutions with
 * their partners, this many in all.
 */
export const OVERVIEW_NODES = 60;
/** Stalled partnerships listed; the rest are counted. */
const STALLED_LISTED = 5;
/** Cities (or countries) of the training trend; the rest are summed into "other". */
const TREND_CITIES = 7;

/** The network's viewBox on a laptop or tablet (a phone gets it upright: see `overviewUprightView`). */
const WIDE = { width: 960, height: 520 };

export interface OverviewInput {
  /** The filters, and the data version when the view is pinned to one (else the current data). */
  filters: Scope;
  locale: Locale;
  /** Today, `yyyy-mm-dd`: "stalled" is measured from it. */
  asOf: string;
  /** The programme's colours; without them (a pinned older version), colours are assigned over the drawn nodes. */
  colors?: ProgrammeColors;
}

export interface OverviewView {
  figures: Kpis;
  model: NetworkModel;
  /** Institutions drawn in the network, of how many in view. */
  networkShown: { shown: number; total: number };
  /** The year the figures speak of, and the one before. */
  reference: YearActivity | null;
  previous: YearActivity | null;
  /** The latest year with training against the one before, over the institutions that reported both. */
  training: TrainingComparison | null;
  activity: YearActivity[];
  summary: Sentence[];
  stalled: Array<PartnershipSummary & { sourceName: string; targetName: string }>;
  stalledCount: number;
  /** Agreed or active partnerships with no milestone recorded (not stalled: nothing is known), the first few. */
  unrecorded: PartnershipSummary[];
  unrecordedCount: number;
  /** Partnerships per status. */
  funnel: ProgressRecord[];
  /** The training trend, stacked by city, or by country when the programme colours cities by country. */
  trend: TrainingRecord[];
  trendBy: 'city' | 'country';
  /** The programme's colours of the trend's series (cities or countries); null for a pinned older version. */
  trendColors: ColorMap | null;
}

/** The overview network's options but its box: coloured by city, sized by partnerships. */
const networkOptions = (colors: ProgrammeColors | undefined) => ({
  ...(colors ? networkColors(colors, 'city') : { colorBy: 'city' as const }),
  sizeBy: 'partnerships' as const,
  seed: 1,
});

/**
 * The overview's network upright for a phone, where the wide one would be a thin strip. Apart from the view, so
 * that files and embeds, which share the view, never lay it out.
 */
export async function overviewUprightView(
  view: Pick<OverviewView, 'model'>,
  colors: ProgrammeColors,
): Promise<{ model: NetworkModel }> {
  return { model: await uprightModel(view.model, { ...WIDE, ...networkOptions(colors) }) };
}

export async function overviewView(
  store: Store,
  { filters, locale, asOf, colors }: OverviewInput,
): Promise<OverviewView> {
  // The trend's series share the network's colours: by country once cities are too many to tell apart by colour.
  const trendBy = colors?.byCountry ? 'country' : 'city';
  const [figures, top, activity, stalled, unrecorded, byPlace] = await Promise.all([
    kpis(store, filters),
    mostConnected(store, filters, OVERVIEW_NODES),
    activityByYear(store, filters),
    partnershipList(store, filters, { asOf, stalled: true, limit: STALLED_LISTED, locale }),
    partnershipList(store, filters, { asOf, unrecorded: true, limit: STALLED_LISTED, locale }),
    trainingByYear(store, filters, trendBy, { top: TREND_CITIES, locale }),
  ]);
  // Small programmes: the whole network in view. Large ones: the most connected institutions with their partners,
  // up to OVERVIEW_NODES — who works with whom around the hubs, rather than hubs that seldom meet each other.
  const all = figures.institutions <= OVERVIEW_NODES;
  const graph = await network(
    store,
    filters,
    all
      ? {}
      : {
          only: aroundHubs(
            await network(store, filters, { touching: top.items.map((t) => t.id) }),
            top.items,
          ),
        },
  );
  const names = new Map(graph.nodes.map((n) => [n.id, institutionLabel(n, locale)]));
  const langs = new Map(graph.nodes.map((n) => [n.id, institutionLang(n, locale)]));
  const name = (id: string) => names.get(id) ?? id;

  // The layout is computed off the request thread, seeded, so the page shows the network before any JavaScript.
  const data = {
    nodes: graph.nodes.map((n) => {
      const labelLang = langs.get(n.id);
      return { ...n, label: name(n.id), ...(labelLang === undefined ? {} : { labelLang }) };
    }),
    links: graph.links,
  };
  const model = await networkModelOffThread({ data, options: { ...WIDE, ...networkOptions(colors) } });
  // The year the figures speak of: the latest with activity, never one still in the future.
  const thisYear = Number(asOf.slice(0, 4));
  const reference = activity.filter((a) => a.year <= thisYear).at(-1) ?? null;
  const previous = reference ? (activity.find((a) => a.year === reference.year - 1) ?? null) : null;
  const trainingYear = activity.filter((a) => a.trainees > 0 && a.year <= thisYear).at(-1)?.year;
  const training = trainingYear === undefined ? null : await trainingComparison(store, filters, trainingYear);
  return {
    figures,
    model,
    networkShown: { shown: graph.nodes.length, total: figures.institutions },
    reference,
    previous,
    training,
    activity,
    summary: summarize({
      kpis: figures,
      training,
      mostConnected: top.items[0] ?? null,
      stalled: { items: stalled.items, total: stalled.total },
      unrecorded: unrecorded.total,
      // The stalled list carries names in the reader's language; the network's cover the rest.
      name: (id) =>
        names.has(id) ? dataText(name(id), langs.get(id)) : (stalledName(stalled.items, id) ?? { text: id }),
    }),
    stalled: stalled.items,
    stalledCount: stalled.total,
    unrecorded: unrecorded.items,
    unrecordedCount: unrecorded.total,
    funnel: PARTNERSHIP_STATUSES.filter((status) => figures.byStatus[status] > 0).map((status) => ({
      id: status,
      status,
      count: figures.byStatus[status],
    })),
    trend: byPlace.map((v) => ({
      institution: v.other ? '' : v.group,
      institutionLabel: v.other
        ? ''
        : trendBy === 'country'
          ? countryName(v.group, locale)
          : (v.label ?? v.group),
      ...(v.other || textLang(v.labelLang) === undefined ? {} : { labelLang: textLang(v.labelLang) }),
      ...(v.other ? { other: true } : {}),
      year: v.year,
      trainees: v.trainees,
      completed: v.completed,
      reported: v.reported,
      estimated: v.unreported.estimated,
      illustrative: v.unreported.illustrative,
    })),
    trendBy,
    trendColors: colors ? colors[trendBy] : null,
  };
}

/** The hubs in order, each followed by its partners (most connected first), until `limit` are chosen. */
export function aroundHubs(
  near: GraphRows,
  hubs: readonly ConnectedInstitution[],
  limit = OVERVIEW_NODES,
): string[] {
  const degree = new Map(hubs.map((h) => [h.id, h.degree]));
  const partners = new Map<string, string[]>();
  for (const l of near.links) {
    (partners.get(l.source) ?? partners.set(l.source, []).get(l.source)!).push(l.target);
    (partners.get(l.target) ?? partners.set(l.target, []).get(l.target)!).push(l.source);
  }
  const chosen = new Set<string>();
  for (const hub of hubs) {
    if (chosen.size >= limit) break;
    chosen.add(hub.id);
    const around = [...new Set(partners.get(hub.id) ?? [])].sort(
      (a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
    );
    for (const id of around) {
      if (chosen.size >= limit) break;
      chosen.add(id);
    }
  }
  return [...chosen];
}

function stalledName(items: readonly PartnershipSummary[], id: string): DataText | undefined {
  for (const p of items) {
    if (p.source === id) return dataText(p.sourceName, textLang(p.sourceNameLang));
    if (p.target === id) return dataText(p.targetName, textLang(p.targetNameLang));
  }
  return undefined;
}

const dataText = (text: string, lang: string | undefined): DataText =>
  lang === undefined ? { text } : { text, lang };
