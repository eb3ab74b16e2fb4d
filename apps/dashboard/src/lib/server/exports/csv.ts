/**
 * The data behind a chart as CSV for spreadsheets: a UTF-8 byte-order mark (so Excel reads Chinese and accents
 * right), `;` between values in Spanish (the list separator of Spanish Excel) and `,` otherwise, quotes where
 * needed, and text that a spreadsheet would run as a formula — starting with = + - @, a tab or a carriage return —
 * made inert with a leading `'`.
 */
import { markKind } from '@puente/charts';
import type { ChartData } from '$lib/charts/overview-charts';
import { timelineRows } from '$lib/charts/page-charts';
import type { Translator } from '$lib/i18n/translator';

export type Cell = string | number;

const FORMULA = /^[=+\-@\t\r]/;

function cell(value: Cell, delimiter: string): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA.test(value) ? `'${value}` : value;
  return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

export const csvDelimiter = (tr: Pick<Translator, 'locale'>) => (tr.locale === 'es' ? ';' : ',');

export function toCsv(rows: readonly (readonly Cell[])[], delimiter: string): string {
  return (
    '\uFEFF' + rows.map((row) => row.map((v) => cell(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n'
  );
}

/** The rows behind a chart, a header first, in the reader's language. */
export function chartRows(data: ChartData, tr: Translator): Cell[][] {
  switch (data.chart) {
    case 'network':
    case 'network-full':
    case 'institution-network': {
      if (!data.model) return [];
      const city = new Map(data.model.nodes.map((n) => [n.id, n.city]));
      return [
        [
          tr.t('csv.source'),
          tr.t('csv.sourceCity'),
          tr.t('csv.target'),
          tr.t('csv.targetCity'),
          tr.t('csv.area'),
          tr.t('csv.status'),
          tr.t('csv.milestonesDone'),
          tr.t('csv.milestones'),
        ],
        ...data.model.links.map((l) => [
          l.sourceLabel,
          city.get(l.source) ?? '',
          l.targetLabel,
          city.get(l.target) ?? '',
          tr.labels.area(l.area),
          tr.labels.status(l.status),
          l.milestonesDone,
          l.milestones,
        ]),
      ];
    }
    case 'training':
      return [
        // Provenance travels with the numbers: of the enrolments, how many are illustrative or estimated.
        [
          tr.t('table.year'),
          tr.t(data.trendBy === 'country' ? 'table.country' : 'table.city'),
          tr.t('table.trained'),
          tr.t('csv.completed'),
          tr.t('provenance.legend.illustrative'),
          tr.t('provenance.legend.estimated'),
        ],
        ...data.trend.map((r) => [
          r.year,
          // A city as the data writes it; a country by its name (the data holds its code).
          r.other
            ? tr.t('training.other')
            : data.trendBy === 'country'
              ? (r.institutionLabel ?? r.institution)
              : r.institution,
          r.trainees,
          r.completed,
          r.illustrative ?? 0,
          r.estimated ?? 0,
        ]),
      ];
    case 'training-volume':
      return [
        [
          tr.t('training.table.year'),
          tr.t(`training.by.${data.by}`),
          tr.t('table.trained'),
          tr.t('csv.completed'),
          tr.t('provenance.legend.illustrative'),
          tr.t('provenance.legend.estimated'),
        ],
        ...data.stack.map((r) => [
          r.year,
          r.other ? tr.t('training.other') : (r.topicLabel ?? r.institutionLabel ?? r.topic ?? r.institution),
          r.trainees,
          r.completed ?? '',
          r.illustrative ?? 0,
          r.estimated ?? 0,
        ]),
      ];
    case 'training-cities':
      return [
        [tr.t('training.table.city'), tr.t('training.table.year'), tr.t('training.table.trained')],
        ...data.cities.map((r) => [data.cityNames[r.city] ?? r.city, r.year, r.trainees]),
      ];
    case 'training-completion':
      return [
        [
          tr.t('training.table.city'),
          tr.t('training.table.year'),
          tr.t('training.table.completed'),
          tr.t('training.table.reported'),
        ],
        ...data.cities
          .filter((r) => r.reported > 0)
          .map((r) => [data.cityNames[r.city] ?? r.city, r.year, r.completed, r.reported]),
      ];
    case 'institution-training':
      return [
        [
          tr.t('institution.training.year'),
          tr.t('institution.training.topic'),
          tr.t('institution.training.trainees'),
          tr.t('institution.training.completed'),
          tr.t('provenance.legend.illustrative'),
          tr.t('provenance.legend.estimated'),
        ],
        ...data.rows.map((r) => [
          r.year,
          r.label,
          r.trainees,
          r.completed ?? '',
          r.illustrative,
          r.estimated,
        ]),
      ];
    case 'progress-timeline':
      // Every milestone of the partnerships drawn, row by row; a partnership without any, once, with no date.
      return [
        [
          tr.t('progress.table.partnership'),
          tr.t('progress.table.status'),
          tr.t('progress.table.date'),
          tr.t('progress.table.milestone'),
          tr.t('progress.table.kind'),
          tr.t('csv.mark'),
        ],
        ...timelineRows(data, tr).flatMap((row) =>
          row.milestones.length === 0
            ? [[row.label, row.note, '', '', '', '']]
            : row.milestones.map((m) => [
                row.label,
                row.note,
                m.date,
                m.title,
                tr.labels.milestoneKind(m.kind),
                m.source === 'reported'
                  ? tr.t(`progress.mark.${markKind(m.status, m.date, data.asOf)}`)
                  : `${tr.t(`progress.mark.${markKind(m.status, m.date, data.asOf)}`)} · ${tr.labels.source(m.source)}`,
              ]),
        ),
      ];
    case 'progress':
      return [
        [tr.t('csv.status'), tr.t('csv.partnerships')],
        ...data.funnel.map((r) => [tr.labels.status(r.status), r.count ?? 0]),
      ];
    case 'kpis': {
      const f = data.figures;
      return [
        [tr.t('csv.figure'), tr.t('csv.value')],
        [tr.t('kpi.institutions'), f.institutions],
        [tr.t('kpi.cities'), f.cities],
        [tr.t('filters.country'), f.countries],
        [tr.t('kpi.partnerships'), f.partnerships],
        [tr.t('kpi.trainees'), f.trainees],
        [tr.t('csv.completed'), f.completed],
        [tr.t('kpi.milestones'), f.milestones.done],
      ];
    }
  }
}
