/**
 * Worker threads for the network's heavy work — force layout, betweenness, label placement — so that a slow
 * view never holds up another request. One pool per process; a thread per core but the one serving requests.
 * The tasks are the exports of `@puente/charts/server-worker`.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Tinypool } from 'tinypool';
import { currentSignal } from '../request-scope';
import type { NetworkData, NetworkModel, NetworkOptions, PackedScene } from '@puente/charts';

/** What a task gets (see `NetworkTask` in packages/charts/src/network/server-worker.ts). */
export interface NetworkTask {
  data: NetworkData;
  options: NetworkOptions;
}

/** Tasks waiting past this many are refused (503) rather than queued for minutes. */
const MAX_QUEUE = 64;

/** Thrown when the pool's queue is full: the server is overloaded, the client should retry later. */
export class BusyError extends Error {
  constructor() {
    super('The server is busy drawing other networks; try again in a moment.');
    this.name = 'BusyError';
  }
}

let pool: Tinypool | null = null;

function workers(): Tinypool {
  if (pool) return pool;
  // Resolved at run time from node_modules: a worker thread runs a file as it is, outside the Vite bundle.
  const filename = createRequire(import.meta.url).resolve('@puente/charts/server-worker');
  const threads = Math.max(1, availableParallelism() - 1);
  pool = new Tinypool({
    filename,
    minThreads: 1,
    maxThreads: threads,
    maxQueue: MAX_QUEUE,
    idleTimeout: 60_000,
  });
  // adapter-node's graceful shutdown: live worker threads would keep the process from exiting.
  process.once('sveltekit:shutdown' as 'exit', () => void pool?.destroy());
  return pool;
}

/** Runs a task under the signal in force: a view nobody waits for any more stops its thread. */
async function run<T>(name: 'model' | 'scene', task: NetworkTask): Promise<T> {
  const p = workers();
  if (p.queueSize >= MAX_QUEUE) throw new BusyError();
  return (await p.run(task, { name, signal: currentSignal() ?? null })) as T;
}

/** The laid-out network chart (SVG), computed in a worker thread. */
export const networkModelOffThread = (task: NetworkTask) => run<NetworkModel>('model', task);

/** The packed scene of a large network (drawn on canvas in the browser), computed in a worker thread. */
export const networkSceneOffThread = (task: NetworkTask) => run<PackedScene>('scene', task);
