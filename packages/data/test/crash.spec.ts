import { DuckDBInstance } from '@duckdb/node-api';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLES, type TableName } from '../src/schema/tables.js';
import { listVersions, load, restore, Store, StoreDamagedError } from '../src/store/index.js';
import { csv, smallProgramme, tempDir } from './helpers.js';

// The real launcher, as `npx puente` runs it (built by `npm run build`, which the test task depends on).
const BIN = new URL('../bin/puente.js', import.meta.url).pathname;
const SAMPLE = new URL('../../../data/', import.meta.url).pathname;

/** Per table: current rows and a checksum of their values (stamps left out: old and new states are data). */
type State = Record<TableName, { rows: number; checksum: string }>;

async function currentState(store: Store): Promise<State> {
  const state = {} as State;
  for (const table of TABLE_NAMES) {
    const columns = TABLES[table].columns.map((c) => `"${c.name}"`).join(', ');
    const [row] = await store.all(
      `SELECT count(*) AS n, coalesce(sum(hash(${columns})), 0)::VARCHAR AS h FROM "${table}" WHERE _to IS NULL`,
    );
    state[table] = { rows: Number(row?.n), checksum: String(row?.h) };
  }
  return state;
}

async function stateOf(dbPath: string): Promise<State> {
  const store = await Store.open({ path: dbPath });
  try {
    return await currentState(store);
  } finally {
    store.close();
  }
}

function puente(args: string[]): void {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`puente ${args.join(' ')} failed: ${run.stderr}${run.stdout}`);
}

/** Raw SQL on a closed store's file, for fabricating what a torn commit leaves. */
async function tamper(dbPath: string, statements: string[]): Promise<void> {
  const instance = await DuckDBInstance.create(dbPath);
  const c = await instance.connect();
  try {
    for (const sql of statements) await c.run(sql);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

describe('self-check on open', () => {
  it('undoes rows stamped with a version that was never committed', async () => {
    const dbPath = path.join(tempDir(), 'torn.duckdb');
    const first = await Store.open({ path: dbPath });
    await load(first, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const before = await currentState(first);
    first.close();
    // What a torn replay of "version 2" leaves: its new rows, and old rows closed by it, but no versions row.
    await tamper(dbPath, [
      `INSERT INTO training (institution, programme, year, trainees, _from) VALUES ('cife', 'Stray', 2030, 5, 2)`,
      `INSERT INTO institutions (id, name, city, country, type, _from) VALUES ('ghost', 'Ghost', 'Nowhere', 'ES', 'other', 2)`,
      `UPDATE training SET _to = 2 WHERE programme = 'IT training'`,
      `UPDATE institutions SET _to = 2`,
      `INSERT INTO version_tables VALUES (2, 'training', 1)`,
    ]);

    const store = await Store.open({ path: dbPath });
    try {
      expect(store.recovered).toEqual({ lastVersion: 1, removed: 2, reopened: 4 });
      expect(await currentState(store)).toEqual(before);
      expect(await store.all('SELECT count(*) AS n FROM version_tables WHERE version = 2')).toEqual([
        { n: 0 },
      ]);
      expect((await listVersions(store)).map((v) => v.version)).toEqual([1]);
      // The next load takes the version number the aborted one had, cleanly.
      const next = await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
      expect(next).toMatchObject({ ok: true, version: 2 });
    } finally {
      store.close();
    }
    // A clean store has nothing to undo.
    const again = await Store.open({ path: dbPath });
    expect(again.recovered).toBeNull();
    again.close();
  });

  it('refuses to serve data that disagrees with the recorded totals, and says how to recover', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'damaged.duckdb');
    const first = await Store.open({ path: dbPath });
    await load(first, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const v1 = await currentState(first);
    const fewer = csv('training.csv', 'institution,programme,year,trainees\ncife,IT training,2022,1\n');
    await load(first, { files: [fewer], mode: 'replace', user: 'ana' });
    first.close();
    // Committed version 2, but the old training rows it closed came back as current (the mixed state).
    await tamper(dbPath, ['UPDATE training SET _to = NULL WHERE _from = 1']);

    const refused = await Store.open({ path: dbPath }).then(
      (s) => (s.close(), null),
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(StoreDamagedError);
    const message = (refused as Error).message;
    expect(message).toContain('training has 4 current rows, but version 2 recorded 1');
    expect(message).toContain(`puente restore <version> --db ${dbPath}`);
    expect(message).toContain(path.join(dir, 'uploads'));
    expect((refused as StoreDamagedError).tables).toEqual(['training']);

    // Opened for repair: an upsert can't repair it, a restore of version 1 can.
    const store = await Store.open({ path: dbPath, recovery: true });
    try {
      expect(store.damage?.tables).toEqual(['training']);
      await expect(load(store, { files: [fewer], mode: 'upsert', user: 'ana' })).rejects.toThrow(
        StoreDamagedError,
      );
      expect(await restore(store, 1, 'admin')).toBe(3);
      expect(store.damage).toBeNull();
      expect(await currentState(store)).toEqual(v1);
    } finally {
      store.close();
    }
    const reopened = await Store.open({ path: dbPath });
    expect(await currentState(reopened)).toEqual(v1);
    reopened.close();
  });

  it('repairs with a replace load of every damaged table', async () => {
    const dbPath = path.join(tempDir(), 'damaged.duckdb');
    const first = await Store.open({ path: dbPath });
    await load(first, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    first.close();
    await tamper(dbPath, [
      `INSERT INTO milestones (id, partnership, date, title, kind, status, _from)
       VALUES ('m-x', 'p-training', DATE '2024-01-01', 'X', 'other', 'done', 1)`,
    ]);
    const store = await Store.open({ path: dbPath, recovery: true });
    try {
      const milestones = smallProgramme().filter((f) => f.name === 'milestones.csv');
      expect(await load(store, { files: milestones, mode: 'replace', user: 'ana' })).toMatchObject({
        ok: true,
      });
      expect(store.damage).toBeNull();
    } finally {
      store.close();
    }
    expect(await stateOf(dbPath)).toMatchObject({ milestones: { rows: 2 } });
  });
});

describe('puente load killed with SIGKILL', () => {
  // Setup: the sample as version 1, then a generated programme loaded over it, once unkilled for reference.
  const root = mkdtempSync(path.join(tmpdir(), 'puente-crash-'));
  const generated = path.join(root, 'generated');
  const base = path.join(root, 'base');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let oldState: State;
  let newState: State;
  let recorded: Record<TableName, number>;
  let duration = 0;

  beforeAll(async () => {
    puente(['generate', '--out', generated, '--institutions', '3000', '--years', '2', '--programmes', '2']);
    puente(['load', SAMPLE, '--db', path.join(base, 'p.duckdb')]);
    oldState = await stateOf(path.join(base, 'p.duckdb'));
    const reference = path.join(root, 'reference');
    cpSync(base, reference, { recursive: true });
    const started = performance.now();
    puente(['load', generated, '--db', path.join(reference, 'p.duckdb')]);
    duration = performance.now() - started;
    newState = await stateOf(path.join(reference, 'p.duckdb'));
    const store = await Store.open({ path: path.join(base, 'p.duckdb') });
    recorded = (await listVersions(store))[0]!.totals;
    store.close();
    expect(newState.training?.rows).toBe(12_000);
  }, 60_000);

  it('leaves exactly the old or the new version, and version 1 stays restorable, after every kill', async () => {
    const outcomes: string[] = [];
    // How long an unkilled load takes now: the machine is shared, so every load that finished before its kill
    // updates the estimate (the median), and later kills stay spread over the load as it runs now.
    const durations = [duration];
    const estimate = () => [...durations].sort((a, b) => a - b)[Math.floor(durations.length / 2)]!;
    let kills = 0;
    for (let i = 0; i < 60 && (kills < 20 || i < 24); i++) {
      // Golden-ratio steps spread the kills evenly over the whole load, commit and checkpoint included.
      const delay = ((i * 0.618034) % 1) * 1.1 * estimate();
      const dir = path.join(root, `kill-${i}`);
      cpSync(base, dir, { recursive: true });
      const dbPath = path.join(dir, 'p.duckdb');
      const started = performance.now();
      const child = spawn(process.execPath, [BIN, 'load', generated, '--db', dbPath], { stdio: 'ignore' });
      const exited = new Promise<string>((resolve) =>
        child.on('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      const how = await exited;
      if (how === 'SIGKILL') kills++;
      else durations.push(performance.now() - started);

      const outcome = `${Math.round(delay)} ms ${how}`;
      const store = await Store.open({ path: dbPath }).catch((error: unknown) => {
        throw new Error(`after ${outcome} the store did not open: ${String(error)}\n${outcomes.join('\n')}`);
      });
      try {
        const state = await currentState(store);
        const versions = (await listVersions(store)).map((v) => v.version);
        const which =
          JSON.stringify(state) === JSON.stringify(oldState)
            ? 'old'
            : JSON.stringify(state) === JSON.stringify(newState)
              ? 'new'
              : 'mixed';
        outcomes.push(`${outcome}: ${which}${store.recovered ? ' (aborted load undone)' : ''}`);
        const context = `${JSON.stringify(state)}\n${outcomes.join('\n')}`;
        expect(which, context).not.toBe('mixed');
        expect(versions, context).toEqual(which === 'old' ? [1] : [2, 1]);

        const restored = await restore(store, 1, 'test');
        const [latest] = await listVersions(store);
        expect(latest, context).toMatchObject({ version: restored, totals: recorded });
        expect(await currentState(store), context).toEqual(oldState);
      } finally {
        store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    expect(kills, outcomes.join('\n')).toBeGreaterThanOrEqual(20);
  }, 240_000);
});
