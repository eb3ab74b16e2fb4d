/**
 * Pointer interaction for the network chart, as a Svelte attachment (`{@attach networkPointer(…)}`)
 * on the element that shows the chart (the <svg> or the <canvas>): wheel to zoom, drag the background
 * to pan, drag a node to move it, two fingers to pinch-zoom, hover for a tooltip, click to select.
 * Browser-only; the geometry it relies on is in `viewport.ts`.
 */
import type { Attachment } from 'svelte/attachments';
import { constrain, panBy, toModel, wheelFactor, zoomAt, type Point, type Viewport } from './viewport.js';

export interface PointerOptions {
  /** Size of the chart's viewBox: pointer positions are converted from CSS px to these units. */
  width: number;
  height: number;
  viewport(): Viewport;
  setViewport(viewport: Viewport): void;
  /** The id of the node at a model point, within `tolerance` model units; null for the background. */
  hit(point: Point, tolerance: number): string | null;
  /** The pointer moved over a node (or off it: null); `client` is where, in CSS px of the page. */
  onhover?(id: string | null, client: Point): void;
  /** A node is being dragged to `point` (model coordinates). */
  ondrag?(id: string, point: Point, phase: 'start' | 'move' | 'end'): void;
  /**
   * A click (press and release without moving) on a node or on the background (null). Leave it out
   * when the chart's elements handle clicks themselves (SVG nodes are buttons).
   */
  onclick?(id: string | null): void;
}

/** Movement, in CSS px, below which a press and release is a click rather than a drag. */
const CLICK_SLOP = 4;
/** Hit tolerance around nodes, in CSS px (fingers are less precise than mice). */
const MOUSE_TOLERANCE = 4;
const TOUCH_TOLERANCE = 12;

interface Press {
  id: number;
  start: Point;
  last: Point;
  node: string | null;
  moved: boolean;
}

export function networkPointer(options: PointerOptions): Attachment<Element> {
  return (element) => {
    const target = element as HTMLElement;
    const presses = new Map<number, Press>();
    let pinch: { distance: number; centre: Point } | null = null;
    let suppressClick = false;

    /** CSS px per viewBox unit, and the element's top-left corner. */
    const frame = () => {
      const rect = target.getBoundingClientRect();
      return { rect, scale: rect.width > 0 ? rect.width / options.width : 1 };
    };
    const toViewBox = (event: { clientX: number; clientY: number }): Point => {
      const { rect, scale } = frame();
      return { x: (event.clientX - rect.left) / scale, y: (event.clientY - rect.top) / scale };
    };
    const update = (v: Viewport) => options.setViewport(constrain(v, options.width, options.height));
    const tolerance = (pointerType: string) =>
      (pointerType === 'touch' ? TOUCH_TOLERANCE : MOUSE_TOLERANCE) / frame().scale / options.viewport().k;

    function pinchState(): { distance: number; centre: Point } | null {
      const [a, b] = [...presses.values()];
      if (!a || !b) return null;
      return {
        distance: Math.hypot(a.last.x - b.last.x, a.last.y - b.last.y),
        centre: { x: (a.last.x + b.last.x) / 2, y: (a.last.y + b.last.y) / 2 },
      };
    }

    function onpointerdown(event: PointerEvent) {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      const point = toViewBox(event);
      const model = toModel(options.viewport(), point);
      const node = presses.size === 0 ? options.hit(model, tolerance(event.pointerType)) : null;
      presses.set(event.pointerId, { id: event.pointerId, start: point, last: point, node, moved: false });
      if (presses.size === 2) {
        pinch = pinchState();
        for (const press of presses.values()) press.node = null;
      }
    }

    function onpointermove(event: PointerEvent) {
      const press = presses.get(event.pointerId);
      const point = toViewBox(event);
      if (!press) {
        if (event.pointerType !== 'touch' && options.onhover) {
          const id = options.hit(toModel(options.viewport(), point), tolerance(event.pointerType));
          options.onhover(id, { x: event.clientX, y: event.clientY });
        }
        return;
      }
      const scale = frame().scale;
      if (!press.moved && Math.hypot(point.x - press.start.x, point.y - press.start.y) * scale < CLICK_SLOP) {
        return;
      }
      if (!press.moved) {
        press.moved = true;
        // Capture only once it's a drag: a captured click would lose its target (the node button).
        target.setPointerCapture?.(event.pointerId);
        if (press.node) options.ondrag?.(press.node, toModel(options.viewport(), press.start), 'start');
        options.onhover?.(null, { x: event.clientX, y: event.clientY });
      }
      const previous = press.last;
      press.last = point;
      if (presses.size >= 2 && pinch) {
        const next = pinchState();
        if (!next) return;
        let v = options.viewport();
        v = panBy(v, next.centre.x - pinch.centre.x, next.centre.y - pinch.centre.y);
        if (pinch.distance > 0) v = zoomAt(v, next.centre, next.distance / pinch.distance);
        pinch = next;
        update(v);
        return;
      }
      if (press.node && options.ondrag) {
        options.ondrag(press.node, toModel(options.viewport(), point), 'move');
      } else {
        update(panBy(options.viewport(), point.x - previous.x, point.y - previous.y));
      }
    }

    function onpointerup(event: PointerEvent) {
      const press = presses.get(event.pointerId);
      if (!press) return;
      presses.delete(event.pointerId);
      if (presses.size < 2) pinch = null;
      if (target.hasPointerCapture?.(event.pointerId)) target.releasePointerCapture(event.pointerId);
      if (press.moved) {
        suppressClick = true;
        if (press.node) options.ondrag?.(press.node, toModel(options.viewport(), press.last), 'end');
        return;
      }
      if (event.type === 'pointerup' && options.onclick) {
        options.onclick(options.hit(toModel(options.viewport(), press.last), tolerance(event.pointerType)));
      }
    }

    /** After a drag, the click the browser fires at the end is not a click on what lies beneath. */
    function onclickcapture(event: MouseEvent) {
      if (!suppressClick) return;
      suppressClick = false;
      event.stopPropagation();
      event.preventDefault();
    }

    function onwheel(event: WheelEvent) {
      event.preventDefault();
      const factor = wheelFactor(event.deltaY, event.deltaMode, event.ctrlKey);
      update(zoomAt(options.viewport(), toViewBox(event), factor));
    }

    function onpointerleave(event: PointerEvent) {
      if (presses.size === 0) options.onhover?.(null, { x: event.clientX, y: event.clientY });
    }

    target.addEventListener('pointerdown', onpointerdown);
    target.addEventListener('pointermove', onpointermove);
    target.addEventListener('pointerup', onpointerup);
    target.addEventListener('pointercancel', onpointerup);
    target.addEventListener('pointerleave', onpointerleave);
    target.addEventListener('click', onclickcapture, true);
    target.addEventListener('wheel', onwheel, { passive: false });
    return () => {
      target.removeEventListener('pointerdown', onpointerdown);
      target.removeEventListener('pointermove', onpointermove);
      target.removeEventListener('pointerup', onpointerup);
      target.removeEventListener('pointercancel', onpointerup);
      target.removeEventListener('pointerleave', onpointerleave);
      target.removeEventListener('click', onclickcapture, true);
      target.removeEventListener('wheel', onwheel);
    };
  };
}
