import { parseFilters } from '@puente/data';
import { currentVersion, milestones, network, partnerships, today } from '@puente/data/store';
import { isIsoDate, upcomingMilestones } from '@puente/charts';
import { getStore } from '$lib/server/store';
import { partnershipName } from '$lib/components/progress/format';
import { institutionLabel } from '$lib/labels';
import { attentionOrder } from './order';
import type { PageServerLoad } from './$types';

/** Rows of the timeline, stalled partnerships listed, milestones per list of the next 90 days: the rest is counted. */
const LIMITS = { timeline: 40, stalled: 25, upcoming: 8 } as const;

export const load: PageServerLoad = async ({ url, locals }) => {
  const store = getStore();
  const filters = parseFilters(url.searchParams);
  // "Today" can be pinned with ?asOf=yyyy-mm-dd (a real date, nothing else), so a view of the past can be shared
  // and tests don't depend on the calendar; anything else is ignored.
  const asOfParam = url.searchParams.get('asOf');
  const pinned = isIsoDate(asOfParam) ? asOfParam : null;
  const asOf = pinned ?? today();
  const [list, miles, graph, version] = await Promise.all([
    partnerships(store, filters, { asOf }),
    milestones(store, filters),
    network(store, filters),
    currentVersion(store),
  ]);
  const names = new Map(graph.nodes.map((n) => [n.id, institutionLabel(n, locals.locale)]));
  const named = list.map((p) => ({
    ...p,
    sourceName: names.get(p.source) ?? p.sourceName,
    targetName: names.get(p.target) ?? p.targetName,
  }));
  // What needs attention first; the page gets what it shows (a large programme has thousands of partnerships).
  const ordered = attentionOrder(named, miles, asOf, partnershipName);
  const stalled = ordered.filter((p) => p.stalled);
  const shown = ordered.slice(0, LIMITS.timeline);
  const shownIds = new Set(shown.map((p) => p.id));
  const upcoming = upcomingMilestones(miles, { asOf, days: 90 });
  const listed = (items: typeof miles) => items.slice(0, LIMITS.upcoming);
  const upcomingShown = {
    until: upcoming.until,
    within: listed(upcoming.within),
    next: listed(upcoming.next),
    overdue: listed(upcoming.overdue),
  };
  const listedIds = new Set(
    [...upcomingShown.within, ...upcomingShown.next, ...upcomingShown.overdue].map((m) => m.partnership),
  );
  const statusCounts: Record<string, number> = {};
  for (const p of list) statusCounts[p.status] = (statusCounts[p.status] ?? 0) + 1;
  return {
    asOf,
    pinned: pinned !== null,
    version,
    partnerships: list.length,
    moving: list.filter((p) => p.status === 'agreed' || p.status === 'active').length,
    statusCounts,
    stalled: stalled.slice(0, LIMITS.stalled),
    stalledCount: stalled.length,
    timeline: shown,
    timelineMilestones: miles.filter((m) => shownIds.has(m.partnership)),
    upcoming: upcomingShown,
    upcomingCounts: {
      within: upcoming.within.length,
      next: upcoming.next.length,
      overdue: upcoming.overdue.length,
    },
    /** Names of the partnerships the lists of the next 90 days mention. */
    upcomingNames: Object.fromEntries(
      ordered.filter((p) => listedIds.has(p.id)).map((p) => [p.id, partnershipName(p)]),
    ),
  };
};
