import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTITUTIONS, MILESTONES, PARTNERSHIPS, tempDir, TRAINING } from './helpers.js';

// The real launcher, as `npx puente` runs it (built by `npm run build`, which the test task depends on).
const BIN = new URL('../bin/puente.js', import.meta.url).pathname;
const SAMPLE = new URL('../../../data/', import.meta.url).pathname;

function puente(args: string[], options: { db?: string; input?: string; cwd?: string } = {}) {
  // Without a db, PUENTE_DB is unset so the default path is used.
  const env = { ...process.env, PUENTE_DB: options.db };
  if (options.db === undefined) delete env.PUENTE_DB;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    input: options.input ?? '',
    env,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function programmeDir(overrides: Record<string, string> = {}): string {
  const dir = tempDir();
  const files = {
    'institutions.csv': INSTITUTIONS,
    'partnerships.csv': PARTNERSHIPS,
    'training.csv': TRAINING,
    'milestones.csv': MILESTONES,
    ...overrides,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('puente validate', () => {
  it('exits 0 on the sample programme', () => {
    const run = puente(['validate', SAMPLE]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('0 errors');
  });

  it('exits 1 and names file, line, row and column of a bad row', () => {
    const dir = programmeDir({ 'training.csv': TRAINING + 'cife,,Job search,jobs,2023,many,1\n' });
    const run = puente(['validate', dir]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/training\.csv:5 \(row 4, column trainees\)\s+error invalid-type: /);
    expect(run.out).toContain('1 error');
  });

  it('prints the error report as JSON with --json', () => {
    const dir = programmeDir({ 'training.csv': TRAINING + 'cife,,Job search,jobs,2023,many,1\n' });
    const run = puente(['validate', '--json', dir]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out) as { ok: boolean; problems: Record<string, unknown>[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'training.csv',
        table: 'training',
        row: 4,
        line: 5,
        column: 'trainees',
        code: 'invalid-type',
        value: 'many',
      }),
    ]);
  });

  it('exits 2 with usage on a wrong command', () => {
    const run = puente(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Unknown command frobnicate');
    expect(run.err).toContain('Usage: puente');
  });
});

describe('puente load, versions and restore', () => {
  it('loads, refuses a bad file without changing anything, and restores', () => {
    const db = path.join(tempDir(), 'cli.duckdb');
    const good = programmeDir();
    expect(puente(['load', good], { db })).toMatchObject({
      code: 0,
      out: expect.stringContaining('Loaded version 1'),
    });

    const bad = programmeDir({ 'training.csv': TRAINING + 'cife,,Job search,jobs,20x3,10,1\n' });
    const before = puente(['versions'], { db }).out;
    const refused = puente(['load', bad], { db });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/training\.csv:5 \(row 4, column year\)/);
    expect(refused.out).toContain('Nothing was loaded.');
    expect(puente(['versions'], { db }).out).toBe(before);

    const upsert = programmeDir({
      'training.csv': 'institution,programme,year,trainees\ncife,IT training,2022,999\n',
    });
    expect(
      puente(['load', path.join(upsert, 'training.csv'), '--mode', 'upsert', '--user', 'ana'], { db }).code,
    ).toBe(0);
    const versions = JSON.parse(puente(['versions', '--json'], { db }).out) as {
      version: number;
      user: string;
      mode: string;
    }[];
    expect(versions.map((v) => [v.version, v.user, v.mode])).toEqual([
      [2, 'ana', 'upsert'],
      [1, expect.any(String), 'replace'],
    ]);
    expect(puente(['restore', '1'], { db })).toMatchObject({
      code: 0,
      out: 'Restored version 1 as version 3.\n',
    });
    expect(puente(['restore', '7'], { db })).toMatchObject({
      code: 1,
      err: 'puente: There is no version 7\n',
    });
  });

  it('uses PUENTE_DB, else .puente/puente.duckdb in the working directory', () => {
    const cwd = tempDir();
    expect(puente(['load', SAMPLE], { cwd }).code).toBe(0);
    expect(readdirSync(path.join(cwd, '.puente'))).toContain('puente.duckdb');
  });
});

describe('puente users add', () => {
  it('reads the password from stdin and prints a token with --token', () => {
    const db = path.join(tempDir(), 'users.duckdb');
    const run = puente(['users', 'add', 'ana', '--role', 'analyst', '--token'], {
      db,
      input: 'a long password\n',
    });
    expect(run.code).toBe(0);
    expect(run.out).not.toContain('password:');
    expect(run.out).toMatch(/^token: pte_[\w-]{43}$/m);
  });

  it('generates and prints a password when none is piped in', () => {
    const db = path.join(tempDir(), 'users.duckdb');
    const run = puente(['users', 'add', 'bo', '--role', 'viewer'], { db });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^password: \S{20}$/m);
    expect(run.out).not.toContain('token:');
  });

  it('refuses an unknown role', () => {
    const run = puente(['users', 'add', 'bo', '--role', 'king'], { db: path.join(tempDir(), 'u.duckdb') });
    expect(run.code).toBe(2);
    expect(run.err).toContain('--role is one of viewer, analyst, admin');
  });
});

describe('puente generate', () => {
  it('is deterministic for a seed, differs across seeds, and its output validates', () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    const args = ['--institutions', '60', '--years', '4', '--programmes', '3'];
    expect(puente(['generate', '--out', a, ...args, '--seed', '7']).code).toBe(0);
    expect(puente(['generate', '--out', b, ...args, '--seed', '7']).code).toBe(0);
    expect(puente(['generate', '--out', c, ...args, '--seed', '8']).code).toBe(0);
    for (const table of ['institutions', 'partnerships', 'training', 'milestones']) {
      expect(readFileSync(path.join(a, `${table}.csv`))).toEqual(readFileSync(path.join(b, `${table}.csv`)));
    }
    expect(readFileSync(path.join(a, 'partnerships.csv'))).not.toEqual(
      readFileSync(path.join(c, 'partnerships.csv')),
    );
    const trainingRows = readFileSync(path.join(a, 'training.csv'), 'utf8').trim().split('\n').length - 1;
    expect(trainingRows).toBe(60 * 4 * 3);
    expect(puente(['validate', a])).toMatchObject({ code: 0 });
  });

  it('reports the row counts it wrote', () => {
    const out = tempDir();
    const run = puente([
      'generate',
      '--out',
      out,
      '--institutions',
      '100',
      '--years',
      '10',
      '--programmes',
      '5',
    ]);
    expect(run.out).toMatch(/^Wrote institutions 100, partnerships 150, training 5000, milestones \d+ rows/);
  });
});
