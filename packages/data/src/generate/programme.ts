import {
  INSTITUTION_TYPES,
  MILESTONE_KINDS,
  PARTNERSHIP_AREAS,
  TABLES,
  type InstitutionType,
  type PartnershipStatus,
  type TableName,
} from '../schema/tables.js';
import type { UploadFile } from '../validation/validate.js';

/**
 * A deterministic synthetic programme of any size, valid against the CSV contract, for demos and benchmarks.
 * Same options → byte-identical files. Sizes: institutions; partnerships ≈ 1.5 × institutions; training rows =
 * institutions × years × programmes; milestones ≈ 2 × partnerships.
 */
export interface GenerateOptions {
  institutions: number;
  years: number;
  programmes: number;
  seed: number;
  /** Last year of training data; fixed so output never depends on today's date. */
  lastYear?: number;
}

/** mulberry32: tiny, fast, good enough for synthetic data, and identical on every platform. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPANISH_CITIES = [
  'Fuenlabrada',
  'Madrid',
  'Barcelona',
  'Valencia',
  'Sevilla',
  'Zaragoza',
  'Málaga',
  'Bilbao',
  'Getafe',
  'Móstoles',
  'Leganés',
  'Alcalá de Henares',
  'Murcia',
  'Vigo',
  'Granada',
  'Valladolid',
];
const CHINESE_CITIES = [
  'Hangzhou',
  'Shanghai',
  'Shenzhen',
  'Guangzhou',
  'Chengdu',
  'Wuhan',
  'Nanjing',
  'Suzhou',
  'Ningbo',
  'Xiamen',
  'Qingdao',
  'Hefei',
  'Changsha',
  'Wenzhou',
  'Shaoxing',
  'Tianjin',
];
const PROGRAMMES = [
  ['E-commerce operations', 'e-commerce'],
  ['Cross-border logistics', 'logistics'],
  ['Digital marketing', 'marketing'],
  ['Data analysis for SMEs', 'data'],
  ['Brand building (DTC)', 'branding'],
  ['Business Chinese', 'language'],
  ['Business Spanish', 'language'],
  ['Entrepreneurship', 'entrepreneurship'],
  ['Live-stream selling', 'e-commerce'],
  ['3D product design', 'design'],
] as const;
const TYPE_LABEL: Record<InstitutionType, string> = {
  government: 'City Office',
  agency: 'Employment Agency',
  university: 'University',
  college: 'Vocational College',
  company: 'Trading Co.',
  association: 'Business Association',
  other: 'Innovation Hub',
};
/** Weighted to look like a real programme: most partnerships proposed or active, few cancelled. */
const STATUS_WEIGHTS = [
  ['proposed', 0.2],
  ['negotiating', 0.12],
  ['agreed', 0.15],
  ['active', 0.3],
  ['completed', 0.13],
  ['paused', 0.06],
  ['cancelled', 0.04],
] as const satisfies ReadonlyArray<readonly [PartnershipStatus, number]>;

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (values: readonly (string | number | null)[]): string => values.map(csvField).join(',') + '\n';
/** The header of the columns the generator fills: the contract's first `count` (no translations, no `source`). */
const header = (table: TableName, count: number): string =>
  line(TABLES[table].columns.slice(0, count).map((c) => c.name));
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function weighted(rand: () => number, weights: readonly (readonly [string, number])[]): string {
  let r = rand();
  for (const [value, w] of weights) {
    if (r < w) return value;
    r -= w;
  }
  return weights[weights.length - 1]?.[0] ?? '';
}

function isoDate(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

/** Yields the programme as CSV text, one chunk at a time per table, so a million rows never sit in memory at once. */
export function* generateProgramme(options: GenerateOptions): Generator<{ table: TableName; text: string }> {
  const { institutions, years, programmes, seed } = options;
  const lastYear = options.lastYear ?? 2025;
  const firstYear = lastYear - years + 1;
  const rand = random(seed);
  const width = String(Math.max(institutions, 1) * 2).length;
  const chunk = 20_000;

  // Institutions: about 50 per city, cities alternating Spain / China so every city has partners abroad.
  const cityCount = Math.max(2, Math.ceil(institutions / 50));
  const cities = Array.from({ length: cityCount }, (_, i) => {
    const list = i % 2 === 0 ? SPANISH_CITIES : CHINESE_CITIES;
    const k = Math.floor(i / 2);
    const base = list[k % list.length] ?? 'City';
    const round = Math.floor(k / list.length);
    return { city: round === 0 ? base : `${base} ${round + 1}`, country: i % 2 === 0 ? 'ES' : 'CN' };
  });
  const countryOf: string[] = [];
  const ids: string[] = [];
  let text = header('institutions', 11);
  for (let i = 0; i < institutions; i++) {
    const place = cities[i % cityCount] ?? { city: 'City', country: 'ES' };
    const type = pick(rand, INSTITUTION_TYPES);
    const id = `inst-${pad(i + 1, width)}`;
    ids.push(id);
    countryOf.push(place.country);
    text += line([
      id,
      `${place.city} ${TYPE_LABEL[type]} ${i + 1}`,
      null,
      null,
      null,
      place.city,
      place.country,
      type,
      null,
      null,
      null,
    ]);
    if (text.length > chunk * 80) {
      yield { table: 'institutions', text };
      text = '';
    }
  }
  yield { table: 'institutions', text };

  // Partnerships, mostly across the two countries; remembered per institution for training links.
  const partnershipCount = Math.floor(institutions * 1.5);
  const partnershipsOf: string[][] = ids.map(() => []);
  const partnershipYears: number[] = [];
  // Pairs taken, as "source target area": a pair given again the other way round would be one partnership twice
  // (a `duplicate-pair`), so it gets the next area instead, drawing no extra random number.
  const pairs = new Set<string>();
  text = header('partnerships', 7);
  for (let p = 0; p < partnershipCount && institutions > 1; p++) {
    const a = Math.floor(rand() * institutions);
    let b = Math.floor(rand() * institutions);
    if (rand() < 0.85) {
      // Move b to the other country: cities alternate, so the neighbouring index of the other parity will do.
      if (countryOf[a] === countryOf[b]) b = (b + 1) % institutions;
    }
    if (a === b) b = (b + 1) % institutions;
    const id = `p-${pad(p + 1, width)}`;
    const year = firstYear + Math.floor(rand() * years);
    partnershipYears.push(year);
    partnershipsOf[a]?.push(id);
    partnershipsOf[b]?.push(id);
    let area = pick(rand, PARTNERSHIP_AREAS);
    for (let shift = 1; pairs.has(`${b} ${a} ${area}`) && shift < PARTNERSHIP_AREAS.length; shift++) {
      area = PARTNERSHIP_AREAS[(PARTNERSHIP_AREAS.indexOf(area) + 1) % PARTNERSHIP_AREAS.length]!;
    }
    pairs.add(`${a} ${b} ${area}`);
    const status = weighted(rand, STATUS_WEIGHTS);
    text += line([
      id,
      ids[a] ?? '',
      ids[b] ?? '',
      area,
      status,
      isoDate(year, Math.floor(rand() * 365)),
      `${area.replace('_', ' ')} ${p + 1}`,
    ]);
    if (text.length > chunk * 80) {
      yield { table: 'partnerships', text };
      text = '';
    }
  }
  yield { table: 'partnerships', text };

  // Training: every institution, every year, `programmes` programmes (distinct per institution).
  text = header('training', 7);
  let rows = 0;
  for (let i = 0; i < institutions; i++) {
    const offset = Math.floor(rand() * PROGRAMMES.length);
    for (let y = 0; y < years; y++) {
      for (let k = 0; k < programmes; k++) {
        const [programme, topic] = PROGRAMMES[(offset + k) % PROGRAMMES.length] ?? PROGRAMMES[0];
        const name =
          k < PROGRAMMES.length ? programme : `${programme} ${Math.floor(k / PROGRAMMES.length) + 1}`;
        const trainees = Math.floor(rand() * 120);
        const completed = Math.floor(trainees * (0.55 + rand() * 0.45));
        const mine = partnershipsOf[i] ?? [];
        const partnership = mine.length > 0 && rand() < 0.3 ? pick(rand, mine) : null;
        text += line([ids[i] ?? '', partnership, name, topic, firstYear + y, trainees, completed]);
        if (++rows % chunk === 0) {
          yield { table: 'training', text };
          text = '';
        }
      }
    }
  }
  yield { table: 'training', text };

  // Milestones: a kick-off meeting for each partnership, then agreements, exchanges, launches and reports.
  text = header('milestones', 6);
  let m = 0;
  for (let p = 0; p < partnershipYears.length; p++) {
    const count = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < count; k++) {
      const year = Math.min(lastYear + 1, (partnershipYears[p] ?? firstYear) + k);
      const status = year > lastYear ? 'planned' : rand() < 0.88 ? 'done' : 'missed';
      const kind = k === 0 ? 'meeting' : pick(rand, MILESTONE_KINDS);
      text += line([
        `m-${pad(++m, width + 1)}`,
        `p-${pad(p + 1, width)}`,
        isoDate(year, Math.floor(rand() * 365)),
        `${kind} ${k + 1}`,
        kind,
        status,
      ]);
      if (m % chunk === 0) {
        yield { table: 'milestones', text };
        text = '';
      }
    }
  }
  yield { table: 'milestones', text };
}

/** The generated programme as upload files in memory, one per table (tests and benchmarks of small sizes). */
export function generatedFiles(options: GenerateOptions): UploadFile[] {
  const texts = new Map<TableName, string[]>();
  for (const { table, text } of generateProgramme(options))
    texts.set(table, [...(texts.get(table) ?? []), text]);
  const encoder = new TextEncoder();
  return [...texts].map(([table, parts]) => ({
    name: `${table}.csv`,
    bytes: encoder.encode(parts.join('')),
  }));
}
