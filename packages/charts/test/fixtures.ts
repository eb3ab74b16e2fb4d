/** Graphs for tests and benchmarks: a small hand-made programme, and synthetic graphs of any size. */
import { INSTITUTION_TYPES, PARTNERSHIP_STATUSES, type PartnershipStatus } from '@puente/data/schema';
import type { NetworkData, NetworkLink, NetworkNode } from '../src/network/types.js';
import type { ProgressRecord } from '../src/progress/model.js';
import type { TrainingRecord } from '../src/training/model.js';
import { lcg } from '../src/number.js';

/** A small Fuenlabrada–Hangzhou programme (ids, names and numbers made up for the tests). */
export const fuenlabradaHangzhou: NetworkData = {
  nodes: [
    {
      id: 'fue-council',
      label: 'Fuenlabrada City Council',
      city: 'Fuenlabrada',
      country: 'ES',
      type: 'government',
      trained: 0,
    },
    { id: 'fue-cife', label: 'CIFE', city: 'Fuenlabrada', country: 'ES', type: 'agency', trained: 420 },
    {
      id: 'fue-urjc',
      label: 'Rey Juan Carlos University',
      city: 'Fuenlabrada',
      country: 'ES',
      type: 'university',
      trained: 120,
    },
    {
      id: 'fue-smes',
      label: 'SME Association',
      city: 'Fuenlabrada',
      country: 'ES',
      type: 'association',
      trained: 35,
    },
    {
      id: 'hz-bureau',
      label: 'Hangzhou Commerce Bureau',
      city: 'Hangzhou',
      country: 'CN',
      type: 'government',
      trained: 0,
    },
    {
      id: 'hz-academy',
      label: 'Cross-border E-commerce Academy',
      city: 'Hangzhou',
      country: 'CN',
      type: 'college',
      trained: 260,
    },
    {
      id: 'hz-institute',
      label: 'Joint University Institute',
      city: 'Hangzhou',
      country: 'CN',
      type: 'university',
      trained: 90,
    },
    {
      id: 'hz-training',
      label: '杭州培训公司',
      city: 'Hangzhou',
      country: 'CN',
      type: 'company',
      trained: 150,
    },
  ],
  links: [
    {
      id: 'p-agreement',
      source: 'fue-council',
      target: 'hz-bureau',
      status: 'active',
      area: 'other',
      milestones: 6,
      milestonesDone: 4,
    },
    {
      id: 'p-training',
      source: 'fue-cife',
      target: 'hz-academy',
      status: 'active',
      area: 'joint_training',
      milestones: 8,
      milestonesDone: 5,
    },
    {
      id: 'p-exchange',
      source: 'fue-urjc',
      target: 'hz-institute',
      status: 'negotiating',
      area: 'exchange',
      milestones: 3,
    },
    {
      id: 'p-design',
      source: 'fue-urjc',
      target: 'hz-academy',
      status: 'proposed',
      area: 'design_lab',
      milestones: 0,
    },
    {
      id: 'p-pilot',
      source: 'fue-smes',
      target: 'hz-training',
      status: 'agreed',
      area: 'pilot_project',
      milestones: 4,
      milestonesDone: 1,
    },
    {
      id: 'p-branding',
      source: 'fue-smes',
      target: 'hz-academy',
      status: 'completed',
      area: 'branding',
      milestones: 5,
      milestonesDone: 5,
    },
    {
      id: 'p-platform',
      source: 'fue-cife',
      target: 'hz-training',
      status: 'paused',
      area: 'platform',
      milestones: 2,
    },
    {
      id: 'p-research',
      source: 'fue-urjc',
      target: 'hz-bureau',
      status: 'cancelled',
      area: 'research',
      milestones: 1,
    },
    {
      id: 'p-local',
      source: 'fue-council',
      target: 'fue-cife',
      status: 'active',
      area: 'other',
      milestones: 2,
      milestonesDone: 2,
    },
    {
      id: 'p-training-2',
      source: 'hz-academy',
      target: 'fue-cife',
      status: 'proposed',
      area: 'joint_training',
      milestones: 1,
    },
  ],
};

/**
 * A synthetic programme: `nodeCount` institutions over `cityCount` cities, `linkCount` partnerships,
 * mostly across cities, with preferential attachment so there are hubs (like real programmes).
 */
export function syntheticNetwork(nodeCount: number, linkCount: number, cityCount = 2, seed = 7): NetworkData {
  const random = lcg(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const nodes = Array.from({ length: nodeCount }, (_, i): NetworkNode => {
    const city = `City ${String.fromCharCode(65 + (i % cityCount))}`;
    return {
      id: `inst-${String(i).padStart(5, '0')}`,
      label: `Institution ${i}`,
      city,
      country: i % cityCount === 0 ? 'ES' : 'CN',
      type: pick(INSTITUTION_TYPES),
      trained: random() < 0.2 ? 0 : Math.floor(random() * random() * 2000),
    };
  });
  const ends: number[] = [];
  const links = Array.from({ length: linkCount }, (_, i): NetworkLink => {
    const a = ends.length > 0 && random() < 0.5 ? pick(ends) : Math.floor(random() * nodeCount);
    let b = ends.length > 0 && random() < 0.5 ? pick(ends) : Math.floor(random() * nodeCount);
    if (b === a) b = (a + 1) % nodeCount;
    ends.push(a, b);
    return {
      id: `p-${String(i).padStart(5, '0')}`,
      source: nodes[a]!.id,
      target: nodes[b]!.id,
      status: pick(PARTNERSHIP_STATUSES),
      area: 'joint_training',
      milestones: Math.floor(random() * 10),
    };
  });
  return { nodes, links };
}

/** training.csv rows for the small programme: two topics a year, 2021–2024, no records in 2022. */
export const trainingRecords: TrainingRecord[] = [
  {
    institution: 'fue-cife',
    institutionLabel: 'CIFE',
    programme: 'E-commerce basics',
    topic: 'e-commerce',
    year: 2021,
    trainees: 120,
    completed: 96,
  },
  {
    institution: 'fue-cife',
    institutionLabel: 'CIFE',
    programme: 'Marketplaces',
    topic: 'marketplaces',
    year: 2021,
    trainees: 40,
    completed: 30,
  },
  {
    institution: 'hz-academy',
    institutionLabel: 'Cross-border E-commerce Academy',
    programme: 'Live commerce',
    topic: 'live-commerce',
    year: 2023,
    trainees: 80,
    completed: 72,
  },
  {
    institution: 'fue-cife',
    institutionLabel: 'CIFE',
    programme: 'E-commerce basics',
    topic: 'e-commerce',
    year: 2023,
    trainees: 150,
    completed: 110,
  },
  {
    institution: 'fue-urjc',
    institutionLabel: 'Rey Juan Carlos University',
    programme: 'Design lab',
    topic: 'design',
    year: 2024,
    trainees: 30,
    completed: 12,
  },
  {
    institution: 'hz-academy',
    institutionLabel: 'Cross-border E-commerce Academy',
    programme: 'Live commerce',
    topic: 'live-commerce',
    year: 2024,
    trainees: 90,
    completed: 45,
  },
];

/** partnerships.csv statuses: 3 proposed, 2 negotiating, 1 agreed, 4 active, 2 completed, 1 paused, 1 cancelled. */
const STATUS_OF_EACH: PartnershipStatus[] = [
  ...(['proposed', 'proposed', 'proposed', 'negotiating', 'negotiating', 'agreed'] as const),
  ...(['active', 'active', 'active', 'active', 'completed', 'completed', 'paused', 'cancelled'] as const),
];
export const partnershipStatuses: ProgressRecord[] = STATUS_OF_EACH.map((status, i) => ({
  id: `p-${i}`,
  status,
}));
