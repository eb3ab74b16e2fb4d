import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { Filters } from '../schema/filters.js';
import {
  ASIDE_STATUSES,
  IN_MOTION_STATUSES,
  MILESTONE_STATUSES,
  PARTNERSHIP_PHASES,
  PARTNERSHIP_STATUSES,
  PIPELINE_STATUSES,
  STARTED_STATUSES,
  CONTENT_LOCALES,
} from '../schema/tables.js';
import type {
  Institution,
  InstitutionType,
  MilestoneKind,
  MilestoneStatus,
  PartnershipArea,
  PartnershipStatus,
  ValueSource,
} from '../schema/tables.js';
import type { Store } from './store.js';
import type { PlainRow } from './values.js';
import { mapInTurns } from './turns.js';

/**
 * The read queries behind the dashboard. All SQL of the app lives here (and in versions.ts); values are always
 * bound as parameters. What a filter selects:
 * - institutions in view: those matching city, country and type;
 * - partnerships in view: matching area and status, with at least one end in view;
 * - training: rows of institutions in view, within the year range;
 * - milestones: of partnerships in view, within the year range.
 */

/**
 * The filters of a query, and optionally the data version to read "as of" (a pinned embed or export keeps showing
 * the data it was made from after later loads); the current data without it.
 */
export type Scope = Filters & { version?: number | null };

/** Collects bound parameters while a query is written, so no value is ever spliced into SQL text. */
class Params {
  readonly values: DuckDBValue[] = [];
  constructor(private readonly version: number | null = null) {}
  /** The rows of the data read: the current ones, or those alive at the pinned version (`[_from, _to)`). */
  alive(alias = ''): string {
    if (this.version === null) return `${alias}_to IS NULL`;
    const v = this.bind(this.version);
    return `(${alias}_from <= ${v} AND (${alias}_to IS NULL OR ${alias}_to > ${v}))`;
  }
  bind(value: DuckDBValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  oneOf(column: string, values: readonly string[]): string {
    return values.length === 0 ? 'TRUE' : `list_contains(${this.bind(listValue([...values]))}, ${column})`;
  }
  yearRange(yearExpr: string, filters: Filters): string {
    const parts = ['TRUE'];
    if (filters.from !== null) parts.push(`${yearExpr} >= ${this.bind(filters.from)}`);
    if (filters.to !== null) parts.push(`${yearExpr} <= ${this.bind(filters.to)}`);
    return parts.join(' AND ');
  }
}

/** Common table expressions `inst`, `parts`, `train` and `miles`: the rows in view (see above). */
function inView(p: Params, filters: Filters): string {
  return `
    inst AS (
      SELECT * FROM institutions
      WHERE ${p.alive()} AND ${p.oneOf('city', filters.city)} AND ${p.oneOf('country', filters.country)}
        AND ${p.oneOf('type', filters.type)}),
    parts AS (
      SELECT * FROM partnerships
      WHERE ${p.alive()} AND ${p.oneOf('area', filters.area)} AND ${p.oneOf('status', filters.status)}
        AND (source IN (SELECT id FROM inst) OR target IN (SELECT id FROM inst))),
    train AS (
      SELECT * FROM training
      WHERE ${p.alive()} AND institution IN (SELECT id FROM inst) AND ${p.yearRange('year', filters)}),
    miles AS (
      SELECT * FROM milestones
      WHERE ${p.alive()} AND partnership IN (SELECT id FROM parts) AND ${p.yearRange('year(date)', filters)})`;
}

/**
 * The SQL of an institution's name in the reader's language, else its own name. The column comes from this fixed
 * map, never from the request.
 */
const NAME_COLUMNS = { en: 'name_en', es: 'name_es', zh: 'name_zh' } as const;
export type NameLocale = keyof typeof NAME_COLUMNS;
function localName(alias: string, locale: NameLocale | undefined): string {
  if (!locale) return `${alias}.name`;
  return `coalesce(nullif(${alias}.${NAME_COLUMNS[locale]}, ''), ${alias}.name)`;
}
/** The language `localName` is in when not the reader's, as `localTextSql` gives it for other texts. */
function localNameLang(alias: string, locale: NameLocale | undefined): string {
  if (!locale) return 'CAST(NULL AS VARCHAR)';
  return `CASE WHEN nullif(${alias}.${NAME_COLUMNS[locale]}, '') IS NOT NULL THEN NULL
    ${CONTENT_LOCALES.map((l) => `WHEN ${alias}.name = ${alias}.${NAME_COLUMNS[l]} THEN '${l}'`).join(' ')}
    ELSE '' END`;
}

/**
 * The SQL of a text people read (`title`, `programme`, `topic`, `city`) in the reader's language when the data has
 * its translation (`title_zh`…), else the text itself; and, as `<column>_lang`, the language the shown text is in
 * when it is not the reader's: the translation the text equals (`en`, `es`, `zh`), or '' when none does (unknown).
 * Null means the reader's language. Columns and languages come from fixed lists, never from the request.
 */
type ReadText = 'title' | 'programme' | 'topic' | 'city';
function localTextSql(alias: string, column: ReadText, locale?: NameLocale): { text: string; lang: string } {
  const base = `${alias}.${column}`;
  if (!locale) return { text: base, lang: 'CAST(NULL AS VARCHAR)' };
  const mine = `nullif(${alias}.${column}_${locale}, '')`;
  return {
    text: `coalesce(${mine}, ${base})`,
    lang: `CASE WHEN ${mine} IS NOT NULL OR ${base} IS NULL THEN NULL
      ${CONTENT_LOCALES.map((l) => `WHEN ${base} = ${alias}.${column}_${l} THEN '${l}'`).join(' ')}
      ELSE '' END`,
  };
}
/** `localTextSql` as the columns `<column>` and `<column>_lang`. */
function localText(alias: string, column: ReadText, locale?: NameLocale): string {
  const { text, lang } = localTextSql(alias, column, locale);
  return `${text} AS ${column}, ${lang} AS ${column}_lang`;
}

const num = (v: PlainRow[string] | undefined): number => (typeof v === 'number' ? v : 0);
const str = (v: PlainRow[string] | undefined): string => (v === null || v === undefined ? '' : String(v));
const opt = (v: PlainRow[string] | undefined): string | null =>
  v === null || v === undefined ? null : String(v);

/**
 * Of a count, how much rests on figures that are not reported fact (the `source` column, see `VALUE_SOURCES`):
 * estimated, or illustrative. Reported is the rest, and the default of an empty cell.
 */
export interface Unreported {
  estimated: number;
  illustrative: number;
}
/** SQL summing `value` over the rows marked estimated, and illustrative, as columns `estimated` and `illustrative`. */
const unreportedSums = (value: string, alias = ''): string =>
  `coalesce(sum(${value}) FILTER (WHERE ${alias}source = 'estimated'), 0) AS estimated,
   coalesce(sum(${value}) FILTER (WHERE ${alias}source = 'illustrative'), 0) AS illustrative`;
const toUnreported = (r: PlainRow | undefined, prefix = ''): Unreported => ({
  estimated: num(r?.[`${prefix}estimated`]),
  illustrative: num(r?.[`${prefix}illustrative`]),
});

// Row mappers: the one place each kind of result row becomes its typed, plain shape.
const institutionNames = (r: PlainRow) => ({
  id: str(r.id),
  name: str(r.name),
  name_en: opt(r.name_en),
  name_es: opt(r.name_es),
  name_zh: opt(r.name_zh),
  city: str(r.city),
  city_en: opt(r.city_en),
  city_es: opt(r.city_es),
  city_zh: opt(r.city_zh),
  country: str(r.country),
  type: str(r.type) as InstitutionType,
});
const toLink = (r: PlainRow): PartnershipLink => ({
  id: str(r.id),
  source: str(r.source),
  target: str(r.target),
  area: str(r.area) as PartnershipArea,
  status: str(r.status) as PartnershipStatus,
  title: opt(r.title),
  titleLang: opt(r.title_lang),
  started_on: opt(r.started_on),
  milestones: num(r.milestones),
  milestonesDone: num(r.done),
});
const toMilestone = (r: PlainRow): MilestoneItem => ({
  id: str(r.id),
  partnership: str(r.partnership),
  date: str(r.date),
  title: str(r.title),
  titleLang: opt(r.title_lang),
  source: (opt(r.source) ?? 'reported') as ValueSource,
  kind: str(r.kind) as MilestoneKind,
  status: str(r.status) as MilestoneStatus,
});
const toVolume = (r: PlainRow): TrainingVolume => ({
  year: num(r.year),
  group: str(r.grp),
  trainees: num(r.trainees),
  completed: num(r.completed),
  reported: num(r.reported),
  unreported: toUnreported(r),
  label: opt(r.label),
  labelLang: opt(r.label_lang),
  ...(typeof r.country === 'string' ? { country: r.country } : {}),
});

export interface Kpis {
  institutions: number;
  cities: number;
  countries: number;
  partnerships: number;
  /** Partnerships by status; every status present, zero when none. */
  byStatus: Record<PartnershipStatus, number>;
  trainees: number;
  /** People who completed, and the trainees of the rows that report completion (the base of a completion rate). */
  completed: number;
  traineesReportingCompletion: number;
  /** Latest year with training in view, and the trainees of that year and the year before. */
  latestYear: number | null;
  traineesLatestYear: number;
  traineesPreviousYear: number;
  milestones: Record<MilestoneStatus, number>;
  /** How much of the trainees and of the milestones by status is estimated or illustrative. */
  unreported: { trainees: Unreported; milestones: Record<MilestoneStatus, Unreported> };
}

export async function kpis(store: Store, filters: Scope): Promise<Kpis> {
  const p = new Params(filters.version);
  const [row] = await store.all(
    `WITH ${inView(p, filters)},
     latest AS (SELECT max(year) AS y FROM train)
     SELECT
       (SELECT count(*) FROM inst) AS institutions,
       (SELECT count(DISTINCT city || '|' || country) FROM inst) AS cities,
       (SELECT count(DISTINCT country) FROM inst) AS countries,
       (SELECT count(*) FROM parts) AS partnerships,
       (SELECT coalesce(sum(trainees), 0) FROM train) AS trainees,
       (SELECT coalesce(sum(completed), 0) FROM train) AS completed,
       (SELECT coalesce(sum(trainees), 0) FROM train WHERE completed IS NOT NULL) AS reporting,
       (SELECT y FROM latest) AS latest_year,
       (SELECT coalesce(sum(trainees), 0) FROM train WHERE year = (SELECT y FROM latest)) AS trainees_latest,
       (SELECT coalesce(sum(trainees), 0) FROM train WHERE year = (SELECT y FROM latest) - 1) AS trainees_previous,
       (SELECT count(*) FROM miles WHERE status = 'done') AS done,
       (SELECT count(*) FROM miles WHERE status = 'planned') AS planned,
       (SELECT count(*) FROM miles WHERE status = 'missed') AS missed,
       (SELECT coalesce(sum(trainees) FILTER (WHERE source = 'estimated'), 0) FROM train) AS t_estimated,
       (SELECT coalesce(sum(trainees) FILTER (WHERE source = 'illustrative'), 0) FROM train) AS t_illustrative,
       ${MILESTONE_STATUSES.map(
         (s, i) =>
           `(SELECT count(*) FILTER (WHERE source = 'estimated') FROM miles WHERE status = ${p.bind(s)}) AS m${i}_estimated,
       (SELECT count(*) FILTER (WHERE source = 'illustrative') FROM miles WHERE status = ${p.bind(s)}) AS m${i}_illustrative`,
       ).join(',\n       ')},
       ${PARTNERSHIP_STATUSES.map((s, i) => `(SELECT count(*) FROM parts WHERE status = ${p.bind(s)}) AS status_${i}`).join(',\n       ')}`,
    p.values,
  );
  const byStatus = Object.fromEntries(
    PARTNERSHIP_STATUSES.map((s, i) => [s, num(row?.[`status_${i}`])]),
  ) as Record<PartnershipStatus, number>;
  return {
    institutions: num(row?.institutions),
    cities: num(row?.cities),
    countries: num(row?.countries),
    partnerships: num(row?.partnerships),
    byStatus,
    trainees: num(row?.trainees),
    completed: num(row?.completed),
    traineesReportingCompletion: num(row?.reporting),
    latestYear: typeof row?.latest_year === 'number' ? row.latest_year : null,
    traineesLatestYear: num(row?.trainees_latest),
    traineesPreviousYear: num(row?.trainees_previous),
    milestones: { done: num(row?.done), planned: num(row?.planned), missed: num(row?.missed) },
    unreported: {
      trainees: toUnreported(row, 't_'),
      milestones: Object.fromEntries(
        MILESTONE_STATUSES.map((s, i) => [s, toUnreported(row, `m${i}_`)]),
      ) as Record<MilestoneStatus, Unreported>,
    },
  };
}

/** An institution as the network draws it: its names and place (the city in each language, where the data gives it). */
export interface InstitutionNode extends Pick<
  Institution,
  | 'id'
  | 'name'
  | 'name_en'
  | 'name_es'
  | 'name_zh'
  | 'city'
  | 'city_en'
  | 'city_es'
  | 'city_zh'
  | 'country'
  | 'type'
> {
  /** Training enrolments, within the year range. */
  trained: number;
  /** False for partners shown only because a partnership in view reaches them. */
  matched: boolean;
}

export interface PartnershipLink {
  id: string;
  source: string;
  target: string;
  area: PartnershipArea;
  status: PartnershipStatus;
  title: string | null;
  /** The language `title` is in when not the reader's (see `localText`): a fallback to shown with its `lang`. */
  titleLang?: string | null;
  started_on: string | null;
  milestones: number;
  milestonesDone: number;
}

export interface NetworkData {
  nodes: InstitutionNode[];
  links: PartnershipLink[];
}

export interface NetworkQuery {
  /** Only these institutions, and the partnerships among them (an ego network). */
  only?: readonly string[];
  /** Only the partnerships with an end among these institutions, and the institutions at their ends. */
  touching?: readonly string[];
}

/** The partnerships `query.touching` asks for, as a condition on `parts` (TRUE without it). */
function touching(p: Params, query: NetworkQuery, alias = ''): string {
  if (!query.touching) return 'TRUE';
  if (query.touching.length === 0) return 'FALSE';
  const ids = p.bind(listValue([...query.touching]));
  return `(list_contains(${ids}, ${alias}source) OR list_contains(${ids}, ${alias}target))`;
}

/**
 * The institutions and partnerships in view, with people trained and milestone counts: the largest read of any
 * page (20,000 institutions), so an aborted `signal` stops it.
 */
export async function network(
  store: Store,
  filters: Scope,
  query: NetworkQuery = {},
  signal?: AbortSignal,
): Promise<NetworkData> {
  const partnershipFiltered = filters.area.length > 0 || filters.status.length > 0;
  const p = new Params(filters.version);
  const nodes = await store.all(
    `WITH ${inView(p, filters)},
     near AS (SELECT * FROM parts WHERE ${touching(p, query)}),
     ends AS (SELECT source AS id FROM near UNION SELECT target FROM near),
     shown AS (
       SELECT id FROM ends
       ${partnershipFiltered || query.touching ? '' : 'UNION SELECT id FROM inst'}),
     trained AS (SELECT institution, sum(trainees) AS n FROM train GROUP BY institution)
     SELECT i.id, i.name, i.name_en, i.name_es, i.name_zh, i.city, i.city_en, i.city_es, i.city_zh, i.country, i.type,
            coalesce(t.n, 0) AS trained, i.id IN (SELECT id FROM inst) AS matched
     FROM institutions AS i JOIN shown USING (id) LEFT JOIN trained AS t ON t.institution = i.id
     WHERE ${p.alive('i.')} ${query.only ? `AND ${p.oneOf('i.id', query.only)}` : ''}
     ORDER BY i.id`,
    p.values,
    signal,
  );
  const p2 = new Params(filters.version);
  const links = await store.all(
    `WITH ${inView(p2, filters)},
     counts AS (
       SELECT partnership, count(*) AS n, count(*) FILTER (WHERE status = 'done') AS done
       FROM miles GROUP BY partnership)
     SELECT p.id, p.source, p.target, p.area, p.status, p.title, p.started_on,
            coalesce(c.n, 0) AS milestones, coalesce(c.done, 0) AS done
     FROM parts AS p LEFT JOIN counts AS c ON c.partnership = p.id
     WHERE ${touching(p2, query, 'p.')}
     ${query.only ? `AND ${p2.oneOf('p.source', query.only)} AND ${p2.oneOf('p.target', query.only)}` : ''}
     ORDER BY p.id`,
    p2.values,
    signal,
  );
  return {
    nodes: await mapInTurns(nodes, (r) => ({
      ...institutionNames(r),
      trained: num(r.trained),
      matched: r.matched === true,
    })),
    links: await mapInTurns(links, toLink),
  };
}

export type TrainingGroup = 'topic' | 'institution' | 'city' | 'country' | 'year';

export interface TrainingVolume {
  year: number;
  /** Topic, institution id, city or country code, depending on the grouping ('' when grouped by year alone). */
  group: string;
  /** The group's country (ISO code) when grouped by city or country: a city coloured by its country needs it. */
  country?: string;
  trainees: number;
  completed: number;
  /** Trainees of the rows that report completion: the base of a completion rate (empty ≠ 0 completed). */
  reported: number;
  /** Trainees of rows marked estimated or illustrative. */
  unreported: Unreported;
  /**
   * The group's name in the reader's language (`TrainingQuery.locale`) for topics, cities and an institution's
   * programmes, with the language it is in when not the reader's (see `localText`); null for institutions.
   */
  label: string | null;
  labelLang: string | null;
  /** The groups left out by `top`, summed per year (`group` is then ''). */
  other?: true;
}

export interface TrainingQuery {
  /** Keep the `top` groups with most trainees; the rest are summed per year into one `other` row. */
  top?: number;
  /** Only this institution's rows. */
  institution?: string;
  /** The language of the groups' labels. */
  locale?: NameLocale;
}

/**
 * Trainees per year and group. With `top`, the result has at most (top + 1) × years rows whatever the size of the
 * programme: charts colour a handful of series and sum the rest.
 */
export async function trainingByYear(
  store: Store,
  filters: Scope,
  by: TrainingGroup,
  query: TrainingQuery = {},
): Promise<TrainingVolume[]> {
  const p = new Params(filters.version);
  const group = {
    topic: `coalesce(t.topic, '')`,
    institution: 't.institution',
    city: 'i.city',
    country: 'i.country',
    year: "''",
  }[by];
  // A city's name may repeat across countries in theory; its colour then follows the first country by code.
  const country = by === 'city' || by === 'country' ? 'min(i.country)' : 'CAST(NULL AS VARCHAR)';
  const mine = query.institution === undefined ? 'TRUE' : `t.institution = ${p.bind(query.institution)}`;
  const label =
    by === 'topic' || by === 'city'
      ? localTextSql(by === 'topic' ? 't' : 'i', by, query.locale)
      : { text: 'CAST(NULL AS VARCHAR)', lang: 'CAST(NULL AS VARCHAR)' };
  const cells = `
     cells AS (
       SELECT t.year, ${group} AS grp, min(${label.text}) AS label, min(${label.lang}) AS label_lang,
              ${country} AS country, sum(t.trainees) AS trainees, coalesce(sum(t.completed), 0) AS completed,
              coalesce(sum(t.trainees) FILTER (WHERE t.completed IS NOT NULL), 0) AS reported,
              ${unreportedSums('t.trainees', 't.')}
       FROM train AS t JOIN inst AS i ON i.id = t.institution
       WHERE ${mine}
       GROUP BY t.year, grp)`;
  const sql =
    query.top === undefined
      ? `WITH ${inView(p, filters)}, ${cells}
         SELECT year, grp, label, label_lang, country, trainees, completed, reported, estimated, illustrative,
                false AS other
         FROM cells ORDER BY year, grp`
      : `WITH ${inView(p, filters)}, ${cells},
         kept AS (
           SELECT grp FROM cells GROUP BY grp ORDER BY sum(trainees) DESC, grp LIMIT ${p.bind(Math.max(0, Math.floor(query.top)))}),
         marked AS (SELECT c.*, c.grp NOT IN (SELECT grp FROM kept) AS other FROM cells AS c)
         SELECT year, CASE WHEN other THEN '' ELSE grp END AS grp, CASE WHEN other THEN NULL ELSE label END AS label,
                CASE WHEN other THEN NULL ELSE label_lang END AS label_lang,
                CASE WHEN other THEN NULL ELSE country END AS country, sum(trainees) AS trainees,
                sum(completed) AS completed, sum(reported) AS reported, sum(estimated) AS estimated,
                sum(illustrative) AS illustrative, other
         FROM marked GROUP BY ALL ORDER BY other, year, grp`;
  const rows = await store.all(sql, p.values);
  return rows.map((r) => (r.other === true ? { ...toVolume(r), other: true as const } : toVolume(r)));
}

export interface TrainingTotals {
  trainees: number;
  completed: number;
  /** Trainees whose completion is recorded. */
  reported: number;
  /** Trainees of rows marked estimated or illustrative. */
  unreported: Unreported;
  /** Institutions with trainees, and their cities. */
  institutions: number;
  cities: number;
  /** First and last year with trainees. */
  from: number | null;
  to: number | null;
}

export async function trainingTotals(store: Store, filters: Scope): Promise<TrainingTotals> {
  const p = new Params(filters.version);
  const [row] = await store.all(
    `WITH ${inView(p, filters)}
     SELECT coalesce(sum(trainees), 0) AS trainees, coalesce(sum(completed), 0) AS completed,
            coalesce(sum(trainees) FILTER (WHERE completed IS NOT NULL), 0) AS reported,
            ${unreportedSums('trainees', 't.')},
            count(DISTINCT t.institution) FILTER (WHERE trainees > 0) AS institutions,
            count(DISTINCT i.city) FILTER (WHERE trainees > 0) AS cities,
            min(year) FILTER (WHERE trainees > 0) AS y0, max(year) FILTER (WHERE trainees > 0) AS y1
     FROM train AS t JOIN inst AS i ON i.id = t.institution`,
    p.values,
  );
  return {
    trainees: num(row?.trainees),
    completed: num(row?.completed),
    reported: num(row?.reported),
    unreported: toUnreported(row),
    institutions: num(row?.institutions),
    cities: num(row?.cities),
    from: typeof row?.y0 === 'number' ? row.y0 : null,
    to: typeof row?.y1 === 'number' ? row.y1 : null,
  };
}

/**
 * Training in `year` against the year before, like with like: only institutions that reported both years count, so
 * an institution that has not reported `year` yet reads as incomplete, not as a fall.
 */
export interface TrainingComparison {
  year: number;
  /** Institutions with training in the year before, and in `year`. */
  reportedBefore: number;
  reportedNow: number;
  /** Institutions with training in both years, and their trainees in each. */
  both: number;
  traineesNow: number;
  traineesBefore: number;
  /** Of the trainees compared (both years), those of rows marked estimated or illustrative. */
  unreported: Unreported;
}

export async function trainingComparison(
  store: Store,
  filters: Scope,
  year: number,
): Promise<TrainingComparison> {
  const p = new Params(filters.version);
  const now = p.bind(year);
  const before = p.bind(year - 1);
  const [row] = await store.all(
    `WITH ${inView(p, filters)},
     per AS (
       SELECT institution, year, sum(trainees) AS n,
              coalesce(sum(trainees) FILTER (WHERE source = 'estimated'), 0) AS est,
              coalesce(sum(trainees) FILTER (WHERE source = 'illustrative'), 0) AS ill
       FROM train WHERE year IN (${now}, ${before}) GROUP BY ALL),
     n AS (SELECT institution, n, est, ill FROM per WHERE year = ${now}),
     b AS (SELECT institution, n, est, ill FROM per WHERE year = ${before}),
     both_years AS (
       SELECT n.n AS now, b.n AS before, n.est + b.est AS est, n.ill + b.ill AS ill
       FROM n JOIN b USING (institution))
     SELECT (SELECT count(*) FROM b) AS reported_before, (SELECT count(*) FROM n) AS reported_now,
            (SELECT count(*) FROM both_years) AS both_count,
            (SELECT coalesce(sum(now), 0) FROM both_years) AS trainees_now,
            (SELECT coalesce(sum(before), 0) FROM both_years) AS trainees_before,
            (SELECT coalesce(sum(est), 0) FROM both_years) AS estimated,
            (SELECT coalesce(sum(ill), 0) FROM both_years) AS illustrative`,
    p.values,
  );
  return {
    year,
    reportedBefore: num(row?.reported_before),
    reportedNow: num(row?.reported_now),
    both: num(row?.both_count),
    traineesNow: num(row?.trainees_now),
    traineesBefore: num(row?.trainees_before),
    unreported: toUnreported(row),
  };
}

export interface MilestoneItem {
  id: string;
  partnership: string;
  date: string;
  title: string;
  /** The language `title` is in when not the reader's (see `localText`). */
  titleLang: string | null;
  kind: MilestoneKind;
  status: MilestoneStatus;
  /** Whether the milestone is reported fact, estimated or illustrative (empty in the file: reported). */
  source: ValueSource;
}

export interface MilestoneQuery {
  /** Only the milestones of these partnerships. */
  partnerships?: readonly string[];
  /** The language of the titles. */
  locale?: NameLocale;
}

export async function milestones(
  store: Store,
  filters: Scope,
  query: MilestoneQuery = {},
): Promise<MilestoneItem[]> {
  const p = new Params(filters.version);
  const only = query.partnerships === undefined ? 'TRUE' : p.oneOf('partnership', query.partnerships);
  if (query.partnerships?.length === 0) return [];
  const rows = await store.all(
    `WITH ${inView(p, filters)}
     SELECT m.id, m.partnership, strftime(m.date, '%Y-%m-%d') AS date, ${localText('m', 'title', query.locale)},
            m.kind, m.status, m.source
     FROM miles AS m
     WHERE ${only} ORDER BY m.date, m.id`,
    p.values,
  );
  return rows.map(toMilestone);
}

/** A list cut to its first items, with the length it had. */
export interface Listed<T> {
  items: T[];
  total: number;
}

export interface UpcomingQuery {
  /** Today, `yyyy-mm-dd`. */
  asOf: string;
  /** Last day of the window, `yyyy-mm-dd`. */
  until: string;
  /** Items listed per group; the rest are counted. */
  limit: number;
  /** The language of the titles. */
  locale?: NameLocale;
}

/**
 * Planned milestones in view: those from `asOf` to `until`; when there are none, those on the first planned date
 * after `until`; and the overdue ones (planned, dated before `asOf`). Each by date, cut to `limit`, with its total.
 */
export async function upcomingMilestones(
  store: Store,
  filters: Scope,
  query: UpcomingQuery,
): Promise<{ within: Listed<MilestoneItem>; next: Listed<MilestoneItem>; overdue: Listed<MilestoneItem> }> {
  const p = new Params(filters.version);
  const asOf = p.bind(query.asOf);
  const until = p.bind(query.until);
  const limit = p.bind(Math.max(0, Math.floor(query.limit)));
  const rows = await store.all(
    `WITH ${inView(p, filters)},
     planned AS (SELECT * FROM miles WHERE status = 'planned'),
     first_after AS (SELECT min(date) AS d FROM planned WHERE date > ${until}::DATE),
     grouped AS (
       SELECT *, CASE
                   WHEN date < ${asOf}::DATE THEN 'overdue'
                   WHEN date <= ${until}::DATE THEN 'within'
                   WHEN date = (SELECT d FROM first_after) THEN 'next'
                 END AS grp
       FROM planned),
     ranked AS (
       SELECT *, row_number() OVER (PARTITION BY grp ORDER BY date, id) AS n, count(*) OVER (PARTITION BY grp) AS total
       FROM grouped WHERE grp IS NOT NULL)
     SELECT r.id, r.partnership, strftime(r.date, '%Y-%m-%d') AS date, ${localText('r', 'title', query.locale)},
            r.kind, r.status, r.source, r.grp, r.total
     FROM ranked AS r
     WHERE r.n <= ${limit} ORDER BY r.grp, r.date, r.id`,
    p.values,
  );
  const group = (name: string): Listed<MilestoneItem> => {
    const mine = rows.filter((r) => r.grp === name);
    return { items: mine.map(toMilestone), total: num(mine[0]?.total) };
  };
  const within = group('within');
  // "Next" only speaks when nothing falls within the window.
  const next = within.total === 0 ? group('next') : { items: [], total: 0 };
  return { within, next, overdue: group('overdue') };
}

export interface FilterOptions {
  cities: string[];
  /** Each city in the languages the data gives it (`city_en`, `city_es`, `city_zh`), for the filter's labels. */
  cityNames: Record<string, { en: string | null; es: string | null; zh: string | null }>;
  countries: string[];
  types: string[];
  areas: string[];
  statuses: string[];
  years: { min: number; max: number } | null;
}

/** The values each filter can take in the current data, for filter controls. */
export async function filterOptions(store: Store): Promise<FilterOptions> {
  const distinct = async (sql: string): Promise<string[]> => (await store.all(sql)).map((r) => str(r.v));
  const [years] = await store.all('SELECT min(year) AS lo, max(year) AS hi FROM training WHERE _to IS NULL');
  const names = await store.all(
    `SELECT city, min(nullif(city_en, '')) AS en, min(nullif(city_es, '')) AS es, min(nullif(city_zh, '')) AS zh
     FROM institutions WHERE _to IS NULL AND coalesce(city_en, city_es, city_zh) IS NOT NULL
     GROUP BY city ORDER BY city`,
  );
  return {
    cities: await distinct('SELECT DISTINCT city AS v FROM institutions WHERE _to IS NULL ORDER BY 1'),
    cityNames: Object.fromEntries(
      names.map((r) => [str(r.city), { en: opt(r.en), es: opt(r.es), zh: opt(r.zh) }]),
    ),
    countries: await distinct('SELECT DISTINCT country AS v FROM institutions WHERE _to IS NULL ORDER BY 1'),
    types: await distinct('SELECT DISTINCT type AS v FROM institutions WHERE _to IS NULL ORDER BY 1'),
    areas: await distinct('SELECT DISTINCT area AS v FROM partnerships WHERE _to IS NULL ORDER BY 1'),
    statuses: await distinct('SELECT DISTINCT status AS v FROM partnerships WHERE _to IS NULL ORDER BY 1'),
    years:
      typeof years?.lo === 'number' && typeof years.hi === 'number' ? { min: years.lo, max: years.hi } : null,
  };
}

/**
 * Every value a chart may colour, over the whole programme (not a filtered part of it), so a value keeps its colour
 * on every page and under every filter: cities, countries, and the training groups charts stack by topic (the
 * topic, or the programme where a row has no topic).
 */
export async function colorDomains(
  store: Store,
  version: number | null = null,
): Promise<{ cities: string[]; countries: string[]; topics: string[] }> {
  // As of a pinned version, so a pinned chart keeps its colours after later loads.
  const distinct = async (column: string, table: string): Promise<string[]> => {
    const p = new Params(version);
    return (
      await store.all(`SELECT DISTINCT ${column} AS v FROM ${table} WHERE ${p.alive()} ORDER BY 1`, p.values)
    ).map((r) => str(r.v));
  };
  return {
    cities: await distinct('city', 'institutions'),
    countries: await distinct('country', 'institutions'),
    topics: await distinct('coalesce(topic, programme)', 'training'),
  };
}

export interface PartnershipSummary extends PartnershipLink {
  sourceName: string;
  targetName: string;
  /** The language of `sourceName`, `targetName` when not the reader's (see `localText`). */
  sourceNameLang: string | null;
  targetNameLang: string | null;
  milestonesPlanned: number;
  milestonesMissed: number;
  /** Date of the latest milestone done, and of the next planned one on or after `asOf`. */
  lastDone: string | null;
  nextPlanned: string | null;
  /**
   * In motion (agreed or active, see `IN_MOTION_STATUSES`), with milestones recorded but none done in the
   * `stalledDays` before `asOf`.
   */
  stalled: boolean;
  /**
   * In motion with no milestone recorded at all: nothing says whether it moves, so it is neither stalled nor on
   * track — only unrecorded.
   */
  unrecorded: boolean;
}

export interface PartnershipQuery {
  /** The day "now" is measured from (`yyyy-mm-dd`); today by default. Tests pin it. */
  asOf?: string;
  stalledDays?: number;
  /** Only the partnerships of this institution (either end). */
  institution?: string;
  /** Only the stalled ones. */
  stalled?: boolean;
  /** Only the ones in motion with no milestone recorded. */
  unrecorded?: boolean;
  /** Only these partnerships. */
  ids?: readonly string[];
  /**
   * `started` (default): most recently started first. `attention`: what needs attention first — stalled, then
   * with a planned milestone past its date, then in motion with no milestone recorded, then by the next planned
   * milestone, then by stage (active first), then by name.
   */
  order?: 'started' | 'attention';
  /** At most this many. */
  limit?: number;
  /** The language of `sourceName` and `targetName` (and of the name order); the institutions' own names if unset. */
  locale?: NameLocale;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** Every partnership in view with its milestone record, in the order asked (most recently started first). */
export async function partnerships(
  store: Store,
  filters: Scope,
  query: PartnershipQuery = {},
): Promise<PartnershipSummary[]> {
  return (await partnershipList(store, filters, query)).items;
}

/** The partnerships in view as `partnerships` gives them, cut to `query.limit`, with how many there are in all. */
export async function partnershipList(
  store: Store,
  filters: Scope,
  query: PartnershipQuery = {},
): Promise<Listed<PartnershipSummary>> {
  if (query.ids?.length === 0) return { items: [], total: 0 };
  const p = new Params(filters.version);
  const asOf = p.bind(query.asOf ?? today());
  const days = p.bind(query.stalledDays ?? 180);
  const where = ['TRUE'];
  if (query.institution !== undefined) where.push(`${p.bind(query.institution)} IN (p.source, p.target)`);
  if (query.stalled) where.push('stalled');
  if (query.unrecorded) where.push('unrecorded');
  if (query.ids !== undefined) where.push(p.oneOf('p.id', query.ids));
  const limit = query.limit === undefined ? '' : `LIMIT ${p.bind(Math.max(0, Math.floor(query.limit)))}`;
  const order =
    query.order === 'attention'
      ? `p.stalled DESC, p.late DESC, p.unrecorded DESC, p.next_planned NULLS LAST,
         CASE p.status ${PIPELINE_RANK.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE 9 END,
         coalesce(nullif(trim(p.title), ''), source_name || ' – ' || target_name), p.id`
      : 'p.started_on DESC NULLS LAST, p.id';
  const rows = await store.all(
    `WITH ${inView(p, filters)},
     m AS (
       SELECT partnership,
              count(*) AS n,
              count(*) FILTER (WHERE status = 'done') AS done,
              count(*) FILTER (WHERE status = 'planned') AS planned,
              count(*) FILTER (WHERE status = 'missed') AS missed,
              count(*) FILTER (WHERE status = 'planned' AND date < ${asOf}::DATE) AS late,
              max(date) FILTER (WHERE status = 'done' AND date <= ${asOf}::DATE) AS last_done,
              min(date) FILTER (WHERE status = 'planned' AND date >= ${asOf}::DATE) AS next_planned
       FROM miles GROUP BY partnership),
     listed AS (
       SELECT p.id, p.source, p.target, p.area, p.status, ${localText('p', 'title', query.locale)}, p.started_on,
              ${localName('s', query.locale)} AS source_name, ${localName('t', query.locale)} AS target_name,
              ${localNameLang('s', query.locale)} AS source_name_lang,
              ${localNameLang('t', query.locale)} AS target_name_lang,
              coalesce(m.n, 0) AS milestones, coalesce(m.done, 0) AS done, coalesce(m.planned, 0) AS planned,
              coalesce(m.missed, 0) AS missed, coalesce(m.late, 0) > 0 AS late, m.last_done, m.next_planned,
              ${p.oneOf('p.status', IN_MOTION_STATUSES)} AND m.n IS NOT NULL
                AND coalesce(m.last_done, DATE '1900-01-01') < ${asOf}::DATE - CAST(${days} AS INTEGER) AS stalled,
              ${p.oneOf('p.status', IN_MOTION_STATUSES)} AND m.n IS NULL AS unrecorded
       FROM parts AS p
       JOIN institutions AS s ON s.id = p.source AND ${p.alive('s.')}
       JOIN institutions AS t ON t.id = p.target AND ${p.alive('t.')}
       LEFT JOIN m ON m.partnership = p.id)
     SELECT p.* EXCLUDE (started_on, last_done, next_planned),
            strftime(p.started_on, '%Y-%m-%d') AS started_on,
            strftime(p.last_done, '%Y-%m-%d') AS last_done, strftime(p.next_planned, '%Y-%m-%d') AS next_planned,
            count(*) OVER () AS total
     FROM listed AS p
     WHERE ${where.join(' AND ')}
     ORDER BY ${order}
     ${limit}`,
    p.values,
  );
  return {
    total: num(rows[0]?.total),
    items: rows.map((r) => ({
      ...toLink(r),
      sourceName: str(r.source_name),
      targetName: str(r.target_name),
      sourceNameLang: opt(r.source_name_lang),
      targetNameLang: opt(r.target_name_lang),
      milestonesPlanned: num(r.planned),
      milestonesMissed: num(r.missed),
      lastDone: opt(r.last_done),
      nextPlanned: opt(r.next_planned),
      stalled: r.stalled === true,
      unrecorded: r.unrecorded === true,
    })),
  };
}

/**
 * Stage order for "how far it has come": partnerships still open furthest along first (active, agreed, negotiating,
 * proposed), then completed, then the set-aside statuses.
 */
const PIPELINE_RANK: readonly PartnershipStatus[] = [
  ...PIPELINE_STATUSES.filter((s) => PARTNERSHIP_PHASES[s] !== 'completed').reverse(),
  ...PIPELINE_STATUSES.filter((s) => PARTNERSHIP_PHASES[s] === 'completed'),
  ...ASIDE_STATUSES,
];

export interface ConnectedInstitution {
  id: string;
  /** Partnerships in view with this institution at one end. */
  degree: number;
}

/** The institutions with most partnerships in view, most first (ties by id), and how many have any. */
export async function mostConnected(
  store: Store,
  filters: Scope,
  limit: number,
): Promise<Listed<ConnectedInstitution>> {
  const p = new Params(filters.version);
  const rows = await store.all(
    `WITH ${inView(p, filters)},
     ends AS (SELECT source AS id FROM parts UNION ALL SELECT target FROM parts),
     degrees AS (SELECT id, count(*) AS degree FROM ends GROUP BY id)
     SELECT id, degree, count(*) OVER () AS total FROM degrees ORDER BY degree DESC, id
     LIMIT ${p.bind(Math.max(0, Math.floor(limit)))}`,
    p.values,
  );
  return {
    total: num(rows[0]?.total),
    items: rows.map((r) => ({ id: str(r.id), degree: num(r.degree) })),
  };
}

export interface YearActivity {
  year: number;
  trainees: number;
  completed: number;
  /** Of `trainees`, those of rows marked estimated or illustrative. */
  traineesUnreported: Unreported;
  /** Partnerships in view started that year: active or completed ones dated that year, never proposals. */
  partnershipsStarted: number;
  milestonesDone: number;
  /** Institutions in view with training that year, or an end of a partnership started that year. */
  activeInstitutions: number;
}

/** Year-by-year activity in view: the basis of "change on the previous year" figures and trends. */
export async function activityByYear(store: Store, filters: Scope): Promise<YearActivity[]> {
  const p = new Params(filters.version);
  const rows = await store.all(
    `WITH ${inView(p, filters)},
     t AS (
       SELECT year, sum(trainees) AS trainees, coalesce(sum(completed), 0) AS completed, ${unreportedSums('trainees')}
       FROM train GROUP BY year),
     ps AS (
       SELECT year(started_on) AS year, count(*) AS n FROM parts
       WHERE started_on IS NOT NULL AND ${p.oneOf('status', STARTED_STATUSES)} GROUP BY 1),
     md AS (SELECT year(date) AS year, count(*) AS n FROM miles WHERE status = 'done' GROUP BY 1),
     act AS (
       SELECT year, count(DISTINCT id) AS n FROM (
         SELECT year, institution AS id FROM train
         UNION ALL SELECT year(started_on), source FROM parts WHERE started_on IS NOT NULL
         UNION ALL SELECT year(started_on), target FROM parts WHERE started_on IS NOT NULL)
       WHERE id IN (SELECT id FROM inst) GROUP BY year),
     years AS (SELECT year FROM t UNION SELECT year FROM ps UNION SELECT year FROM md UNION SELECT year FROM act)
     SELECT y.year, coalesce(t.trainees, 0) AS trainees, coalesce(t.completed, 0) AS completed,
            coalesce(t.estimated, 0) AS estimated, coalesce(t.illustrative, 0) AS illustrative,
            coalesce(ps.n, 0) AS started, coalesce(md.n, 0) AS done, coalesce(act.n, 0) AS active
     FROM years AS y LEFT JOIN t USING (year) LEFT JOIN ps USING (year) LEFT JOIN md USING (year)
     LEFT JOIN act USING (year)
     WHERE ${p.yearRange('y.year', filters)}
     ORDER BY y.year`,
    p.values,
  );
  return rows.map((r) => ({
    year: num(r.year),
    trainees: num(r.trainees),
    completed: num(r.completed),
    traineesUnreported: toUnreported(r),
    partnershipsStarted: num(r.started),
    milestonesDone: num(r.done),
    activeInstitutions: num(r.active),
  }));
}

export type InstitutionName = ReturnType<typeof institutionNames>;

/** The names and places of these institutions (current data, or as of `version`), by id. */
export async function institutionsById(
  store: Store,
  ids: readonly string[],
  version: number | null = null,
): Promise<InstitutionName[]> {
  if (ids.length === 0) return [];
  const p = new Params(version);
  const rows = await store.all(
    `SELECT id, name, name_en, name_es, name_zh, city, city_en, city_es, city_zh, country, type FROM institutions
     WHERE ${p.alive()} AND ${p.oneOf('id', ids)} ORDER BY id`,
    p.values,
  );
  return rows.map(institutionNames);
}

export interface InstitutionProfile {
  institution: Institution;
  /** Its partnerships (either end), with milestone records: the most recently started, at most `limit`. */
  partnerships: PartnershipSummary[];
  /** Its own network: the institution, the partners of the listed partnerships, and the partnerships among them. */
  ego: NetworkData;
  training: TrainingVolume[];
  /** Milestones of the listed partnerships: the latest, at most `PROFILE_MILESTONES`, in date order. */
  milestones: MilestoneItem[];
  /** All of its partnerships, partners and milestones, listed or not. */
  counts: { partnerships: number; partners: number; milestones: Record<MilestoneStatus, number> };
}

/** An institution page lists this many partnerships and milestones at most (a hub may have thousands). */
export const PROFILE_PARTNERSHIPS = 100;
export const PROFILE_MILESTONES = 200;

/**
 * Everything about one institution, or null when there is no such id in the data: the current data, or the rows
 * alive at `version` when given (a pinned embed or export of its charts).
 */
export async function institutionProfile(
  store: Store,
  id: string,
  query: PartnershipQuery & { version?: number | null } = {},
): Promise<InstitutionProfile | null> {
  const version = query.version ?? null;
  const p = new Params(version);
  const [row] = await store.all(
    `SELECT id, name, name_en, name_es, name_zh, city, city_en, city_es, city_zh, country, type, website, latitude,
            longitude
     FROM institutions WHERE ${p.alive()} AND id = ${p.bind(id)}`,
    p.values,
  );
  if (!row) return null;
  const all = { city: [], country: [], type: [], area: [], status: [], from: null, to: null, version };
  const mine = (await partnershipList(store, all, { limit: PROFILE_PARTNERSHIPS, ...query, institution: id }))
    .items;
  const partnerIds = [...new Set([id, ...mine.flatMap((p) => [p.source, p.target])])];
  const ego = await network(store, all, { only: partnerIds });
  // By topic, or by programme where a row has no topic; named in the reader's language.
  const topic = localTextSql('t', 'topic', query.locale);
  const programme = localTextSql('t', 'programme', query.locale);
  const pt = new Params(version);
  const training = await store.all(
    `SELECT t.year, coalesce(t.topic, t.programme) AS grp,
            min(CASE WHEN t.topic IS NOT NULL THEN ${topic.text} ELSE ${programme.text} END) AS label,
            min(CASE WHEN t.topic IS NOT NULL THEN ${topic.lang} ELSE ${programme.lang} END) AS label_lang,
            sum(t.trainees) AS trainees, coalesce(sum(t.completed), 0) AS completed,
            coalesce(sum(t.trainees) FILTER (WHERE t.completed IS NOT NULL), 0) AS reported,
            ${unreportedSums('t.trainees', 't.')}
     FROM training AS t WHERE ${pt.alive('t.')} AND t.institution = ${pt.bind(id)}
     GROUP BY t.year, grp ORDER BY t.year, grp`,
    pt.values,
  );
  const ids = mine.map((p) => p.id);
  const pm = new Params(version);
  const miles =
    ids.length === 0
      ? []
      : await store.all(
          `SELECT * FROM (
             SELECT m.id, m.partnership, strftime(m.date, '%Y-%m-%d') AS date, ${localText('m', 'title', query.locale)},
                    m.kind, m.status, m.source
             FROM milestones AS m
             WHERE ${pm.alive('m.')} AND ${pm.oneOf('m.partnership', ids)}
             ORDER BY m.date DESC, m.id DESC LIMIT ${pm.bind(PROFILE_MILESTONES)})
           ORDER BY date, id`,
          pm.values,
        );
  const pc = new Params(version);
  const self = pc.bind(id);
  const [counted] = await store.all(
    `WITH mine AS (
       SELECT p.id, CASE WHEN p.source = ${self} THEN p.target ELSE p.source END AS partner
       FROM partnerships AS p
       JOIN institutions AS s ON s.id = p.source AND ${pc.alive('s.')}
       JOIN institutions AS t ON t.id = p.target AND ${pc.alive('t.')}
       WHERE ${pc.alive('p.')} AND ${self} IN (p.source, p.target)),
     m AS (SELECT status FROM milestones WHERE ${pc.alive()} AND partnership IN (SELECT id FROM mine))
     SELECT (SELECT count(*) FROM mine) AS partnerships, (SELECT count(DISTINCT partner) FROM mine) AS partners,
            (SELECT count(*) FROM m WHERE status = 'done') AS done,
            (SELECT count(*) FROM m WHERE status = 'planned') AS planned,
            (SELECT count(*) FROM m WHERE status = 'missed') AS missed`,
    pc.values,
  );
  return {
    institution: {
      ...institutionNames(row),
      website: opt(row.website),
      latitude: typeof row.latitude === 'number' ? row.latitude : null,
      longitude: typeof row.longitude === 'number' ? row.longitude : null,
    },
    partnerships: mine,
    ego,
    training: training.map(toVolume),
    milestones: miles.map(toMilestone),
    counts: {
      partnerships: num(counted?.partnerships),
      partners: num(counted?.partners),
      milestones: { done: num(counted?.done), planned: num(counted?.planned), missed: num(counted?.missed) },
    },
  };
}
