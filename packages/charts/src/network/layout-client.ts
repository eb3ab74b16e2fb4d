/**
 * Lays out a network scene in a Web Worker (`layout.worker.ts`) and reports positions as they
 * settle. Browser-only. Where module workers are missing, the same code runs on the main thread in
 * small slices instead, so the page still works (less smoothly).
 */
import { forceRun } from './force.js';
import { scenePositions } from './model.js';
import { forceInput } from './scene.js';
import type { NetworkScene } from './types.js';

export type LayoutRequest =
  | { type: 'start'; scene: NetworkScene; ticks?: number }
  | { type: 'pin'; index: number; x: number; y: number }
  | { type: 'release'; index: number }
  | { type: 'stop' };

export interface LayoutUpdate {
  type: 'positions';
  /** `[x0, y0, x1, y1, …]` in viewBox units, fitted to the box. */
  positions: Float64Array;
  /** Ticks run so far, of `ticks` (0 of 0 for the bridge layout, which comes in one go). */
  done: number;
  ticks: number;
}

export interface LayoutJob {
  /** Holds a node at a point while the layout goes on (dragging it). */
  pin(index: number, x: number, y: number): void;
  release(index: number): void;
  stop(): void;
}

export interface LayoutOptions {
  /** Tick budget; the scene's by default. The browser can afford more than the server. */
  ticks?: number;
  onupdate(update: LayoutUpdate): void;
}

export function startLayout(scene: NetworkScene, options: LayoutOptions): LayoutJob {
  const worker = moduleWorker();
  if (worker) {
    const w = worker;
    w.onmessage = (event: MessageEvent<LayoutUpdate>) => options.onupdate(event.data);
    const request: LayoutRequest = { type: 'start', scene: plain(scene), ticks: options.ticks };
    w.postMessage(request);
    return {
      pin: (index, x, y) => w.postMessage({ type: 'pin', index, x, y } satisfies LayoutRequest),
      release: (index) => w.postMessage({ type: 'release', index } satisfies LayoutRequest),
      stop: () => w.terminate(),
    };
  }
  return mainThreadLayout(scene, options);
}

/** A module worker running `layout.worker.ts`, or null where the browser can't start one. */
function moduleWorker(): Worker | null {
  try {
    return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** Svelte state proxies cannot be cloned into a worker: pass plain data (scenes are JSON by design). */
function plain(scene: NetworkScene): NetworkScene {
  return JSON.parse(JSON.stringify(scene)) as NetworkScene;
}

function mainThreadLayout(scene: NetworkScene, options: LayoutOptions): LayoutJob {
  if (scene.layout === 'bridge') {
    const positions = Float64Array.from(scenePositions(scene));
    queueMicrotask(() => options.onupdate({ type: 'positions', positions, done: 0, ticks: 0 }));
    return { pin() {}, release() {}, stop() {} };
  }
  const run = forceRun(forceInput(scene, options.ticks ?? scene.ticks));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const slice = () => {
    const started = performance.now();
    let finished = false;
    while (!finished && performance.now() - started < 12) finished = run.step(1);
    options.onupdate({ type: 'positions', positions: run.positions(), done: run.done, ticks: run.ticks });
    timer = finished ? null : setTimeout(slice, 0);
  };
  timer = setTimeout(slice, 0);
  return {
    pin: (index, x, y) => run.pin(index, x, y),
    release: (index) => run.release(index),
    stop: () => {
      if (timer !== null) clearTimeout(timer);
    },
  };
}
