/**
 * The overview's charts as models, from the overview's view: the one place their options live, so the page, an
 * embed, an export and a report draw the same chart.
 */
import {
  ASIDE_STATUSES,
  EARLY_STATUSES,
  IN_MOTION_STATUSES,
  partnershipsWith,
  PIPELINE_STATUSES,
} from '@puente/data/schema';
import {
  estimateTextWidth,
  figuresModel,
  progressModel,
  trainingModel,
  type KeyFigure,
  type ProgressRecord,
} from '@puente/charts';
import type { Translator } from '$lib/i18n/translator';
import { unreportedNote } from '$lib/provenance';
import type { OverviewView } from '$lib/server/views/overview';
import { CHART_CAPTIONS, CHART_TITLES, type OverviewChartId } from './catalogue';
import {
  institutionChartCaption,
  institutionChartTitle,
  type InstitutionChartData,
} from './institution-charts';
import { pageChartCaption, pageChartIsEmpty, type PageChartData } from './page-charts';

type Figures = Pick<OverviewView, 'figures' | 'reference' | 'previous' | 'training'>;
type Trend = Pick<OverviewView, 'trend' | 'trendBy' | 'trendColors'>;

/**
 * What one chart needs of its page's view, and nothing more: an embed or export of a chart carries only the data
 * that chart shows. The overview's charts here, the other pages' in page-charts.ts, an institution's in
 * institution-charts.ts.
 */
export type ChartData = OverviewChartData | PageChartData | InstitutionChartData;

export type OverviewChartData =
  | { chart: 'network'; model: OverviewView['model']; networkShown: OverviewView['networkShown'] }
  | ({ chart: 'training' } & Trend)
  | { chart: 'progress'; funnel: OverviewView['funnel'] }
  | ({ chart: 'kpis' } & Figures);

export function chartData(chart: OverviewChartId, view: OverviewView): OverviewChartData {
  switch (chart) {
    case 'network':
      return { chart, model: view.model, networkShown: view.networkShown };
    case 'training':
      return { chart, trend: view.trend, trendBy: view.trendBy, trendColors: view.trendColors };
    case 'progress':
      return { chart, funnel: view.funnel };
    case 'kpis':
      return {
        chart,
        figures: view.figures,
        reference: view.reference,
        previous: view.previous,
        training: view.training,
      };
  }
}

/** True when the chart has nothing to draw under its filters. */
export function chartIsEmpty(data: ChartData): boolean {
  switch (data.chart) {
    case 'network':
      return data.model.nodes.length === 0;
    case 'training':
      return data.trend.length === 0;
    case 'progress':
      return data.funnel.length === 0;
    case 'kpis':
      return false;
    case 'institution-network':
    case 'institution-training':
      return data.model === null;
    default:
      return pageChartIsEmpty(data);
  }
}

/** A chart's title, in the reader's language (an institution's charts name it). */
export function chartTitle(data: ChartData, tr: Translator): string {
  return data.chart === 'institution-network' || data.chart === 'institution-training'
    ? institutionChartTitle(data, tr)
    : tr.t(CHART_TITLES[data.chart]);
}

/** How to read a chart, as its page says under the title. */
export function chartCaption(data: ChartData, tr: Translator): string {
  switch (data.chart) {
    case 'network': {
      // Past OVERVIEW_NODES the overview draws the most connected institutions: the caption says so.
      const how = tr.t(
        data.model.legend.colorBy === 'country' ? 'network.captionCountry' : CHART_CAPTIONS.network,
      );
      return data.networkShown.shown < data.networkShown.total
        ? tr.sentences(tr.t('overview.networkTop', data.networkShown), how)
        : how;
    }
    case 'training':
    case 'progress':
    case 'kpis':
      return tr.t(CHART_CAPTIONS[data.chart]);
    case 'institution-network':
    case 'institution-training':
      return institutionChartCaption(data, tr);
    default:
      return pageChartCaption(data, tr);
  }
}

/** The training trend: stacked by city in the programme's city colours, or by country, saying so in its legend. */
export function trendModel(data: Trend, tr: Translator, width = 620) {
  return trainingModel([...data.trend], {
    width,
    height: 300,
    stackBy: 'institution',
    labels: {
      completionRate: tr.t('training.completionRate'),
      other: tr.t('training.other'),
      illustrative: tr.t('provenance.legend.illustrative'),
      estimated: tr.t('provenance.legend.estimated'),
      ...(data.trendBy === 'country' ? { series: tr.t('legend.countryAuto') } : {}),
    },
    ...(data.trendColors ? { colors: data.trendColors } : {}),
  });
}

export function funnelModel(funnel: readonly ProgressRecord[], tr: Translator, width = 520) {
  // Numbers as wide as the programme's: "6,062 now · 26,989 reached" must not be cut at the chart's edge.
  const total = funnel.reduce((sum, p) => sum + (p.count ?? 0), 0);
  return progressModel([...funnel], {
    width,
    // Room for a row per status set aside (paused, cancelled) under the pipeline.
    height: 290 + 36 * ASIDE_STATUSES.filter((s) => funnel.some((p) => p.status === s)).length,
    labels: { reached: tr.t('progress.funnel.reached'), count: tr.t('progress.funnel.count') },
    labelWidth:
      PIPELINE_STATUSES.reduce((w, s) => Math.max(w, estimateTextWidth(tr.labels.status(s), 11)), 0) + 22,
    valueWidth: estimateTextWidth(tr.t('progress.funnel.value', { count: total, reached: total }), 11) + 22,
  });
}

/** The key figures with the change on the previous year, as the overview shows them. */
export function keyFigures(view: Figures, tr: Translator): KeyFigure[] {
  const f = view.figures;
  const ref = view.reference;
  const year = ref ? String(ref.year) : null;
  const join = (...parts: (string | null)[]) => parts.filter(Boolean).join(' · ') || null;
  /** "+12% on 2022", or "no data for 2022" when there is nothing to compare with. */
  const change = (now: number, before: number | undefined): string | null => {
    if (!ref) return null;
    const previousYear = ref.year - 1;
    if (before === undefined || before === 0) return tr.t('kpi.noPrevious', { year: previousYear });
    return tr.t('kpi.change', { change: (now - before) / before, year: previousYear });
  };
  const figures: KeyFigure[] = [
    {
      key: 'institutions',
      label: tr.t('kpi.institutions'),
      value: tr.number(f.institutions),
      detail:
        year && ref
          ? join(
              tr.t('kpi.activeIn', { count: ref.activeInstitutions, year }),
              change(ref.activeInstitutions, view.previous?.activeInstitutions),
            )
          : null,
    },
    {
      key: 'cities',
      label: tr.t('kpi.cities'),
      value: tr.number(f.cities),
      detail: tr.t('kpi.countries', { count: f.countries }),
    },
    {
      key: 'partnerships',
      label: tr.t('kpi.partnerships'),
      value: tr.number(f.partnerships),
      detail: join(
        tr.t('kpi.active', { count: partnershipsWith(f.byStatus, IN_MOTION_STATUSES) }),
        tr.t('kpi.proposed', { count: partnershipsWith(f.byStatus, EARLY_STATUSES) }),
        year && ref ? tr.t('kpi.startedIn', { count: ref.partnershipsStarted, year }) : null,
      ),
    },
    {
      key: 'trainees',
      label: tr.t('kpi.trainees'),
      value: tr.number(f.trainees),
      detail: join(
        unreportedNote(tr, f.unreported.trainees),
        f.traineesReportingCompletion > 0
          ? tr.t('kpi.completion', { rate: f.completed / f.traineesReportingCompletion })
          : null,
      ),
      marked: f.unreported.trainees.illustrative + f.unreported.trainees.estimated > 0,
    },
  ];
  if (year && ref) {
    const t = view.training;
    figures.push({
      key: 'traineesLatest',
      label: tr.t('kpi.traineesLatest', { year }),
      value: tr.number(ref.trainees),
      detail: join(
        unreportedNote(tr, ref.traineesUnreported),
        t?.year === ref.year && t.traineesBefore > 0
          ? tr.t('kpi.changeLikeForLike', {
              change: (t.traineesNow - t.traineesBefore) / t.traineesBefore,
              year: ref.year - 1,
              institutions: t.both,
            })
          : change(ref.trainees, view.previous?.trainees),
      ),
      marked: ref.traineesUnreported.illustrative + ref.traineesUnreported.estimated > 0,
    });
  }
  figures.push({
    key: 'milestones',
    label: tr.t('kpi.milestones'),
    value: tr.number(f.milestones.done),
    detail: join(
      tr.t('kpi.milestonesDetail', { planned: f.milestones.planned, missed: f.milestones.missed }),
      unreportedNote(tr, {
        estimated: f.unreported.milestones.planned.estimated + f.unreported.milestones.missed.estimated,
        illustrative:
          f.unreported.milestones.planned.illustrative + f.unreported.milestones.missed.illustrative,
      }),
      year && ref ? tr.t('kpi.doneIn', { count: ref.milestonesDone, year }) : null,
    ),
    marked: f.unreported.milestones.done.illustrative + f.unreported.milestones.done.estimated > 0,
  });
  return figures;
}

export const figuresOf = (view: Figures, tr: Translator) =>
  figuresModel(keyFigures(view, tr), { width: 960 });
