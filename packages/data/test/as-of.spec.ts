import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../src/schema/filters.js';
import {
  institutionsById,
  kpis,
  load,
  network,
  partnershipList,
  restore,
  storedSecret,
  trainingByYear,
} from '../src/store/index.js';
import { csv, freshStore } from './helpers.js';

const INSTITUTIONS_V1 = `id,name,city,country,type
fuen,Ayuntamiento de Fuenlabrada,Fuenlabrada,ES,government
hz,Hangzhou Academy,Hangzhou,CN,university
`;
const PARTNERSHIPS_V1 = `id,source,target,area,status
p1,fuen,hz,exchange,proposed
`;
const TRAINING_V1 = `institution,programme,year,trainees,completed
fuen,SME export,2023,10,5
`;

describe('reading the data as of a version', () => {
  it('answers from the rows alive at that version, after later loads and a restore', async () => {
    const store = await freshStore();
    const first = await load(store, {
      mode: 'replace',
      user: 'test',
      files: [
        csv('institutions.csv', INSTITUTIONS_V1),
        csv('partnerships.csv', PARTNERSHIPS_V1),
        csv('training.csv', TRAINING_V1),
      ],
    });
    if (!first.ok) throw new Error('v1 did not load');
    const second = await load(store, {
      mode: 'upsert',
      user: 'test',
      files: [
        csv(
          'institutions.csv',
          'id,name,city,country,type\nfuen,Fuenlabrada City Council,Fuenlabrada,ES,government\nmad,Madrid,Madrid,ES,agency\n',
        ),
        csv(
          'partnerships.csv',
          'id,source,target,area,status\np1,fuen,hz,exchange,active\np2,mad,hz,branding,agreed\n',
        ),
        csv('training.csv', 'institution,programme,year,trainees,completed\nfuen,SME export,2023,40,20\n'),
      ],
    });
    if (!second.ok) throw new Error('v2 did not load');
    const v1 = { ...NO_FILTERS, version: first.version };

    expect((await kpis(store, v1)).institutions).toBe(2);
    expect((await kpis(store, NO_FILTERS)).institutions).toBe(3);
    expect((await kpis(store, v1)).byStatus).toMatchObject({ proposed: 1, active: 0, agreed: 0 });
    expect((await kpis(store, NO_FILTERS)).byStatus).toMatchObject({ proposed: 0, active: 1, agreed: 1 });
    expect((await trainingByYear(store, v1, 'year')).map((r) => r.trainees)).toEqual([10]);
    expect((await trainingByYear(store, NO_FILTERS, 'year')).map((r) => r.trainees)).toEqual([40]);
    const old = await network(store, v1);
    expect(old.nodes.map((n) => n.id)).toEqual(['fuen', 'hz']);
    expect(old.links.map((l) => l.status)).toEqual(['proposed']);
    expect((await institutionsById(store, ['fuen'], first.version))[0]?.name).toBe(
      'Ayuntamiento de Fuenlabrada',
    );
    expect((await institutionsById(store, ['fuen']))[0]?.name).toBe('Fuenlabrada City Council');
    expect((await partnershipList(store, v1)).items.map((p) => p.sourceName)).toEqual([
      'Ayuntamiento de Fuenlabrada',
    ]);

    // A restore of version 1 makes new current rows; version 2 still reads as it was.
    await restore(store, first.version, 'test');
    expect((await kpis(store, NO_FILTERS)).institutions).toBe(2);
    expect((await kpis(store, { ...NO_FILTERS, version: second.version })).institutions).toBe(3);
  });

  it('binds the version: a version before the first load reads nothing', async () => {
    const store = await freshStore();
    const result = await load(store, {
      mode: 'replace',
      user: 'test',
      files: [csv('institutions.csv', INSTITUTIONS_V1)],
    });
    if (!result.ok) throw new Error('did not load');
    expect((await kpis(store, { ...NO_FILTERS, version: 0 })).institutions).toBe(0);
    expect((await kpis(store, { ...NO_FILTERS, version: result.version })).institutions).toBe(2);
  });
});

describe('stored secrets', () => {
  it('are made once and kept, one per name', async () => {
    const store = await freshStore();
    const a = await storedSecret(store, 'embed');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await storedSecret(store, 'embed')).toBe(a);
    expect(await storedSecret(store, 'other')).not.toBe(a);
  });
});
