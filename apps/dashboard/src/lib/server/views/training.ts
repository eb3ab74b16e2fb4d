/**
 * The /training page's view: what its charts draw, summed in SQL so the page has the same size for a programme of
 * twenty institutions or twenty thousand — the institutions and cities with most trainees, the rest summed.
 */
import {
  institutionsById,
  trainingByYear,
  trainingTotals,
  type Scope,
  type Store,
  type TrainingTotals,
  type TrainingVolume,
} from '@puente/data/store';
import { OTHER_COLOR, type ColorMap, type TrainingRecord, type YearCompletion } from '@puente/charts';
import type { CityYear, StackBy } from '$lib/components/training/shape';
import type { Locale } from '$lib/i18n/translator';
import { countryName, institutionLabel, institutionLang, textLang } from '$lib/labels';
import type { ProgrammeColors } from './colors';

/** Series the stacked chart colours (Okabe–Ito without black); the rest is its grey "other". */
const STACKED = 7;
/** Cities drawn as panels of the city chart (its default `maxPanels`); the rest are counted. */
const CITY_PANELS = 8;

export interface TrainingView {
  by: StackBy;
  from: number | null;
  to: number | null;
  stack: TrainingRecord[];
  completion: YearCompletion[];
  /** The cities with most trainees, per year. */
  cities: CityYear[];
  /** The cities left out of `cities`, and their trainees. */
  citiesHidden: { cities: number; trainees: number };
  totals: TrainingTotals;
  /**
   * What the cities' colours stand for: their city, or their country when the programme has too many cities to
   * tell apart by colour (as the network does).
   */
  cityColorBy: 'city' | 'country';
  cityColors: Record<string, string>;
  /** The country of each city drawn, named in the reader's language. */
  cityCountries: Record<string, string>;
  /** Colours of the stacked chart's series when they are topics; null for institutions. */
  stackColors: ColorMap | null;
  /** The cities drawn, in the reader's language. */
  cityNames: Record<string, string>;
  /** The `lang` of the cities drawn untranslated (in another language than the reader's). */
  cityLangs: Record<string, string>;
}

export interface TrainingInput {
  by: StackBy;
  /** The filters, and the data version when the view is pinned to one (else the current data). */
  filters: Scope;
  locale: Locale;
  colors: ProgrammeColors;
}

export async function trainingView(
  store: Store,
  { by, filters, locale, colors }: TrainingInput,
): Promise<TrainingView> {
  // Training depends on the institutions in view (city, country, type) and the years, never on partnership filters.
  const scope = { ...filters, area: [], status: [] };
  const [stacked, perYear, perCity, totals] = await Promise.all([
    trainingByYear(store, scope, by, { top: STACKED, locale }),
    trainingByYear(store, scope, 'year'),
    trainingByYear(store, scope, 'city', { top: CITY_PANELS, locale }),
    trainingTotals(store, scope),
  ]);
  const names =
    by === 'institution' ? await institutionNames(store, stacked, locale) : new Map<string, Label>();
  const shownCities = perCity.filter((v) => !v.other);
  return {
    by,
    from: filters.from,
    to: filters.to,
    stack: stacked.map((v) => stackRecord(v, by, names)),
    completion: perYear.map((v) => ({ year: v.year, completed: v.completed, reported: v.reported })),
    cities: shownCities.map((v) => ({
      city: v.group,
      year: v.year,
      trainees: v.trainees,
      completed: v.completed,
      reported: v.reported,
      ...v.unreported,
    })),
    citiesHidden: {
      cities: Math.max(0, totals.cities - new Set(shownCities.map((v) => v.group)).size),
      trainees: perCity.filter((v) => v.other).reduce((sum, v) => sum + v.trainees, 0),
    },
    totals,
    // Cities and topics keep the programme's colours: the same on every page and under every filter.
    cityColorBy: colors.byCountry ? 'country' : 'city',
    cityColors: Object.fromEntries(
      shownCities.map((v) => [
        v.group,
        (colors.byCountry ? colors.country[v.country ?? ''] : colors.city[v.group]) ?? OTHER_COLOR,
      ]),
    ),
    cityCountries: Object.fromEntries(
      shownCities.flatMap((v) =>
        v.country === undefined ? [] : [[v.group, countryName(v.country, locale)]],
      ),
    ),
    stackColors: by === 'topic' ? colors.topic : null,
    cityNames: Object.fromEntries(shownCities.map((v) => [v.group, v.label ?? v.group])),
    cityLangs: Object.fromEntries(
      shownCities.flatMap((v) => {
        const lang = textLang(v.labelLang);
        return lang === undefined ? [] : [[v.group, lang]];
      }),
    ),
  };
}

/** A name in the reader's language, and its `lang` when shown untranslated. */
interface Label {
  text: string;
  lang: string | undefined;
}
const withLang = (lang: string | undefined) => (lang === undefined ? {} : { labelLang: lang });

function stackRecord(v: TrainingVolume, by: StackBy, names: ReadonlyMap<string, Label>): TrainingRecord {
  if (v.other) {
    return {
      institution: '',
      other: true,
      year: v.year,
      trainees: v.trainees,
      completed: v.completed,
      reported: v.reported,
      ...v.unreported,
    };
  }
  return by === 'institution'
    ? {
        institution: v.group,
        institutionLabel: names.get(v.group)?.text ?? v.group,
        ...withLang(names.get(v.group)?.lang),
        year: v.year,
        trainees: v.trainees,
        completed: v.completed,
        reported: v.reported,
        ...v.unreported,
      }
    : // A topic's completion can't be told apart from its programmes that don't report it: the rate line takes its
      // base from `completion` instead.
      {
        institution: '',
        topic: v.group,
        topicLabel: v.label ?? v.group,
        ...withLang(textLang(v.labelLang)),
        year: v.year,
        trainees: v.trainees,
        completed: v.completed,
        ...v.unreported,
      };
}

/** Names of the stacked institutions in the reader's language. */
async function institutionNames(
  store: Store,
  volumes: readonly TrainingVolume[],
  locale: Locale,
): Promise<Map<string, Label>> {
  const ids = [...new Set(volumes.filter((v) => !v.other).map((v) => v.group))];
  if (ids.length === 0) return new Map();
  return new Map(
    (await institutionsById(store, ids)).map((n) => [
      n.id,
      { text: institutionLabel(n, locale), lang: institutionLang(n, locale) },
    ]),
  );
}
