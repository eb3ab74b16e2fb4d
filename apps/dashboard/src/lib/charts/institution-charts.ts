/**
 * An institution's charts (its page's ego network and training), from its page's data: what a Share menu, an embed
 * and a file of them carry — the one institution and nothing else. Browser-safe.
 */
import type {
  NetworkModel,
  NetworkModelNode,
  TrainingBar,
  TrainingModel,
  TrainingYear,
} from '@puente/charts';
import type { InstitutionPage, TrainingRow } from '$lib/components/institution/profile';
import type { Translator } from '$lib/i18n/translator';
import type { InstitutionChartId } from './catalogue';

export type InstitutionChartData =
  | { chart: 'institution-network'; id: string; name: string; model: NetworkModel | null }
  | {
      chart: 'institution-training';
      id: string;
      name: string;
      model: TrainingModel | null;
      rows: TrainingRow[];
    };

export function institutionChartData(
  chart: InstitutionChartId,
  page: Pick<InstitutionPage, 'institution' | 'ego' | 'training'>,
): InstitutionChartData {
  const { id, label: name } = page.institution;
  return chart === 'institution-network'
    ? { chart, id, name, model: page.ego }
    : { chart, id, name, model: page.training.model, rows: page.training.rows };
}

export const institutionChartTitle = (data: InstitutionChartData, tr: Translator) =>
  tr.t(data.chart === 'institution-network' ? 'institution.network.title' : 'institution.training.title', {
    name: data.name,
  });

export function institutionChartCaption(data: InstitutionChartData, tr: Translator): string {
  if (data.chart === 'institution-network') return tr.t('institution.network.caption', { name: data.name });
  return data.model && data.model.summary.reported === 0
    ? tr.t('institution.training.captionNoRate')
    : tr.t('institution.training.caption');
}

/** How the ego network names a node (its <title>): the institution itself, or a partner as the network does. */
export const describeEgoNode =
  (tr: Translator, id: string, describePartner: (node: NetworkModelNode) => string) =>
  (node: NetworkModelNode) =>
    node.id === id
      ? tr.t('institution.network.self', { name: node.label, trained: node.trained })
      : describePartner(node);

/** The words of the training chart's parts (their <title>s), for its page and for what is taken away alike. */
export function institutionTrainingWords(tr: Translator) {
  return {
    describeBar: (bar: TrainingBar, topic: string) =>
      tr.t('institution.training.bar', { year: String(bar.year), topic, trainees: bar.trainees }),
    describeYear: (year: TrainingYear) =>
      year.rate === null
        ? String(year.year)
        : tr.t('institution.training.point', { year: String(year.year), rate: year.rate }),
  };
}
