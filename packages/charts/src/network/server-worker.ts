/**
 * Entry of the server's worker threads (a tinypool pool in the dashboard): the network's layout, betweenness and
 * label placement take from milliseconds to seconds, so they run here, off the thread that answers requests.
 * Each export is one task; arguments and results are plain data (structured clone). Built to `dist/` by `tsc`, since
 * a worker thread needs a file Node can run as it is.
 */
import { networkModel } from './model.js';
import { packScene, type PackedScene } from './pack.js';
import { networkScene } from './scene.js';
import type { NetworkData, NetworkModel, NetworkOptions } from './types.js';

export interface NetworkTask {
  data: NetworkData;
  options: NetworkOptions;
}

/** The laid-out chart, for SVG. */
export function model({ data, options }: NetworkTask): NetworkModel {
  return networkModel(data, options);
}

/** Everything but the positions, packed for the wire: large graphs are laid out and drawn in the browser. */
export function scene({ data, options }: NetworkTask): PackedScene {
  return packScene(networkScene(data, options));
}
