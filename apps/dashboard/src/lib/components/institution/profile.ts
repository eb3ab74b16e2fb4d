/**
 * The /institutions/{id} page's data: what `institutionProfile()` returns, shaped for the page in the reader's
 * language — names resolved, the ego network and training chart laid out (on the server, so they arrive as SVG),
 * the website checked. Pure functions; `+page.server.ts` calls `institutionPage()` and the components only draw.
 */
import {
  modelFromScene,
  networkScene,
  trainingModel,
  type NetworkModel,
  type NetworkScene,
  type ColorMap,
  type TrainingModel,
} from '@puente/charts';
import {
  PARTNERSHIP_DATE_MEANINGS,
  type InstitutionType,
  type PartnershipArea,
  type PartnershipDateMeaning,
  type PartnershipStatus,
} from '@puente/data/schema';
import type { InstitutionProfile, MilestoneItem, PartnershipSummary, Unreported } from '@puente/data/store';
import { LANGUAGE_TAGS, type Locale } from '$lib/i18n/translator';
import { cityLabel, institutionLabel, textLang } from '$lib/labels';

/** Whether a path segment can be an institution id (the same check as the route's `[id=slug]` matcher). */
export { isId as isInstitutionId, MAX_ID_LENGTH } from '$lib/ids';

export interface SafeLink {
  href: string;
  /** What the reader sees: the host, without a leading `www.`. */
  host: string;
}

/**
 * A website from the data as a link that is safe to render, or null. Loads validate it already, but this is
 * what ends up in an `href`, so it is checked again: http(s) only (no `javascript:`, `data:`…), a host, and no
 * credentials (`https://trusted.example@evil.example` reads as one site and goes to another).
 */
export function safeWebsite(raw: string | null | undefined): SafeLink | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return { href: url.href, host: url.host.replace(/^www\./, '') };
}

export interface InstitutionFacts {
  id: string;
  /** Name in the reader's language. */
  label: string;
  /** Its own name (the `name` column), shown beside the label when they differ. */
  name: string;
  /** Language of its own name when the data says so (it equals one of the localized names), for `lang`. */
  nameLang: string | null;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  type: InstitutionType;
  website: SafeLink | null;
  latitude: number | null;
  longitude: number | null;
  /** People trained, all years. */
  trained: number;
}

export interface Partner {
  id: string;
  label: string;
  city: string;
  country: string;
  type: InstitutionType;
  /** Partnerships with this institution. */
  partnerships: number;
}

export interface PartnershipItem {
  id: string;
  title: string | null;
  /** The language of `title` when it is not the reader's, for `lang`. */
  titleLang: string | undefined;
  /** The other end. */
  partner: string;
  partnerLabel: string;
  area: PartnershipArea;
  status: PartnershipStatus;
  startedOn: string | null;
  /** What `startedOn` records, by status: proposed, agreed or started on. */
  dateMeaning: PartnershipDateMeaning;
  milestones: number;
  done: number;
  planned: number;
  missed: number;
  lastDone: string | null;
  nextPlanned: string | null;
  stalled: boolean;
  /** Agreed or active with no milestone recorded (never also stalled). */
  unrecorded: boolean;
}

export interface TrainingRow {
  year: number;
  /** Topic, or programme when the rows have no topic. */
  group: string;
  /** The group in the reader's language, and the language it is in when not the reader's (for `lang`). */
  label: string;
  labelLang: string | undefined;
  trainees: number;
  /** People who completed, or null when none of these rows reports completion. */
  completed: number | null;
  /** Trainees of the rows that report completion. */
  reported: number;
  /** Of `trainees`, those estimated and those illustrative. */
  estimated: number;
  illustrative: number;
}

export interface TrainingTotals {
  trainees: number;
  /** Of `trainees`, those estimated and those illustrative. */
  unreported: Unreported;
  completed: number;
  /** Trainees of the rows that report completion: the base of the completion rate. */
  reporting: number;
}

export interface MilestoneRow extends MilestoneItem {
  partnershipTitle: string | null;
  partnershipTitleLang: string | undefined;
  partnerLabel: string;
}

export interface InstitutionPage {
  institution: InstitutionFacts;
  partners: Partner[];
  partnerships: PartnershipItem[];
  /** The institution, its partners and the partnerships among them; null when it has no partnership. */
  ego: NetworkModel | null;
  training: {
    rows: TrainingRow[];
    totals: TrainingTotals;
    model: TrainingModel | null;
    /** The programme's colour of each topic shown (so the browser draws the chart again in the same colours). */
    colors: Record<string, string>;
  };
  milestones: MilestoneRow[];
  /** All its partnerships, partners and milestones: the lists above may show only some. */
  counts: InstitutionProfile['counts'];
}

export interface InstitutionPageOptions {
  locale: Locale;
  /** Texts the training model lays out inside the chart (its legend). */
  labels: { completionRate: string; other: string; illustrative?: string; estimated?: string };
  /** The programme's colours (the same on every page): how the ego network colours by city, and each topic's. */
  colors?: { colorBy: 'city' | 'country'; network?: ColorMap; topic: ColorMap };
}

/** Size of the charts' viewBoxes; the SVGs scale down to their container. */
export const EGO_SIZE = { width: 800, height: 380 } as const;

/**
 * The ego network's box: small with one or two partners (they sit beside it, and the chart is drawn at this size, not
 * stretched into a large empty card), taller with many.
 */
export function egoSize(partners: number): { width: number; height: number } {
  if (partners <= 2) return { width: 560, height: 170 };
  return { width: EGO_SIZE.width, height: partners <= 8 ? EGO_SIZE.height : 480 };
}
export const TRAINING_SIZE = { width: 880, height: 340 } as const;

/** Builds the page's data from an institution profile. Deterministic (seeded layout). */
export function institutionPage(
  profile: InstitutionProfile,
  options: InstitutionPageOptions,
): InstitutionPage {
  const { locale } = options;
  const self = profile.institution;
  const label = institutionLabel(self, locale);
  const collator = new Intl.Collator(LANGUAGE_TAGS[locale]);

  const nodes = new Map(profile.ego.nodes.map((n) => [n.id, n]));
  const labelOf = (id: string, fallback: string) => {
    const node = nodes.get(id);
    return node ? institutionLabel(node, locale) : fallback;
  };

  const partnerships: PartnershipItem[] = profile.partnerships.map((p: PartnershipSummary) => {
    const mineIsSource = p.source === self.id;
    const partner = mineIsSource ? p.target : p.source;
    return {
      id: p.id,
      title: p.title,
      titleLang: textLang(p.titleLang),
      partner,
      partnerLabel: labelOf(partner, mineIsSource ? p.targetName : p.sourceName),
      area: p.area,
      status: p.status,
      startedOn: p.started_on,
      dateMeaning: PARTNERSHIP_DATE_MEANINGS[p.status],
      milestones: p.milestones,
      done: p.milestonesDone,
      planned: p.milestonesPlanned,
      missed: p.milestonesMissed,
      lastDone: p.lastDone,
      nextPlanned: p.nextPlanned,
      stalled: p.stalled,
      unrecorded: p.unrecorded,
    };
  });

  const counts = new Map<string, number>();
  for (const p of partnerships) counts.set(p.partner, (counts.get(p.partner) ?? 0) + 1);
  const partners: Partner[] = [...counts]
    .map(([id, n]) => {
      const node = nodes.get(id);
      return {
        id,
        label: labelOf(id, id),
        city: node ? cityLabel(node, locale) : '',
        country: node?.country ?? '',
        type: node?.type ?? 'other',
        partnerships: n,
      };
    })
    .sort((a, b) => collator.compare(a.label, b.label) || a.id.localeCompare(b.id));

  const ego =
    partnerships.length === 0
      ? null
      : egoModel(
          networkScene(
            {
              nodes: profile.ego.nodes.map((n) => ({
                id: n.id,
                label: institutionLabel(n, locale),
                city: n.city,
                country: n.country,
                type: n.type,
                trained: n.trained,
              })),
              links: profile.ego.links,
            },
            // Labels a little larger than the default: the chart is shown scaled down on tablets.
            {
              ...egoSize(partners.length),
              colorBy: options.colors?.colorBy ?? 'city',
              colors: options.colors?.network,
              sizeBy: 'partnerships',
              labelSize: 13,
            },
          ),
          self.id,
          collator,
        );

  // The completion rate counts only rows that report completion (`reported`): an empty cell is not 0%.
  const rows: TrainingRow[] = profile.training.map((t) => ({
    year: t.year,
    group: t.group,
    label: t.label ?? t.group,
    labelLang: textLang(t.labelLang),
    trainees: t.trainees,
    completed: t.reported > 0 ? t.completed : null,
    reported: t.reported,
    estimated: t.unreported.estimated,
    illustrative: t.unreported.illustrative,
  }));
  const totals: TrainingTotals = {
    trainees: 0,
    unreported: { estimated: 0, illustrative: 0 },
    completed: 0,
    reporting: 0,
  };
  for (const r of rows) {
    totals.trainees += r.trainees;
    totals.unreported.estimated += r.estimated;
    totals.unreported.illustrative += r.illustrative;
    if (r.completed !== null) {
      totals.completed += r.completed;
      totals.reporting += r.reported;
    }
  }
  const topicColors: Record<string, string> = Object.fromEntries(
    [...new Set(rows.map((r) => r.group))].flatMap((topic) => {
      const color = options.colors?.topic[topic];
      return color ? [[topic, color]] : [];
    }),
  );
  const model =
    rows.length === 0
      ? null
      : institutionTrainingModel(rows, self.id, label, options.labels, TRAINING_SIZE.width, topicColors);

  const partnershipOf = new Map(partnerships.map((p) => [p.id, p]));
  const milestones: MilestoneRow[] = profile.milestones.map((m) => ({
    ...m,
    partnershipTitle: partnershipOf.get(m.partnership)?.title ?? null,
    partnershipTitleLang: partnershipOf.get(m.partnership)?.titleLang,
    partnerLabel: partnershipOf.get(m.partnership)?.partnerLabel ?? '',
  }));

  const nameLang =
    self.name === self.name_zh
      ? LANGUAGE_TAGS.zh
      : self.name === self.name_es
        ? LANGUAGE_TAGS.es
        : self.name === self.name_en
          ? LANGUAGE_TAGS.en
          : null;

  return {
    institution: {
      id: self.id,
      label,
      name: self.name,
      nameLang,
      city: cityLabel(self, locale),
      country: self.country,
      type: self.type,
      website: safeWebsite(self.website),
      latitude: self.latitude,
      longitude: self.longitude,
      trained: totals.trainees,
    },
    partners,
    partnerships,
    ego,
    training: { rows, totals, model, colors: topicColors },
    milestones,
    counts: profile.counts,
  };
}

/**
 * An ego network: the institution at the centre, its partners around it on an ellipse (grouped by city, then by
 * name, so partners of one city sit together), on two alternating rings when there are many. Colours, sizes,
 * link styles and labels are the network chart's own (`networkScene`, `modelFromScene`); only the positions
 * are chosen here, because a force layout puts the best-connected node wherever the forces leave it.
 */
export function egoModel(
  scene: NetworkScene,
  egoId: string,
  collator = new Intl.Collator('en'),
): NetworkModel {
  const { width, height, labelSize } = scene;
  const cx = width / 2;
  const cy = height / 2;
  const positions = new Float64Array(scene.nodes.length * 2);
  const partners = scene.nodes
    .map((node, index) => ({ node, index }))
    .filter(({ node }) => node.id !== egoId)
    .sort(
      (a, b) =>
        collator.compare(a.node.city, b.node.city) ||
        collator.compare(a.node.label, b.node.label) ||
        collator.compare(a.node.id, b.node.id),
    );
  const biggest = Math.max(0, ...scene.nodes.map((n) => n.r));
  // Room at the sides for labels beside a node, above and below for two lines of label.
  const rx = Math.max(biggest + 20, width / 2 - biggest - 7 * labelSize);
  const ry = Math.max(biggest + 20, height / 2 - biggest - 3 * labelSize);
  const rings = partners.length > 12 ? [1, 0.62] : [1];
  // One partner to the right; two to the left and right; more from the top, clockwise.
  const start = partners.length <= 2 ? Math.PI : -Math.PI / 2;
  partners.forEach(({ index }, j) => {
    const angle = start + (2 * Math.PI * j) / partners.length;
    const ring = rings[j % rings.length]!;
    positions[2 * index] = cx + Math.cos(partners.length === 1 ? 0 : angle) * rx * ring;
    positions[2 * index + 1] = cy + Math.sin(partners.length === 1 ? 0 : angle) * ry * ring;
  });
  // With a single partner the pair is centred: the institution left of the middle, its partner right of it.
  const single = partners.length === 1 ? rx / 2 : 0;
  for (const { index } of partners) positions[2 * index] = (positions[2 * index] ?? cx) - single;
  scene.nodes.forEach((node, index) => {
    if (node.id !== egoId) return;
    positions[2 * index] = cx - single;
    positions[2 * index + 1] = cy;
  });
  return modelFromScene(scene, positions);
}

/**
 * The institution's training chart at a width: the server draws it at TRAINING_SIZE, the browser again at the width
 * the chart gets (a phone), so its text keeps its size.
 */
export function institutionTrainingModel(
  rows: readonly TrainingRow[],
  id: string,
  label: string,
  labels: InstitutionPageOptions['labels'],
  width: number,
  colors: ColorMap,
): TrainingModel {
  return withoutEmptyRate(
    trainingModel(
      rows.map((r) => ({
        institution: id,
        institutionLabel: label,
        topic: r.group,
        topicLabel: r.label,
        ...(r.labelLang === undefined ? {} : { labelLang: r.labelLang }),
        year: r.year,
        trainees: r.trainees,
        completed: r.completed ?? 0,
        reported: r.reported,
        estimated: r.estimated,
        illustrative: r.illustrative,
      })),
      { width, height: TRAINING_SIZE.height, stackBy: 'topic', labels, colors },
    ),
  );
}

/**
 * Without any completion recorded there is no rate to draw: the model's rate axis and legend entry go too, so
 * the chart doesn't promise a line it cannot show.
 */
export function withoutEmptyRate(model: TrainingModel): TrainingModel {
  if (model.summary.reported > 0) return model;
  return { ...model, rateTicks: [], legend: model.legend.filter((item) => item.kind !== 'line') };
}

/** A `yyyy-mm-dd` day as the reader writes dates (no time zone shift: the day is the day). */
export function formatDay(day: string, locale: Locale): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
}
