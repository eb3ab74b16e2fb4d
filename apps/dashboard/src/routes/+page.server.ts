import { parseFilters } from '@puente/data';
import {
  activityByYear,
  currentVersion,
  kpis,
  network,
  partnerships,
  trainingByYear,
} from '@puente/data/store';
import { networkModel } from '@puente/charts';
import { getStore } from '$lib/server/store';
import { institutionLabel } from '$lib/labels';
import { summarize } from '$lib/summary';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const store = getStore();
  const filters = parseFilters(url.searchParams);
  const [figures, graph, activity, list, version, byCity] = await Promise.all([
    kpis(store, filters),
    network(store, filters),
    activityByYear(store, filters),
    partnerships(store, filters),
    currentVersion(store),
    trainingByYear(store, filters, 'city'),
  ]);
  const names = new Map(graph.nodes.map((n) => [n.id, institutionLabel(n, locals.locale)]));
  const name = (id: string) => names.get(id) ?? id;
  // The layout is computed here, seeded, so the page shows the network before any JavaScript runs.
  const model = networkModel(
    {
      nodes: graph.nodes.map((n) => ({ ...n, label: name(n.id) })),
      links: graph.links,
    },
    { width: 960, height: 520, colorBy: 'city', seed: 1 },
  );
  // The year the figures speak of: the latest with activity, never one still in the future.
  const thisYear = new Date().getFullYear();
  const reference = activity.filter((a) => a.year <= thisYear).at(-1) ?? null;
  const previous = reference ? (activity.find((a) => a.year === reference.year - 1) ?? null) : null;
  // Each institution's partners, for the network's table alternative.
  const partners: Record<string, { name: string; status: string }[]> = {};
  for (const l of graph.links) {
    (partners[l.source] ??= []).push({ name: name(l.target), status: l.status });
    (partners[l.target] ??= []).push({ name: name(l.source), status: l.status });
  }
  return {
    figures,
    partners,
    model,
    version,
    reference,
    previous,
    activity,
    summary: summarize({ kpis: figures, network: graph, activity, partnerships: list, name }),
    stalled: list
      .filter((p) => p.stalled)
      .map((p) => ({ ...p, sourceName: name(p.source), targetName: name(p.target) })),
    funnel: list.map((p) => ({ id: p.id, status: p.status, area: p.area })),
    // The training trend, stacked by city (the overview's question is "city against city", not topic).
    trend: byCity.map((v) => ({
      institution: v.group,
      institutionLabel: v.group,
      year: v.year,
      trainees: v.trainees,
      completed: v.completed,
      reported: v.reported,
    })),
  };
};
