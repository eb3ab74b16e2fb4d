/**
 * What the network page's side panel shows about one institution beyond what the chart already carries: its
 * training by year and the milestones of its partnerships, under the page's filters (years, areas, statuses), plus
 * each partnership's title and milestone record. Every query is scoped to the institution, so a click costs the
 * same in a programme of any size.
 */
import type { Filters } from '@puente/data';
import { institutionsById, milestones, partnerships, trainingByYear, type Store } from '@puente/data/store';
import type { InstitutionDetail } from '$lib/components/network/types';

export type { InstitutionDetail };

/** The detail of an institution under the filters, or null when no institution has this id. */
export async function institutionDetail(
  store: Store,
  id: string,
  filters: Filters,
): Promise<InstitutionDetail | null> {
  const [[known], mine, volumes] = await Promise.all([
    institutionsById(store, [id]),
    partnerships(store, filters, { institution: id }),
    trainingByYear(store, filters, 'institution', { institution: id }),
  ]);
  if (!known) return null;
  const miles = await milestones(store, filters, { partnerships: mine.map((p) => p.id) });
  return {
    id,
    training: volumes.map((v) => ({ year: v.year, trainees: v.trainees, completed: v.completed })),
    milestones: miles,
    partnerships: Object.fromEntries(
      mine.map((p) => [
        p.id,
        { title: p.title, stalled: p.stalled, lastDone: p.lastDone, nextPlanned: p.nextPlanned },
      ]),
    ),
  };
}
