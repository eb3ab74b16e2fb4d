import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../src/generate/programme.js';
import { TABLES, type Row, type TableName } from '../src/schema/tables.js';
import {
  checkUpload,
  currentVersion,
  listProblems,
  load,
  type LoadMode,
  type Store,
} from '../src/store/index.js';
import { loadThroughSql } from '../src/store/versions.js';
import { plainRows } from '../src/store/values.js';
import { validateFiles, type UploadFile, type ValidationResult } from '../src/validation/validate.js';
import { fixture, fixtureUpload } from './fixtures.js';
import { freshStore } from './helpers.js';

/*
 * Two implementations read an upload: `validateFiles` (the browser's, and the reference) and the SQL path of
 * `load` (DuckDB's read_csv, checks in SQL). These tests run both on the same uploads and require the same
 * outcome: the same problem list, and when the SQL path takes an upload, the same rows stored, in the same order.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The current rows of a table, in the order they were written, as the validator's rows. */
async function storedRows(store: Store, table: TableName): Promise<Row[]> {
  const columns = TABLES[table].columns.map((c) => `"${c.name}"`).join(', ');
  return store.withConnection(async (c) =>
    plainRows(await c.runAndReadAll(`SELECT ${columns} FROM "${table}" WHERE _to IS NULL ORDER BY rowid`)),
  ) as Promise<Row[]>;
}

/**
 * Loads `files` into a fresh store through the SQL path alone and through `load`, and checks both against
 * `validateFiles`. Returns whether the SQL path took the upload.
 */
async function compare(
  files: UploadFile[],
  mode: LoadMode = 'replace',
  base?: UploadFile[],
): Promise<boolean> {
  const prepare = async (): Promise<Store> => {
    const store = await freshStore();
    if (base !== undefined) {
      const loaded = await load(store, { files: base, mode: 'replace', user: 'test' });
      expect(loaded.ok).toBe(true);
    }
    return store;
  };
  const reference = await prepare();
  const expected: ValidationResult = await checkUpload(reference, files, { mode });
  if (base === undefined) expect(expected).toEqual(validateFiles(files, { mode }));

  // validate --db: one list, whichever path reads the files.
  const listed = await listProblems(reference, files, { mode });
  expect(listed.problems).toEqual(expected.problems);
  expect(listed.ok).toBe(expected.ok);

  const viaLoad = await load(await prepare(), { files, mode, user: 'test', allowEmpty: true });
  if (!expected.ok) {
    expect(viaLoad).toEqual({ ok: false, problems: expected.problems });
  } else if (viaLoad.ok) {
    expect(viaLoad.warnings).toEqual(expected.problems);
  }

  const sqlStore = await prepare();
  const viaSql = await loadThroughSql(sqlStore, { files, mode, user: 'test' });
  if (viaSql === null) return false;
  // Taken: the validator must have found nothing but warnings, and the rows stored must be its rows.
  expect(expected.ok).toBe(true);
  expect(viaSql).toEqual(viaLoad);
  if (mode === 'replace' && viaSql.ok) {
    for (const table of expected.tables) {
      expect(await storedRows(sqlStore, table.table)).toEqual(table.rows);
    }
  }
  return true;
}

describe('the SQL path and validateFiles agree', () => {
  it('on every problem fixture: the same problems, and the SQL path never takes a file with an error', async () => {
    const folders = readdirSync(new URL('./fixtures/problems/', import.meta.url));
    expect(folders.length).toBeGreaterThan(15);
    for (const folder of folders) {
      const files = fixtureUpload(`problems/${folder}`);
      await compare(files);
    }
  });

  it('on every encoding fixture: each is taken by the SQL path and stored as the validator reads it', async () => {
    const names = readdirSync(new URL('./fixtures/encodings/', import.meta.url)).filter((n) =>
      n.endsWith('.csv'),
    );
    const corpus = readdirSync(new URL('./fixtures/encodings/corpus/', import.meta.url));
    const taken: string[] = [];
    for (const name of [...names, ...corpus.map((n) => `corpus/${n}`)]) {
      const file = { name: 'institutions.csv', bytes: fixture(`encodings/${name}`) };
      if (await compare([file])) taken.push(name);
    }
    // Every fixture there is plain CSV with no problem (ambiguous-encoding warnings aside).
    expect(taken.length).toBe(names.length + corpus.length);
    // Two loads into fresh stores per fixture, about 70 fixtures: half a minute on a busy machine.
  }, 120_000);

  it('on a generated programme, clean: taken, and stored exactly as the validator reads it', async () => {
    expect(await compare(generatedFiles({ institutions: 60, years: 2, programmes: 2, seed: 3 }))).toBe(true);
  });

  // One change to the generated programme each: problems the SQL path must hand over, and valid spellings it
  // reads either itself (mapped values) or by handing over; both must give what the validator gives.
  const programme = (): Map<string, string> =>
    new Map(
      generatedFiles({ institutions: 60, years: 2, programmes: 2, seed: 3 }).map((f) => [
        f.name,
        decoder.decode(f.bytes),
      ]),
    );
  const upload = (texts: Map<string, string>): UploadFile[] =>
    [...texts].map(([name, text]) => ({ name, bytes: encoder.encode(text) }));
  /** Replaces the first match of `from` in a file. */
  const change = (file: string, from: string | RegExp, to: string) => (texts: Map<string, string>) => {
    const text = texts.get(file)!;
    const changed = text.replace(from, to);
    expect(changed).not.toBe(text);
    texts.set(file, changed);
  };
  const cases: [string, (texts: Map<string, string>) => void, 'taken' | 'handed over' | 'either'][] = [
    ['an id that is not a slug', change('institutions.csv', 'inst-002,', 'Inst 002,'), 'handed over'],
    ['an unknown reference', change('training.csv', /\ninst-001,/, '\ninst-999,'), 'handed over'],
    ['a reference that is not a slug', change('training.csv', /\ninst-001,/, '\nINST-001,'), 'handed over'],
    ['a duplicate training key', change('training.csv', /\n(inst-001,[^\n]*)/, '\n$1\n$1'), 'handed over'],
    ['completed above trainees', change('training.csv', /,(\d+),(\d+)\n/, ',5,6\n'), 'handed over'],
    [
      'a partnership with itself',
      change('partnerships.csv', /\np-001,inst-041,inst-058,/, '\np-001,inst-041,inst-041,'),
      'handed over',
    ],
    [
      'a partnership given both ways round',
      change(
        'partnerships.csv',
        /\n(p-001,)(inst-041),(inst-058)(,exchange,[^\n]*)/,
        '\n$1$2,$3$4\np-9999,$3,$2$4',
      ),
      'handed over',
    ],
    ['a missing required value', change('institutions.csv', ',Fuenlabrada,ES,', ',,ES,'), 'handed over'],
    [
      'a value over the length limit',
      change('institutions.csv', 'Hangzhou City Office 2', 'x'.repeat(10_001)),
      'handed over',
    ],
    ['a ragged row', change('institutions.csv', /\n(inst-002,[^\n]*)/, '\n$1,extra'), 'handed over'],
    ['an unclosed quote', change('milestones.csv', 'meeting 1', '"meeting 1'), 'handed over'],
    ['a quote inside a value', change('milestones.csv', 'meeting 1', 'meet"ing 1'), 'handed over'],
    ['a quote after a space', change('milestones.csv', ',meeting 1,', ', "meeting 1",'), 'handed over'],
    ['a year out of range', change('training.csv', /,2024,/, ',1800,'), 'handed over'],
    ['an integer with a fraction', change('training.csv', /,2024,(\d+),/, ',2024,1.5,'), 'handed over'],
    ['an invalid enum', change('institutions.csv', ',association,', ',club,'), 'handed over'],
    ['an impossible date', change('milestones.csv', '2024-10-10', '2024-02-30'), 'handed over'],
    ['a month-first date', change('milestones.csv', '2024-10-10', '10/23/2024'), 'handed over'],
    [
      'a URL without scheme',
      change('institutions.csv', /(inst-001,[^\n]*,association),,,/, '$1,www.example.org,,'),
      'handed over',
    ],
    [
      'a latitude out of range',
      change('institutions.csv', /(inst-001,[^\n]*,association),,,/, '$1,,91,'),
      'handed over',
    ],
    [
      'a header-only file',
      (t) => t.set('milestones.csv', 'id,partnership,date,title,kind,status\n'),
      'handed over',
    ],
    [
      'an unknown column (a warning)',
      change('institutions.csv', 'longitude\n', 'longitude,notes\n'),
      'either',
    ],
    [
      'valid enum and country spellings',
      change('institutions.csv', ',ES,association,', ',es,Association,'),
      'taken',
    ],
    ['a day-first date', change('milestones.csv', '2024-10-10', '10/10/2024'), 'taken'],
    [
      'a URL, a latitude and a decimal comma',
      change(
        'institutions.csv',
        /(inst-001,[^\n]*,association),,,/,
        '$1,https://example.org/a?b=c,40.28,"-3,8"',
      ),
      'taken',
    ],
    [
      '-0 as a decimal',
      change('institutions.csv', /(inst-001,[^\n]*,association),,,/, '$1,,-0.0,0'),
      'taken',
    ],
    ['grouped and signed integers', change('training.csv', /,2024,(\d+),/, ',2024,"1,234",'), 'either'],
    [
      'a leading zero and a plus sign',
      change('training.csv', /,2024,(\d+),(\d+)\n/, ',2024,+0120,007\n'),
      'either',
    ],
    [
      'spaces around values',
      change('institutions.csv', ',Fuenlabrada,ES,', ',  Fuenlabrada ,ES , '),
      'taken',
    ],
    [
      'a non-breaking space and a tab at the edges',
      change('institutions.csv', ',Fuenlabrada,ES,', ',\u00a0Fuenlabrada\t,ES,'),
      'taken',
    ],
    ['blank lines and a row of separators', change('training.csv', /\n/, '\n\n,,,,,,\n  \n'), 'either'],
    [
      'quoted values with delimiters, quotes and line breaks',
      change('milestones.csv', ',meeting 1,', ',"meeting, ""one""\n (Madrid)",'),
      'taken',
    ],
    ['a quoted header', change('partnerships.csv', 'id,source,target', '"id","source","target"'), 'taken'],
    [
      'CRLF line breaks',
      (t) => t.set('training.csv', t.get('training.csv')!.replaceAll('\n', '\r\n')),
      'taken',
    ],
    ['a CRLF header over LF rows', change('training.csv', '\n', '\r\n'), 'either'],
    [
      'an NFD name',
      change('institutions.csv', 'Hangzhou City Office 2', 'Mo\u0301stoles City Office 2'),
      'either',
    ],
    [
      'an NFC accented name',
      change('institutions.csv', 'Hangzhou City Office 2', 'Móstoles 政府 2'),
      'taken',
    ],
    ['an extra empty field', change('institutions.csv', /\n(inst-002,[^\n]*)/, '\n$1,'), 'either'],
    [
      'a sep= line and blank lines before the header',
      (t) => t.set('training.csv', `sep=,\n\n${t.get('training.csv')!}`),
      'taken',
    ],
    ['semicolons', (t) => t.set('training.csv', t.get('training.csv')!.replaceAll(',', ';')), 'taken'],
  ];

  for (const [name, mutate, expected] of cases) {
    it(`on a generated programme with ${name}`, async () => {
      const texts = programme();
      mutate(texts);
      const taken = await compare(upload(texts));
      if (expected !== 'either') expect(taken ? 'taken' : 'handed over').toBe(expected);
    });
  }

  it('in upsert mode, with references to rows already stored and a row updated', async () => {
    const base = generatedFiles({ institutions: 60, years: 2, programmes: 2, seed: 3 });
    const training = `institution,partnership,programme,topic,year,trainees,completed
inst-001,p-019,Entrepreneurship,entrepreneurship,2024,90,80
inst-002,,New course,e-commerce,2025,10,
`;
    expect(await compare([{ name: 'training.csv', bytes: encoder.encode(training) }], 'upsert', base)).toBe(
      true,
    );
    const dangling = training.replace('inst-002', 'inst-999');
    expect(await compare([{ name: 'training.csv', bytes: encoder.encode(dangling) }], 'upsert', base)).toBe(
      false,
    );
  });

  it("in a bulk load (the CLI's): the validator's rows are stored, in whatever order DuckDB writes them", async () => {
    // 250,000 training rows: enough for DuckDB to read and insert the file in parallel pieces.
    const files = generatedFiles({ institutions: 5000, years: 10, programmes: 5, seed: 4 });
    const expected = validateFiles(files);
    expect(expected.ok).toBe(true);
    const store = await freshStore({ bulkLoad: true });
    const loaded = await load(store, { files, mode: 'replace', user: 'test' });
    expect(loaded).toMatchObject({ ok: true, tables: { training: 250_000 } });
    const inKeyOrder = (table: TableName, rows: Row[]): Row[] =>
      rows
        .map((row) => [JSON.stringify(TABLES[table].key.map((k) => row[k])), row] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, row]) => row);
    for (const { table, rows } of expected.tables) {
      const stored = await storedRows(store, table);
      expect(stored.length).toBe(rows.length);
      expect(inKeyOrder(table, stored)).toEqual(inKeyOrder(table, rows));
    }
  }, 60_000);

  it('when a file read while the ones before it are written turns out not to be plain CSV', async () => {
    const generated = generatedFiles({ institutions: 60, years: 2, programmes: 2, seed: 5 });
    const training = generated.find((f) => f.name === 'training.csv')!;
    // An old Mac line break near the end: only reading the whole file finds it. Given last, read last.
    const text = decoder.decode(training.bytes);
    const cut = text.lastIndexOf('\n', text.length - 2);
    const late = {
      name: 'training.csv',
      bytes: encoder.encode(`${text.slice(0, cut)}\r${text.slice(cut + 1)}`),
    };
    const files = [...generated.filter((f) => f !== training), late];
    expect(await compare(files)).toBe(false);

    const store = await freshStore();
    let written = 0;
    const viaSql = await loadThroughSql(store, {
      files,
      mode: 'replace',
      user: 'test',
      onProgress: (p) => (written = p.rowsWritten),
    });
    // The other files were written before it gave up, and all of it was rolled back, leaving no file behind.
    expect(viaSql).toBeNull();
    expect(written).toBeGreaterThan(0);
    expect(await currentVersion(store)).toBeNull();
    expect(readdirSync(store.uploadsDir)).toEqual(['staging']);
    expect(readdirSync(path.join(store.uploadsDir, 'staging'))).toEqual([]);
  });

  it('in replace mode, when a replaced table leaves other rows pointing nowhere', async () => {
    const base = generatedFiles({ institutions: 60, years: 2, programmes: 2, seed: 3 });
    const institutions = 'id,name,city,country,type\ninst-001,One,Madrid,ES,agency\n';
    await compare([{ name: 'institutions.csv', bytes: encoder.encode(institutions) }], 'replace', base);
  });
});
