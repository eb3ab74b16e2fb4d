/**
 * Colour palettes shared by every chart.
 *
 * Categories use the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008;
 * https://jfly.uni-koeln.de/color/), chosen because its eight colours stay distinguishable for the
 * common forms of colour-vision deficiency (protanopia, deuteranopia, tritanopia) and in greyscale
 * print better than d3's schemeCategory10. The order puts blue and orange first: with two cities
 * (the usual programme) the pair is the most robust one in the set. Yellow comes late because it has
 * little contrast on white.
 *
 * Colour never carries meaning alone: charts also separate cities by position (bridge layout),
 * statuses by dash pattern and quantities by size or length, and every colour has a legend entry.
 */

/** Okabe–Ito, reordered (blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow, black). */
import { INSTITUTION_TYPES, type InstitutionType } from '@puente/data/schema';

export const OKABE_ITO: readonly string[] = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
  '#000000', // black
];

/** Neutral grey for "other" and for categories past the palette's size. */
export const OTHER_COLOR = '#999999';

/**
 * Paul Tol's "muted" scheme (https://personal.sron.nl/~pault/), also safe for colour-vision deficiencies: the
 * colours of institution types, so that "colour by type" never reads as "colour by city", and the second half of
 * the palette for dimensions with more values than Okabe–Ito has colours.
 */
export const TOL_MUTED: readonly string[] = [
  '#332288', // indigo
  '#88CCEE', // cyan
  '#44AA99', // teal
  '#117733', // green
  '#999933', // olive
  '#DDCC77', // sand
  '#CC6677', // rose
  '#882255', // wine
  '#AA4499', // purple
];

/**
 * Fixed colours for the institution types of the CSV contract, so a type keeps its colour whatever
 * the filter (a colour that moved with the data would mislead readers comparing two views). None of
 * them is a city colour (Okabe–Ito).
 */
export const INSTITUTION_TYPE_COLORS: Readonly<Record<InstitutionType, string>> = {
  government: '#332288',
  agency: '#88CCEE',
  university: '#CC6677',
  college: '#DDCC77',
  company: '#117733',
  association: '#AA4499',
  other: OTHER_COLOR,
};

/** Most values of a dimension told apart by colour; past it, cities are coloured by country instead. */
export const DISTINCT_COLORS = OKABE_ITO.length;

/** Colours for dimensions past DISTINCT_COLORS values (topics): Okabe–Ito, then Tol's muted; then grey. */
const EXTENDED: readonly string[] = [...OKABE_ITO, ...TOL_MUTED];

/** A colour per value of a dimension (city, country, topic…), as plain data that travels from server to page. */
export type ColorMap = Readonly<Record<string, string>>;

/**
 * One colour per value over the whole domain of a dimension (every city of the programme, not the filtered ones):
 * the values sorted by code point, the i-th taking the palette's i-th colour. A value keeps its colour on every page
 * and under every filter, as long as the programme's data do not change. Past the palette, values are grey.
 */
export function domainColors(domain: Iterable<string>, palette: readonly string[] = EXTENDED): ColorMap {
  const keys = [...new Set(domain)].sort(compareStrings);
  return Object.fromEntries(keys.map((key, i) => [key, palette[i] ?? OTHER_COLOR]));
}

/**
 * Colours from a {@link ColorMap} for the keys present, with legend entries in key order; a key the map lacks is
 * grey and listed once as "other".
 */
export function mappedCategoryColors(
  keys: Iterable<string>,
  colors: ColorMap,
): { colorOf: (key: string) => string; entries: CategoryColor[] } {
  const present = [...new Set(keys)].sort(compareStrings);
  const named = present.filter((k) => colors[k] !== undefined && colors[k] !== OTHER_COLOR);
  const entries: CategoryColor[] = named.map((key) => ({ key, color: colors[key]! }));
  if (named.length < present.length) entries.push({ key: 'other', color: OTHER_COLOR, other: true });
  return { colorOf: (key) => colors[key] ?? OTHER_COLOR, entries };
}

/** Order of institution types when something is sorted "by type": the CSV contract's order. */
export const INSTITUTION_TYPE_ORDER: readonly InstitutionType[] = INSTITUTION_TYPES;

/** Neutral greys used for ink: text, axes, links. */
export const INK = {
  text: '#1f2937',
  muted: '#4b5563',
  faint: '#9ca3af',
  grid: '#e5e7eb',
  halo: '#ffffff',
} as const;

/** System font stack (with CJK fallbacks, so Chinese labels use a native font where one exists). */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export interface CategoryColor {
  key: string;
  color: string;
  /** True for the grey entry that stands for every category past the palette's size. */
  other?: boolean;
}

/** Code-point comparison: unlike localeCompare it gives the same order on every machine and ICU build. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Assigns palette colours to categories, stably: the domain is sorted, so the same set of keys
 * always gets the same colours whatever the order of the rows.
 *
 * With more keys than colours, the `palette.length - 1` keys with the largest weight (ties by key)
 * keep a colour and the rest share {@link OTHER_COLOR}, listed once in the legend as "other": eight
 * colours are the most a reader can tell apart, and recycling colours would make two categories look
 * the same.
 */
export function categoryColors(
  weights: ReadonlyMap<string, number>,
  palette: readonly string[] = OKABE_ITO,
): { colorOf: (key: string) => string; entries: CategoryColor[] } {
  const keys = [...weights.keys()].sort(compareStrings);
  const colored =
    keys.length <= palette.length
      ? keys
      : [...keys]
          .sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0) || compareStrings(a, b))
          .slice(0, palette.length - 1)
          .sort(compareStrings);
  const map = new Map<string, string>();
  colored.forEach((key, i) => map.set(key, palette[i % palette.length] ?? OTHER_COLOR));
  const entries: CategoryColor[] = colored.map((key) => ({ key, color: map.get(key) ?? OTHER_COLOR }));
  if (colored.length < keys.length) entries.push({ key: 'other', color: OTHER_COLOR, other: true });
  return { colorOf: (key) => map.get(key) ?? OTHER_COLOR, entries };
}

/** Fixed colours for known keys (e.g. institution types); unknown keys get the unused palette colours. */
export function fixedCategoryColors(
  keys: Iterable<string>,
  fixed: Readonly<Record<string, string>>,
  order: readonly string[],
): { colorOf: (key: string) => string; entries: CategoryColor[] } {
  const present = new Set(keys);
  const known = order.filter((k) => present.has(k));
  const unknown = [...present].filter((k) => !(k in fixed)).sort(compareStrings);
  const used = new Set(Object.values(fixed));
  const spare = OKABE_ITO.filter((c) => !used.has(c));
  const map = new Map<string, string>();
  for (const k of known) map.set(k, fixed[k] ?? OTHER_COLOR);
  unknown.forEach((k, i) => map.set(k, spare[i] ?? OTHER_COLOR));
  const entries: CategoryColor[] = [...known, ...unknown].map((key) => ({
    key,
    color: map.get(key) ?? OTHER_COLOR,
  }));
  return { colorOf: (key) => map.get(key) ?? OTHER_COLOR, entries };
}
