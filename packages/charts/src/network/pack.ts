/**
 * A compact form of a network scene for the wire: large graphs ship their scene to the browser (which
 * lays it out), and as objects 2,000 institutions and 3,000 partnerships weigh about a megabyte.
 * Packed, columns of numbers and a table of the repeated strings (cities, types, colours, statuses),
 * without what follows from the rest (link dash, stroke and opacity follow from status and width), it
 * is about a quarter of that. `unpackScene(packScene(scene))` deep-equals `scene`.
 */
import type { InstitutionType, PartnershipArea, PartnershipStatus } from '@puente/data/schema';
import { round2 } from '../number.js';
import { linkFade, statusDash, statusStyle } from './style.js';
import type { NetworkScene } from './types.js';

export interface PackedScene {
  scene: Omit<NetworkScene, 'nodes' | 'links'>;
  /** Repeated strings, referred to by index below. */
  strings: string[];
  nodes: {
    id: string[];
    label: string[];
    /** The `lang` of each label when not the page's language (see `NetworkSceneNode.labelLang`), else null. */
    labelLang: Array<string | null>;
    city: number[];
    country: number[];
    type: number[];
    color: number[];
    trained: number[];
    r: number[];
    degree: number[];
    betweenness: number[];
    /** Indices of the context nodes. */
    context: number[];
  };
  links: {
    id: string[];
    /** Node indices. */
    source: number[];
    target: number[];
    status: number[];
    area: number[];
    milestones: number[];
    milestonesDone: number[];
    width: number[];
    bend: number[];
  };
}

export function packScene(scene: NetworkScene): PackedScene {
  const { nodes, links, ...rest } = scene;
  const strings: string[] = [];
  const lookup = new Map<string, number>();
  const ref = (value: string) => {
    let i = lookup.get(value);
    if (i === undefined) {
      i = strings.length;
      strings.push(value);
      lookup.set(value, i);
    }
    return i;
  };
  const indexOf = new Map(nodes.map((n, i) => [n.id, i]));
  return {
    scene: rest,
    strings,
    nodes: {
      id: nodes.map((n) => n.id),
      label: nodes.map((n) => n.label),
      labelLang: nodes.map((n) => n.labelLang ?? null),
      city: nodes.map((n) => ref(n.city)),
      country: nodes.map((n) => ref(n.country)),
      type: nodes.map((n) => ref(n.type)),
      color: nodes.map((n) => ref(n.color)),
      trained: nodes.map((n) => n.trained),
      r: nodes.map((n) => n.r),
      degree: nodes.map((n) => n.degree),
      betweenness: nodes.map((n) => n.betweenness),
      context: nodes.flatMap((n, i) => (n.context ? [i] : [])),
    },
    links: {
      id: links.map((l) => l.id),
      source: links.map((l) => indexOf.get(l.source) ?? -1),
      target: links.map((l) => indexOf.get(l.target) ?? -1),
      status: links.map((l) => ref(l.status)),
      area: links.map((l) => ref(l.area)),
      milestones: links.map((l) => l.milestones),
      milestonesDone: links.map((l) => l.milestonesDone),
      width: links.map((l) => l.width),
      bend: links.map((l) => l.bend),
    },
  };
}

export function unpackScene(packed: PackedScene): NetworkScene {
  const { strings, nodes: n, links: l } = packed;
  // The table holds what packScene read from a scene, so a type, status or area comes back as one.
  const text = <T extends string>(i: number) => strings[i]! as T;
  const context = new Set(n.context);
  const nodes = n.id.map((id, i) => ({
    id,
    label: n.label[i]!,
    ...(n.labelLang[i] == null ? {} : { labelLang: n.labelLang[i]! }),
    city: strings[n.city[i]!]!,
    country: strings[n.country[i]!]!,
    type: text<InstitutionType>(n.type[i]!),
    trained: n.trained[i]!,
    r: n.r[i]!,
    color: strings[n.color[i]!]!,
    degree: n.degree[i]!,
    betweenness: n.betweenness[i]!,
    context: context.has(i),
  }));
  const fade = linkFade(l.id.length);
  const links = l.id.map((id, i) => {
    const status = text<PartnershipStatus>(l.status[i]!);
    const style = statusStyle(status);
    const width = l.width[i]!;
    return {
      id,
      source: nodes[l.source[i]!]!.id,
      target: nodes[l.target[i]!]!.id,
      status,
      area: text<PartnershipArea>(l.area[i]!),
      milestones: l.milestones[i]!,
      milestonesDone: l.milestonesDone[i]!,
      width,
      dash: statusDash(status, width),
      linecap: style.linecap,
      stroke: style.stroke,
      opacity: round2(style.opacity * fade),
      bend: l.bend[i]!,
    };
  });
  return { ...packed.scene, nodes, links };
}
