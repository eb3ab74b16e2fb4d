/**
 * Networks drawn again upright for a phone, where the wide drawing would be a strip a few lines tall. Only pages
 * ask for these, once they know they are on a phone or as a view of their own; files and embeds never lay them out.
 */
import { sceneData, type NetworkModel, type NetworkOptions } from '@puente/charts';
import { UPRIGHT_NETWORK } from '$lib/phone';
import { networkModelOffThread } from './network-pool';

/** A laid-out chart drawn again in a phone's box (`UPRIGHT_NETWORK`): the same institutions, names and options. */
export function uprightModel(model: NetworkModel, options: NetworkOptions): Promise<NetworkModel> {
  return networkModelOffThread({ data: sceneData(model), options: { ...options, ...UPRIGHT_NETWORK } });
}
