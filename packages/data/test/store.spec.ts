import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../src/schema/filters.js';
import { TABLE_NAMES } from '../src/schema/tables.js';
import {
  activityByYear,
  institutionProfile,
  kpis,
  partnerships,
  listVersions,
  load,
  milestones,
  recordedFile,
  network,
  restore,
  sha256,
  Store,
  trainingByYear,
  upcomingMilestones,
} from '../src/store/index.js';
import { csv, freshStore, INSTITUTIONS, smallProgramme, tempDir } from './helpers.js';

/** Every current row of every table, plus the version list: what must not change when a load fails. */
async function snapshot(store: Store) {
  const tables: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) {
    tables[name] = await store.all(
      `SELECT * EXCLUDE (_from, _to) FROM "${name}" WHERE _to IS NULL ORDER BY ALL`,
    );
  }
  return { tables, versions: await listVersions(store) };
}

/** Nothing estimated or illustrative. */
const NONE = { estimated: 0, illustrative: 0 };
/** A topic named as it is written (no reader's language asked). */
const named = (label: string) => ({ label, labelLang: null });

describe('load(store, request)', () => {
  it('loads all four tables as version 1 and records files, hashes and row counts', async () => {
    const store = await freshStore();
    const files = smallProgramme();
    const result = await load(store, { files, mode: 'replace', user: 'ana' });
    expect(result).toEqual({
      ok: true,
      version: 1,
      tables: { institutions: 3, partnerships: 2, training: 3, milestones: 2 },
      warnings: [],
    });
    const [version] = await listVersions(store);
    expect(version).toMatchObject({
      version: 1,
      user: 'ana',
      action: 'load',
      mode: 'replace',
      restoredFrom: null,
    });
    expect(version?.totals).toEqual({ institutions: 3, partnerships: 2, training: 3, milestones: 2 });
    expect(version?.files.map((f) => [f.table, f.name, f.rows, f.sha256])).toEqual([
      ['institutions', 'institutions.csv', 3, sha256(files[0]!.bytes)],
      ['milestones', 'milestones.csv', 2, sha256(files[3]!.bytes)],
      ['partnerships', 'partnerships.csv', 2, sha256(files[1]!.bytes)],
      ['training', 'training.csv', 3, sha256(files[2]!.bytes)],
    ]);
  });

  it('keeps the raw bytes of every uploaded file under its hash, not its name', async () => {
    const store = await freshStore();
    const files = smallProgramme();
    await load(store, { files, mode: 'replace', user: 'ana' });
    for (const file of files) {
      const kept = path.join(store.uploadsDir, sha256(file.bytes));
      expect(readFileSync(kept)).toEqual(Buffer.from(file.bytes));
    }
    expect(existsSync(path.join(store.uploadsDir, 'institutions.csv'))).toBe(false);
    // Found by its hash alone, under the name the history gives it.
    const first = files[0]!;
    expect(await recordedFile(store, sha256(first.bytes))).toEqual({
      name: first.name,
      sha256: sha256(first.bytes),
    });
    expect(await recordedFile(store, '0'.repeat(64))).toBeNull();
  });

  it('changes nothing when validation fails', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const before = await snapshot(store);
    const bad = csv('institutions.csv', INSTITUTIONS + 'bad id!,Somewhere,Madrid,ES,government\n');
    const result = await load(store, { files: [bad], mode: 'replace', user: 'ana' });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => [p.row, p.column, p.code])).toContainEqual([
      4,
      'id',
      'invalid-type',
    ]);
    expect(await snapshot(store)).toEqual(before);
  });

  it('changes nothing when the write fails half-way (fault injected before commit)', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const before = await snapshot(store);
    const changed = smallProgramme().map((f) => ({
      ...f,
      bytes: new TextEncoder().encode(new TextDecoder().decode(f.bytes).replaceAll('2023', '2024')),
    }));
    await expect(
      load(store, {
        files: changed,
        mode: 'replace',
        user: 'ana',
        beforeCommit: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await snapshot(store)).toEqual(before);
    // The store still works after the failed write.
    expect(await load(store, { files: changed, mode: 'replace', user: 'ana' })).toMatchObject({
      ok: true,
      version: 2,
    });
  });

  it('refuses a replace that would leave other tables pointing at removed institutions', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const before = await snapshot(store);
    const withoutCife = csv('institutions.csv', INSTITUTIONS.replace(/^cife,.*\n/m, ''));
    const result = await load(store, { files: [withoutCife], mode: 'replace', user: 'ana' });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.every((p) => p.code === 'unknown-reference' && p.file === 'institutions.csv')).toBe(true);
    expect(problems.map((p) => p.value)).toEqual(['cife', 'cife']);
    expect(await snapshot(store)).toEqual(before);
  });

  it('replace makes each uploaded table exactly its file and leaves the others alone', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const training = csv(
      'training.csv',
      'institution,programme,year,trainees\ncife,Job search workshops,2024,40\n',
    );
    expect(await load(store, { files: [training], mode: 'replace', user: 'ana' })).toMatchObject({
      ok: true,
      version: 2,
    });
    const rows = await store.all(
      'SELECT institution, programme, year, trainees FROM training WHERE _to IS NULL',
    );
    expect(rows).toEqual([
      { institution: 'cife', programme: 'Job search workshops', year: 2024, trainees: 40 },
    ]);
    expect((await snapshot(store)).tables.institutions).toHaveLength(3);
  });

  it('upsert updates rows with an existing key and adds new ones', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const update = csv(
      'training.csv',
      'institution,programme,year,trainees,completed\ncife,IT training,2022,150,120\ncife,Language classes,2024,35,30\n',
    );
    expect(await load(store, { files: [update], mode: 'upsert', user: 'ana' })).toMatchObject({
      ok: true,
      version: 2,
    });
    const rows = await store.all(
      'SELECT institution, programme, year, trainees FROM training WHERE _to IS NULL ORDER BY year, programme',
    );
    expect(rows).toEqual([
      { institution: 'cife', programme: 'IT training', year: 2022, trainees: 150 },
      { institution: 'cife', programme: 'E-commerce basics', year: 2023, trainees: 80 },
      { institution: 'hz-academy', programme: 'E-commerce education', year: 2023, trainees: 300 },
      { institution: 'cife', programme: 'Language classes', year: 2024, trainees: 35 },
    ]);
  });

  it('upsert accepts references to rows already stored', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const partnership = csv(
      'partnerships.csv',
      'id,source,target,area,status\np-new,cife,fuen,platform,negotiating\n',
    );
    expect(await load(store, { files: [partnership], mode: 'upsert', user: 'ana' })).toMatchObject({
      ok: true,
    });
    expect((await snapshot(store)).tables.partnerships).toHaveLength(3);
  });

  it('restore brings back an earlier version as a new version, and the later one stays restorable', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const v1 = await snapshot(store);
    const fewer = csv('training.csv', 'institution,programme,year,trainees\ncife,IT training,2022,1\n');
    await load(store, { files: [fewer], mode: 'replace', user: 'ana' });
    const v2 = await snapshot(store);
    expect(v2.tables.training).not.toEqual(v1.tables.training);

    expect(await restore(store, 1, 'admin')).toBe(3);
    expect((await snapshot(store)).tables).toEqual(v1.tables);
    expect(await restore(store, 2, 'admin')).toBe(4);
    expect((await snapshot(store)).tables).toEqual(v2.tables);

    const versions = await listVersions(store);
    expect(versions.map((v) => [v.version, v.action, v.restoredFrom])).toEqual([
      [4, 'restore', 2],
      [3, 'restore', 1],
      [2, 'load', null],
      [1, 'load', null],
    ]);
    await expect(restore(store, 9, 'admin')).rejects.toThrow('There is no version 9');
  });

  it('keeps data across reopening the file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.duckdb');
    const first = await Store.open({ path: file });
    await load(first, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    first.close();
    const second = await Store.open({ path: file });
    expect((await listVersions(second)).map((v) => v.version)).toEqual([1]);
    second.close();
  });
});

describe('Store.open(options)', () => {
  it('locks SQL out of every file but the uploads folder, and the lock cannot be lifted', async () => {
    const store = await freshStore();
    const outside = path.join(tempDir(), 'outside.csv');
    writeFileSync(outside, 'a\n1\n');
    const refused = [
      `SELECT * FROM read_text('/etc/passwd')`,
      `SELECT * FROM read_csv('${outside}')`,
      `COPY (SELECT 1) TO '${path.join(tempDir(), 'leak.csv')}'`,
      `ATTACH '${path.join(tempDir(), 'other.duckdb')}' AS other`,
      `INSTALL httpfs`,
      `SET enable_external_access = true`,
      `SET allowed_directories = ['/']`,
      `RESET lock_configuration`,
    ];
    for (const sql of refused) await expect(store.all(sql), sql).rejects.toThrow();
    // The uploads folder is the one place a load's staged files are read from.
    mkdirSync(store.uploadsDir, { recursive: true });
    writeFileSync(path.join(store.uploadsDir, 'staged.csv'), 'a\n1\n');
    expect(await store.all(`SELECT a FROM read_csv('${path.join(store.uploadsDir, 'staged.csv')}')`)).toEqual(
      [{ a: 1 }],
    );
    store.close();
  });

  it('fails with a clear message when another process holds the file', async () => {
    const store = await freshStore();
    const { execFileSync } = await import('node:child_process');
    // Another process: open the same file through the Store, which must explain the lock.
    const child = `import(${JSON.stringify(new URL('../dist/store/index.js', import.meta.url).href)}).then(({ Store }) => Store.open({ path: ${JSON.stringify(store.dbPath)} })).then(() => process.exit(0), (e) => { console.log(e.name + ': ' + e.message); process.exit(3); })`;
    let output = '';
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout: string }).stdout);
      expect((error as { status: number }).status).toBe(3);
    }
    expect(output).toContain(
      `StoreLockedError: The database ${store.dbPath} is already open in another Puente process`,
    );
  });
});

describe('a fatal DuckDB error', () => {
  // DuckDB's own fault injection: the checkpoint after each commit fails fatally, as on a full disk, and the
  // instance refuses every query after it.
  it('is followed by reopening the file: the committed load is there, totals check, and writes go on', async () => {
    const file = path.join(tempDir(), 'p.duckdb');
    const store = await Store.open({ path: file, failCheckpoints: true });
    const loaded = await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    expect(loaded.ok).toBe(true);
    let heard = 0;
    store.onCommit(() => heard++);
    // The first read after the failure waits for the reopened instance instead of failing.
    expect(await store.all('SELECT count(*)::INTEGER AS n FROM institutions WHERE _to IS NULL')).toEqual([
      { n: 3 },
    ]);
    expect(store.reopened).toBe(1);
    expect(heard).toBe(1);
    expect((await listVersions(store)).map((v) => v.version)).toEqual([1]);
    // The reopened instance has no fault injection, is locked down again, and takes the next load.
    await expect(store.all(`SELECT * FROM read_text('/etc/passwd')`)).rejects.toThrow();
    await expect(store.all(`SET enable_external_access = true`)).rejects.toThrow();
    const again = await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    expect(again.ok).toBe(true);
    expect(store.reopened).toBe(1);
    store.close();
    const reopened = await Store.open({ path: file });
    expect((await listVersions(reopened)).map((v) => v.version)).toEqual([2, 1]);
    reopened.close();
  });

  it('is recognised by its message, and other errors are not', async () => {
    const { isFatal } = await import('../src/store/store.js');
    const store = await freshStore();
    const plain = await store.all('SELECT * FROM no_such_table').catch((e: unknown) => e);
    expect(isFatal(plain)).toBe(false);
    expect(isFatal(new Error('FATAL Error: Failed to create checkpoint'))).toBe(true);
    expect(isFatal('FATAL Error')).toBe(false);
    store.close();
  });
});

describe('Store.all(sql, params, signal)', () => {
  it('interrupts a running query when the signal aborts, and leaves the store usable', async () => {
    const store = await freshStore();
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('client went away')), 100);
    // Seconds of work without the interrupt.
    const slow = store.all(
      'SELECT count(*) AS n FROM range(2000000000) a WHERE hash(a.range) % 7 = 3',
      [],
      controller.signal,
    );
    await expect(slow).rejects.toThrow('client went away');
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(store.all('SELECT 1 AS one', [], controller.signal)).rejects.toThrow('client went away');
    expect(await store.all('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    store.close();
  });
});

describe('dashboard queries', () => {
  it('computes key figures, honouring filters', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const all = await kpis(store, NO_FILTERS);
    expect(all).toMatchObject({
      institutions: 3,
      cities: 2,
      countries: 2,
      partnerships: 2,
      trainees: 500,
      completed: 440,
      traineesReportingCompletion: 500,
      latestYear: 2023,
      traineesLatestYear: 380,
      traineesPreviousYear: 120,
      milestones: { done: 1, planned: 1, missed: 0 },
    });
    expect(all.byStatus).toMatchObject({ proposed: 1, active: 1, agreed: 0 });
    const hangzhou = await kpis(store, { ...NO_FILTERS, city: ['Hangzhou'] });
    expect(hangzhou).toMatchObject({ institutions: 1, cities: 1, partnerships: 2, trainees: 300 });
    const from2023 = await kpis(store, { ...NO_FILTERS, from: 2023 });
    expect(from2023.trainees).toBe(380);
    expect(all.unreported.trainees).toEqual({ estimated: 0, illustrative: 0 });
    // A row that does not report completion counts as trained, but not in the completion rate's base; one marked
    // illustrative is counted apart as such, and so is an illustrative milestone.
    const noCompletion = csv(
      'training.csv',
      'institution,programme,year,trainees,source\nfuen,Workshops,2023,1000,illustrative\n',
    );
    const illustrativeMilestone = csv(
      'milestones.csv',
      'id,partnership,date,title,kind,status,source\nm-x,p-training,2024-09-01,Visit,exchange,planned,Illustrative\n',
    );
    await load(store, { files: [noCompletion, illustrativeMilestone], mode: 'upsert', user: 'ana' });
    const marked = await kpis(store, NO_FILTERS);
    expect(marked).toMatchObject({
      trainees: 1500,
      completed: 440,
      traineesReportingCompletion: 500,
      milestones: { done: 1, planned: 2, missed: 0 },
    });
    expect(marked.unreported).toEqual({
      trainees: { estimated: 0, illustrative: 1000 },
      milestones: {
        done: { estimated: 0, illustrative: 0 },
        planned: { estimated: 0, illustrative: 1 },
        missed: { estimated: 0, illustrative: 0 },
      },
    });
    const fuen = (await trainingByYear(store, NO_FILTERS, 'institution')).find((v) => v.group === 'fuen');
    expect(fuen).toEqual({
      year: 2023,
      group: 'fuen',
      trainees: 1000,
      completed: 0,
      reported: 0,
      unreported: { estimated: 0, illustrative: 1000 },
      label: null,
      labelLang: null,
    });
  });

  it('returns the network with partners of filtered institutions shown as context', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const all = await network(store, NO_FILTERS);
    expect(all.nodes.map((n) => [n.id, n.trained, n.matched])).toEqual([
      ['cife', 200, true],
      ['fuen', 0, true],
      ['hz-academy', 300, true],
    ]);
    expect(all.links.map((l) => [l.id, l.source, l.target, l.milestones, l.milestonesDone])).toEqual([
      ['p-exchange', 'hz-academy', 'fuen', 1, 1],
      ['p-training', 'hz-academy', 'cife', 1, 0],
    ]);
    const active = await network(store, { ...NO_FILTERS, status: ['active'] });
    expect(active.nodes.map((n) => n.id)).toEqual(['cife', 'hz-academy']);
    expect(active.links.map((l) => l.id)).toEqual(['p-training']);
    const spain = await network(store, { ...NO_FILTERS, country: ['ES'] });
    expect(spain.nodes.map((n) => [n.id, n.matched])).toEqual([
      ['cife', true],
      ['fuen', true],
      ['hz-academy', false],
    ]);
  });

  it('binds filter values as parameters, so quotes in them are just text', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const result = await kpis(store, { ...NO_FILTERS, city: ["x') OR 1=1 --"] });
    expect(result.institutions).toBe(0);
  });

  it('groups training by year and topic', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    expect(await trainingByYear(store, NO_FILTERS, 'topic')).toEqual([
      {
        year: 2022,
        group: 'digital',
        trainees: 120,
        completed: 100,
        reported: 120,
        unreported: NONE,
        ...named('digital'),
      },
      {
        year: 2023,
        group: 'e-commerce',
        trainees: 380,
        completed: 340,
        reported: 380,
        unreported: NONE,
        ...named('e-commerce'),
      },
    ]);
  });

  it('lists partnerships with their milestone record and flags stalled ones', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const asOf = '2024-01-15';
    const list = await partnerships(store, NO_FILTERS, { asOf });
    expect(list.map((p) => [p.id, p.sourceName, p.targetName, p.lastDone, p.nextPlanned, p.stalled])).toEqual(
      [
        [
          'p-exchange',
          'Hangzhou Cross-border E-commerce Academy',
          'Ayuntamiento de Fuenlabrada',
          '2023-03-22',
          null,
          false,
        ],
        // Active, nothing done yet: stalled. The planned follow-up is its next step.
        ['p-training', 'Hangzhou Cross-border E-commerce Academy', 'CIFE', null, '2024-06-01', true],
      ],
    );
    // A milestone done recently un-stalls it.
    await load(store, {
      files: [
        csv(
          'milestones.csv',
          'id,partnership,date,title,kind,status\nm-x,p-training,2023-12-01,Kick-off,launch,done\n',
        ),
      ],
      mode: 'upsert',
      user: 'ana',
    });
    expect(
      (await partnerships(store, NO_FILTERS, { asOf })).find((p) => p.id === 'p-training')?.stalled,
    ).toBe(false);
    expect(
      (await partnerships(store, NO_FILTERS, { asOf: '2024-07-01' })).find((p) => p.id === 'p-training')
        ?.stalled,
    ).toBe(true);
  });

  it('reports activity year by year', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    expect(await activityByYear(store, NO_FILTERS)).toEqual([
      {
        year: 2022,
        trainees: 120,
        completed: 100,
        traineesUnreported: NONE,
        partnershipsStarted: 0,
        milestonesDone: 0,
        activeInstitutions: 1,
      },
      {
        year: 2023,
        trainees: 380,
        completed: 340,
        traineesUnreported: NONE,
        // Both are dated 2023, but only the active one started: the other is a proposal.
        partnershipsStarted: 1,
        milestonesDone: 1,
        activeInstitutions: 3,
      },
    ]);
  });

  it('profiles one institution with its partners, ego network, training and milestones', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const profile = await institutionProfile(store, 'cife', { asOf: '2024-01-01' });
    expect(profile?.institution).toMatchObject({
      id: 'cife',
      name: 'CIFE',
      city: 'Fuenlabrada',
      type: 'agency',
    });
    expect(profile?.partnerships.map((p) => p.id)).toEqual(['p-training']);
    expect(profile?.ego.nodes.map((n) => n.id)).toEqual(['cife', 'hz-academy']);
    expect(profile?.ego.links.map((l) => l.id)).toEqual(['p-training']);
    expect(profile?.training).toEqual([
      {
        year: 2022,
        group: 'digital',
        trainees: 120,
        completed: 100,
        reported: 120,
        unreported: NONE,
        ...named('digital'),
      },
      {
        year: 2023,
        group: 'e-commerce',
        trainees: 80,
        completed: 60,
        reported: 80,
        unreported: NONE,
        ...named('e-commerce'),
      },
    ]);
    expect(profile?.milestones.map((m) => m.id)).toEqual(['m-follow-up']);
    expect(await institutionProfile(store, 'nobody')).toBeNull();
  });

  it('reads an institution’s profile and the milestone lists as they were at a pinned data version', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    await load(store, {
      files: [
        csv('training.csv', 'institution,programme,topic,year,trainees\ncife,New course,new,2025,999\n'),
        csv(
          'milestones.csv',
          'id,partnership,date,title,kind,status\nm-new,p-training,2025-01-01,New,launch,done\nm-next,p-training,2025-03-01,Next,meeting,planned\n',
        ),
        csv(
          'partnerships.csv',
          'id,source,target,area,status,started_on,title\np-new,fuen,cife,exchange,agreed,2025-01-01,New\n',
        ),
      ],
      mode: 'upsert',
      user: 'ana',
    });
    const now = await institutionProfile(store, 'cife');
    const then = await institutionProfile(store, 'cife', { version: 1 });
    expect(now?.training.map((t) => t.year)).toEqual([2022, 2023, 2025]);
    expect(now?.partnerships.map((p) => p.id).sort()).toEqual(['p-new', 'p-training']);
    expect(now?.counts.milestones.done).toBe(1);
    // Version 1: none of what the second load added.
    expect(then?.training.map((t) => t.year)).toEqual([2022, 2023]);
    expect(then?.partnerships.map((p) => p.id)).toEqual(['p-training']);
    expect(then?.ego.nodes.map((n) => n.id)).toEqual(['cife', 'hz-academy']);
    expect(then?.milestones.map((m) => m.id)).toEqual(['m-follow-up']);
    expect(then?.counts).toEqual({
      partnerships: 1,
      partners: 1,
      milestones: { done: 0, planned: 1, missed: 0 },
    });
    // The progress page's lists read the same version: its timeline and the milestones ahead.
    const pinned = { ...NO_FILTERS, version: 1 };
    expect((await milestones(store, pinned)).map((m) => m.id)).toEqual(['m-meeting', 'm-follow-up']);
    expect((await milestones(store, NO_FILTERS)).map((m) => m.id)).toContain('m-new');
    const ahead = { asOf: '2024-01-01', until: '2026-01-01', limit: 5 };
    expect((await upcomingMilestones(store, pinned, ahead)).within.items.map((m) => m.id)).toEqual([
      'm-follow-up',
    ]);
    expect((await upcomingMilestones(store, NO_FILTERS, ahead)).within.items.map((m) => m.id)).toEqual([
      'm-follow-up',
      'm-next',
    ]);
    // An institution added later did not exist yet.
    await load(store, {
      files: [csv('institutions.csv', 'id,name,city,country,type\nlate,Late,Madrid,ES,other\n')],
      mode: 'upsert',
      user: 'ana',
    });
    expect(await institutionProfile(store, 'late', { version: 1 })).toBeNull();
    expect(await institutionProfile(store, 'late')).not.toBeNull();
  });
});

describe('schema migrations', () => {
  it('leaves no index on a data table: closing indexed rows would make DuckDB rewrite each one', async () => {
    const store = await Store.open({ path: path.join(tempDir(), 'fresh.duckdb') });
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    expect(await store.all(`SELECT index_name FROM duckdb_indexes()`)).toEqual([]);
    const closed = await store.all(`SELECT count(*)::INTEGER AS n FROM training WHERE _to = 2`);
    expect(closed[0]?.n).toBeGreaterThan(0);
    store.close();
  });

  it('brings a database made before `source` and the translated columns to the current contract, rows kept', async () => {
    const db = path.join(tempDir(), 'old.duckdb');
    const first = await Store.open({ path: db });
    await load(first, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const before = await snapshot(first);
    first.close();

    // Back to the first schema: the data tables with only the columns they had, and the later steps not applied.
    const FIRST_COLUMNS: Record<string, string> = {
      institutions: 'id, name, name_en, name_es, name_zh, city, country, type, website, latitude, longitude',
      partnerships: 'id, source, target, area, status, started_on, title',
      training: 'institution, partnership, programme, topic, year, trainees, completed',
      milestones: 'id, partnership, date, title, kind, status',
    };
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    for (const [table, columns] of Object.entries(FIRST_COLUMNS)) {
      await c.run(`CREATE TABLE "${table}_old" AS SELECT ${columns}, _from, _to FROM "${table}"`);
      await c.run(`DROP TABLE "${table}"`);
      await c.run(`ALTER TABLE "${table}_old" RENAME TO "${table}"`);
    }
    // Tables later steps create did not exist then either.
    await c.run('DROP TABLE sessions');
    await c.run('DROP TABLE secrets');
    await c.run('DROP TABLE version_changes');
    await c.run('DROP TABLE audit_log');
    await c.run('DELETE FROM schema_migrations WHERE step > 1');
    c.closeSync();
    instance.closeSync();

    const store = await Store.open({ path: db });
    const after = await snapshot(store);
    // The same rows, each with the new columns empty.
    expect(after.versions).toEqual(before.versions);
    expect(after.tables).toEqual(before.tables);
    const [training] = await store.all(`SELECT * FROM training WHERE _to IS NULL LIMIT 1`);
    expect(Object.keys(training ?? {}).slice(-9)).toEqual([
      'source',
      'programme_en',
      'programme_es',
      'programme_zh',
      'topic_en',
      'topic_es',
      'topic_zh',
      '_from',
      '_to',
    ]);
    // The `_to` indexes step 1 made are gone (see the next test).
    expect(await store.all(`SELECT index_name FROM duckdb_indexes()`)).toEqual([]);
    // And a load with the new columns writes them where a fresh database would.
    const result = await load(store, {
      files: [
        csv(
          'training.csv',
          'institution,programme,year,trainees,source,programme_zh\ncife,IT training,2024,10,estimated,信息技术培训\n',
        ),
      ],
      mode: 'upsert',
      user: 'ana',
    });
    expect(result.ok).toBe(true);
    expect(
      await store.all(
        `SELECT programme, source, programme_zh, trainees FROM training WHERE _to IS NULL AND year = 2024`,
      ),
    ).toEqual([
      { programme: 'IT training', source: 'estimated', programme_zh: '信息技术培训', trainees: 10 },
    ]);
  });
});
