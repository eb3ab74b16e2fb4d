/**
 * The /progress page's view: partnerships in the order that needs attention first, milestone timelines, the next
 * 90 days and the stalled ones — ordered, cut and counted in SQL, so the page is the same size for any programme.
 */
import {
  kpis,
  milestones,
  partnershipList,
  upcomingMilestones,
  type MilestoneItem,
  type PartnershipSummary,
  type Scope,
  type Store,
} from '@puente/data/store';
import { addDays } from '@puente/charts';
import { TIMELINE_ROWS } from '$lib/charts/page-charts';
import { partnershipName } from '$lib/components/progress/format';
import type { Locale } from '$lib/i18n/translator';

/** Rows of the timeline, stalled partnerships listed, milestones per list of the next 90 days: the rest is counted. */
const LIMITS = { timeline: TIMELINE_ROWS, stalled: 25, upcoming: 8 } as const;
const UPCOMING_DAYS = 90;

export interface ProgressInput {
  /** The filters, and the data version when the view is pinned to one (else the current data). */
  filters: Scope;
  locale: Locale;
  /** Today, or the day pinned with `?asOf=`: `yyyy-mm-dd`. */
  asOf: string;
}

export interface ProgressView {
  asOf: string;
  partnerships: number;
  /** Agreed or active. */
  moving: number;
  statusCounts: Record<string, number>;
  stalled: PartnershipSummary[];
  stalledCount: number;
  /** Agreed or active with no milestone recorded: apart from the stalled, since nothing is known of their pace. */
  unrecorded: PartnershipSummary[];
  unrecordedCount: number;
  timeline: PartnershipSummary[];
  timelineMilestones: MilestoneItem[];
  upcoming: { until: string; within: MilestoneItem[]; next: MilestoneItem[]; overdue: MilestoneItem[] };
  upcomingCounts: { within: number; next: number; overdue: number };
  /** Names of the partnerships the lists of the next 90 days mention. */
  upcomingNames: Record<string, string>;
}

export async function progressView(
  store: Store,
  { filters, locale, asOf }: ProgressInput,
): Promise<ProgressView> {
  const until = addDays(asOf, UPCOMING_DAYS);
  const [figures, timeline, stalled, unrecorded, upcoming] = await Promise.all([
    kpis(store, filters),
    partnershipList(store, filters, { asOf, locale, order: 'attention', limit: LIMITS.timeline }),
    partnershipList(store, filters, {
      asOf,
      locale,
      order: 'attention',
      stalled: true,
      limit: LIMITS.stalled,
    }),
    partnershipList(store, filters, { asOf, locale, unrecorded: true, limit: LIMITS.stalled }),
    upcomingMilestones(store, filters, { asOf, until, limit: LIMITS.upcoming, locale }),
  ]);
  const mentioned = [
    ...new Set(
      [upcoming.within, upcoming.next, upcoming.overdue].flatMap((l) => l.items.map((m) => m.partnership)),
    ),
  ];
  const [timelineMilestones, named] = await Promise.all([
    milestones(store, filters, { partnerships: timeline.items.map((p) => p.id), locale }),
    partnershipList(store, filters, { asOf, locale, ids: mentioned }),
  ]);
  return {
    asOf,
    partnerships: figures.partnerships,
    moving: figures.byStatus.agreed + figures.byStatus.active,
    statusCounts: Object.fromEntries(Object.entries(figures.byStatus).filter(([, n]) => n > 0)),
    stalled: stalled.items,
    stalledCount: stalled.total,
    unrecorded: unrecorded.items,
    unrecordedCount: unrecorded.total,
    timeline: timeline.items,
    timelineMilestones,
    upcoming: {
      until,
      within: upcoming.within.items,
      next: upcoming.next.items,
      overdue: upcoming.overdue.items,
    },
    upcomingCounts: {
      within: upcoming.within.total,
      next: upcoming.next.total,
      overdue: upcoming.overdue.total,
    },
    upcomingNames: Object.fromEntries(named.items.map((p) => [p.id, partnershipName(p)])),
  };
}
