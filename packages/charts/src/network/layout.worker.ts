/**
 * Web Worker that lays out a large network off the main thread, so the page stays responsive while
 * thousands of institutions settle. It runs the same deterministic code as the server
 * (`force.ts`, `scenePositions`), a slice of ticks at a time, posting positions after each slice.
 * Started by `startLayout` (layout-client.ts); the protocol is in `LayoutRequest`/`LayoutUpdate`.
 */
import { forceRun, type ForceRun } from './force.js';
import type { LayoutRequest, LayoutUpdate } from './layout-client.js';
import { scenePositions } from './model.js';
import { forceInput } from './scene.js';

/** Time the worker computes before posting positions and checking for messages, ms. */
const SLICE_MS = 32;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutUpdate, transfer: Transferable[]): void;
};

let run: ForceRun | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

function post(positions: Float64Array, done: number, ticks: number) {
  scope.postMessage({ type: 'positions', positions, done, ticks }, [positions.buffer]);
}

function slice() {
  timer = null;
  if (!run) return;
  const started = performance.now();
  let finished = false;
  while (!finished && performance.now() - started < SLICE_MS) finished = run.step(1);
  post(run.positions(), run.done, run.ticks);
  if (!finished) timer = setTimeout(slice, 0);
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'start': {
      if (timer !== null) clearTimeout(timer);
      const { scene, ticks } = message;
      if (scene.layout === 'bridge') {
        run = null;
        post(Float64Array.from(scenePositions(scene)), 0, 0);
        return;
      }
      run = forceRun(forceInput(scene, ticks ?? scene.ticks));
      post(run.positions(), 0, run.ticks);
      timer = setTimeout(slice, 0);
      return;
    }
    case 'pin':
      run?.pin(message.index, message.x, message.y);
      return;
    case 'release':
      run?.release(message.index);
      return;
    case 'stop':
      if (timer !== null) clearTimeout(timer);
      run = null;
      return;
  }
};
