/**
 * The charts of the /network and /training pages as models, from those pages' views: the one place their options
 * live, so the page, an embed and an export draw the same chart. Browser-safe.
 */
import {
  cityTrainingModel,
  completionModel,
  trainingModel,
  type CityBar,
  type CityPanel,
  type ColorMap,
  type CompletionPoint,
  type CompletionSeries,
  type NetworkModel,
  type NetworkScene,
  type TrainingBar,
  type TrainingRecord,
  type TrainingYear,
  type YearCompletion,
} from '@puente/charts';
import { cityCompletion, cityRecords, type CityYear, type StackBy } from '$lib/components/training/shape';
import type { Translator } from '$lib/i18n/translator';

interface Years {
  from: number | null;
  to: number | null;
}
interface Volume extends Years {
  by: StackBy;
  stack: TrainingRecord[];
  completion: YearCompletion[];
  stackColors: ColorMap | null;
}
interface Cities extends Years {
  cities: CityYear[];
  cityColors: Record<string, string>;
  cityNames: Record<string, string>;
  cityLangs: Record<string, string>;
}

export type PageChartData =
  | {
      chart: 'network-full';
      /** Null when the network is too large to lay out on the server (the page draws it on canvas). */
      model: NetworkModel | null;
      colorBy: 'city' | 'type';
      sizeBy: 'partnerships' | 'trained';
      layout: 'force' | 'bridge';
    }
  | ({ chart: 'training-volume' } & Volume)
  | ({ chart: 'training-cities' | 'training-completion' } & Cities);

const range = (d: Years) => ({ from: d.from ?? undefined, to: d.to ?? undefined });

export function volumeModel(data: Volume, tr: Translator, width = 960) {
  return trainingModel(data.stack, {
    width,
    height: width < 600 ? 340 : 380,
    stackBy: data.by,
    ...range(data),
    completion: data.completion,
    labels: {
      completionRate: tr.t('training.completionRate'),
      other: tr.t('training.other'),
      illustrative: tr.t('provenance.legend.illustrative'),
      estimated: tr.t('provenance.legend.estimated'),
    },
    legendLabelWidth: 240,
    colors: data.stackColors ?? undefined,
  });
}

export function citiesModel(data: Cities, width = 960) {
  return cityTrainingModel(cityRecords(data.cities), {
    width,
    ...range(data),
    colors: data.cityColors,
    names: data.cityNames,
    nameLangs: data.cityLangs,
  });
}

export function completionChartModel(data: Cities, tr: Translator, width = 960) {
  return completionModel(cityCompletion(data.cities), {
    width,
    height: 300,
    ...range(data),
    colors: data.cityColors,
    names: data.cityNames,
    nameLangs: data.cityLangs,
    labels: { all: tr.t('training.completion.all') },
  });
}

/**
 * The words of the training charts' parts (their <title>s: tooltips and screen readers), in the reader's language,
 * for the page and for what is taken away from it alike.
 */
export function trainingWords(tr: Translator) {
  return {
    volume: {
      describeBar: (bar: TrainingBar, label: string) =>
        tr.t('training.bar', {
          year: String(bar.year),
          group: label,
          trainees: bar.trainees,
          completed: bar.completed,
        }),
      describeYear: (year: TrainingYear) =>
        tr.t('training.point', {
          year: String(year.year),
          rate: year.rate ?? 0,
          completed: year.completed,
          reported: year.reported,
        }),
    },
    cities: {
      describePanel: (p: CityPanel) => tr.t('training.cities.total', { trainees: p.trainees }),
      describeBar: (bar: CityBar, p: CityPanel) =>
        tr.t('training.cities.bar', { city: p.key, year: String(bar.year), trainees: bar.trainees }),
    },
    completion: {
      describePoint: (point: CompletionPoint, s: CompletionSeries) =>
        tr.t('training.completion.point', {
          name: s.label,
          year: String(point.year),
          rate: point.rate,
          completed: point.completed,
          reported: point.reported,
        }),
    },
  };
}

/** How the network page's chart is drawn, in words: colours, sizes, layout, and the partners shown for context. */
export function networkCaption(
  tr: Translator,
  view: {
    model: Pick<NetworkScene, 'legend' | 'nodes'> | null;
    colorBy: 'city' | 'type';
    sizeBy: 'partnerships' | 'trained';
    layout: 'force' | 'bridge';
  },
  context = view.model?.nodes.filter((n) => n.context).length ?? 0,
): string {
  return [
    tr.t(
      view.model?.legend.colorBy === 'country'
        ? 'networkPage.caption.country'
        : view.colorBy === 'type'
          ? 'networkPage.caption.type'
          : 'networkPage.caption.city',
    ),
    tr.t(
      view.sizeBy === 'trained'
        ? 'networkPage.caption.size.trained'
        : 'networkPage.caption.size.partnerships',
    ),
    view.layout === 'bridge' ? tr.t('networkPage.caption.bridge') : '',
    context > 0 ? tr.t('networkPage.caption.context') : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function pageChartCaption(data: PageChartData, tr: Translator): string {
  switch (data.chart) {
    case 'network-full':
      return networkCaption(tr, data);
    case 'training-volume':
      return tr.t(`training.volume.caption.${data.by}`);
    case 'training-cities':
      return tr.t('training.cities.caption');
    case 'training-completion':
      return tr.t('training.completion.caption');
  }
}

/** True when the chart has nothing to draw under its filters. */
export function pageChartIsEmpty(data: PageChartData): boolean {
  switch (data.chart) {
    case 'network-full':
      return data.model !== null && data.model.nodes.length === 0;
    case 'training-volume':
      return data.stack.length === 0;
    case 'training-cities':
      return data.cities.length === 0;
    case 'training-completion':
      return !data.cities.some((c) => c.reported > 0);
  }
}
