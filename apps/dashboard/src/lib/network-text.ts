import type { NetworkModelLink, NetworkModelNode } from '@puente/charts';
import type { MessageKey, Translator } from '$lib/i18n/translator';

/**
 * The words around a network chart in the reader's language: legend labels and the descriptions of nodes and
 * links (tooltips, screen readers). Shared by every page that draws a network, so they read the same everywhere.
 */
export function networkText(tr: Translator) {
  const status = (s: string) => tr.t(`status.${s}` as MessageKey);
  return {
    legend: {
      color: tr.t('legend.city'),
      status: tr.t('legend.status'),
      size: tr.t('legend.size'),
      statusName: status,
      sizeName: (n: number) => tr.t('legend.sizeValue', { count: n }),
    },
    /** A node that opens the institution's page. */
    describeNode: (node: NetworkModelNode) =>
      tr.t('institution.network.node', {
        name: node.label,
        city: node.city,
        type: tr.t(`type.${node.type}` as MessageKey),
        trained: node.trained,
      }),
    describeLink: (link: NetworkModelLink) =>
      tr.t('institution.network.link', {
        source: link.sourceLabel,
        target: link.targetLabel,
        area: tr.t(`area.${link.area}` as MessageKey),
        status: status(link.status),
        done: link.milestonesDone,
        total: link.milestones,
      }),
  };
}
