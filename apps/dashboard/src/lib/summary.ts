import { EARLY_STATUSES, isInMotion, partnershipsWith } from '@puente/data/schema';
import type { Kpis, NetworkData, PartnershipSummary, YearActivity } from '@puente/data/store';

/** One sentence of the overview's summary: a message key and its values, localized when shown. */
export interface Sentence {
  key:
    | 'summary.connected'
    | 'summary.trainingGrew'
    | 'summary.trainingFell'
    | 'summary.trainingSteady'
    | 'summary.stalled'
    | 'summary.noneStalled'
    | 'summary.missed'
    | 'summary.proposals';
  values: Record<string, string | number>;
}

export interface SummaryInput {
  kpis: Kpis;
  network: NetworkData;
  activity: YearActivity[];
  partnerships: PartnershipSummary[];
  /** Display name of an institution id, in the reader's language. */
  name: (id: string) => string;
}

/** Who is most connected, what grew, what is late: a few plain sentences computed from the data in view. */
export function summarize({ kpis, network, activity, partnerships, name }: SummaryInput): Sentence[] {
  const sentences: Sentence[] = [];

  const degree = new Map<string, number>();
  for (const link of network.links) {
    degree.set(link.source, (degree.get(link.source) ?? 0) + 1);
    degree.set(link.target, (degree.get(link.target) ?? 0) + 1);
  }
  const ranked = [...degree].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = ranked[0];
  if (top) sentences.push({ key: 'summary.connected', values: { name: name(top[0]), count: top[1] } });

  const withTraining = activity.filter((a) => a.trainees > 0);
  const last = withTraining.at(-1);
  const previous = last ? activity.find((a) => a.year === last.year - 1) : undefined;
  if (last && previous && previous.trainees > 0) {
    const change = (last.trainees - previous.trainees) / previous.trainees;
    const key =
      Math.abs(change) < 0.02
        ? 'summary.trainingSteady'
        : change > 0
          ? 'summary.trainingGrew'
          : 'summary.trainingFell';
    sentences.push({
      key,
      values: {
        year: String(last.year),
        previous: String(previous.year),
        trainees: last.trainees,
        change: Math.abs(change),
      },
    });
  }

  const early = partnershipsWith(kpis.byStatus, EARLY_STATUSES);
  if (kpis.partnerships > 0 && early > 0) {
    sentences.push({ key: 'summary.proposals', values: { count: early, total: kpis.partnerships } });
  }

  const stalled = partnerships.filter((p) => p.stalled);
  if (stalled.length > 0) {
    const names = stalled.slice(0, 3).map((p) => `${name(p.source)} – ${name(p.target)}`);
    sentences.push({ key: 'summary.stalled', values: { count: stalled.length, names: names.join('; ') } });
  } else if (partnerships.some((p) => isInMotion(p.status))) {
    sentences.push({ key: 'summary.noneStalled', values: {} });
  }
  if (kpis.milestones.missed > 0)
    sentences.push({ key: 'summary.missed', values: { count: kpis.milestones.missed } });
  return sentences;
}
