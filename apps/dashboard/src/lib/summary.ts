import { EARLY_STATUSES, IN_MOTION_STATUSES, partnershipsWith } from '@puente/data/schema';
import type { ConnectedInstitution, Kpis, Listed, TrainingComparison } from '@puente/data/store';
import type { DataText, TextRun } from '$lib/i18n/rich';
import { basisOf } from '$lib/provenance';

/** One sentence of the overview's summary: a message key and its values, localized when shown. */
export interface Sentence {
  key:
    | 'summary.connected'
    | 'summary.trainingGrew'
    | 'summary.trainingFell'
    | 'summary.trainingSteady'
    | 'summary.trainingIncomplete'
    | 'summary.stalled'
    | 'summary.noneStalled'
    | 'summary.noneStalledRecorded'
    | 'summary.unrecorded'
    | 'summary.missed'
    | 'summary.proposals';
  values: Record<string, string | number>;
  /** Placeholders filled with names from the data, each shown with its own `lang` (see `richMessage`). */
  names?: Record<string, TextRun>;
}

export interface SummaryInput {
  kpis: Kpis;
  /** The latest year with training against the year before, over the institutions that reported both. */
  training: TrainingComparison | null;
  /** The institution with most partnerships in view, if any has one. */
  mostConnected: ConnectedInstitution | null;
  /** The stalled partnerships in view (milestones recorded, none done lately): the first few, and how many. */
  stalled: Listed<{ source: string; target: string }>;
  /** Partnerships in view agreed or active with no milestone recorded at all: neither stalled nor on track. */
  unrecorded: number;
  /** Display name of an institution id, in the reader's language when the data has it (else with its `lang`). */
  name: (id: string) => DataText;
}

/** Who is most connected, what grew, what is late: a few plain sentences computed from the data in view. */
export function summarize({
  kpis,
  training,
  mostConnected,
  stalled,
  unrecorded,
  name,
}: SummaryInput): Sentence[] {
  const sentences: Sentence[] = [];

  if (mostConnected) {
    sentences.push({
      key: 'summary.connected',
      values: { count: mostConnected.degree },
      names: { name: [name(mostConnected.id)] },
    });
  }

  // Like with like: a change is measured over the institutions that reported both years, and a year some of them
  // have not reported yet is called incomplete, never a fall.
  if (training && training.both > 0 && training.traineesBefore > 0) {
    const change = (training.traineesNow - training.traineesBefore) / training.traineesBefore;
    const key =
      Math.abs(change) < 0.02
        ? 'summary.trainingSteady'
        : change > 0
          ? 'summary.trainingGrew'
          : 'summary.trainingFell';
    // A change measured on illustrative or estimated figures says so in the same sentence, never as fact.
    sentences.push({
      key,
      values: {
        year: String(training.year),
        previous: String(training.year - 1),
        institutions: training.both,
        change: Math.abs(change),
        basis: basisOf(training.unreported),
        illustrative: training.unreported.illustrative,
        estimated: training.unreported.estimated,
      },
    });
  }
  if (training && training.both < training.reportedBefore) {
    sentences.push({
      key: 'summary.trainingIncomplete',
      values: {
        year: String(training.year),
        previous: String(training.year - 1),
        reported: training.both,
        expected: training.reportedBefore,
      },
    });
  }

  const early = partnershipsWith(kpis.byStatus, EARLY_STATUSES);
  if (kpis.partnerships > 0 && early > 0) {
    sentences.push({ key: 'summary.proposals', values: { count: early, total: kpis.partnerships } });
  }

  // A partnership with no milestone recorded says nothing of its pace: it is named apart, never as late or stalled,
  // and "every partnership has moved" is only said of the ones whose record shows it.
  const inMotion = partnershipsWith(kpis.byStatus, IN_MOTION_STATUSES);
  if (stalled.total > 0) {
    const names = stalled.items
      .slice(0, 3)
      .flatMap((p, i): TextRun => [...(i > 0 ? ['; '] : []), name(p.source), ' – ', name(p.target)]);
    sentences.push({ key: 'summary.stalled', values: { count: stalled.total }, names: { names } });
  } else if (inMotion > unrecorded) {
    sentences.push({
      key: unrecorded > 0 ? 'summary.noneStalledRecorded' : 'summary.noneStalled',
      values: {},
    });
  }
  if (unrecorded > 0) sentences.push({ key: 'summary.unrecorded', values: { count: unrecorded } });
  if (kpis.milestones.missed > 0)
    sentences.push({ key: 'summary.missed', values: { count: kpis.milestones.missed } });
  return sentences;
}
