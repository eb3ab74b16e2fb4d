/**
 * What the network page's side panel shows about one institution beyond what the chart already
 * carries: its training by year and the milestones of its partnerships, under the page's filters
 * (years, areas, statuses), plus each partnership's title and milestone record. Used by the page load (a
 * selection in the URL renders on the server) and by `detail/[id]` (selections made in the browser).
 */
import type { Filters } from '@puente/data';
import { institutionProfile, milestones, partnerships, trainingByYear, type Store } from '@puente/data/store';
import type { InstitutionDetail } from '$lib/components/network/types';

export type { InstitutionDetail };

/** The detail of an institution under the filters, or null when no institution has this id. */
export async function institutionDetail(
  store: Store,
  id: string,
  filters: Filters,
): Promise<InstitutionDetail | null> {
  const [mine, miles, volumes] = await Promise.all([
    partnerships(store, filters).then((all) => all.filter((p) => p.source === id || p.target === id)),
    milestones(store, filters),
    trainingByYear(store, filters, 'institution'),
  ]);
  const training = volumes
    .filter((v) => v.group === id)
    .map((v) => ({ year: v.year, trainees: v.trainees, completed: v.completed }));
  // Nothing at all under these filters: say "unknown" only if the id isn't an institution.
  if (mine.length === 0 && training.length === 0 && (await institutionProfile(store, id)) === null)
    return null;
  const ids = new Set(mine.map((p) => p.id));
  return {
    id,
    training,
    milestones: miles.filter((m) => ids.has(m.partnership)),
    partnerships: Object.fromEntries(
      mine.map((p) => [
        p.id,
        { title: p.title, stalled: p.stalled, lastDone: p.lastDone, nextPlanned: p.nextPlanned },
      ]),
    ),
  };
}
