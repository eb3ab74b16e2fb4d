/**
 * Networks drawn again upright for a phone, where the wide drawing would be a strip a few lines tall. Only pages
 * ask for these, once they know they are on a phone or as a view of their own; files and embeds never lay them out.
 */
import type { NetworkData, NetworkModel, NetworkOptions } from '@puente/charts';
import { UPRIGHT_NETWORK } from '$lib/phone';
import { networkModelOffThread } from './network-pool';

/** A laid-out chart drawn again in a phone's box (`UPRIGHT_NETWORK`): the same institutions, names and options. */
export function uprightModel(model: NetworkModel, options: NetworkOptions): Promise<NetworkModel> {
  const data: NetworkData = {
    nodes: model.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      ...(n.labelLang === undefined ? {} : { labelLang: n.labelLang }),
      city: n.city,
      country: n.country,
      type: n.type,
      trained: n.trained,
      matched: !n.context,
    })),
    links: model.links.map((l) => ({
      id: l.id,
      source: l.source,
      target: l.target,
      status: l.status,
      area: l.area,
      milestones: l.milestones,
      milestonesDone: l.milestonesDone,
    })),
  };
  return networkModelOffThread({ data, options: { ...options, ...UPRIGHT_NETWORK } });
}
