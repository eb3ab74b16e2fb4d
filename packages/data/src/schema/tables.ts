import type { MessageId } from '../messages/problems.js';

/**
 * The CSV contract: the four tables analysts upload, declared once as data.
 * Validation, the DuckDB schema, the docs and the upload screen all read this declaration.
 */

export const TABLE_NAMES = ['institutions', 'partnerships', 'training', 'milestones'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const INSTITUTION_TYPES = [
  'government',
  'agency',
  'university',
  'college',
  'company',
  'association',
  'other',
] as const;
export const PARTNERSHIP_AREAS = [
  'exchange',
  'joint_training',
  'design_lab',
  'pilot_project',
  'branding',
  'platform',
  'research',
  'other',
] as const;
/**
 * Pipeline order: proposed → negotiating → agreed → active → completed, then the statuses set aside (paused,
 * cancelled). Charts, legends and tables list statuses in this order.
 */
export const PARTNERSHIP_STATUSES = [
  'proposed',
  'negotiating',
  'agreed',
  'active',
  'completed',
  'paused',
  'cancelled',
] as const;
export const MILESTONE_KINDS = ['meeting', 'agreement', 'exchange', 'launch', 'report', 'other'] as const;
export const MILESTONE_STATUSES = ['planned', 'done', 'missed'] as const;
/**
 * Where a row's figures come from (the optional `source` column of training and milestones): counted and reported
 * (the default, also when the cell is empty), an estimate, or illustrative — a stand-in, not a fact, that pages
 * mark and summaries never state as fact.
 */
export const VALUE_SOURCES = ['reported', 'estimated', 'illustrative'] as const;

export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
export type PartnershipArea = (typeof PARTNERSHIP_AREAS)[number];
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export type ValueSource = (typeof VALUE_SOURCES)[number];

/** The languages of the dashboard, and of the translated columns (`name_en`, `title_zh`, …). */
export const CONTENT_LOCALES = ['en', 'es', 'zh'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

/**
 * Where a partnership stands, by status: talks not yet agreed (`early`), agreed or under way (`in-motion`), finished
 * (`completed`), or left the pipeline at an unknown stage (`aside`). The meaning of each status, said once.
 */
export type PartnershipPhase = 'early' | 'in-motion' | 'completed' | 'aside';
export const PARTNERSHIP_PHASES: Readonly<Record<PartnershipStatus, PartnershipPhase>> = {
  proposed: 'early',
  negotiating: 'early',
  agreed: 'in-motion',
  active: 'in-motion',
  completed: 'completed',
  paused: 'aside',
  cancelled: 'aside',
};

const inPhase = (...phases: PartnershipPhase[]): readonly PartnershipStatus[] =>
  PARTNERSHIP_STATUSES.filter((s) => phases.includes(PARTNERSHIP_PHASES[s]));

/** Statuses of the pipeline, in order; a partnership at one has reached every earlier one. */
export const PIPELINE_STATUSES = inPhase('early', 'in-motion', 'completed');
/** Before agreement: proposed, negotiating. */
export const EARLY_STATUSES = inPhase('early');
/** "In motion": agreed or active — committed to and not finished. */
export const IN_MOTION_STATUSES = inPhase('in-motion');
/** Set aside: paused or cancelled. They left the pipeline at an unknown stage, so they are counted beside it. */
export const ASIDE_STATUSES = inPhase('aside');

/**
 * What a partnership's `started_on` records depends on how far it has come: the day it was proposed (proposed,
 * negotiating), agreed (agreed) or started (active, completed). For one set aside it is a date of unknown meaning.
 */
export type PartnershipDateMeaning = 'proposed' | 'agreed' | 'started' | 'dated';
export const PARTNERSHIP_DATE_MEANINGS: Readonly<Record<PartnershipStatus, PartnershipDateMeaning>> = {
  proposed: 'proposed',
  negotiating: 'proposed',
  agreed: 'agreed',
  active: 'started',
  completed: 'started',
  paused: 'dated',
  cancelled: 'dated',
};
/** Statuses whose `started_on` is the day work started (active, completed): what "started in a year" counts. */
export const STARTED_STATUSES: readonly PartnershipStatus[] = PARTNERSHIP_STATUSES.filter(
  (s) => PARTNERSHIP_DATE_MEANINGS[s] === 'started',
);

/** Whether a value is one of the contract's partnership statuses (a type guard for text from URLs or forms). */
export function isPartnershipStatus(value: string): value is PartnershipStatus {
  return (PARTNERSHIP_STATUSES as readonly string[]).includes(value);
}

/** Whether a partnership with this status is in motion (agreed or active). Unknown statuses are not. */
export function isInMotion(status: string): boolean {
  return isPartnershipStatus(status) && PARTNERSHIP_PHASES[status] === 'in-motion';
}

/** Whether a partnership with this status is set aside from the pipeline (paused or cancelled). */
export function isSetAside(status: string): boolean {
  return isPartnershipStatus(status) && PARTNERSHIP_PHASES[status] === 'aside';
}

/** How many partnerships have one of `statuses`, from counts by status (a missing count is zero). */
export function partnershipsWith(
  byStatus: Partial<Record<PartnershipStatus, number>>,
  statuses: readonly PartnershipStatus[],
): number {
  return statuses.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0);
}

/** The rule of `slug` columns (every table's id): lower-case letters a–z, digits and hyphens. */
export const SLUG_PATTERN = /^[a-z0-9-]+$/;

/** Whether a value could be an id of the contract (a `slug`), e.g. a path segment before it is looked up. */
export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/**
 * How a cell is read:
 * - `slug`: `[a-z0-9-]+` identifier (`SLUG_PATTERN`);
 * - `text`: any trimmed text;
 * - `enum`: one of `values` (matched case-insensitively);
 * - `country`: ISO 3166-1 alpha-2, stored upper-case;
 * - `url`: an absolute http(s) URL;
 * - `date`: stored as `yyyy-mm-dd`;
 * - `integer` / `decimal`: numbers, within `min`..`max` when given;
 * - `reference`: the key of a row in `references`.
 */
export type ColumnType =
  'slug' | 'text' | 'enum' | 'country' | 'url' | 'date' | 'integer' | 'decimal' | 'reference';

export interface ColumnSpec {
  /** Canonical column name, as in the CSV header and the database. */
  readonly name: string;
  readonly type: ColumnType;
  readonly required: boolean;
  /** Allowed values of an `enum` column. */
  readonly values?: readonly string[];
  /** Table whose key a `reference` column holds. */
  readonly references?: TableName;
  readonly min?: number;
  readonly max?: number;
  /** Other headers analysts use for this column (Spanish, Chinese, common variants). */
  readonly synonyms: readonly string[];
  /** The message refusing a value of an `enum` column, when the column needs advice of its own (what it means). */
  readonly refusal?: MessageId;
}

export interface TableSpec {
  readonly name: TableName;
  /** Columns forming the key: unique within the table, used by `upsert`. */
  readonly key: readonly string[];
  readonly columns: readonly ColumnSpec[];
  /** Other names of the table accepted as file names (`instituciones.csv`, `机构.csv`). */
  readonly synonyms: readonly string[];
}

const col = (
  name: string,
  type: ColumnType,
  required: boolean,
  synonyms: readonly string[],
  extra: Partial<Pick<ColumnSpec, 'values' | 'references' | 'min' | 'max' | 'refusal'>> = {},
): ColumnSpec => ({ name, type, required, synonyms, ...extra });

/** Headers that name a translation, by language, as analysts write them (`título_es`, `title (Chinese)`, `标题_中文`). */
const LANGUAGE_SUFFIXES: Readonly<Record<ContentLocale, readonly string[]>> = {
  en: ['en', 'ingles', 'english', '英文'],
  es: ['es', 'espanol', 'spanish', '西班牙文', '西语'],
  zh: ['zh', 'chino', 'chinese', '中文'],
};

/**
 * The optional translations of a text column people read, one per language, named `<column>_<lang>` (the pattern of
 * `name_en/name_es/name_zh`). Headers: the column's name or synonyms with a language suffix. Pages show the reader's
 * language and fall back to the column itself.
 */
const translations = (name: string, synonyms: readonly string[]): ColumnSpec[] =>
  CONTENT_LOCALES.map((locale) =>
    col(
      `${name}_${locale}`,
      'text',
      false,
      [name, ...synonyms].flatMap((base) =>
        LANGUAGE_SUFFIXES[locale]
          .filter((suffix) => suffix !== locale || base !== name)
          .map((s) => `${base}_${s}`),
      ),
    ),
  );

/** The provenance of a row's figures (see `VALUE_SOURCES`); empty means reported. */
const sourceColumn = (): ColumnSpec =>
  col('source', 'enum', false, ['fuente', 'procedencia', 'origen del dato', '数据来源', '来源'], {
    values: VALUE_SOURCES,
    refusal: 'invalid-enum.source',
  });

export const TABLES: Readonly<Record<TableName, TableSpec>> = {
  institutions: {
    name: 'institutions',
    key: ['id'],
    synonyms: ['institution', 'instituciones', 'institucion', 'entidades', '机构'],
    columns: [
      col('id', 'slug', true, ['identificador', 'codigo', '编号', '代码']),
      col('name', 'text', true, ['nombre', '名称', '机构名称']),
      col('name_en', 'text', false, ['nombre_en', 'nombre ingles', 'english name', '英文名称']),
      col('name_es', 'text', false, [
        'nombre_es',
        'nombre espanol',
        'spanish name',
        '西班牙文名称',
        '西语名称',
      ]),
      col('name_zh', 'text', false, ['nombre_zh', 'nombre chino', 'chinese name', '中文名称']),
      col('city', 'text', true, ['ciudad', 'municipio', '城市']),
      col('country', 'country', true, ['pais', '国家']),
      col('type', 'enum', true, ['tipo', '类型'], { values: INSTITUTION_TYPES }),
      col('website', 'url', false, ['web', 'sitio web', 'pagina web', 'url', '网站', '网址']),
      col('latitude', 'decimal', false, ['lat', 'latitud', '纬度'], { min: -90, max: 90 }),
      col('longitude', 'decimal', false, ['lon', 'lng', 'longitud', '经度'], { min: -180, max: 180 }),
      ...translations('city', ['ciudad', '城市']),
    ],
  },
  partnerships: {
    name: 'partnerships',
    key: ['id'],
    synonyms: ['partnership', 'colaboraciones', 'colaboracion', 'alianzas', '合作', '合作项目'],
    columns: [
      col('id', 'slug', true, ['identificador', 'codigo', '编号', '代码']),
      col('source', 'reference', true, ['origen', 'from', '发起方', '来源'], { references: 'institutions' }),
      col('target', 'reference', true, ['destino', 'socio', 'to', '合作方', '目标'], {
        references: 'institutions',
      }),
      col('area', 'enum', true, ['ambito', 'tema', '领域'], { values: PARTNERSHIP_AREAS }),
      col('status', 'enum', true, ['estado', 'situacion', '状态'], { values: PARTNERSHIP_STATUSES }),
      col('started_on', 'date', false, ['inicio', 'fecha de inicio', 'fecha inicio', 'start', '开始日期']),
      col('title', 'text', false, ['titulo', 'nombre', '标题', '名称']),
      ...translations('title', ['titulo', '标题']),
    ],
  },
  training: {
    name: 'training',
    key: ['institution', 'programme', 'year'],
    synonyms: ['trainings', 'formacion', 'formaciones', '培训'],
    columns: [
      col('institution', 'reference', true, ['institucion', 'entidad', '机构'], {
        references: 'institutions',
      }),
      col('partnership', 'reference', false, ['colaboracion', 'alianza', '合作', '合作项目'], {
        references: 'partnerships',
      }),
      col('programme', 'text', true, ['program', 'programa', 'curso', '项目', '课程']),
      col('topic', 'text', false, ['tema', 'materia', '主题']),
      col('year', 'integer', true, ['ano', 'anio', '年份', '年度'], { min: 1900, max: 2100 }),
      col(
        'trainees',
        'integer',
        true,
        ['participantes', 'alumnos', 'inscritos', '学员', '学员人数', '培训人数'],
        {
          min: 0,
        },
      ),
      col(
        'completed',
        'integer',
        false,
        ['completados', 'finalizados', 'aprobados', '结业', '结业人数', '完成人数'],
        {
          min: 0,
        },
      ),
      sourceColumn(),
      ...translations('programme', ['programa', '项目']),
      ...translations('topic', ['tema', '主题']),
    ],
  },
  milestones: {
    name: 'milestones',
    key: ['id'],
    synonyms: ['milestone', 'hitos', 'hito', '里程碑'],
    columns: [
      col('id', 'slug', true, ['identificador', 'codigo', '编号', '代码']),
      col('partnership', 'reference', true, ['colaboracion', 'alianza', '合作', '合作项目'], {
        references: 'partnerships',
      }),
      col('date', 'date', true, ['fecha', '日期']),
      col('title', 'text', true, ['titulo', 'nombre', '标题', '名称']),
      col('kind', 'enum', true, ['tipo', 'clase', '类型'], { values: MILESTONE_KINDS }),
      col('status', 'enum', true, ['estado', 'situacion', '状态'], { values: MILESTONE_STATUSES }),
      sourceColumn(),
      ...translations('title', ['titulo', '标题']),
    ],
  },
};

/** Tables in the order a load must write them so that references always point backwards. */
export const LOAD_ORDER: readonly TableName[] = ['institutions', 'partnerships', 'training', 'milestones'];

/** A `reference` column: rows of `from` point at the key of a row of `to` through `column`. */
export interface Relation {
  readonly from: TableName;
  readonly column: string;
  readonly to: TableName;
  /** Whether every row must point somewhere (an empty optional reference points nowhere). */
  readonly required: boolean;
}

/** Every relation between the tables, read from the columns' `references`, in table and column order. */
export const RELATIONS: readonly Relation[] = TABLE_NAMES.flatMap((from) =>
  TABLES[from].columns.flatMap((c) =>
    c.references ? [{ from, column: c.name, to: c.references, required: c.required }] : [],
  ),
);

/** Tables whose keys other tables point at (institutions, partnerships), in table order. */
export const REFERENCED_TABLES: readonly TableName[] = TABLE_NAMES.filter((t) =>
  RELATIONS.some((r) => r.to === t),
);

/** A parsed, validated cell: text and dates (`yyyy-mm-dd`) as strings, numbers as numbers, empty as null. */
export type CellValue = string | number | null;
export type Row = Record<string, CellValue>;

export interface Institution {
  id: string;
  name: string;
  name_en: string | null;
  name_es: string | null;
  name_zh: string | null;
  city: string;
  city_en?: string | null;
  city_es?: string | null;
  city_zh?: string | null;
  country: string;
  type: InstitutionType;
  website: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface Partnership {
  id: string;
  source: string;
  target: string;
  area: PartnershipArea;
  status: PartnershipStatus;
  started_on: string | null;
  title: string | null;
}

export interface TrainingRecord {
  institution: string;
  partnership: string | null;
  programme: string;
  topic: string | null;
  year: number;
  trainees: number;
  completed: number | null;
}

export interface Milestone {
  id: string;
  partnership: string;
  date: string;
  title: string;
  kind: MilestoneKind;
  status: MilestoneStatus;
}
