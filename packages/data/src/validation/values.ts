import type { MessageId, MessageParams } from '../messages/problems.js';
import type { CellValue, ColumnSpec } from '../schema/tables.js';

/*
 * Cell readers: a trimmed, non-empty cell in, its stored value or a CellError out. They run once per cell of
 * a million-row file, so the success path allocates nothing: patterns are compiled once here, and errors
 * without per-value parameters are shared instances.
 */

/** Why a cell was refused: the problem code and the message explaining it. */
export class CellError {
  constructor(
    readonly code: 'invalid-type' | 'invalid-enum' | 'out-of-range',
    readonly message: MessageId,
    readonly params?: MessageParams,
  ) {}
}

export type CellReader = (raw: string) => CellValue | CellError;

// ---------------------------------------------------------------- dates

/** Dates outside these years are refused as out-of-range: almost always a typo in the year. */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const YEAR_FIRST_SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const TWO_DIGIT_YEAR = /^\d{1,2}([/.-])\d{1,2}\1\d{2}$/;
const EXCEL_SERIAL = /^\d{5}(?:[.,]\d+)?$/;

const INVALID_DATE = new CellError('invalid-type', 'invalid-type.date');
const IMPOSSIBLE_DATE = new CellError('invalid-type', 'invalid-type.date-impossible');
const TWO_DIGIT_YEAR_DATE = new CellError('invalid-type', 'invalid-type.date-two-digit-year');
const SERIAL_DATE = new CellError('invalid-type', 'invalid-type.date-serial');
const DATE_OUT_OF_RANGE = new CellError('out-of-range', 'out-of-range.date', DATE_YEARS);

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const isoDate = (y: number, m: number, d: number): string => `${y}-${pad2(m)}-${pad2(d)}`;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function checkedDate(y: number, m: number, d: number): string | CellError {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return IMPOSSIBLE_DATE;
  if (y < DATE_YEARS.min || y > DATE_YEARS.max) return DATE_OUT_OF_RANGE;
  return isoDate(y, m, d);
}

/**
 * A date, stored as `yyyy-mm-dd`. Accepted: `yyyy-mm-dd` (also `yyyy-m-d`), `dd/mm/yyyy` (also `d/m/yyyy`:
 * slashes with the year last are always day first, as es-ES Excel writes them), `yyyy/m/d`, `yyyy年m月d日`.
 *
 * Never guessed, refused as `invalid-type`:
 * - two-digit years in any order and separator (`03/04/23`, `23-04-03`): the century and the order are unknown;
 * - slashed day-first dates whose middle number cannot be a month while the first can (`04/23/2023`): written
 *   month first, and swapping would be a guess;
 * - impossible dates (`31/02/2024`, `2023-13-01`, `29/02/2023`);
 * - Excel serial numbers (`45007`) and any other form (`22-03-2023`, `22.03.2023`, `March 22, 2023`).
 * `03/04/2023` is not ambiguous under this contract: it is 3 April 2023.
 */
export function readDate(raw: string): string | CellError {
  let m = ISO_DATE.exec(raw) ?? YEAR_FIRST_SLASHED.exec(raw) ?? CHINESE_DATE.exec(raw);
  if (m !== null) return checkedDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_FIRST.exec(raw);
  if (m !== null) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    const year = Number(m[3]);
    if (second > 12 && first >= 1 && first <= 12 && second <= daysInMonth(year, first)) {
      return new CellError('invalid-type', 'invalid-type.date-month-first', {
        suggestion: isoDate(year, first, second),
      });
    }
    return checkedDate(year, second, first);
  }
  if (TWO_DIGIT_YEAR.test(raw)) return TWO_DIGIT_YEAR_DATE;
  if (EXCEL_SERIAL.test(raw)) return SERIAL_DATE;
  return INVALID_DATE;
}

// ---------------------------------------------------------------- numbers

const GROUPED_COMMA = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.0+)?$/;
const GROUPED_DOT = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,0+)?$/;
const FRACTION = /^[+-]?\d+[.,]\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

const INVALID_INTEGER = new CellError('invalid-type', 'invalid-type.integer');
const FRACTION_IN_INTEGER = new CellError('invalid-type', 'invalid-type.integer-fraction');
const INVALID_DECIMAL = new CellError('invalid-type', 'invalid-type.decimal');
const TOO_BIG = new CellError('out-of-range', 'out-of-range.max', { max: Number.MAX_SAFE_INTEGER });

function safeInteger(text: string): number | CellError {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return TOO_BIG;
  return value === 0 ? 0 : value; // no -0
}

/**
 * A whole number: `1234`, `-5`, or grouped in thousands, `1,234` (en) or `1.234` (es); grouping is
 * unambiguous here because a whole-number column has no decimals. A zero decimal part is allowed only after
 * grouping (`1,234.00`, `1.234,00`), where the separators cannot be confused. `1.5` or `1,5` is refused.
 */
export function readInteger(raw: string): number | CellError {
  const n = raw.length;
  let i = raw.charCodeAt(0) === 45 || raw.charCodeAt(0) === 43 ? 1 : 0;
  if (i < n) {
    while (i < n) {
      const c = raw.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    if (i === n) return safeInteger(raw);
  }
  if (GROUPED_COMMA.test(raw)) return safeInteger(raw.replace(/\.0+$/, '').replaceAll(',', ''));
  if (GROUPED_DOT.test(raw)) return safeInteger(raw.replace(/,0+$/, '').replaceAll('.', ''));
  if (FRACTION.test(raw)) return FRACTION_IN_INTEGER;
  return INVALID_INTEGER;
}

/**
 * A decimal number (latitude, longitude) with a point or an es decimal comma: `40.28`, `40,28`, `-3.8`.
 * Thousands grouping is refused: in `40,283` the comma can only be the decimal mark.
 */
export function readDecimal(raw: string): number | CellError {
  if (!DECIMAL.test(raw)) return INVALID_DECIMAL;
  const value = Number(raw.replace(',', '.'));
  return value === 0 ? 0 : value;
}

// ---------------------------------------------------------------- identifiers, codes, addresses

const MARKS = /\p{M}+/gu;
const NOT_SLUG = /[^a-z0-9]+/g;
const EDGE_HYPHENS = /^-+|-+$/g;

/** A slug suggested in the message for a refused identifier (`Fuenlabrada CIFE` → `fuenlabrada-cife`). */
export function suggestSlug(raw: string): string {
  const slug = raw
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(NOT_SLUG, '-')
    .replace(EDGE_HYPHENS, '');
  return slug === '' ? 'fuenlabrada-cife' : slug;
}

/** An identifier: `[a-z0-9-]+`, taken exactly as written (never lower-cased for the analyst: ids must match). */
export function readSlug(raw: string): string | CellError {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) {
      return new CellError('invalid-type', 'invalid-type.slug', { suggestion: suggestSlug(raw) });
    }
  }
  return raw;
}

/** ISO 3166-1 alpha-2: the 249 codes officially assigned (as in the iso-codes database, 2024). */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
    'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
    'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
    'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
    'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
    'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

// Common non-codes analysts type for the programme's countries, to suggest the code in the message.
const COUNTRY_HINTS: ReadonlyMap<string, string> = new Map([
  ['uk', 'GB'],
  ['england', 'GB'],
  ['united kingdom', 'GB'],
  ['reino unido', 'GB'],
  ['英国', 'GB'],
  ['el', 'GR'],
  ['spain', 'ES'],
  ['espana', 'ES'],
  ['esp', 'ES'],
  ['西班牙', 'ES'],
  ['china', 'CN'],
  ['chn', 'CN'],
  ['prc', 'CN'],
  ['中国', 'CN'],
  ['usa', 'US'],
  ['united states', 'US'],
  ['estados unidos', 'US'],
  ['美国', 'US'],
]);

const INVALID_COUNTRY = new CellError('invalid-type', 'invalid-type.country');

/** An assigned ISO 3166-1 alpha-2 code, any case, stored upper-case. */
export function readCountry(raw: string): string | CellError {
  const code = raw.toUpperCase();
  if (COUNTRY_CODES.has(code)) return code;
  const hint = COUNTRY_HINTS.get(raw.normalize('NFKD').replace(MARKS, '').toLowerCase());
  return hint === undefined
    ? INVALID_COUNTRY
    : new CellError('invalid-type', 'invalid-type.country-suggestion', { suggestion: hint });
}

const HTTP_SCHEME = /^https?:\/\//i;
const BARE_DOMAIN = /^(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}(?:[/?#]\S*)?$/u;
const WHITESPACE = /\s/;
const INVALID_URL = new CellError('invalid-type', 'invalid-type.url');

/** An absolute http(s) URL with a host, stored as written. `www.example.org` is refused with a suggestion. */
export function readUrl(raw: string): string | CellError {
  if (!HTTP_SCHEME.test(raw)) {
    return BARE_DOMAIN.test(raw)
      ? new CellError('invalid-type', 'invalid-type.url-scheme', { suggestion: `https://${raw}` })
      : INVALID_URL;
  }
  if (WHITESPACE.test(raw)) return INVALID_URL;
  try {
    return new URL(raw).hostname === '' ? INVALID_URL : raw;
  } catch {
    return INVALID_URL;
  }
}

const ENUM_SEPARATORS = /[\s-]+/g;

/**
 * A reader for one of `values`: case-insensitive, with spaces or hyphens for underscores (`Joint training`,
 * `joint-training` → `joint_training`); stores the canonical lower-case value.
 */
export function enumReader(
  values: readonly string[],
  refusal: MessageId = 'invalid-enum',
): (raw: string) => string | CellError {
  const lookup = new Map<string, string>();
  for (const value of values) lookup.set(value, value);
  const refused = new CellError('invalid-enum', refusal, { values });
  return (raw) =>
    lookup.get(raw) ??
    lookup.get(raw.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(ENUM_SEPARATORS, '_')) ??
    refused;
}

const readText = (raw: string): string => raw;

/** Wraps a numeric reader with the column's bounds (`out-of-range`). */
function bounded(read: (raw: string) => number | CellError, min?: number, max?: number): CellReader {
  if (min === undefined && max === undefined) return read;
  const refused =
    min !== undefined && max !== undefined
      ? new CellError('out-of-range', 'out-of-range.between', { min, max })
      : min !== undefined
        ? new CellError('out-of-range', 'out-of-range.min', { min })
        : new CellError('out-of-range', 'out-of-range.max', { max: max! });
  return (raw) => {
    const value = read(raw);
    if (value instanceof CellError) return value;
    return (min !== undefined && value < min) || (max !== undefined && value > max) ? refused : value;
  };
}

/** The reader of a column as declared in tables.ts. */
export function cellReader(column: ColumnSpec): CellReader {
  switch (column.type) {
    case 'slug':
    case 'reference':
      return readSlug;
    case 'text':
      return readText;
    case 'enum':
      return enumReader(column.values ?? [], column.refusal);
    case 'country':
      return readCountry;
    case 'url':
      return readUrl;
    case 'date':
      return readDate;
    case 'integer':
      return bounded(readInteger, column.min, column.max);
    case 'decimal':
      return bounded(readDecimal, column.min, column.max);
  }
}
