/**
 * Draws a network scene on a canvas frame after frame, through a layer: the links and nodes drawn
 * once into a bitmap over the view and a margin around it, which frames then copy. A pan moves the
 * bitmap; a zoom scales it until a sharp one comes; only emphasis, rings and labels are drawn on every
 * frame, on top (a large emphasis, such as a search matching thousands, is drawn into the layer). Rasterising tens of thousands of links takes tens to hundreds of milliseconds, so
 * layers are drawn in a Web Worker on an OffscreenCanvas (`layer.worker.ts`) and the page keeps
 * answering meanwhile; where that is missing, the same code runs on the main thread.
 * Browser-only; used by `NetworkCanvas.svelte`.
 */
import {
  DIMMED,
  DrawScratch,
  SceneGeometry,
  drawLabels,
  drawLayer,
  drawRings,
  frameTransform,
  visibleRegion,
  type CanvasFrame,
  type CanvasSurface,
  type Emphasis,
  type LabelTexts,
  type PaintScene,
  type Region,
} from './canvas.js';

/** A layer to draw: a region of the chart at a zoom, for one set of positions. */
export interface LayerRequest {
  id: number;
  /** Positions it is for (`LayerMessage` 'positions'). */
  version: number;
  /** viewBox units: the layer's top-left corner, and as far as its size reaches. */
  region: Region;
  /** Device px per viewBox unit. */
  px: number;
  /** The viewport's zoom. */
  k: number;
  /** Size in device px. */
  width: number;
  height: number;
  /** The emphasis drawn into it (`LayerMessage` 'emphasis'); 0 for none. */
  emphasis: number;
}

/** Main thread → layer worker. */
export type LayerMessage =
  | { type: 'scene'; paint: PaintScene }
  | { type: 'positions'; positions: Float64Array; version: number }
  | { type: 'emphasis'; emphasis: Emphasis | null; version: number }
  | { type: 'render'; request: LayerRequest };

/** Layer worker → main thread. */
export type LayerReply =
  | {
      type: 'layer';
      request: LayerRequest;
      version: number;
      image: ImageBitmap | HTMLCanvasElement;
      ms: number;
    }
  | { type: 'failed'; reason: string };

/** Draws a requested layer onto a context of its size, with the emphasis it asks for (if any). */
export function renderLayer(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  paint: PaintScene,
  geometry: SceneGeometry,
  request: LayerRequest,
  scratch: DrawScratch,
  emphasis: Emphasis | null,
): void {
  const { region, px, k, width, height } = request;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(px, 0, 0, px, -region[0] * px, -region[1] * px);
  const covered: Region = [region[0], region[1], region[0] + width / px, region[1] + height / px];
  const view = { region: covered, px, k };
  if (request.emphasis !== 0 && emphasis) {
    drawLayer(ctx, paint, geometry, view, scratch, { mask: emphasis, want: false }, DIMMED);
    drawLayer(ctx, paint, geometry, view, scratch, { mask: emphasis, want: true });
  } else {
    drawLayer(ctx, paint, geometry, view, scratch);
  }
}

interface Layer {
  image: ImageBitmap | HTMLCanvasElement;
  request: LayerRequest;
  /** Positions it was drawn with. */
  version: number;
}

interface Renderer {
  positions(positions: ArrayLike<number>, version: number): void;
  emphasis(emphasis: Emphasis | null, version: number): void;
  render(request: LayerRequest): void;
  destroy(): void;
}

/**
 * Margins tried around the view, in views: the widest whose layer stays under the size limits. Half a
 * view on each side lets a pan go a quarter of the view before a new layer is asked for, while keeping
 * layers small enough to draw and hand over quickly.
 */
const MARGINS = [0.5, 0.25, 0];
/** How long a zoom must rest before a sharp layer is drawn for it, ms. */
const ZOOM_SETTLE_MS = 120;
const MAX_LAYER_PIXELS = 8_000_000;
const MAX_LAYER_SIDE = 8192;
/**
 * An emphasis of more items than this is drawn into the layer: drawn on top on every frame, a search
 * matching thousands of institutions would cost what the layer saves. Smaller ones (a hovered node
 * and its partners) stay on top, so they show at once.
 */
const BAKE_FROM = 1000;

export class NetworkPainter {
  private readonly paint: PaintScene;
  private readonly labels: LabelTexts;
  private readonly geometry = new SceneGeometry();
  private readonly scratch = new DrawScratch();
  private renderer: Renderer;
  private positions: ArrayLike<number> | null = null;
  private version = 0;
  private layer: Layer | null = null;
  /** The last layer asked for and not come yet. */
  private pending: LayerRequest | null = null;
  private nextId = 1;
  private lastRenderMs = 0;
  private lastLayerAt = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  /** The last frame's emphasis, and the one layers are to have drawn in (0: none, drawn on top). */
  private emphasis: Emphasis | null = null;
  private baked = 0;
  private emphases = 0;
  /** The zoom (device px per unit) of the last frame, and when it last changed. */
  private zoom = 0;
  private zoomedAt = 0;

  /**
   * `onlayer`: a layer came (or it is time to ask again): draw a frame. Options, for tests: no
   * worker, and where the main thread draws layers.
   */
  constructor(
    paint: PaintScene,
    labels: LabelTexts,
    private readonly onlayer: () => void,
    private readonly options: { worker?: boolean; createCanvas?: () => HTMLCanvasElement } = {},
  ) {
    this.paint = paint;
    this.labels = labels;
    const receive = (reply: LayerReply) => this.receive(reply);
    this.renderer = (options.worker !== false && workerRenderer(this.paint, receive)) || this.localRenderer();
  }

  /** Draws a frame: the layer (moved and scaled to the viewport), then emphasis, rings and labels. */
  draw(ctx: CanvasRenderingContext2D, frame: CanvasFrame, surface: CanvasSurface): void {
    const { paint, geometry, scratch } = this;
    const v = frame.viewport;
    if (frame.positions !== this.positions) {
      this.positions = frame.positions;
      this.version++;
      geometry.update(paint, frame.positions);
      this.renderer.positions(frame.positions, this.version);
    }
    if (frame.emphasis !== this.emphasis) {
      this.emphasis = frame.emphasis;
      const baked = frame.emphasis && emphasisSize(frame.emphasis) > BAKE_FROM ? ++this.emphases : 0;
      if (baked !== this.baked) {
        this.baked = baked;
        this.renderer.emphasis(baked ? frame.emphasis : null, baked);
      }
    }
    const transform = frameTransform(v, surface);
    const px = transform[0];
    const visible = visibleRegion(v, surface);
    this.ask(visible, px, v.k);

    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    const layer = this.layer;
    if (layer) {
      const { region, px: drawnAt, width, height } = layer.request;
      const ratio = px / drawnAt;
      let x = region[0] * px + transform[4];
      let y = region[1] * px + transform[5];
      const sharp = Math.abs(ratio - 1) < 1e-9;
      // At its own zoom the layer is copied pixel for pixel (a fraction of a pixel off would blur it).
      if (sharp) {
        x = Math.round(x);
        y = Math.round(y);
      }
      ctx.imageSmoothingEnabled = !sharp;
      // Dimmed under an emphasis drawn on top; as it is when the emphasis is drawn in it.
      const bakedIn = this.baked !== 0 && layer.request.emphasis === this.baked;
      ctx.globalAlpha = frame.emphasis && !bakedIn ? DIMMED : 1;
      ctx.drawImage(layer.image, x, y, width * ratio, height * ratio);
      ctx.globalAlpha = 1;
    }
    ctx.setTransform(...transform);
    // (A large emphasis waits for its layer rather than being drawn here.)
    if (frame.emphasis && this.baked === 0)
      drawLayer(ctx, paint, geometry, { region: visible, px, k: v.k }, scratch, {
        mask: frame.emphasis,
        want: true,
      });
    // A dragged node moves with the pointer, whatever the layer under it still shows.
    if (frame.lifted)
      drawLayer(ctx, paint, geometry, { region: visible, px, k: v.k }, scratch, {
        mask: frame.lifted,
        want: true,
      });
    drawRings(ctx, paint.radius, frame, surface, visible);
    drawLabels(ctx, this.labels, paint.radius, frame, surface);
  }

  destroy(): void {
    if (this.retry !== null) clearTimeout(this.retry);
    this.renderer.destroy();
    if (this.layer) release(this.layer.image);
    this.layer = null;
  }

  /** Asks for a new layer when the one there is blurred (zoom), short (pan) or out of date (positions). */
  private ask(visible: Region, px: number, k: number): void {
    const bounds = this.geometry.bounds;
    const need = intersect(visible, bounds);
    if (!need) return;
    const sharpOver = (r: LayerRequest, region: Region) => r.px === px && covers(r.region, region);
    const current = (r: LayerRequest, version: number) =>
      version === this.version && r.emphasis === this.baked;
    const layer = this.layer;
    const pending = this.pending;
    const next = this.regionFor(visible, bounds, px);
    if (!next) return;
    const now = performance.now();
    if (px !== this.zoom) {
      this.zoom = px;
      this.zoomedAt = now;
    }
    if (layer && current(layer.request, layer.version) && sharpOver(layer.request, need)) {
      // Good for now: ask ahead once a pan has gone half the margin a new layer would have.
      if (next.margin === 0) return;
      const ahead = intersect(grow(visible, next.margin / 2), bounds) ?? need;
      if (covers(layer.request.region, ahead)) return;
      if (pending && current(pending, pending.version) && sharpOver(pending, ahead)) return;
    } else if (pending && current(pending, pending.version) && sharpOver(pending, need)) {
      return;
    } else if (layer && layer.request.px !== px && now - this.zoomedAt < ZOOM_SETTLE_MS) {
      // Mid-zoom: the scaled layer stands in until the wheel or the pinch rests, rather than drawing
      // layers that the next step makes stale (on two cores that work would hold up frames).
      this.later(this.zoomedAt + ZOOM_SETTLE_MS - now);
      return;
    } else if (layer && layer.request.emphasis === this.baked && sharpOver(layer.request, need)) {
      // Only the positions moved (the layout settling, a drag): keep the renderer busy a third of the
      // time at most, so it doesn't slow the layout down, and let a layer on its way come first.
      if (pending) return;
      const wait = this.lastLayerAt + 2 * this.lastRenderMs - now;
      if (wait > 0) {
        this.later(wait);
        return;
      }
    }
    const request: LayerRequest = {
      id: this.nextId++,
      version: this.version,
      px,
      k,
      emphasis: this.baked,
      ...next,
    };
    this.pending = request;
    this.renderer.render(request);
  }

  private localRenderer(): Renderer {
    return localRenderer(
      this.paint,
      this.geometry,
      () => (this.baked ? this.emphasis : null),
      (reply) => this.receive(reply),
      this.options.createCanvas ?? (() => document.createElement('canvas')),
    );
  }

  /** Asks again in `ms`. */
  private later(ms: number): void {
    this.retry ??= setTimeout(() => {
      this.retry = null;
      this.onlayer();
    }, ms);
  }

  /** The region of a new layer: the view and the widest margin that keeps it under the size limits. */
  private regionFor(
    visible: Region,
    bounds: Region,
    px: number,
  ): { region: Region; margin: number; width: number; height: number } | null {
    for (const margin of MARGINS) {
      const region = intersect(grow(visible, margin), bounds);
      if (!region) return null;
      const width = Math.max(1, Math.ceil((region[2] - region[0]) * px));
      const height = Math.max(1, Math.ceil((region[3] - region[1]) * px));
      if (width * height <= MAX_LAYER_PIXELS && width <= MAX_LAYER_SIDE && height <= MAX_LAYER_SIDE)
        return { region, margin, width, height };
    }
    return null;
  }

  private receive(reply: LayerReply): void {
    if (reply.type === 'failed') {
      // No OffscreenCanvas in workers here: draw layers on the main thread from now on.
      this.renderer.destroy();
      this.renderer = this.localRenderer();
      this.pending = null;
      this.onlayer();
      return;
    }
    if (this.pending && reply.request.id >= this.pending.id) this.pending = null;
    if (this.layer) release(this.layer.image);
    this.layer = { image: reply.image, request: reply.request, version: reply.version };
    this.lastRenderMs = reply.ms;
    this.lastLayerAt = performance.now();
    this.onlayer();
  }
}

/** Frees a bitmap's memory now rather than at the next collection (layers are megabytes). */
function release(image: ImageBitmap | HTMLCanvasElement): void {
  if ('close' in image) image.close();
}

function workerRenderer(paint: PaintScene, onreply: (reply: LayerReply) => void): Renderer | null {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./layer.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  worker.onmessage = (event: MessageEvent<LayerReply>) => onreply(event.data);
  worker.onerror = (event) => onreply({ type: 'failed', reason: event.message });
  const send = (message: LayerMessage, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  send({ type: 'scene', paint });
  return {
    positions(positions, version) {
      // A copy: the page keeps its own (the worker's is transferred, not cloned twice).
      const copy = Float64Array.from(positions);
      send({ type: 'positions', positions: copy, version }, [copy.buffer]);
    },
    emphasis: (emphasis, version) => send({ type: 'emphasis', emphasis, version }),
    render: (request) => send({ type: 'render', request }),
    destroy: () => worker.terminate(),
  };
}

/** Draws layers on the main thread, into canvases of their own, at once. */
function localRenderer(
  paint: PaintScene,
  geometry: SceneGeometry,
  emphasis: () => Emphasis | null,
  onreply: (reply: LayerReply) => void,
  createCanvas: () => HTMLCanvasElement,
): Renderer {
  const scratch = new DrawScratch();
  return {
    positions() {},
    emphasis() {},
    render(request) {
      const started = performance.now();
      const canvas = createCanvas();
      canvas.width = request.width;
      canvas.height = request.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      renderLayer(ctx, paint, geometry, request, scratch, emphasis());
      onreply({
        type: 'layer',
        request,
        version: request.version,
        image: canvas,
        ms: performance.now() - started,
      });
    },
    destroy() {},
  };
}

/** Items emphasised. */
function emphasisSize(e: Emphasis): number {
  if (e.nodeIndices && e.linkIndices) return e.nodeIndices.length + e.linkIndices.length;
  let count = 0;
  for (let i = 0; i < e.nodes.length; i++) if (e.nodes[i]) count++;
  for (let j = 0; j < e.links.length; j++) if (e.links[j]) count++;
  return count;
}

function intersect(a: Region, b: Region): Region | null {
  const r: Region = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return r[2] > r[0] && r[3] > r[1] ? r : null;
}

function covers(outer: Region, inner: Region): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

/** A region widened by `by` times its size on each side. */
function grow(r: Region, by: number): Region {
  const w = (r[2] - r[0]) * by;
  const h = (r[3] - r[1]) * by;
  return [r[0] - w, r[1] - h, r[2] + w, r[3] + h];
}
