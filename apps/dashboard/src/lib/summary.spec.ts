import type { Kpis } from '@puente/data/store';
import { describe, expect, it } from 'vitest';
import { summarize } from './summary.js';

const kpis: Kpis = {
  institutions: 3,
  cities: 2,
  countries: 2,
  partnerships: 3,
  byStatus: { proposed: 1, negotiating: 0, agreed: 0, active: 2, completed: 0, paused: 0, cancelled: 0 },
  trainees: 300,
  completed: 200,
  traineesReportingCompletion: 300,
  latestYear: 2023,
  traineesLatestYear: 200,
  traineesPreviousYear: 100,
  milestones: { done: 2, planned: 1, missed: 1 },
};
const activity = [
  {
    year: 2022,
    trainees: 100,
    completed: 50,
    partnershipsStarted: 1,
    milestonesDone: 0,
    activeInstitutions: 2,
  },
  {
    year: 2023,
    trainees: 200,
    completed: 150,
    partnershipsStarted: 2,
    milestonesDone: 2,
    activeInstitutions: 3,
  },
];
const mostConnected = { id: 'a', degree: 2 };
const none = { items: [], total: 0 };
const name = (id: string) => id.toUpperCase();

describe('summarize(input)', () => {
  it('names the most connected institution, the training trend, proposals, late partnerships and misses', () => {
    const stalled = { items: [{ source: 'a', target: 'b' }], total: 1 };
    expect(summarize({ kpis, mostConnected, activity, stalled, name })).toEqual([
      { key: 'summary.connected', values: { name: 'A', count: 2 } },
      { key: 'summary.trainingGrew', values: { year: '2023', previous: '2022', trainees: 200, change: 1 } },
      { key: 'summary.proposals', values: { count: 1, total: 3 } },
      { key: 'summary.stalled', values: { count: 1, names: 'A – B' } },
      { key: 'summary.missed', values: { count: 1 } },
    ]);
  });

  it('counts every stalled partnership but names the first three', () => {
    const items = ['b', 'c', 'd', 'e'].map((target) => ({ source: 'a', target }));
    const [sentence] = summarize({
      kpis,
      mostConnected: null,
      activity: [],
      stalled: { items, total: 40 },
      name,
    }).filter((s) => s.key === 'summary.stalled');
    expect(sentence?.values).toEqual({ count: 40, names: 'A – B; A – C; A – D' });
  });

  it('says when training fell, and when no active partnership is late', () => {
    const fell = [activity[0]!, { ...activity[1]!, trainees: 60 }];
    const sentences = summarize({
      kpis: { ...kpis, milestones: { done: 0, planned: 0, missed: 0 } },
      mostConnected,
      activity: fell,
      stalled: none,
      name,
    });
    expect(sentences.map((s) => s.key)).toEqual([
      'summary.connected',
      'summary.trainingFell',
      'summary.proposals',
      'summary.noneStalled',
    ]);
    expect(sentences[1]?.values.change).toBeCloseTo(0.4);
  });

  it('says nothing it cannot support on an empty programme', () => {
    const empty = {
      ...kpis,
      partnerships: 0,
      byStatus: { ...kpis.byStatus, proposed: 0, active: 0 },
      milestones: { done: 0, planned: 0, missed: 0 },
    };
    expect(summarize({ kpis: empty, mostConnected: null, activity: [], stalled: none, name })).toEqual([]);
  });
});
