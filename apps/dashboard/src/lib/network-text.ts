import type { NetworkLegendModel, NetworkModelLink, NetworkSceneNode } from '@puente/charts';
import { cityName, countryName, type CityNames } from '$lib/labels';
import type { Translator } from '$lib/i18n/translator';

/**
 * The words around a network chart in the reader's language: legend labels, the descriptions of nodes and
 * links (tooltips, screen readers) and the table alternative's. Shared by every page that draws a network, so they
 * read the same everywhere.
 */
export function networkText(tr: Translator, cityNames?: CityNames) {
  const city = (key: string) => cityName(key, cityNames, tr.locale);
  return {
    legend: {
      color: tr.t('legend.city'),
      status: tr.t('legend.status'),
      size: tr.t('legend.size'),
      statusName: tr.labels.status,
      sizeName: (n: number) => tr.t('legend.sizeValue', { count: n }),
    },
    /**
     * The legend's words for what this chart encodes: colour by city, type, or country when cities are too many;
     * size by people trained or partnerships.
     */
    legendFor: (legend: Pick<NetworkLegendModel, 'colorBy' | 'sizeBy'>) => ({
      ...(legend.sizeBy === 'partnerships'
        ? {
            size: tr.t('legend.sizePartnerships'),
            sizeName: (n: number) => tr.t('legend.sizePartnershipsValue', { count: n }),
          }
        : {}),
      color:
        legend.colorBy === 'type'
          ? tr.t('legend.type')
          : legend.colorBy === 'country'
            ? tr.t('legend.countryAuto')
            : tr.t('legend.city'),
      colorName: (key: string) =>
        legend.colorBy === 'type'
          ? tr.labels.type(key)
          : key === 'other'
            ? tr.t('networkPage.legend.otherCities')
            : legend.colorBy === 'country'
              ? countryName(key, tr.locale)
              : city(key).text,
      colorLang: (key: string) => (legend.colorBy === 'city' && key !== 'other' ? city(key).lang : undefined),
    }),
    /** A node that opens the institution's page. */
    describeNode: (node: Pick<NetworkSceneNode, 'label' | 'city' | 'type' | 'trained'>) =>
      tr.t('institution.network.node', {
        name: node.label,
        city: city(node.city).text,
        type: tr.labels.type(node.type),
        trained: node.trained,
      }),
    describeLink: (link: NetworkModelLink) =>
      tr.t('institution.network.link', {
        source: link.sourceLabel,
        target: link.targetLabel,
        area: tr.labels.area(link.area),
        status: tr.labels.status(link.status),
        done: link.milestonesDone,
        total: link.milestones,
      }),
    /** Props of `NetworkTable`: headings and the names of types and statuses. */
    table: {
      labels: {
        institution: tr.t('table.institution'),
        city: tr.t('table.city'),
        type: tr.t('table.type'),
        trained: tr.t('table.trained'),
        partners: tr.t('table.partners'),
      },
      typeName: tr.labels.type,
      statusName: tr.labels.status,
      cityName: (key: string) => city(key).text,
      cityLang: (key: string) => city(key).lang,
    },
  };
}
