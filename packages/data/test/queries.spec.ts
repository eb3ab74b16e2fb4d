import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../src/schema/filters.js';
import {
  institutionProfile,
  institutionsById,
  load,
  milestones,
  mostConnected,
  partnershipList,
  trainingByYear,
  trainingComparison,
  trainingTotals,
  upcomingMilestones,
  type Store,
} from '../src/store/index.js';
import { csv, freshStore } from './helpers.js';

/**
 * A programme shaped to exercise ordering and cutting: a hub with four partners, partnerships in every state of
 * attention (stalled, late, next milestone soon or later, none), and training in five institutions.
 */
async function programme(): Promise<Store> {
  const store = await freshStore();
  const result = await load(store, {
    mode: 'replace',
    user: 'test',
    files: [
      csv(
        'institutions.csv',
        `id,name,name_zh,city,country,type
hub,Hub Council,中心,Fuenlabrada,ES,government
a,Alpha,,Hangzhou,CN,university
b,Beta,,Hangzhou,CN,company
c,Gamma,,Madrid,ES,college
d,Delta,,Madrid,ES,agency
`,
      ),
      csv(
        'partnerships.csv',
        `id,source,target,area,status,started_on,title
p-stalled,hub,a,exchange,active,2020-01-01,Stalled one
p-late,hub,b,exchange,agreed,2026-10-01,Late one
p-soon,hub,c,exchange,active,2026-11-01,Soon
p-later,hub,d,exchange,active,2026-11-02,Later
p-proposed,a,b,exchange,proposed,,
`,
      ),
      csv(
        'milestones.csv',
        `id,partnership,date,title,kind,status
m-stalled-done,p-stalled,2020-02-01,Kick-off,meeting,done
m-late,p-late,2026-11-01,Overdue,meeting,planned
m-late-done,p-late,2026-10-15,Kick-off,meeting,done
m-soon,p-soon,2026-12-10,Soon,meeting,planned
m-soon-done,p-soon,2026-11-20,Kick-off,meeting,done
m-later,p-later,2027-06-01,Later,meeting,planned
m-later-done,p-later,2026-11-20,Kick-off,meeting,done
m-later-2,p-later,2027-06-01,Same day,report,planned
`,
      ),
      csv(
        'training.csv',
        `institution,programme,topic,year,trainees,completed,source
hub,P,t1,2024,100,50,
a,P,t1,2024,400,,illustrative
b,P,t2,2024,300,300,reported
c,P,t3,2024,200,100,estimated
d,P,t3,2025,10,10,
`,
      ),
    ],
  });
  expect(result.ok).toBe(true);
  return store;
}

const asOf = '2026-12-01';
const NONE = { estimated: 0, illustrative: 0 };
/** Institutions and years carry no label of their own. */
const UNLABELLED = { label: null, labelLang: null };
const ill = (illustrative: number) => ({ estimated: 0, illustrative });

describe('partnershipList(store, filters, query)', () => {
  it('orders by attention: stalled, late, next milestone soonest, stage, name — and counts all', async () => {
    const store = await programme();
    const list = await partnershipList(store, NO_FILTERS, { asOf, order: 'attention' });
    expect(list.items.map((p) => p.id)).toEqual(['p-stalled', 'p-late', 'p-soon', 'p-later', 'p-proposed']);
    expect(list.total).toBe(5);
    const cut = await partnershipList(store, NO_FILTERS, { asOf, order: 'attention', limit: 2 });
    expect(cut.items.map((p) => p.id)).toEqual(['p-stalled', 'p-late']);
    expect(cut.total).toBe(5);
  });

  it('gives only the stalled, or only the ids asked for, with names in the reader language', async () => {
    const store = await programme();
    const stalled = await partnershipList(store, NO_FILTERS, { asOf, stalled: true, locale: 'zh' });
    expect(stalled.items.map((p) => [p.id, p.sourceName, p.targetName])).toEqual([
      ['p-stalled', '中心', 'Alpha'],
    ]);
    const some = await partnershipList(store, NO_FILTERS, { asOf, ids: ['p-soon', 'p-proposed'] });
    expect(some.items.map((p) => p.id).sort()).toEqual(['p-proposed', 'p-soon']);
    expect(await partnershipList(store, NO_FILTERS, { ids: [] })).toEqual({ items: [], total: 0 });
  });

  it('tells a partnership with no milestone recorded from a stalled one, and never calls it stalled', async () => {
    const store = await programme();
    const added = await load(store, {
      mode: 'upsert',
      user: 'test',
      files: [
        csv(
          'partnerships.csv',
          `id,source,target,area,status,started_on,title
p-quiet,hub,c,exchange,active,2026-06-01,Quiet one
p-quiet-proposed,b,c,exchange,proposed,2026-06-01,
`,
        ),
      ],
    });
    expect(added.ok).toBe(true);
    const all = await partnershipList(store, NO_FILTERS, { asOf, order: 'attention' });
    expect(all.items.map((p) => [p.id, p.stalled, p.unrecorded])).toEqual([
      ['p-stalled', true, false],
      ['p-late', false, false],
      ['p-quiet', false, true],
      ['p-soon', false, false],
      ['p-later', false, false],
      ['p-proposed', false, false],
      ['p-quiet-proposed', false, false],
    ]);
    const stalled = await partnershipList(store, NO_FILTERS, { asOf, stalled: true });
    expect(stalled.items.map((p) => p.id)).toEqual(['p-stalled']);
    const unrecorded = await partnershipList(store, NO_FILTERS, { asOf, unrecorded: true });
    expect(unrecorded).toMatchObject({ total: 1, items: [{ id: 'p-quiet', milestones: 0 }] });
  });
});

describe('mostConnected(store, filters, limit)', () => {
  it('ranks institutions by partnerships in view, ties by id', async () => {
    const store = await programme();
    expect(await mostConnected(store, NO_FILTERS, 3)).toEqual({
      items: [
        { id: 'hub', degree: 4 },
        { id: 'a', degree: 2 },
        { id: 'b', degree: 2 },
      ],
      total: 5,
    });
    const active = await mostConnected(store, { ...NO_FILTERS, status: ['proposed'] }, 10);
    expect(active.items.map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('trainingByYear(store, filters, by, { top })', () => {
  it('keeps the groups with most trainees and sums the rest per year as "other"', async () => {
    const store = await programme();
    const rows = await trainingByYear(store, NO_FILTERS, 'institution', { top: 2 });
    expect(rows).toEqual([
      {
        year: 2024,
        group: 'a',
        trainees: 400,
        completed: 0,
        reported: 0,
        unreported: ill(400),
        ...UNLABELLED,
      },
      {
        year: 2024,
        group: 'b',
        trainees: 300,
        completed: 300,
        reported: 300,
        unreported: NONE,
        ...UNLABELLED,
      },
      {
        year: 2024,
        group: '',
        trainees: 300,
        completed: 150,
        reported: 300,
        unreported: { estimated: 200, illustrative: 0 },
        ...UNLABELLED,
        other: true,
      },
      {
        year: 2025,
        group: '',
        trainees: 10,
        completed: 10,
        reported: 10,
        unreported: NONE,
        ...UNLABELLED,
        other: true,
      },
    ]);
  });

  it('groups by year alone, and by one institution', async () => {
    const store = await programme();
    expect(await trainingByYear(store, NO_FILTERS, 'year')).toEqual([
      {
        year: 2024,
        group: '',
        trainees: 1000,
        completed: 450,
        reported: 600,
        unreported: { estimated: 200, illustrative: 400 },
        ...UNLABELLED,
      },
      { year: 2025, group: '', trainees: 10, completed: 10, reported: 10, unreported: NONE, ...UNLABELLED },
    ]);
    const mine = await trainingByYear(store, NO_FILTERS, 'institution', { institution: 'd' });
    expect(mine.map((v) => [v.group, v.year])).toEqual([['d', 2025]]);
  });

  it('groups by country, and gives each city its country (for colouring cities by country)', async () => {
    const store = await programme();
    const countries = await trainingByYear(store, NO_FILTERS, 'country', { top: 1 });
    // China (a, b: 700) is kept; Spain is summed into "other", which has no country.
    expect(countries.map((v) => [v.year, v.group, v.country, v.trainees, v.other ?? false])).toEqual([
      [2024, 'CN', 'CN', 700, false],
      [2024, '', undefined, 300, true],
      [2025, '', undefined, 10, true],
    ]);
    const cities = await trainingByYear(store, NO_FILTERS, 'city');
    expect(new Map(cities.map((v) => [v.group, v.country]))).toEqual(
      new Map([
        ['Fuenlabrada', 'ES'],
        ['Hangzhou', 'CN'],
        ['Madrid', 'ES'],
      ]),
    );
  });
});

describe('trainingTotals(store, filters)', () => {
  it('sums trainees, completion and its base, and counts institutions, cities and years', async () => {
    const store = await programme();
    expect(await trainingTotals(store, NO_FILTERS)).toEqual({
      trainees: 1010,
      completed: 460,
      reported: 610,
      unreported: { estimated: 200, illustrative: 400 },
      institutions: 5,
      cities: 3,
      from: 2024,
      to: 2025,
    });
    expect(await trainingTotals(store, { ...NO_FILTERS, city: ['Madrid'] })).toMatchObject({
      trainees: 210,
      institutions: 2,
      cities: 1,
    });
  });
});

describe('upcomingMilestones(store, filters, query)', () => {
  it('lists the window, else the first later date, and the overdue — cut and counted', async () => {
    const store = await programme();
    const soon = await upcomingMilestones(store, NO_FILTERS, { asOf, until: '2027-03-01', limit: 5 });
    expect(soon.within.items.map((m) => m.id)).toEqual(['m-soon']);
    expect(soon.next).toEqual({ items: [], total: 0 });
    expect(soon.overdue.items.map((m) => m.id)).toEqual(['m-late']);

    const later = await upcomingMilestones(store, NO_FILTERS, {
      asOf: '2026-12-11',
      until: '2027-03-01',
      limit: 1,
    });
    expect(later.within.total).toBe(0);
    expect(later.next.items.map((m) => m.id)).toEqual(['m-later']);
    expect(later.next.total).toBe(2);
    expect(later.overdue.total).toBe(2);
  });
});

describe('milestones(store, filters, { partnerships }) and institutionsById(store, ids)', () => {
  it('gives the milestones of the partnerships asked for, and names by id', async () => {
    const store = await programme();
    const miles = await milestones(store, NO_FILTERS, { partnerships: ['p-soon'] });
    expect(miles.map((m) => m.id)).toEqual(['m-soon-done', 'm-soon']);
    expect(await milestones(store, NO_FILTERS, { partnerships: [] })).toEqual([]);
    const names = await institutionsById(store, ['hub', 'nobody']);
    expect(names.map((n) => [n.id, n.name_zh])).toEqual([['hub', '中心']]);
  });
});

describe('institutionProfile(store, id, { limit })', () => {
  it('lists at most `limit` partnerships, with their partners, and counts all of them', async () => {
    const store = await programme();
    const profile = await institutionProfile(store, 'hub', { limit: 2 });
    expect(profile?.partnerships.map((p) => p.id)).toEqual(['p-later', 'p-soon']);
    expect(profile?.ego.nodes.map((n) => n.id).sort()).toEqual(['c', 'd', 'hub']);
    expect(profile?.milestones.every((m) => ['p-later', 'p-soon'].includes(m.partnership))).toBe(true);
    expect(profile?.counts).toEqual({
      partnerships: 4,
      partners: 4,
      milestones: { done: 4, planned: 4, missed: 0 },
    });
  });
});

describe('trainingComparison(store, filters, year)', () => {
  it('compares a year with the one before over the institutions that reported both', async () => {
    const store = await freshStore();
    const result = await load(store, {
      mode: 'replace',
      user: 'test',
      files: [
        csv(
          'institutions.csv',
          `id,name,city,country,type\na,A,X,ES,other\nb,B,X,ES,other\nc,C,Y,CN,other\n`,
        ),
        // c reported 2023 only up to 2022: 2024 is incomplete, not a fall.
        csv(
          'training.csv',
          `institution,programme,year,trainees,source\na,P,2023,100,illustrative\na,P,2024,120,illustrative\nb,P,2023,50,\nb,Q,2024,30,estimated\nb,R,2024,30,\nc,P,2023,900,illustrative\n`,
        ),
      ],
    });
    expect(result.ok).toBe(true);
    expect(await trainingComparison(store, NO_FILTERS, 2024)).toEqual({
      year: 2024,
      reportedBefore: 3,
      reportedNow: 2,
      both: 2,
      traineesNow: 180,
      traineesBefore: 150,
      // Of the 330 compared, a's 220 are illustrative and 30 of b's estimated; c's 900 are not compared.
      unreported: { estimated: 30, illustrative: 220 },
    });
  });
});

describe('texts in the reader’s language (`<column>_<lang>`)', () => {
  async function translated(): Promise<Store> {
    const store = await freshStore();
    const result = await load(store, {
      mode: 'replace',
      user: 'test',
      files: [
        csv(
          'institutions.csv',
          `id,name,city,country,type,city_zh\nf,Ayto,Fuenlabrada,ES,government,富恩拉夫拉达\nh,HZ,Hangzhou,CN,company,杭州\n`,
        ),
        csv(
          'partnerships.csv',
          `id,source,target,area,status,title,title_en,title_zh\np,h,f,exchange,proposed,Exchange,Exchange,交流\nq,f,h,branding,proposed,Marca,,\n`,
        ),
        csv(
          'training.csv',
          `institution,programme,topic,year,trainees,topic_es,programme_zh\nf,IT,digital,2024,10,digital (es),信息技术\nh,Trade,,2024,5,,贸易\n`,
        ),
        csv(
          'milestones.csv',
          `id,partnership,date,title,kind,status,source,title_es\nm,p,2023-03-22,Meeting,meeting,done,,Reunión\n`,
        ),
      ],
    });
    expect(result.ok).toBe(true);
    return store;
  }

  it('gives titles in the reader’s language, else the text with the language it is in', async () => {
    const store = await translated();
    const titles = async (locale: 'en' | 'es' | 'zh') =>
      (await partnershipList(store, NO_FILTERS, { locale })).items.map((p) => [p.id, p.title, p.titleLang]);
    expect(await titles('zh')).toEqual([
      ['p', '交流', null],
      ['q', 'Marca', ''],
    ]);
    // No Spanish title: the English one, marked as English; "Marca" is in no language the data names.
    expect(await titles('es')).toEqual([
      ['p', 'Exchange', 'en'],
      ['q', 'Marca', ''],
    ]);
    expect(await milestones(store, NO_FILTERS, { locale: 'es' })).toEqual([
      expect.objectContaining({ id: 'm', title: 'Reunión', titleLang: null, source: 'reported' }),
    ]);
    expect((await milestones(store, NO_FILTERS, { locale: 'zh' }))[0]).toMatchObject({
      title: 'Meeting',
      titleLang: '',
    });
  });

  it('labels topics and cities in the reader’s language, grouped by the text itself', async () => {
    const store = await translated();
    const topics = await trainingByYear(store, NO_FILTERS, 'topic', { locale: 'es' });
    expect(topics.map((v) => [v.group, v.label, v.labelLang])).toEqual([
      ['', null, null],
      ['digital', 'digital (es)', null],
    ]);
    const cities = await trainingByYear(store, NO_FILTERS, 'city', { locale: 'zh' });
    expect(cities.map((v) => [v.group, v.label])).toEqual([
      ['Fuenlabrada', '富恩拉夫拉达'],
      ['Hangzhou', '杭州'],
    ]);
    // An institution's page: by topic, or by programme where there is none.
    const profile = await institutionProfile(store, 'h', { locale: 'zh' });
    expect(profile?.training.map((v) => [v.group, v.label])).toEqual([['Trade', '贸易']]);
    expect(profile?.institution).toMatchObject({ city: 'Hangzhou', city_zh: '杭州' });
  });
});
