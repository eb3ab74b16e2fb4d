/**
 * The programme's colours: one per city, country and training topic, assigned over the whole programme (not the
 * part a filter shows), so Hangzhou is the same orange on every page and under every filter, and a topic the same
 * colour on /training and on an institution's page. Cities too many to tell apart by colour (more than the palette
 * holds) make the charts that colour by city colour by country instead, and say so.
 */
import { colorDomains, type Store } from '@puente/data/store';
import { DISTINCT_COLORS, domainColors, OKABE_ITO, type ColorMap } from '@puente/charts';

export interface ProgrammeColors {
  /** True when the programme has more cities than colours: networks colour by country. */
  byCountry: boolean;
  city: ColorMap;
  country: ColorMap;
  topic: ColorMap;
}

/** The colours of the current data, or of a pinned data version (so a pinned chart keeps its colours). */
export async function programmeColors(store: Store, version: number | null = null): Promise<ProgrammeColors> {
  const domains = await colorDomains(store, version);
  return {
    byCountry: domains.cities.length > DISTINCT_COLORS,
    city: domainColors(domains.cities),
    country: domainColors(domains.countries, OKABE_ITO),
    topic: domainColors(domains.topics),
  };
}

/** How a network that colours institutions "by city" colours them in this programme, with the colours to use. */
export function networkColors(
  colors: ProgrammeColors,
  colorBy: 'city' | 'type',
): { colorBy: 'city' | 'country' | 'type'; colors?: ColorMap } {
  if (colorBy === 'type') return { colorBy };
  return colors.byCountry ? { colorBy: 'country', colors: colors.country } : { colorBy, colors: colors.city };
}
