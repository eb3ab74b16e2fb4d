import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, listVersions, load, restore, Store, type LoadRequest } from '../src/store/index.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { loadThroughSql } from '../src/store/versions.js';
import { csv, freshStore, INSTITUTIONS, smallProgramme, tempDir, TRAINING } from './helpers.js';

/*
 * Each version records what it changed against the version before when it is written (rows added, changed and
 * removed per table, with examples), so `/versions` and `GET /api/versions` show it for the whole history.
 */

const none = { added: 0, changed: 0, removed: 0, examples: { added: [], changed: [], removed: [] } };

/** The recorded changes of every version must be what comparing it with the version before finds. */
async function expectRecordedAsCompared(store: Store): Promise<void> {
  const versions = await listVersions(store);
  expect(versions.length).toBeGreaterThan(0);
  for (const v of versions) {
    expect(v.changes, `version ${v.version}`).toEqual(
      await compareVersions(store, v.version > 1 ? v.version - 1 : null, v.version),
    );
  }
}

async function changesOf(store: Store, version: number) {
  const found = (await listVersions(store)).find((v) => v.version === version);
  expect(found, `version ${version}`).toBeDefined();
  return found!.changes;
}

/** DuckDB's reader might split old Mac line breaks otherwise than papaparse: the validator reads such uploads. */
const macLines = (text: string) => text.replaceAll('\n', '\r');

describe.each([
  { path: 'the SQL path', edit: (text: string) => text, sql: true },
  { path: 'the validator path', edit: macLines, sql: false },
])('changes recorded by a load through $path', ({ edit, sql }) => {
  /** Loads and checks the upload went the way this block tests. */
  async function write(store: Store, request: Omit<LoadRequest, 'user'>) {
    const full = { ...request, user: 'ana' };
    const viaSql = await loadThroughSql(store, full);
    expect(viaSql !== null).toBe(sql);
    const result = viaSql ?? (await load(store, full));
    expect(result.ok).toBe(true);
    return result.ok ? result.version : -1;
  }

  it('counts every row of a first load as added', async () => {
    const store = await freshStore();
    const files = smallProgramme();
    files[0] = csv('institutions.csv', edit(INSTITUTIONS));
    expect(await write(store, { files, mode: 'replace' })).toBe(1);
    const changes = await changesOf(store, 1);
    expect(changes.institutions).toEqual({
      ...none,
      added: 3,
      examples: { ...none.examples, added: ['cife', 'fuen', 'hz-academy'] },
    });
    expect(changes.partnerships).toMatchObject({ added: 2, changed: 0, removed: 0 });
    expect(changes.training.examples.added).toEqual([
      'cife · E-commerce basics · 2023',
      'cife · IT training · 2022',
      'hz-academy · E-commerce education · 2023',
    ]);
    expect(changes.milestones).toMatchObject({ added: 2, changed: 0, removed: 0 });
  });

  it('gives the first keys in text order as examples, whatever ids begin with the same letters', async () => {
    // Ids that are the start of others, sorting on either side of a hyphen and a digit; the first institution in
    // id order trains least often, so the first training keys span several institutions.
    const ids = ['b', 'a-b', 'a0', 'ab', 'a', 'a-', 'a-a', 'zz', 'a00'];
    const institutions = ids.map((id) => `${id},Institution ${id},Fuenlabrada,ES,company`);
    const training = ids.flatMap((id, i) =>
      Array.from(
        { length: id === 'a' ? 1 : 3 - (i % 3) },
        (_, y) => `${id},,Course ${i},digital,${2020 + y},10,5`,
      ),
    );
    const store = await freshStore();
    const files = [
      csv('institutions.csv', edit(`id,name,city,country,type\n${institutions.join('\n')}\n`)),
      csv(
        'training.csv',
        edit(`institution,partnership,programme,topic,year,trainees,completed\n${training.join('\n')}\n`),
      ),
    ];
    expect(await write(store, { files, mode: 'replace' })).toBe(1);
    const changes = await changesOf(store, 1);
    const keys = training.map((row) => {
      const [institution, , programme, , year] = row.split(',');
      return `${institution} · ${programme} · ${year}`;
    });
    const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    expect(changes.institutions.examples.added).toEqual([...ids].sort(byCodeUnit).slice(0, 5));
    expect(changes.training.examples.added).toEqual(keys.sort(byCodeUnit).slice(0, 5));
    expect(changes.training.added).toBe(training.length);
    await expectRecordedAsCompared(store);
  });

  it('counts by value after a replace, an upsert and a restore, for every version of the history', async () => {
    const store = await freshStore();
    const files = smallProgramme();
    files[0] = csv('institutions.csv', edit(INSTITUTIONS));
    await write(store, { files, mode: 'replace' });

    // A replace writes every row again: only the renamed row is changed, the new one added.
    const renamed = edit(
      INSTITUTIONS.replace('Ayuntamiento de Fuenlabrada', 'Ayuntamiento').concat(
        'upv,Universidad,Valencia,ES,university\n',
      ),
    );
    expect(await write(store, { files: [csv('institutions.csv', renamed)], mode: 'replace' })).toBe(2);
    expect(await changesOf(store, 2)).toEqual({
      institutions: {
        added: 1,
        changed: 1,
        removed: 0,
        examples: { added: ['upv'], changed: ['fuen'], removed: [] },
      },
      partnerships: none,
      training: none,
      milestones: none,
    });

    // An upsert: one row changed, one added, nothing removed.
    const upsert = edit(
      'institution,programme,year,trainees,topic\ncife,IT training,2022,130,digital\nupv,"Web, shops",2024,15,\n',
    );
    expect(await write(store, { files: [csv('training.csv', upsert)], mode: 'upsert' })).toBe(3);
    const third = await changesOf(store, 3);
    expect(third.training).toEqual({
      added: 1,
      changed: 1,
      removed: 0,
      examples: { added: ['upv · Web, shops · 2024'], changed: ['cife · IT training · 2022'], removed: [] },
    });
    expect(third.institutions).toEqual(none);

    // A replace that leaves rows out removes them (and sets the upserted row back to its first value).
    const fewer = edit(TRAINING.split('\n').slice(0, 2).join('\n') + '\n');
    expect(await write(store, { files: [csv('training.csv', fewer)], mode: 'replace' })).toBe(4);
    expect((await changesOf(store, 4)).training).toMatchObject({ added: 0, changed: 1, removed: 3 });

    // A restore of version 1 undoes all of it, counted against version 4.
    expect(await restore(store, 1, 'admin')).toBe(5);
    const fifth = await changesOf(store, 5);
    expect(fifth.institutions).toEqual({
      added: 0,
      changed: 1,
      removed: 1,
      examples: { added: [], changed: ['fuen'], removed: ['upv'] },
    });
    expect(fifth.training).toMatchObject({ added: 2, changed: 0, removed: 0 });
    expect(fifth.partnerships).toEqual(none);
    await expectRecordedAsCompared(store);
  });
});

describe('changes recorded', () => {
  it('by a load that changes nothing are zero, and a refused load records none', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    expect(await changesOf(store, 2)).toEqual({
      institutions: none,
      partnerships: none,
      training: none,
      milestones: none,
    });
    const count = async () => (await store.all('SELECT count(*) AS n FROM version_changes'))[0]?.n;
    expect(await count()).toBe(8);
    const refused = await load(store, {
      files: [csv('institutions.csv', INSTITUTIONS + 'bad id,X,Y,ES,government\n')],
      mode: 'upsert',
      user: 'ana',
    });
    expect(refused.ok).toBe(false);
    const failed = load(store, {
      files: [csv('institutions.csv', INSTITUTIONS + 'upv,Universidad,Valencia,ES,university\n')],
      mode: 'upsert',
      user: 'ana',
      beforeCommit: () => {
        throw new Error('fault');
      },
    });
    await expect(failed).rejects.toThrow('fault');
    expect(await count()).toBe(8);
    expect((await listVersions(store)).map((v) => v.version)).toEqual([2, 1]);
  });

  it('are filled by the migration for every version of a database made before they were recorded', async () => {
    const db = path.join(tempDir(), 'old.duckdb');
    const first = await Store.open({ path: db });
    await load(first, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const renamed = INSTITUTIONS.replace('CIFE,', 'CIFE Fuenlabrada,');
    await load(first, { files: [csv('institutions.csv', renamed)], mode: 'replace', user: 'ana' });
    await load(first, {
      files: [csv('training.csv', 'institution,programme,year,trainees\nfuen,New,2024,5\n')],
      mode: 'upsert',
      user: 'ana',
    });
    await restore(first, 1, 'admin');
    const before = await listVersions(first);
    first.close();

    // Back to the schema before the step that records changes.
    const step =
      1 + MIGRATIONS.findIndex((m) => m.some((sql) => sql.includes('CREATE TABLE version_changes')));
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    await c.run('DROP TABLE version_changes');
    await c.run('DROP TABLE audit_log');
    await c.run('DELETE FROM schema_migrations WHERE step >= $1', [step]);
    c.closeSync();
    instance.closeSync();

    const store = await Store.open({ path: db });
    const after = await listVersions(store);
    expect(after).toEqual(before);
    expect(after.map((v) => [v.version, v.changes.institutions.changed, v.changes.training.added])).toEqual([
      [4, 1, 0],
      [3, 0, 1],
      [2, 1, 0],
      [1, 0, 3],
    ]);
    await expectRecordedAsCompared(store);
    // And loads after the migration go on recording.
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    expect((await listVersions(store))[0]?.changes.institutions).toEqual(none);
    store.close();
  });
});
