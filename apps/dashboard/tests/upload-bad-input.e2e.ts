/**
 * The list of bad input, each sent through `POST /api/uploads` as a web analyst's upload is: either the
 * documented error (file, row, line, column, a message saying what to do) with the history and the overview's
 * figures unchanged, or a safe load whose values read right. Data-level tests of the same inputs live in
 * packages/data (validate.spec.ts, errors.spec.ts, encodings.spec.ts, parse.spec.ts, values.spec.ts).
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { signInAs, startAuthServer, upload as post, type AuthServer, type UploadFile } from './auth-server';
import { E2E_PORT } from './host-page';

const PORT = E2E_PORT + 38;
const PROBLEMS = new URL('../../../packages/data/test/fixtures/problems/', import.meta.url).pathname;
const fixture = (path: string) => readFileSync(PROBLEMS + path);

let server: AuthServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startAuthServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

const analyst = () => ({ authorization: `Bearer ${server.tokens.analyst}` });

const upload = (files: UploadFile[], fields: Record<string, string> = {}) => post(server, files, fields);

/** What a refused upload must leave as it was: the history, and the figures and network the pages show. */
async function state() {
  const get = async (path: string) => (await fetch(`${server.base}${path}`, { headers: analyst() })).text();
  return {
    versions: await get('/api/versions'),
    kpis: await get('/api/charts/kpis.csv?lang=en'),
    network: await get('/api/charts/network.csv?lang=en'),
  };
}

/** The page of one institution, as text: where a loaded name must read as written. */
const institutionPage = async (id: string) =>
  (await fetch(`${server.base}/institutions/${id}?lang=en`, { headers: analyst() })).text();

const trainees = async () => {
  const csv = await (await fetch(`${server.base}/api/charts/kpis.csv?lang=en`)).text();
  return Number(/^Training enrolments,(\d+)/m.exec(csv)?.[1]);
};

interface Refused {
  what: string;
  parts: UploadFile[];
  fields?: Record<string, string>;
  /** Every problem expected, in report order: code, and where (row, line, column) when it is in a cell. */
  problems: { code: string; row?: number; line?: number; column?: string; says: RegExp }[];
}

const INSTITUTIONS_HEADER = 'id,name,city,country,type\n';
const cp1252 = (text: string) => Buffer.from(text, 'latin1');

const REFUSED: Refused[] = [
  {
    what: 'a Windows-1252 file declared UTF-8 (wrong encoding)',
    parts: [['institutions', fixture('invalid-encoding/instituciones.csv'), 'instituciones.csv']],
    fields: { encoding: 'utf-8' },
    problems: [{ code: 'invalid-encoding', says: /can’t be read as UTF-8.*save it again as “CSV UTF-8”/ }],
  },
  {
    what: 'UTF-8 rows pasted into a Windows-1252 file (mixed encodings)',
    parts: [
      [
        'institutions',
        Buffer.concat([
          cp1252(`${INSTITUTIONS_HEADER}getafe-lab,Formación Getafe,Getafe,ES,agency\n`),
          Buffer.from('mostoles-lab,Centro de Móstoles,Móstoles,ES,agency\n', 'utf8'),
        ]),
        'institutions.csv',
      ],
    ],
    problems: [
      { code: 'invalid-encoding', line: 3, says: /mixes two encodings: line 3 is in UTF-8 \(“Móstoles”\)/ },
    ],
  },
  {
    what: 'an unclosed quote',
    parts: [['institutions', fixture('unclosed-quote/institutions.csv'), 'institutions.csv']],
    problems: [{ code: 'unclosed-quote', line: 2, says: /on line 2 is never closed/ }],
  },
  {
    what: 'a ragged row',
    parts: [['institutions', fixture('ragged-row/institutions.csv'), 'institutions.csv']],
    problems: [
      { code: 'ragged-row', row: 1, line: 2, says: /Row 1 has 6 values, but the header has 5 columns/ },
    ],
  },
  {
    what: 'a totals row typed under the table (after a blank row)',
    parts: [
      [
        'institutions',
        cp1252(
          'Código;Nombre;Ciudad;País;Tipo\r\ngetafe-lab;Getafe Lab;Getafe;ES;company\r\n\r\nTOTAL;;;;1\r\n',
        ),
        'instituciones.csv',
      ],
    ],
    problems: [
      {
        code: 'invalid-type',
        row: 2,
        line: 4,
        column: 'id',
        says: /Row 2: “TOTAL” is not a valid identifier for “id”/,
      },
      { code: 'missing-value', row: 2, line: 4, column: 'name', says: /Row 2: “name” is empty/ },
      { code: 'missing-value', row: 2, line: 4, column: 'city', says: /Row 2: “city” is empty/ },
      { code: 'missing-value', row: 2, line: 4, column: 'country', says: /Row 2: “country” is empty/ },
      {
        code: 'invalid-enum',
        row: 2,
        line: 4,
        column: 'type',
        says: /Row 2: “1” is not an allowed value for “type”/,
      },
    ],
  },
  {
    what: 'a duplicate id',
    parts: [['institutions', fixture('duplicate-key/institutions.csv'), 'institutions.csv']],
    problems: [{ code: 'duplicate-key', row: 3, line: 4, column: 'id', says: /already used in row 1/ }],
  },
  {
    what: 'a reference to an institution that does not exist',
    parts: [
      [
        'partnerships',
        'id,source,target,area,status\nghost-link,hangzhou-cbec-academy,nowhere-institute,exchange,proposed\n',
        'partnerships.csv',
      ],
    ],
    fields: { mode: 'upsert' },
    problems: [{ code: 'unknown-reference', row: 1, line: 2, column: 'target', says: /“nowhere-institute”/ }],
  },
  {
    what: 'a wrong enum value',
    parts: [['institutions', fixture('invalid-enum/institutions.csv'), 'institutions.csv']],
    problems: [
      { code: 'invalid-enum', row: 1, line: 2, column: 'type', says: /is not an allowed value for “type”/ },
    ],
  },
  {
    what: 'ambiguous and impossible dates',
    parts: [
      [
        'milestones',
        'id,partnership,date,title,kind,status\n' +
          'm-a,academy-fuenlabrada-exchange,03/04/23,A,meeting,done\n' +
          'm-b,academy-fuenlabrada-exchange,04/23/2023,B,meeting,done\n' +
          'm-c,academy-fuenlabrada-exchange,31/02/2024,C,meeting,done\n',
        'milestones.csv',
      ],
    ],
    fields: { mode: 'upsert' },
    problems: [
      {
        code: 'invalid-type',
        row: 1,
        line: 2,
        column: 'date',
        says: /two-digit year.*Write the year in full/,
      },
      { code: 'invalid-type', row: 2, line: 3, column: 'date', says: /looks like month\/day\/year/ },
      { code: 'invalid-type', row: 3, line: 4, column: 'date', says: /not a real date/ },
    ],
  },
  {
    what: 'a number whose separators are not thousands',
    parts: [
      [
        'training',
        'institution;programme;year;trainees\nfuenlabrada-city-council;Odd numbers;2024;1,23,456\n',
        'training.csv',
      ],
    ],
    fields: { mode: 'upsert' },
    problems: [
      { code: 'invalid-type', row: 1, line: 2, column: 'trainees', says: /“1,23,456” in “trainees”/ },
    ],
  },
  {
    what: 'a header of 100,000 columns',
    parts: [
      [
        'institutions',
        Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',') + '\n' + 'x,'.repeat(99_999) + 'x\n',
        'institutions.csv',
      ],
    ],
    problems: [{ code: 'too-many-columns', line: 1, says: /100,000 columns; a file may have at most 1,000/ }],
  },
  {
    what: 'a 10 MB field',
    parts: [
      [
        'institutions',
        `${INSTITUTIONS_HEADER}big-one,${'A'.repeat(10 * 1024 * 1024)},Madrid,ES,company\n`,
        'institutions.csv',
      ],
    ],
    problems: [
      { code: 'too-long', row: 1, line: 2, column: 'name', says: /characters long, and the limit is/ },
    ],
  },
];

for (const refused of REFUSED) {
  test(`refused: ${refused.what} — the documented error, nothing changed`, async () => {
    const before = await state();
    const response = await upload(refused.parts, refused.fields);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.ok).toBe(false);
    const errors = body.problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors.map((p: { code: string }) => p.code)).toEqual(refused.problems.map((p) => p.code));
    for (const [i, expected] of refused.problems.entries()) {
      const problem = errors[i];
      // Every entry names the file as uploaded and its table.
      expect(problem.file).toBe(refused.parts[0]![2]);
      expect(problem.table).toBe(refused.parts[0]![0]);
      if (expected.row !== undefined) expect(problem.row).toBe(expected.row);
      if (expected.line !== undefined) expect(problem.line).toBe(expected.line);
      if (expected.column !== undefined) expect(problem.column).toBe(expected.column);
      expect(problem.message).toMatch(expected.says);
    }
    expect(await state()).toEqual(before);
  });
}

test('safe: BOMs, `;` and tab, quoted line breaks and blank rows load, and read as written', async () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const cases: [id: string, bytes: Uint8Array | string, shown: string][] = [
    [
      'bom-utf8',
      Buffer.concat([bom, Buffer.from(`${INSTITUTIONS_HEADER}bom-utf8,Móstoles Centro,Madrid,ES,company\n`)]),
      'Móstoles Centro',
    ],
    [
      'semicolon',
      'id;name;city;country;type\nsemicolon;"Getafe; Taller";Madrid;ES;company\n',
      'Getafe; Taller',
    ],
    [
      'tabbed',
      'id\tname\tcity\tcountry\ttype\ntabbed\tLeganés digital\tMadrid\tES\tcompany\n',
      'Leganés digital',
    ],
  ];
  for (const [id, bytes, shown] of cases) {
    const response = await upload([['file', bytes, `${id}.csv`]], { mode: 'upsert' });
    expect(response.status, id).toBe(201);
    expect((await response.json()).tables, id).toEqual({ institutions: 1 });
    expect(await institutionPage(id), id).toContain(shown);
  }

  // A quoted value holding a line break, then blank rows: two records, the line break kept.
  const multiline =
    `${INSTITUTIONS_HEADER}"two-lines","Centro de\nFormación",Madrid,ES,agency\n\n\n` +
    'after-blank,After blank rows,Madrid,ES,agency\n\n';
  const response = await upload([['institutions', multiline, 'institutions.csv']], { mode: 'upsert' });
  expect(response.status).toBe(201);
  expect((await response.json()).tables).toEqual({ institutions: 2 });
  expect(await institutionPage('two-lines')).toContain('Centro de\nFormación');
  expect(await institutionPage('after-blank')).toContain('After blank rows');
});

test('safe: every supported date format loads as the same day; thousands separators read as thousands', async () => {
  const dates = await upload(
    [
      [
        'milestones',
        'id,partnership,date,title,kind,status\n' +
          ['2023-03-22', '22/03/2023', '2023/3/22', '2023年3月22日']
            .map((d, i) => `m-format-${i},academy-fuenlabrada-exchange,${d},Format ${i},meeting,done`)
            .join('\n') +
          '\n',
        'milestones.csv',
      ],
    ],
    { mode: 'upsert' },
  );
  expect(dates.status).toBe(201);
  expect((await dates.json()).tables).toEqual({ milestones: 4 });
  // The institution page lists the partnership's milestones, each with its date as data: one day for all four.
  const page = await institutionPage('fuenlabrada-city-council');
  for (let i = 0; i < 4; i++) {
    const at = page.indexOf(`>Format ${i}<`);
    expect(at, `Format ${i}`).toBeGreaterThan(0);
    const date = /datetime="([^"]+)"/.exec(page.slice(page.lastIndexOf('datetime="', at)))?.[1];
    expect(date, `Format ${i}`).toBe('2023-03-22');
  }

  const before = await trainees();
  const numbers = await upload(
    [
      [
        'training',
        'institution;programme;year;trainees\n' +
          'fuenlabrada-city-council;Thousands with a dot;2031;1.234\n' +
          'fuenlabrada-city-council;Thousands with a comma;2031;"1,234"\n',
        'training.csv',
      ],
    ],
    { mode: 'upsert' },
  );
  expect(numbers.status).toBe(201);
  expect(await trainees()).toBe(before + 2468);
});

test('the history shows rows added, changed and removed for every version, the oldest too', async ({
  page,
}) => {
  // Enough versions that the first is on the history's second page (20 a page), however many the tests before
  // made; at least two, so that the last one changes the row the one before added.
  // Each upload answers once the new version's views are built (about a second each here).
  test.setTimeout(120_000);
  const made = (await (await fetch(`${server.base}/api/versions`, { headers: analyst() })).json()).length;
  for (let i = 0; i < Math.max(2, 22 - made); i++) {
    const text = `${INSTITUTIONS_HEADER}counter,Counter ${i},Madrid,ES,other\n`;
    expect((await upload([['institutions', text, 'institutions.csv']], { mode: 'upsert' })).status).toBe(201);
  }
  const versions = await (await fetch(`${server.base}/api/versions`, { headers: analyst() })).json();
  expect(versions.length).toBeGreaterThan(21);
  // The API pages too: newest first, `limit` of them, older than `before`.
  const page2 = async (query: string) =>
    (await fetch(`${server.base}/api/versions?${query}`, { headers: analyst() })).json();
  expect((await page2('limit=5')).map((v: { version: number }) => v.version)).toEqual(
    versions.slice(0, 5).map((v: { version: number }) => v.version),
  );
  expect((await page2('before=3&limit=5')).map((v: { version: number }) => v.version)).toEqual([2, 1]);
  for (const bad of ['limit=0', 'limit=1001', 'before=x'])
    expect((await fetch(`${server.base}/api/versions?${bad}`, { headers: analyst() })).status, bad).toBe(400);
  const first = versions.at(-1);
  const sample = first.totals.institutions;
  expect(first.version).toBe(1);
  expect(first.changes.institutions).toMatchObject({ added: sample, changed: 0, removed: 0 });
  expect(versions[0].changes.institutions).toEqual({
    added: 0,
    changed: 1,
    removed: 0,
    examples: { added: [], changed: ['counter'], removed: [] },
  });
  for (const v of versions)
    expect(Object.keys(v.changes).sort(), `version ${v.version}`).toEqual([
      'institutions',
      'milestones',
      'partnerships',
      'training',
    ]);

  // In the page, by clicking, as an analyst reads it.
  await signInAs(page, server, 'analyst');
  await page.getByRole('link', { name: 'Versions' }).click();
  // One page of the history at a time; the oldest is reached through "Older versions".
  await expect(page.locator('[data-version]')).toHaveCount(20);
  await expect(page.locator('[data-version="1"]')).toHaveCount(0);
  await page.getByRole('link', { name: 'Older versions' }).click();
  await expect(page.getByRole('link', { name: 'Newest versions' })).toBeVisible();
  const oldest = page.locator('[data-version="1"]');
  await oldest.getByText('Against the previous version').click();
  await expect(oldest.locator('[data-table="institutions"] [data-kind="added"]')).toContainText(
    `${sample} rows added`,
  );
  await page.getByRole('link', { name: 'Newest versions' }).click();
  const latest = page.locator(`[data-version="${versions[0].version}"]`);
  await latest.getByText('Against the previous version').click();
  await expect(latest.locator('[data-table="institutions"]')).toContainText('1 row changed');
  await expect(latest.locator('[data-table="training"]')).toContainText('no change');
});
