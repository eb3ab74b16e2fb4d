import { DuckDBInstance } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit, Store } from '../src/store/index.js';
import { validateFiles } from '../src/validation/validate.js';
import { INSTITUTIONS, MILESTONES, PARTNERSHIPS, tempDir, TRAINING } from './helpers.js';

// The real launcher, as `npx puente` runs it (built by `npm run build`, which the test task depends on).
const BIN = new URL('../bin/puente.js', import.meta.url).pathname;
const SAMPLE = new URL('../../../data/', import.meta.url).pathname;

function puente(
  args: string[],
  options: {
    db?: string;
    input?: string;
    cwd?: string;
    uid?: number;
    gid?: number;
    env?: Record<string, string>;
  } = {},
) {
  // Without a db, PUENTE_DB is unset so the default path is used.
  const env = { ...process.env, PUENTE_DB: options.db, ...options.env };
  if (options.db === undefined) delete env.PUENTE_DB;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    input: options.input ?? '',
    env,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// `script` runs a command on a pseudo-terminal, the way an analyst's shell does (util-linux, on Debian and CI).
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

/** Runs puente on a terminal; returns everything the terminal showed. */
function puenteOnTerminal(args: string[]): string {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' }).stdout;
}

// Root writes through any permission bit: as root, the read-only checks run as `nobody` instead.
const AS_OTHER_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

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

  it('lists what validateFiles lists, fixture by fixture, and leaves no scratch store behind', () => {
    const scratch = tempDir();
    for (const folder of ['invalid-enum', 'unknown-reference', 'ragged-row', 'ambiguous-encoding']) {
      const dir = new URL(`./fixtures/problems/${folder}/`, import.meta.url).pathname;
      const files = readdirSync(dir)
        .filter((n) => n.endsWith('.csv'))
        .map((name) => ({ name, bytes: readFileSync(path.join(dir, name)) }));
      const expected = validateFiles(files);
      expect(expected.problems.length).toBeGreaterThan(0);
      const run = puente(['validate', '--json', dir], { env: { TMPDIR: scratch } });
      expect(run.code).toBe(expected.ok ? 0 : 1);
      expect(JSON.parse(run.out)).toEqual({ ok: expected.ok, problems: expected.problems });
    }
    expect(readdirSync(scratch)).toEqual([]);
    // No temporary folder to be had: the same report, from validateFiles alone.
    const dir = new URL('./fixtures/problems/unknown-reference/', import.meta.url).pathname;
    const nowhere = puente(['validate', '--json', dir], { env: { TMPDIR: path.join(scratch, 'missing') } });
    const files = readdirSync(dir).map((name) => ({ name, bytes: readFileSync(path.join(dir, name)) }));
    expect(nowhere.err).toBe('');
    expect(JSON.parse(nowhere.out)).toEqual({ ok: false, problems: validateFiles(files).problems });
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

describe('puente --help', () => {
  it.each([['--help'], ['-h'], ['help']])('puente %s prints usage and exits 0', (flag) => {
    const run = puente([flag]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/^Usage: puente <command> \[options\]/);
    for (const command of ['validate', 'load', 'versions', 'restore', 'generate', 'users add']) {
      expect(run.out).toContain(`\n  ${command} `);
    }
  });

  it.each(['validate', 'load', 'versions', 'restore', 'generate', 'users'])(
    'puente %s --help prints that command’s usage and exits 0',
    (command) => {
      for (const args of [
        [command, '--help'],
        [command, 'some-file.csv', '-h'],
        ['help', command],
      ]) {
        const run = puente(args);
        expect(run).toMatchObject({ code: 0, err: '' });
        expect(run.out).toMatch(new RegExp(`^Usage: puente ${command} `));
      }
    },
  );

  it('still exits 2 with usage for a command run wrong', () => {
    expect(puente([])).toMatchObject({ code: 2, out: expect.stringContaining('Usage: puente') });
    expect(puente(['load'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('load needs at least one'),
    });
  });
});

describe('puente load on a terminal', () => {
  it.skipIf(!HAS_SCRIPT)('shows bytes read, rows checked and rows written, then clears the line', () => {
    const db = path.join(tempDir(), 'tty.duckdb');
    const shown = puenteOnTerminal(['load', programmeDir(), '--db', db]);
    // Each redraw: carriage return, the line, "erase to end of line" (ESC [ K); the last one clears it.
    const erase = `${String.fromCharCode(27)}[K`;
    const lines = shown.split('\r').filter((l) => l.endsWith(erase));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines.slice(0, -1)) {
      expect(line).toMatch(/^read [\d.]+ MB · checked [\d,]+ rows · written [\d,]+ rows/);
    }
    expect(shown).toContain(
      `checked 10 rows · written 10 rows${erase}\r${erase}Loaded version 1: institutions 3`,
    );
  });

  it.skipIf(!HAS_SCRIPT)('stays quiet with --json, or when stdout is not a terminal', () => {
    const json = puenteOnTerminal([
      'load',
      programmeDir(),
      '--json',
      '--db',
      path.join(tempDir(), 'j.duckdb'),
    ]);
    expect(json).not.toContain('checked');
    expect(JSON.parse(json)).toMatchObject({ ok: true, version: 1 });
    const piped = puente(['load', programmeDir()], { db: path.join(tempDir(), 'p.duckdb') });
    expect(piped).toMatchObject({
      code: 0,
      out: 'Loaded version 1: institutions 3, partnerships 2, training 3, milestones 2\n',
    });
  });
});

describe('puente validate and load options', () => {
  it('--encoding overrides detection for every file', () => {
    const dir = tempDir();
    // ÍÑ reads as cp1252 or as one GBK hanzi: detection warns which it used, --encoding settles it.
    const text = 'id;name;city;country;type\r\nia;Academia ÍÑIGO ARANA;Bilbao;ES;college\r\n';
    writeFileSync(path.join(dir, 'institutions.csv'), Uint8Array.from([...text].map((c) => c.charCodeAt(0))));
    const detected = puente(['validate', dir]);
    expect(detected.code).toBe(0);
    expect(detected.out).toContain('warning ambiguous-encoding: This file was read as Windows-1252');
    expect(puente(['validate', dir, '--encoding', 'cp1252']).out).toBe(
      '0 errors, 0 warnings\ninstitutions.csv: 1 institutions rows\n',
    );
    const db = path.join(tempDir(), 'enc.duckdb');
    expect(puente(['load', dir, '--encoding', 'gbk', '--json'], { db }).code).toBe(0);
    expect(puente(['load', dir, '--encoding', 'windows-1252'], { db }).code).toBe(0);
    const utf8 = puente(['validate', dir, '--encoding', 'utf-8']);
    expect(utf8.code).toBe(1);
    expect(utf8.out).toContain('can’t be read as UTF-8');
  });

  it('validate --db lists exactly the problems load lists against that database', () => {
    const db = path.join(tempDir(), 'same.duckdb');
    expect(puente(['load', programmeDir()], { db }).code).toBe(0);
    // New training rows for institutions already loaded, one of them with a bad year and one unknown institution.
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'training.csv'),
      'institution,programme,year,trainees\ncife,Job search,2024,40\nfuen,Workshops,20x4,10\nnobody,Talks,2024,5\n',
    );
    expect(puente(['validate', dir, '--json']).out).toContain('"value": "cife"');
    for (const mode of ['replace', 'upsert']) {
      const validated = JSON.parse(puente(['validate', dir, '--json', '--db', db, '--mode', mode]).out) as {
        problems: { row: number; code: string }[];
      };
      expect(validated.problems.map((p) => [p.row, p.code])).toEqual([
        [2, 'invalid-type'],
        [3, 'unknown-reference'],
      ]);
      const loaded = JSON.parse(puente(['load', dir, '--json', '--mode', mode], { db }).out) as {
        problems: unknown[];
      };
      expect(loaded.problems).toEqual(validated.problems);
    }
  });

  it('--allow-empty confirms a replace that empties a table', () => {
    const db = path.join(tempDir(), 'empty.duckdb');
    expect(puente(['load', programmeDir()], { db }).code).toBe(0);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'training.csv'), 'institution,programme,year,trainees\n');
    const refused = puente(['load', dir], { db });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('warning empty-table:');
    expect(refused.out).toContain(
      'Nothing was loaded: replacing would empty training. Load again with --allow-empty to confirm.',
    );
    expect(puente(['load', dir, '--allow-empty'], { db })).toMatchObject({
      code: 0,
      out: expect.stringContaining('Loaded version 2: training 0'),
    });
  });
});

describe('puente on files it cannot write', () => {
  /** A database holding the sample, in a folder anyone may enter. */
  function sharedDb(): string {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const db = path.join(dir, 'shared.duckdb');
    expect(puente(['load', SAMPLE], { db }).code).toBe(0);
    chmodSync(path.join(dir, 'uploads'), 0o777);
    return db;
  }

  /** The small programme in a folder anyone may read. */
  function readableProgramme(): string {
    const dir = programmeDir();
    chmodSync(dir, 0o755);
    return dir;
  }

  it('says so in plain words for a read-only database file', () => {
    const db = sharedDb();
    chmodSync(db, 0o444);
    const run = puente(['load', readableProgramme(), '--db', db], AS_OTHER_USER);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `puente: Puente can't write to the database ${db}: the file or its folder is read-only for this user. ` +
        `Give the user running Puente write access to the file and to ${path.dirname(db)} (DuckDB writes a .wal ` +
        'file beside it), or point --db or PUENTE_DB at a writable place. Nothing was changed.\n',
    );
  });

  it('says so in plain words for a folder where the database cannot write its log', () => {
    const db = sharedDb();
    chmodSync(db, 0o666);
    chmodSync(path.dirname(db), 0o555);
    const run = puente(['load', readableProgramme(), '--db', db], AS_OTHER_USER);
    chmodSync(path.dirname(db), 0o755);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`puente: Puente can't write to the database ${db}`);
    expect(puente(['versions', '--json'], { db }).out).toContain('"version": 1');
  });

  it('says so in plain words for a read-only uploads folder, and loads nothing', () => {
    const db = sharedDb();
    chmodSync(db, 0o666);
    const uploads = path.join(path.dirname(db), 'uploads');
    chmodSync(uploads, 0o555);
    const run = puente(['load', readableProgramme(), '--db', db], AS_OTHER_USER);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `puente: Puente can't keep a copy of the uploaded files in ${uploads}: the folder is read-only for this ` +
        'user, so nothing was loaded (every load keeps the raw files it was given). Give the user running Puente ' +
        'write access to that folder, which sits beside the database file.\n',
    );
    expect(JSON.parse(puente(['versions', '--json'], { db }).out)).toHaveLength(1);
  });
});

describe('puente on a store that fails its self-check', () => {
  it('refuses loads that would not repair it, and restore brings back a good version', async () => {
    const db = path.join(tempDir(), 'damaged.duckdb');
    expect(puente(['load', programmeDir()], { db }).code).toBe(0);
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    await c.run(`INSERT INTO training (institution, partnership, programme, topic, year, trainees, completed, _from, _to)
       VALUES ('cife', NULL, 'Stray', NULL, 2030, 5, NULL, 1, NULL)`);
    c.closeSync();
    instance.closeSync();

    const upsert = puente(['load', programmeDir(), '--mode', 'upsert'], { db });
    expect(upsert.code).toBe(1);
    expect(upsert.err).toContain(
      `does not match its own history (training has 4 current rows, but version 1 recorded 3)`,
    );
    expect(upsert.err).toContain(`puente restore <version> --db ${db}`);
    expect(puente(['versions'], { db })).toMatchObject({ code: 0, out: expect.stringMatching(/^1\t/) });
    expect(puente(['restore', '1'], { db })).toMatchObject({
      code: 1,
      err: expect.stringContaining("can't be restored exactly"),
    });
    // The stray row claims version 1 itself, so only a reload of the table repairs this store.
    const training = tempDir();
    mkdirSync(training, { recursive: true });
    writeFileSync(path.join(training, 'training.csv'), TRAINING);
    expect(puente(['load', training], { db })).toMatchObject({
      code: 0,
      out: expect.stringContaining('Loaded version 2'),
    });
    expect(puente(['versions'], { db })).toMatchObject({ code: 0, err: '' });
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

describe('puente users list|remove|token', () => {
  it('lists users, prints and revokes tokens, and removes a user', () => {
    const db = path.join(tempDir(), 'users.duckdb');
    expect(puente(['users', 'list'], { db }).out).toContain('No users yet.');
    expect(
      puente(['users', 'add', 'ana', '--role', 'analyst'], { db, input: 'a long password\n' }).code,
    ).toBe(0);
    const token = puente(['users', 'token', 'ana'], { db });
    expect(token.code).toBe(0);
    expect(token.out).toMatch(/^token: pte_[\w-]{43}$/m);
    expect(puente(['users', 'token', 'ana'], { db }).code).toBe(0);
    const listed = puente(['users', 'list', '--json'], { db });
    expect(JSON.parse(listed.out)).toEqual([
      { name: 'ana', role: 'analyst', tokens: 2, createdAt: expect.stringMatching(/^\d{4}-/) },
    ]);
    expect(puente(['users', 'token', 'ana', '--revoke'], { db }).out).toContain('Revoked 2 tokens of ana.');
    expect(puente(['users', 'list'], { db }).out).toMatch(/^ana\tanalyst\t0 tokens/m);
    expect(puente(['users', 'remove', 'ana'], { db })).toMatchObject({ code: 0 });
    expect(puente(['users', 'list'], { db }).out).toContain('No users yet.');
  });

  it('records user, token, load and restore commands in the audit log, with no password or token', async () => {
    const db = path.join(tempDir(), 'audit.duckdb');
    const env = (args: string[], input = '') =>
      spawnSync(process.execPath, [BIN, ...args], {
        encoding: 'utf8',
        input,
        env: { ...process.env, PUENTE_DB: db, USER: 'root-shell' },
      });
    const added = env(['users', 'add', 'ana', '--role', 'analyst', '--token'], 'a long password\n');
    expect(added.status).toBe(0);
    const token = /^token: (\S+)$/m.exec(added.stdout)![1]!;
    expect(env(['users', 'token', 'ana', '--revoke']).status).toBe(0);
    expect(env(['load', programmeDir({ 'training.csv': 'nothing,here\n' })]).status).toBe(1);
    expect(env(['load', programmeDir(), '--user', 'ana']).status).toBe(0);
    expect(env(['restore', '9']).status).toBe(1);
    expect(env(['load', programmeDir()]).status).toBe(0);
    expect(env(['restore', '1', '--user', 'boss']).status).toBe(0);
    expect(env(['users', 'remove', 'ana']).status).toBe(0);
    expect(env(['users', 'remove', 'nobody']).status).toBe(1);

    const store = await Store.open({ path: db });
    try {
      const entries = (await listAudit(store)).reverse();
      expect(
        entries.map((e) => [e.actor, e.action, e.outcome, e.details.user ?? e.details.version ?? null]),
      ).toEqual([
        ['root-shell', 'user-saved', 'ok', 'ana'],
        ['root-shell', 'token-created', 'ok', 'ana'],
        ['root-shell', 'tokens-revoked', 'ok', 'ana'],
        ['root-shell', 'upload', 'failed', null],
        ['ana', 'upload', 'ok', 1],
        ['root-shell', 'restore', 'failed', null],
        ['root-shell', 'upload', 'ok', 2],
        ['boss', 'restore', 'ok', 3],
        ['root-shell', 'user-removed', 'ok', 'ana'],
      ]);
      expect(entries.every((e) => e.via === 'cli' && e.address === null)).toBe(true);
      expect(entries[0]?.details.role).toBe('analyst');
      expect(entries[2]?.details.tokens).toBe(1);
      expect(entries[4]?.details.files?.map((f) => f.name).sort()).toEqual([
        'institutions.csv',
        'milestones.csv',
        'partnerships.csv',
        'training.csv',
      ]);
      expect(entries[5]?.details.restoredFrom).toBe(9);
      const text = JSON.stringify(await store.all('SELECT * FROM audit_log'));
      expect(text).not.toContain('a long password');
      expect(text).not.toContain(token);
    } finally {
      store.close();
    }
  });

  it('puente audit prints the log newest first, pages with --limit and --before, and refuses bad numbers', () => {
    const db = path.join(tempDir(), 'audit-cli.duckdb');
    expect(puente(['audit'], { db }).out).toBe('Nothing recorded yet.\n');
    for (const name of ['ana', 'bea', 'carla'])
      expect(
        puente(['users', 'add', name, '--role', 'viewer'], { db, input: 'a long password\n' }).code,
      ).toBe(0);
    const lines = puente(['audit'], { db }).out.trim().split('\n');
    expect(lines.map((l) => l.split('\t').slice(3, 6))).toEqual([
      ['user-saved', 'ok', 'cli'],
      ['user-saved', 'ok', 'cli'],
      ['user-saved', 'ok', 'cli'],
    ]);
    expect(lines.map((l) => /user=(\w+)/.exec(l)?.[1])).toEqual(['carla', 'bea', 'ana']);
    const newest = puente(['audit', '--limit', '1', '--json'], { db });
    const [entry] = JSON.parse(newest.out) as { id: number; details: { user: string } }[];
    expect(entry?.details.user).toBe('carla');
    const older = JSON.parse(puente(['audit', '--before', String(entry!.id), '--json'], { db }).out);
    expect(older.map((e: { details: { user: string } }) => e.details.user)).toEqual(['bea', 'ana']);
    expect(puente(['audit'], { db }).out).not.toContain('a long password');
    for (const bad of [['--limit', '0'], ['--before', 'x'], ['extra']]) {
      const refused = puente(['audit', ...bad], { db });
      expect(refused.code, bad.join(' ')).toBe(2);
      expect(refused.err).toContain('Usage: puente');
    }
  });

  it('fails for a user that does not exist', () => {
    const db = path.join(tempDir(), 'users.duckdb');
    expect(puente(['users', 'remove', 'nobody'], { db })).toMatchObject({
      code: 1,
      err: expect.stringContaining('there is no user nobody'),
    });
    expect(puente(['users', 'token', 'nobody'], { db })).toMatchObject({
      code: 1,
      err: expect.stringContaining('There is no user nobody'),
    });
    expect(puente(['users', 'frobnicate'], { db }).code).toBe(2);
  });

  it('load --server needs a token and refuses --db beside it', () => {
    expect(puente(['load', SAMPLE, '--server', 'http://127.0.0.1:9'], {}).code).toBe(2);
    expect(
      puente(['load', SAMPLE, '--server', 'http://127.0.0.1:9', '--token', 't', '--db', 'x.duckdb']).code,
    ).toBe(2);
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
