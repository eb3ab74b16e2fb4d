/**
 * The charts of the /network, /training and /progress pages as models, from those pages' views: the one place their
 * options live, so the page, an embed and an export draw the same chart. Browser-safe.
 */
import {
  cityTrainingModel,
  completionModel,
  timelineModel,
  trainingModel,
  type LegendKey,
  type TimelineMark,
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
import type { MilestoneItem, PartnershipSummary } from '@puente/data/store';
import { formatDate, partnershipName } from '$lib/components/progress/format';
import { cityCompletion, cityRecords, type CityYear, type StackBy } from '$lib/components/training/shape';
import { LANGUAGE_TAGS, type Translator } from '$lib/i18n/translator';

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
  cityColorBy: 'city' | 'country';
  cityColors: Record<string, string>;
  cityCountries: Record<string, string>;
  cityNames: Record<string, string>;
  cityLangs: Record<string, string>;
}

/** The /progress page's timeline: a row per partnership (those needing attention first), its milestones. */
export interface Timeline {
  /** The day "today" is on the timeline (what is overdue is measured from it). */
  asOf: string;
  /** Partnerships in view: the timeline draws the first TIMELINE_ROWS of them. */
  partnerships: number;
  timeline: readonly Pick<
    PartnershipSummary,
    'id' | 'title' | 'sourceName' | 'targetName' | 'status' | 'stalled' | 'unrecorded'
  >[];
  timelineMilestones: readonly MilestoneItem[];
}

export type PageChartData =
  | {
      chart: 'network-full';
      /** Null when the network is too large to lay out on the server (the page draws it on canvas). */
      model: NetworkModel | null;
      colorBy: 'city' | 'type';
      sizeBy: 'partnerships' | 'trained';
      layout: 'force' | 'bridge';
      /**
       * A file or embed of a network the page draws on canvas: the most connected institutions and their partners
       * (`shown` of `total`) drawn instead. Null when every institution in view is drawn.
       */
      cut?: { shown: number; total: number } | null;
    }
  | ({ chart: 'training-volume' } & Volume)
  | ({ chart: 'training-cities' | 'training-completion' } & Cities)
  | ({ chart: 'progress-timeline' } & Timeline);

/** Rows the timeline draws; the rest of the partnerships are counted under it. */
export const TIMELINE_ROWS = 40;
const MARKS: Array<LegendKey | 'today'> = [
  'done',
  'planned',
  'overdue',
  'missed',
  'other',
  'unreported',
  'today',
];

/** The timeline's rows: each partnership named, its stage (and stalled or unrecorded) as its note. */
export function timelineRows(data: Pick<Timeline, 'timeline' | 'timelineMilestones'>, tr: Translator) {
  const status = tr.labels.status;
  return data.timeline.map((p) => ({
    id: p.id,
    label: partnershipName(p),
    note: p.stalled
      ? `${status(p.status)} · ${tr.t('progress.timeline.stalled')}`
      : p.unrecorded
        ? `${status(p.status)} · ${tr.t('progress.timeline.unrecorded')}`
        : status(p.status),
    milestones: data.timelineMilestones.filter((m) => m.partnership === p.id),
  }));
}

export function timelineChartModel(data: Timeline, tr: Translator, width = 960) {
  return timelineModel(timelineRows(data, tr), {
    width,
    asOf: data.asOf,
    maxRows: TIMELINE_ROWS,
    labels: Object.fromEntries(MARKS.map((k) => [k, tr.t(`progress.mark.${k}`)])),
  });
}

/** A timeline mark in words (its <title>: tooltips and screen readers). */
export function describeMark(tr: Translator) {
  const locale = LANGUAGE_TAGS[tr.locale];
  return (mark: TimelineMark) =>
    tr.t('progress.timeline.mark', {
      date: formatDate(mark.date, locale),
      title: mark.title,
      status:
        mark.source === 'reported'
          ? tr.t(`progress.mark.${mark.kind}`)
          : `${tr.t(`progress.mark.${mark.kind}`)} · ${tr.labels.source(mark.source)}`,
    });
}

/** The timeline's caption: the day it is drawn for, and how many partnerships it leaves out. */
export function timelineCaption(data: Timeline, tr: Translator): string {
  const shown = Math.min(TIMELINE_ROWS, data.timeline.length);
  return tr.sentences(
    tr.t('progress.timeline.caption', { date: formatDate(data.asOf, LANGUAGE_TAGS[tr.locale]) }),
    data.partnerships > shown ? tr.t('progress.timeline.hidden', { shown, total: data.partnerships }) : '',
  );
}

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

export function citiesModel(data: Cities, tr: Translator, width = 960) {
  return cityTrainingModel(cityRecords(data.cities), {
    width,
    ...range(data),
    colors: data.cityColors,
    names: data.cityNames,
    nameLangs: data.cityLangs,
    labels: {
      illustrative: tr.t('provenance.legend.illustrative'),
      estimated: tr.t('provenance.legend.estimated'),
    },
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
export function trainingWords(tr: Translator, cities?: Pick<Cities, 'cityColorBy' | 'cityCountries'>) {
  // Cities coloured by country: each panel names its country beside its swatch, the panel's legend.
  const country = (p: CityPanel) =>
    cities?.cityColorBy === 'country' && cities.cityCountries[p.key]
      ? `${cities.cityCountries[p.key]} · `
      : '';
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
      describePanel: (p: CityPanel) => country(p) + tr.t('training.cities.total', { trainees: p.trainees }),
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
  return tr.sentences(
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
  );
}

/** The caption of a chart of cities: what it shows, and that colours stand for countries when they do. */
export function trainingCaption(
  data: Pick<Cities, 'cityColorBy'> & { chart: 'training-cities' | 'training-completion' },
  tr: Translator,
): string {
  const caption = tr.t(
    data.chart === 'training-cities' ? 'training.cities.caption' : 'training.completion.caption',
  );
  return data.cityColorBy === 'country' ? tr.sentences(caption, tr.t('training.colorByCountry')) : caption;
}

export function pageChartCaption(data: PageChartData, tr: Translator): string {
  switch (data.chart) {
    case 'network-full':
      return data.cut
        ? tr.sentences(tr.t('overview.networkTop', data.cut), networkCaption(tr, data))
        : networkCaption(tr, data);
    case 'training-volume':
      return tr.t(`training.volume.caption.${data.by}`);
    case 'training-cities':
    case 'training-completion':
      return trainingCaption(data, tr);
    case 'progress-timeline':
      return timelineCaption(data, tr);
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
    case 'progress-timeline':
      return data.timeline.length === 0;
  }
}
