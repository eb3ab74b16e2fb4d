import type { InstitutionProfile } from '@puente/data/store';
import { describe, expect, it } from 'vitest';
import { countryName } from '$lib/labels';
import { egoSize, formatDay, institutionPage, safeWebsite } from './profile.js';

const labels = { completionRate: 'completion rate', other: 'other' };

const node = (id: string, city: string, extra: Partial<InstitutionProfile['ego']['nodes'][number]> = {}) => ({
  id,
  name: id,
  name_en: null,
  name_es: null,
  name_zh: null,
  city,
  country: city === 'Hangzhou' ? 'CN' : 'ES',
  type: 'company' as const,
  trained: 0,
  matched: true,
  ...extra,
});

const NONE = { estimated: 0, illustrative: 0 };
const partnership = (id: string, source: string, target: string, extra = {}) => ({
  id,
  source,
  target,
  area: 'joint_training' as const,
  status: 'proposed' as const,
  title: `Title of ${id}`,
  started_on: '2023-03-22',
  milestones: 0,
  milestonesDone: 0,
  sourceName: source,
  targetName: target,
  sourceNameLang: null,
  targetNameLang: null,
  milestonesPlanned: 0,
  milestonesMissed: 0,
  lastDone: null,
  nextPlanned: null,
  stalled: false,
  unrecorded: false,
  ...extra,
});

/** Hansheng as in the sample: two partnerships with the council, one with Alibaba (active, no milestone recorded). */
const hansheng: InstitutionProfile = {
  institution: {
    id: 'hansheng',
    name: '杭州瀚晟',
    name_en: 'Hangzhou Hansheng',
    name_es: null,
    name_zh: '杭州瀚晟',
    city: 'Hangzhou',
    country: 'CN',
    type: 'company',
    website: 'https://www.hansheng.example/about',
    latitude: 30.2741,
    longitude: 120.1551,
  },
  partnerships: [
    partnership('hs-fcc-training', 'hansheng', 'fcc', {
      milestones: 2,
      milestonesDone: 1,
      milestonesPlanned: 1,
    }),
    partnership('fcc-hs-platform', 'fcc', 'hansheng'),
    partnership('hs-alibaba', 'hansheng', 'alibaba', {
      status: 'active',
      unrecorded: true,
      started_on: null,
    }),
  ],
  ego: {
    nodes: [
      node('alibaba', 'Hangzhou', {
        name: '阿里巴巴集团',
        name_en: 'Alibaba Group',
        name_zh: '阿里巴巴集团',
      }),
      node('fcc', 'Fuenlabrada', {
        name: 'Ayuntamiento de Fuenlabrada',
        name_en: 'Fuenlabrada City Council',
      }),
      node('hansheng', 'Hangzhou', { name: '杭州瀚晟', name_en: 'Hangzhou Hansheng', trained: 330 }),
    ],
    links: [
      { ...partnership('hs-fcc-training', 'hansheng', 'fcc'), milestones: 2, milestonesDone: 1 },
      partnership('fcc-hs-platform', 'fcc', 'hansheng'),
      partnership('hs-alibaba', 'hansheng', 'alibaba', { status: 'active' }),
    ],
  },
  training: [
    // 2022 reports completion for one topic only; 2023 for none.
    {
      year: 2022,
      group: 'e-commerce',
      trainees: 100,
      completed: 80,
      reported: 100,
      unreported: NONE,
      label: 'e-commerce',
      labelLang: null,
    },
    {
      year: 2022,
      group: 'languages',
      trainees: 100,
      completed: 0,
      reported: 0,
      unreported: NONE,
      label: 'languages',
      labelLang: null,
    },
    {
      year: 2023,
      group: 'e-commerce',
      trainees: 130,
      completed: 0,
      reported: 0,
      unreported: NONE,
      label: 'e-commerce',
      labelLang: null,
    },
  ],
  milestones: [
    {
      id: 'm1',
      partnership: 'hs-fcc-training',
      date: '2023-03-22',
      title: 'Meeting',
      titleLang: null,
      source: 'reported',
      kind: 'meeting',
      status: 'done',
    },
  ],
  counts: { partnerships: 3, partners: 2, milestones: { done: 1, planned: 0, missed: 0 } },
};

describe('safeWebsite(raw)', () => {
  it('keeps http and https links, showing the host without www', () => {
    expect(safeWebsite('https://www.ayto-fuenlabrada.es')).toEqual({
      href: 'https://www.ayto-fuenlabrada.es/',
      host: 'ayto-fuenlabrada.es',
    });
    expect(safeWebsite(' http://example.org:8080/a?b=1 ')?.host).toBe('example.org:8080');
  });
  it('refuses other schemes, credentials, and what is not a URL', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.org',
      'https://trusted.example@evil.example',
      'www.example.org',
      '//example.org',
      '',
      null,
    ]) {
      expect(safeWebsite(bad), String(bad)).toBeNull();
    }
  });
});

describe('institutionPage(profile, options)', () => {
  const page = institutionPage(hansheng, { locale: 'en', labels });

  it('names the institution and its partners in the reader’s language', () => {
    expect(page.institution).toMatchObject({
      label: 'Hangzhou Hansheng',
      name: '杭州瀚晟',
      nameLang: 'zh-CN',
    });
    expect(institutionPage(hansheng, { locale: 'zh', labels }).institution.label).toBe('杭州瀚晟');
    expect(page.partners.map((p) => [p.id, p.label, p.partnerships])).toEqual([
      ['alibaba', 'Alibaba Group', 1],
      ['fcc', 'Fuenlabrada City Council', 2],
    ]);
    expect(
      page.partnerships.map((p) => [p.id, p.partner, p.partnerLabel, p.stalled, p.unrecorded, p.dateMeaning]),
    ).toEqual([
      ['hs-fcc-training', 'fcc', 'Fuenlabrada City Council', false, false, 'proposed'],
      ['fcc-hs-platform', 'fcc', 'Fuenlabrada City Council', false, false, 'proposed'],
      ['hs-alibaba', 'alibaba', 'Alibaba Group', false, true, 'started'],
    ]);
    expect(page.milestones[0]).toMatchObject({
      partnershipTitle: 'Title of hs-fcc-training',
      partnerLabel: 'Fuenlabrada City Council',
    });
  });

  it('lays out the ego network with the institution at the centre and its partners around it', () => {
    const ego = page.ego!;
    expect(ego.nodes.map((n) => n.id).sort()).toEqual(['alibaba', 'fcc', 'hansheng']);
    expect(ego.links).toHaveLength(3);
    const at = (id: string) => ego.nodes.find((n) => n.id === id)!;
    expect([at('hansheng').x, at('hansheng').y]).toEqual([ego.width / 2, ego.height / 2]);
    // Two partners, one on each side (grouped by city: Fuenlabrada, then Hangzhou), inside the box.
    expect(at('fcc').x).toBeLessThan(ego.width / 2);
    expect(at('alibaba').x).toBeGreaterThan(ego.width / 2);
    for (const node of ego.nodes) {
      expect(node.x - node.r).toBeGreaterThanOrEqual(0);
      expect(node.x + node.r).toBeLessThanOrEqual(ego.width);
      expect(node.y - node.r).toBeGreaterThanOrEqual(0);
      expect(node.y + node.r).toBeLessThanOrEqual(ego.height);
    }
    // Compact: two partners get a low box (no large empty card); many partners a taller one.
    expect(ego.height).toBe(egoSize(2).height);
    expect(egoSize(2).height).toBeLessThan(200);
    expect(egoSize(20).height).toBeGreaterThan(2 * egoSize(2).height);
  });

  it('checks the website again', () => {
    expect(page.institution.website).toEqual({
      href: 'https://www.hansheng.example/about',
      host: 'hansheng.example',
    });
  });

  it('counts the completion rate only over the rows that report completion', () => {
    expect(page.training.totals).toEqual({ trainees: 330, unreported: NONE, completed: 80, reporting: 100 });
    const years = page.training.model?.years.map((y) => [y.year, y.rate]);
    expect(years).toEqual([
      [2022, 0.8],
      [2023, null],
    ]);
    expect(page.training.model?.summary.rate).toBe(0.8);
    expect(page.training.model?.summary.reported).toBe(100);
  });

  it('drops the rate line when no row reports completion', () => {
    const none = institutionPage(
      {
        ...hansheng,
        training: [
          {
            year: 2020,
            group: 'trade',
            trainees: 50,
            completed: 0,
            reported: 0,
            unreported: NONE,
            label: 'trade',
            labelLang: null,
          },
        ],
      },
      { locale: 'en', labels },
    );
    expect(none.training.model?.ratePath).toBe('');
    expect(none.training.model?.legend.map((l) => l.key)).toEqual(['trade']);
    expect(none.training.model?.rateTicks).toEqual([]);
  });

  it('has no ego network, no chart and no rows for an institution without partnerships or training', () => {
    const alone = institutionPage(
      {
        ...hansheng,
        partnerships: [],
        ego: { nodes: [hansheng.ego.nodes[2]!], links: [] },
        training: [],
        milestones: [],
      },
      { locale: 'es', labels },
    );
    expect(alone.ego).toBeNull();
    expect(alone.partners).toEqual([]);
    expect(alone.training.model).toBeNull();
    expect(alone.training.totals).toEqual({ trainees: 0, unreported: NONE, completed: 0, reporting: 0 });
  });
});

describe('egoModel(scene, egoId)', () => {
  it('keeps a busy institution at the centre and all twenty partners inside the box', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const hub = institutionPage(
      {
        ...hansheng,
        partnerships: ids.map((id) => partnership(`hansheng-${id}`, 'hansheng', id)),
        ego: {
          nodes: [
            hansheng.ego.nodes[2]!,
            ...ids.map((id, i) => node(id, i % 2 ? 'Hangzhou' : 'Fuenlabrada')),
          ],
          links: ids.map((id) => partnership(`hansheng-${id}`, 'hansheng', id)),
        },
      },
      { locale: 'en', labels },
    ).ego!;
    expect(hub.nodes).toHaveLength(21);
    const centre = hub.nodes.find((n) => n.id === 'hansheng')!;
    expect([centre.x, centre.y]).toEqual([hub.width / 2, hub.height / 2]);
    for (const n of hub.nodes) {
      expect(n.x - n.r, n.id).toBeGreaterThanOrEqual(0);
      expect(n.x + n.r, n.id).toBeLessThanOrEqual(hub.width);
      expect(n.y - n.r, n.id).toBeGreaterThanOrEqual(0);
      expect(n.y + n.r, n.id).toBeLessThanOrEqual(hub.height);
    }
    // No two partners on the same spot.
    expect(new Set(hub.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(21);
  });
});

describe('formatDay(day, locale) and countryName(code, locale)', () => {
  it('write dates and countries as the reader does', () => {
    expect(formatDay('2023-03-22', 'en')).toBe('Mar 22, 2023');
    expect(formatDay('2023-03-22', 'es')).toBe('22 mar 2023');
    expect(formatDay('2023-03-22', 'zh')).toBe('2023年3月22日');
    expect(countryName('ES', 'en')).toBe('Spain');
    expect(countryName('CN', 'es')).toBe('China');
    expect(countryName('ES', 'zh')).toBe('西班牙');
  });

  it('names topics in the reader’s language, marks a fallback’s language, and counts what is illustrative', () => {
    const zh = institutionPage(
      {
        ...hansheng,
        training: [
          {
            year: 2022,
            group: 'e-commerce',
            trainees: 100,
            completed: 80,
            reported: 100,
            unreported: { estimated: 0, illustrative: 100 },
            label: '电子商务',
            labelLang: null,
          },
          {
            year: 2022,
            group: 'languages',
            trainees: 50,
            completed: 0,
            reported: 0,
            unreported: { estimated: 20, illustrative: 0 },
            label: 'languages',
            labelLang: 'en',
          },
        ],
      },
      { locale: 'zh', labels: { ...labels, illustrative: '示意', estimated: '估计' } },
    );
    expect(zh.training.rows.map((r) => [r.group, r.label, r.labelLang])).toEqual([
      ['e-commerce', '电子商务', undefined],
      ['languages', 'languages', 'en'],
    ]);
    expect(zh.training.model?.series.map((s) => s.label).sort()).toEqual(['languages', '电子商务']);
    expect(zh.training.model?.legend.map((l) => l.key)).toEqual(
      expect.arrayContaining(['illustrative', 'estimated']),
    );
    expect(zh.training.totals.unreported).toEqual({ estimated: 20, illustrative: 100 });
  });
});
