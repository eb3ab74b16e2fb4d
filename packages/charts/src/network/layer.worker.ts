/**
 * Web Worker that draws network layers (see `layer.ts`) on an OffscreenCanvas, so rasterising tens
 * of thousands of links never holds up the page. It keeps the scene and the latest positions, and
 * draws only the latest layer asked for: requests that a newer one overtook are dropped.
 */
import { DrawScratch, SceneGeometry, type Emphasis, type PaintScene } from './canvas.js';
import { renderLayer, type LayerMessage, type LayerReply, type LayerRequest } from './layer.js';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayerMessage>) => void) | null;
  postMessage(message: LayerReply, transfer?: Transferable[]): void;
};

let paint: PaintScene | null = null;
const geometry = new SceneGeometry();
const scratch = new DrawScratch();
let version = 0;
let emphasis: Emphasis | null = null;
let emphasisVersion = 0;
let latest: LayerRequest | null = null;
let scheduled = false;
let canvas: OffscreenCanvas | null = null;

function render() {
  scheduled = false;
  const request = latest;
  latest = null;
  if (!request || !paint || version === 0) return;
  try {
    const started = performance.now();
    canvas ??= new OffscreenCanvas(request.width, request.height);
    if (canvas.width !== request.width) canvas.width = request.width;
    if (canvas.height !== request.height) canvas.height = request.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D context on an OffscreenCanvas');
    // Drawn with the latest emphasis, which a newer message may have brought: say which.
    const drawn = { ...request, emphasis: emphasisVersion };
    renderLayer(ctx, paint, geometry, drawn, scratch, emphasis);
    // Rasterising happens here, so the time includes it.
    const image = canvas.transferToImageBitmap();
    scope.postMessage({ type: 'layer', request: drawn, version, image, ms: performance.now() - started }, [
      image,
    ]);
  } catch (error) {
    scope.postMessage({ type: 'failed', reason: String(error) });
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'scene':
      paint = message.paint;
      return;
    case 'positions':
      if (!paint) return;
      geometry.update(paint, message.positions);
      version = message.version;
      return;
    case 'emphasis':
      emphasis = message.emphasis;
      emphasisVersion = message.version;
      return;
    case 'render':
      latest = message.request;
      // Later: messages that came meanwhile (newer positions, a newer request) are read first.
      if (!scheduled) {
        scheduled = true;
        setTimeout(render, 0);
      }
      return;
  }
};
