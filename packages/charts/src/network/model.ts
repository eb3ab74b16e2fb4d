/**
 * The network chart's model: institutions as nodes, partnerships as links, laid out either by a
 * deterministic force simulation or as a "bridge" (each city on its own side, cooperation across the
 * middle). The result is plain serialisable data, rounded to 2 decimals, that `NetworkGraph.svelte`
 * only draws — on the server, in the browser, or into an SVG/PNG export, identically.
 *
 * Two steps: `networkScene` (scene.ts) works out everything but the positions (sizes, colours, link
 * styles, degree and betweenness, legend); `networkModel` adds the layout, labels and link geometry.
 * Large graphs ship only the scene to the browser, where a Web Worker lays it out and a canvas draws it.
 *
 * The parts live beside this file: types.ts, style.ts (status styles), scene.ts, links.ts (link
 * geometry), bridge.ts (bridge layout), force.ts and labels.ts. This module is the entry, and
 * re-exports what the chart's other modules import from it.
 */
import { clamp, round2 } from '../number.js';
import { bridgeLabels, bridgeLayout, bridgePositions, type BridgeLayout } from './bridge.js';
import { forceLayout } from './force.js';
import { importanceOrder, placeForceLabels, wrapLabel, type LabelAnchor } from './labels.js';
import { curvePath, curveSegments, linkCurve, type LinkCurve } from './links.js';
import { FORCE_LABEL_EM, forceInput, LABEL_ALL_UP_TO, labelsAll, networkScene, sceneEdges } from './scene.js';
import type {
  NetworkData,
  NetworkModel,
  NetworkModelLink,
  NetworkModelNode,
  NetworkOptions,
  NetworkScene,
} from './types.js';

// The canvas renderer imports these from here.
export type { NetworkScene } from './types.js';
export { linkCurve } from './links.js';

/**
 * Builds the network chart's model. Pure and deterministic: the same data, options and seed give a
 * deep-equal model on every machine (node and link order in the input doesn't matter either).
 */
export function networkModel(data: NetworkData, options: NetworkOptions): NetworkModel {
  const scene = networkScene(data, options);
  if (scene.layout !== 'bridge') return laidOut(scene, forceLayout(forceInput(scene)), null);
  // One bridge layout gives both the positions and the label places.
  const bridge = bridgeLayout(scene);
  return laidOut(scene, bridgePositions(bridge), bridge);
}

/** Node positions of a scene by its layout, `[x0, y0, x1, y1, …]`, unrounded. */
export function scenePositions(scene: NetworkScene): Float64Array {
  if (scene.layout === 'bridge') return bridgePositions(bridgeLayout(scene));
  return forceLayout(forceInput(scene));
}

/**
 * The model of a scene laid out at the given positions (from a worker, or after a drag): labels
 * placed, links drawn, all rounded. `networkModel(data, options)` equals
 * `modelFromScene(networkScene(data, options), scenePositions(scene))`.
 */
export function modelFromScene(scene: NetworkScene, positions: ArrayLike<number>): NetworkModel {
  return laidOut(scene, positions, scene.layout === 'bridge' ? bridgeLayout(scene) : null);
}

/** `modelFromScene`, given the scene's bridge layout when it has one (labels sit where it places them). */
function laidOut(
  scene: NetworkScene,
  positions: ArrayLike<number>,
  bridge: BridgeLayout | null,
): NetworkModel {
  const { width, height, labelSize: f } = scene;
  const n = scene.nodes.length;
  const xs = Array.from({ length: n }, (_, i) => round2(positions[2 * i] ?? width / 2));
  const ys = Array.from({ length: n }, (_, i) => round2(positions[2 * i + 1] ?? height / 2));
  const edges = sceneEdges(scene);
  const order = importanceOrder(
    scene.nodes.map((d) => d.id),
    scene.nodes.map((d) => d.r),
    scene.nodes.map((d) => d.degree),
    scene.nodes.map((d) => d.betweenness),
  );

  const centre = { x: width / 2, y: height / 2 };
  const at = (i: number) => ({ x: xs[i]!, y: ys[i]!, city: scene.nodes[i]!.city });
  const curves = scene.links.map((l, i) => {
    const [a, b] = edges[i]!;
    return linkCurve(at(a), at(b), l.bend, scene.layout, scene.cities.length, centre);
  });

  let labels: NodeLabel[];
  if (bridge) {
    labels = bridgeLabels(scene, bridge, xs, ys, order);
  } else {
    // Long names (common for institutions) take two lines rather than being cut short.
    const texts = scene.nodes.map((d) => wrapLabel(d.label, FORCE_LABEL_EM * f, f, 2));
    const placed = placeForceLabels({
      nodes: scene.nodes.map((d, i) => ({ x: xs[i]!, y: ys[i]!, r: d.r, lines: texts[i]! })),
      segments: drawnSegments(
        edges.map(([a, b], i) => [at(a), at(b), curves[i]!, scene.links[i]!.width] as const),
      ),
      order,
      width,
      height,
      fontSize: f,
      labelAll: labelsAll(scene),
      limit: LABEL_ALL_UP_TO,
    });
    labels = placed.map((p, i) => ({ ...p, lines: texts[i]! }));
  }

  const nodes: NetworkModelNode[] = scene.nodes.map((d, i) => {
    const label = labels[i]!;
    return {
      ...d,
      x: xs[i]!,
      y: ys[i]!,
      labelVisible: label.visible,
      labelText: label.lines.join(' '),
      labelLines: label.lines,
      labelX: round2(label.x),
      labelY: round2(label.y),
      labelAnchor: label.anchor,
      ...(label.onLine ? { labelOnLine: true as const } : {}),
    };
  });
  const links: NetworkModelLink[] = scene.links.map((l, i) => {
    const [a, b] = edges[i]!;
    const s = nodes[a]!;
    const t = nodes[b]!;
    return {
      ...l,
      sourceLabel: s.label,
      targetLabel: t.label,
      x1: s.x,
      y1: s.y,
      x2: t.x,
      y2: t.y,
      path: curvePath(s, t, curves[i]!),
    };
  });
  return { ...scene, nodes, links, headings: bridge?.headings ?? [] };
}

/** The links as drawn (curves in straight pieces), each piece with its link's stroke width, for label placement. */
function drawnSegments(
  links: ReadonlyArray<readonly [{ x: number; y: number }, { x: number; y: number }, LinkCurve, number]>,
): Array<readonly [number, number, number, number, number]> {
  return links.flatMap(([s, t, curve, width]) =>
    curveSegments(s, t, curve).map((piece) => [...piece, width] as const),
  );
}

/** `drawnSegments` of a laid-out model. */
function modelSegments(model: NetworkModel): Array<readonly [number, number, number, number, number]> {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const centre = { x: model.width / 2, y: model.height / 2 };
  return drawnSegments(
    model.links.map((l) => {
      const s = byId.get(l.source)!;
      const t = byId.get(l.target)!;
      return [s, t, linkCurve(s, t, l.bend, model.layout, model.cities.length, centre), l.width] as const;
    }),
  );
}

/** A node's label as drawn at one text size: where, on which lines, or hidden. */
export interface NodeLabel {
  visible: boolean;
  lines: string[];
  x: number;
  y: number;
  anchor: LabelAnchor;
  /** Crosses a link: drawn on a plate. */
  onLine?: true;
}

/**
 * The model's labels placed again for text of `fontSize` viewBox units, for a chart drawn smaller or larger than its
 * viewBox (a phone) or zoomed: text keeps its size on screen, so zoomed out fewer labels fit and zoomed in more do
 * (semantic zoom). Every node is labelled only where the layout made room for it (a small graph at its own text
 * size or smaller); otherwise a label shows where it covers no other label and no other node, most important first.
 */
export function labelsAt(model: NetworkModel, fontSize: number): NodeLabel[] {
  const f = round2(fontSize);
  const texts = model.nodes.map((d) => wrapLabel(d.label, FORCE_LABEL_EM * f, f, 2));
  const order = importanceOrder(
    model.nodes.map((d) => d.id),
    model.nodes.map((d) => d.r),
    model.nodes.map((d) => d.degree),
    model.nodes.map((d) => d.betweenness),
  );
  const placed = placeForceLabels({
    nodes: model.nodes.map((d, i) => ({ x: d.x, y: d.y, r: d.r, lines: texts[i]! })),
    segments: modelSegments(model),
    order,
    width: model.width,
    height: model.height,
    fontSize: f,
    labelAll: labelsAll(model) && f <= model.labelSize,
    limit: LABEL_ALL_UP_TO,
  });
  return placed.map((p, i) => ({ ...p, x: round2(p.x), y: round2(p.y), lines: texts[i]! }));
}

/**
 * The model with one node moved (dragged): its label follows, its links are redrawn. Returns a new
 * model; the rest is shared with the old one.
 */
export function moveNode(model: NetworkModel, id: string, x: number, y: number): NetworkModel {
  const index = model.nodes.findIndex((n) => n.id === id);
  if (index < 0) return model;
  const old = model.nodes[index]!;
  const nx = round2(clamp(x, old.r, model.width - old.r));
  const ny = round2(clamp(y, old.r, model.height - old.r));
  const node: NetworkModelNode = {
    ...old,
    x: nx,
    y: ny,
    labelX: round2(old.labelX + nx - old.x),
    labelY: round2(old.labelY + ny - old.y),
  };
  const nodes = model.nodes.slice();
  nodes[index] = node;
  const byId = new Map<string, NetworkModelNode>([[id, node]]);
  const find = (key: string) => byId.get(key) ?? nodes.find((n) => n.id === key)!;
  const centre = { x: model.width / 2, y: model.height / 2 };
  const links = model.links.map((l) => {
    if (l.source !== id && l.target !== id) return l;
    const s = find(l.source);
    const t = find(l.target);
    const curve = linkCurve(s, t, l.bend, model.layout, model.cities.length, centre);
    return { ...l, x1: s.x, y1: s.y, x2: t.x, y2: t.y, path: curvePath(s, t, curve) };
  });
  return { ...model, nodes, links };
}
