import type { NetworkSceneNode } from '@puente/charts';
import type { PartnershipArea, PartnershipStatus } from '@puente/data/schema';
import type { MilestoneItem } from '@puente/data/store';

/** What the network page's side panel loads about an institution (`/network/detail/{id}`). */
export interface InstitutionDetail {
  id: string;
  /** Training by year, within the year filter. */
  training: Array<{ year: number; trainees: number; completed: number }>;
  /** Milestones of its partnerships in view, within the year filter, by date. */
  milestones: MilestoneItem[];
  /** Title and milestone record of each of its partnerships in view, by partnership id. */
  partnerships: Record<
    string,
    { title: string | null; stalled: boolean; lastDone: string | null; nextPlanned: string | null }
  >;
}

/** One partnership of the selected institution, as the panel lists it. */
export interface Partner {
  /** Partnership id. */
  id: string;
  partner: NetworkSceneNode;
  area: PartnershipArea;
  status: PartnershipStatus;
  milestones: number;
  milestonesDone: number;
}
