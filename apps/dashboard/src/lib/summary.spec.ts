import type { Kpis } from '@puente/data/store';
import { describe, expect, it } from 'vitest';
import { translator } from './i18n/translator.js';
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
  unreported: {
    trainees: { estimated: 0, illustrative: 0 },
    milestones: {
      done: { estimated: 0, illustrative: 0 },
      planned: { estimated: 0, illustrative: 0 },
      missed: { estimated: 0, illustrative: 0 },
    },
  },
};
/** 2023 against 2022: three institutions reported 2022, all three 2023; their trainees doubled. */
const training = {
  year: 2023,
  reportedBefore: 3,
  reportedNow: 3,
  both: 3,
  traineesNow: 200,
  traineesBefore: 100,
  unreported: { estimated: 0, illustrative: 0 },
};
/** The values a training sentence carries when every figure compared is reported. */
const reported = { basis: 'reported', illustrative: 0, estimated: 0 };
const mostConnected = { id: 'a', degree: 2 };
const none = { items: [], total: 0 };
/** Names in the reader's language, but B's, which the data has only in Spanish. */
const name = (id: string) => (id === 'b' ? { text: 'B', lang: 'es' } : { text: id.toUpperCase() });

describe('summarize(input)', () => {
  it('names the most connected institution, the training trend, proposals, late partnerships and misses', () => {
    const stalled = { items: [{ source: 'a', target: 'b' }], total: 1 };
    expect(summarize({ kpis, mostConnected, training, stalled, unrecorded: 0, name })).toEqual([
      { key: 'summary.connected', values: { count: 2 }, names: { name: [{ text: 'A' }] } },
      {
        key: 'summary.trainingGrew',
        values: { year: '2023', previous: '2022', institutions: 3, change: 1, ...reported },
      },
      { key: 'summary.proposals', values: { count: 1, total: 3 } },
      {
        key: 'summary.stalled',
        values: { count: 1 },
        names: { names: [{ text: 'A' }, ' – ', { text: 'B', lang: 'es' }] },
      },
      { key: 'summary.missed', values: { count: 1 } },
    ]);
  });

  it('counts every stalled partnership but names the first three', () => {
    const items = ['b', 'c', 'd', 'e'].map((target) => ({ source: 'a', target }));
    const [sentence] = summarize({
      kpis,
      mostConnected: null,
      training: null,
      stalled: { items, total: 40 },
      unrecorded: 0,
      name,
    }).filter((s) => s.key === 'summary.stalled');
    expect(sentence?.values).toEqual({ count: 40 });
    expect(sentence?.names?.names).toEqual(
      ['B', 'C', 'D'].flatMap((t, i) => [
        ...(i > 0 ? ['; '] : []),
        { text: 'A' },
        ' – ',
        t === 'B' ? { text: 'B', lang: 'es' } : { text: t },
      ]),
    );
  });

  it('says when training fell, and when no active partnership is late', () => {
    const sentences = summarize({
      kpis: { ...kpis, milestones: { done: 0, planned: 0, missed: 0 } },
      mostConnected,
      training: { ...training, traineesNow: 60 },
      stalled: none,
      unrecorded: 0,
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
    expect(
      summarize({ kpis: empty, mostConnected: null, training: null, stalled: none, unrecorded: 0, name }),
    ).toEqual([]);
  });

  it('compares like with like: a year not every institution has reported is incomplete, not a fall', () => {
    // The sample's case: four institutions reported 2022; three of them reported 2023, and each grew, but the
    // fourth's large 2022 figure made the plain totals fall.
    const incomplete = {
      year: 2023,
      reportedBefore: 4,
      reportedNow: 3,
      both: 3,
      traineesNow: 1300,
      traineesBefore: 1000,
      unreported: { estimated: 0, illustrative: 0 },
    };
    const sentences = summarize({
      kpis,
      mostConnected: null,
      training: incomplete,
      stalled: none,
      unrecorded: 0,
      name,
    });
    expect(sentences.filter((s) => s.key.startsWith('summary.training'))).toEqual([
      {
        key: 'summary.trainingGrew',
        values: { year: '2023', previous: '2022', institutions: 3, change: 0.3, ...reported },
      },
      {
        key: 'summary.trainingIncomplete',
        values: { year: '2023', previous: '2022', reported: 3, expected: 4 },
      },
    ]);
  });

  it('says nothing of a change when no institution reported both years', () => {
    const none2 = {
      year: 2023,
      reportedBefore: 2,
      reportedNow: 1,
      both: 0,
      traineesNow: 0,
      traineesBefore: 0,
      unreported: { estimated: 0, illustrative: 0 },
    };
    const keys = summarize({
      kpis,
      mostConnected: null,
      training: none2,
      stalled: none,
      unrecorded: 0,
      name,
    }).map((s) => s.key);
    expect(keys).not.toContain('summary.trainingFell');
    expect(keys).not.toContain('summary.trainingGrew');
    expect(keys).toContain('summary.trainingIncomplete');
  });

  it('never calls a partnership with no milestone recorded late or stalled, nor claims it moved', () => {
    // The sample's case: two active partnerships with no milestone at all, none stalled.
    const quiet = {
      ...kpis,
      byStatus: { ...kpis.byStatus, active: 2 },
      milestones: { done: 0, planned: 0, missed: 0 },
    };
    const sentences = summarize({
      kpis: quiet,
      mostConnected: null,
      training: null,
      stalled: none,
      unrecorded: 2,
      name,
    });
    expect(sentences.map((s) => s.key)).toEqual(['summary.proposals', 'summary.unrecorded']);
    expect(sentences[1]?.values).toEqual({ count: 2 });

    // Some in motion with a record that shows they moved, some with none: each said of its own.
    const mixed = summarize({
      kpis: { ...quiet, byStatus: { ...quiet.byStatus, agreed: 1 } },
      mostConnected: null,
      training: null,
      stalled: none,
      unrecorded: 2,
      name,
    });
    expect(mixed.map((s) => s.key)).toEqual([
      'summary.proposals',
      'summary.noneStalledRecorded',
      'summary.unrecorded',
    ]);
  });

  it('never states a change measured on illustrative figures as fact', () => {
    const sample = { ...training, unreported: { estimated: 40, illustrative: 250 } };
    const [sentence] = summarize({
      kpis,
      mostConnected: null,
      training: sample,
      stalled: none,
      unrecorded: 0,
      name,
    }).filter((s) => s.key.startsWith('summary.training'));
    expect(sentence?.values).toMatchObject({ basis: 'illustrative', illustrative: 250, estimated: 40 });
    expect(translator('en').t(sentence!.key, sentence!.values)).toBe(
      'Among the 3 institutions that reported both 2022 and 2023, training grew by 100% — counting 250 illustrative enrolments, so not a measured change.',
    );
    expect(translator('es').t(sentence!.key, sentence!.values)).toContain(
      '(incluye 250 inscripciones ilustrativas, así que no es un cambio medido).',
    );
    expect(translator('zh').t(sentence!.key, sentence!.values)).toContain(
      '（其中含示意数据 250 人次，并非实测变化）',
    );

    const estimated = { ...training, unreported: { estimated: 40, illustrative: 0 } };
    const [only] = summarize({
      kpis,
      mostConnected: null,
      training: estimated,
      stalled: none,
      unrecorded: 0,
      name,
    });
    expect(only?.values.basis).toBe('estimated');
    expect(translator('en').t(only!.key, only!.values)).toContain(
      'grew by 100% (incl. 40 estimated enrolments).',
    );
    expect(translator('en').t('summary.trainingGrew', { ...only!.values, ...reported })).toMatch(
      /grew by 100%\.$/,
    );
  });
});
