import { describe, expect, it } from 'vitest';
import { load } from '../src/store/index.js';
import { validateFiles } from '../src/validation/validate.js';
import { fixtureUpload } from './fixtures.js';
import {
  csv,
  freshStore,
  INSTITUTIONS,
  MILESTONES,
  PARTNERSHIPS,
  smallProgramme,
  TRAINING,
} from './helpers.js';

const ok = (text: string, name = 'institutions.csv') => validateFiles([csv(name, text)]);

describe('the right error for each way a file goes wrong', () => {
  it('reads a CRLF header over LF rows (a header typed on Windows, rows appended by a script)', () => {
    const text = INSTITUTIONS.replace('\n', '\r\n');
    expect(text.startsWith('id,name,city,country,type\r\nfuen,')).toBe(true);
    const result = ok(text);
    expect(result.problems).toEqual([]);
    expect(result.tables[0]?.rows.map((r) => [r.id, r.type])).toEqual([
      ['fuen', 'government'],
      ['cife', 'agency'],
      ['hz-academy', 'university'],
    ]);
    // CRLF rows with a quoted last value, after LF ones, and a quoted line break kept as written.
    const mixed =
      'id,name,city,country,type\nfuen,"Ayto.\r\nFuenlabrada",Fuenlabrada,ES,"government"\r\ncife,CIFE,Fuenlabrada,ES,agency\n';
    const both = ok(mixed);
    expect(both.problems).toEqual([]);
    expect(both.tables[0]?.rows.map((r) => r.name)).toEqual(['Ayto.\r\nFuenlabrada', 'CIFE']);
  });

  it('names a header of 100,000 columns too-many-columns, not an undetectable delimiter', () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `column${i + 1}`).join(',');
    const result = ok(`${header}\n${'x,'.repeat(99_999)}x\n`);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'too-many-columns',
        line: 1,
        message: expect.stringContaining(
          'The header row has 100,000 columns; a file may have at most 1,000.',
        ),
      }),
    ]);
  });

  it('names a NUL byte as such, with its line, instead of calling the file a workbook', () => {
    const bytes = new TextEncoder().encode(INSTITUTIONS.replace('CIFE', 'CI\u0000FE'));
    const [problem] = validateFiles([{ name: 'institutions.csv', bytes }]).problems;
    expect(problem).toMatchObject({ code: 'invalid-encoding', line: 3 });
    expect(problem?.message).toBe(
      'This file contains a NUL character (a zero byte) on line 3, which never appears in CSV text: it is not a text file, or it was damaged on the way. Export the table again as “CSV UTF-8” and upload that file.',
    );
    expect(problem?.message).not.toContain('Excel workbook');
  });

  it('refuses a 10 MB name as too-long, quoting only its start', () => {
    const name = 'Fuenlabrada '.repeat(900_000);
    const result = ok(`id,name,city,country,type\nfuen,${name},Fuenlabrada,ES,government\n`);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'too-long', row: 1, line: 2, column: 'name' }),
    ]);
    expect(result.problems[0]?.value).toHaveLength(101);
    expect(result.problems[0]?.message).toContain('is 10,799,999 characters long, and the limit is 10,000');
  });

  it('stores every text in NFC: Móstoles typed on a Mac is Móstoles typed on Windows', async () => {
    const nfd = 'Mo\u0301stoles';
    const nfc = 'M\u00f3stoles';
    expect(nfd).not.toBe(nfc);
    const institutions = `id,name,city,country,type\nayto,Ayuntamiento de ${nfd},${nfd},ES,government\nuni,Universidad de ${nfc},${nfc},ES,university\n`;
    const training = `institution,programme,year,trainees\nayto,Formacio\u0301n digital,2023,10\nayto,Formaci\u00f3n digital,2023,12\n`;
    const result = validateFiles([csv('institutions.csv', institutions), csv('training.csv', training)]);
    // Two spellings of one programme are one key.
    expect(result.problems.map((p) => [p.file, p.row, p.code])).toEqual([
      ['training.csv', 2, 'duplicate-key'],
    ]);
    const store = await freshStore();
    await load(store, { files: [csv('institutions.csv', institutions)], mode: 'replace', user: 'ana' });
    expect(await store.all('SELECT DISTINCT city FROM institutions WHERE _to IS NULL')).toEqual([
      { city: nfc },
    ]);
  });

  it('loads a partnership given both ways round once, with the references to its twin following it', async () => {
    const partnerships = `${PARTNERSHIPS}p-exchange-back,fuen,hz-academy,exchange,proposed,2023-03-22,Exchange (Fuenlabrada side)\n`;
    const milestones = `${MILESTONES}m-visit,p-exchange-back,2023-09-01,Visit,exchange,done\n`;
    const files = [
      csv('institutions.csv', INSTITUTIONS),
      csv('partnerships.csv', partnerships),
      csv('training.csv', TRAINING),
      csv('milestones.csv', milestones),
    ];
    const store = await freshStore();
    const result = await load(store, { files, mode: 'replace', user: 'ana' });
    expect(result).toMatchObject({ ok: true, tables: { partnerships: 2, milestones: 3 } });
    expect(result.ok ? result.warnings.map((w) => [w.code, w.row, w.value]) : []).toEqual([
      ['duplicate-pair', 3, 'p-exchange-back'],
    ]);
    expect(
      await store.all(`SELECT partnership FROM milestones WHERE id = 'm-visit' AND _to IS NULL`),
    ).toEqual([{ partnership: 'p-exchange' }]);
  });
});

describe('load and validate agree', () => {
  // An institutions file that can't be decoded, and other files pointing at its ids.
  const undecodable = () => [
    { name: 'institutions.csv', bytes: Uint8Array.from([0x69, 0x64, 0x0a, 0xff, 0x81, 0x0a]) },
    csv('partnerships.csv', PARTNERSHIPS),
    csv('training.csv', TRAINING),
  ];

  it('list the same problems for a file that fails to decode, on an empty store and on a loaded one', async () => {
    const validated = validateFiles(undecodable()).problems;
    expect(validated.map((p) => [p.file, p.code])).toEqual([['institutions.csv', 'invalid-encoding']]);
    const empty = await freshStore();
    expect(await load(empty, { files: undecodable(), mode: 'replace', user: 'ana' })).toEqual({
      ok: false,
      problems: validated,
    });
    const loaded = await freshStore();
    await load(loaded, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    for (const mode of ['replace', 'upsert'] as const) {
      expect(await load(loaded, { files: undecodable(), mode, user: 'ana' })).toEqual({
        ok: false,
        problems: validated,
      });
    }
  });

  it('refuses to empty a table with a header-only file in replace mode unless confirmed', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const headerOnly = () => [csv('training.csv', 'institution,programme,year,trainees\n')];
    const validated = validateFiles(headerOnly());
    expect(validated.ok).toBe(true);
    expect(validated.problems.map((p) => [p.code, p.severity])).toEqual([['empty-table', 'warning']]);

    const refused = await load(store, { files: headerOnly(), mode: 'replace', user: 'ana' });
    expect(refused).toEqual({ ok: false, problems: validated.problems, emptied: ['training'] });
    expect(await store.all('SELECT count(*) AS n FROM training WHERE _to IS NULL')).toEqual([{ n: 3 }]);
    // Upsert with no rows changes nothing, and needs no confirmation.
    expect(await load(store, { files: headerOnly(), mode: 'upsert', user: 'ana' })).toMatchObject({
      ok: true,
    });
    expect(await store.all('SELECT count(*) AS n FROM training WHERE _to IS NULL')).toEqual([{ n: 3 }]);

    const confirmed = await load(store, {
      files: headerOnly(),
      mode: 'replace',
      user: 'ana',
      allowEmpty: true,
    });
    expect(confirmed).toMatchObject({ ok: true, tables: { training: 0 }, warnings: validated.problems });
    expect(await store.all('SELECT count(*) AS n FROM training WHERE _to IS NULL')).toEqual([{ n: 0 }]);
  });

  it('reads each file in the encoding the load names', async () => {
    const store = await freshStore();
    // "Año" in cp1252 (F1 6F) is a valid GBK pair too: named, the encoding is used as given.
    const text = INSTITUTIONS.replace('CIFE', 'Centro A\u00f1o');
    const cp1252 = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
    const asGbk = await load(store, {
      files: [{ name: 'institutions.csv', bytes: cp1252, encoding: 'gbk' }],
      mode: 'replace',
      user: 'ana',
    });
    expect(asGbk).toMatchObject({ ok: true });
    expect(await store.all(`SELECT name FROM institutions WHERE id = 'cife' AND _to IS NULL`)).not.toEqual([
      { name: 'Centro Año' },
    ]);
    await load(store, {
      files: [{ name: 'institutions.csv', bytes: cp1252, encoding: 'windows-1252' }],
      mode: 'replace',
      user: 'ana',
    });
    expect(await store.all(`SELECT name FROM institutions WHERE id = 'cife' AND _to IS NULL`)).toEqual([
      { name: 'Centro Año' },
    ]);
  });
});

describe('the provenance of figures (`source`) and translated columns', () => {
  it('refuses a source that is not reported, estimated or illustrative, saying what each means, in every language', () => {
    const files = fixtureUpload('provenance');
    const messages = {
      en: 'Row 2: “guessed” in “source” does not say where the figures come from. Write reported (counted and reported), estimated (an estimate) or illustrative (a stand-in, not a real figure); an empty cell means reported.',
      es: 'Fila 2: «guessed» en «source» no indica de dónde vienen las cifras. Escriba reported (contadas e informadas), estimated (una estimación) o illustrative (un valor de ejemplo, no una cifra real); una celda vacía equivale a reported.',
      zh: '第 2 条数据：“source”中的“guessed”无法说明数字的来源。请填写 reported（实际统计并报告）、estimated（估计值）或 illustrative（示意数字，并非真实数据）；留空即表示 reported。',
    } as const;
    for (const locale of ['en', 'es', 'zh'] as const) {
      const result = validateFiles(files, { locale });
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([
        expect.objectContaining({
          file: 'training.csv',
          row: 2,
          line: 3,
          column: 'source',
          code: 'invalid-enum',
          value: 'guessed',
          message: messages[locale],
        }),
      ]);
    }
  });

  it('reads the source case-insensitively, under Spanish and Chinese headers, and leaves an empty one empty', () => {
    const result = validateFiles([
      csv('institutions.csv', INSTITUTIONS),
      csv(
        'training.csv',
        'institución,programa,año,participantes,fuente\ncife,A,2023,10,Illustrative\ncife,B,2023,5,\n',
      ),
      csv('milestones.csv', '编号,合作,日期,标题,类型,状态,数据来源\n'),
    ]);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.tables.find((t) => t.table === 'training')?.rows.map((r) => r.source)).toEqual([
      'illustrative',
      null,
    ]);
    expect(result.tables.find((t) => t.table === 'milestones')?.columns).toContain('source');
  });

  it('maps translated headers to the `<column>_<lang>` columns', () => {
    const result = validateFiles([
      csv(
        'institutions.csv',
        'id,name,city,country,type,ciudad_zh,City Spanish\ncife,CIFE,Fuenlabrada,ES,agency,富恩拉夫拉达,Fuenlabrada\n',
      ),
      csv('partnerships.csv', 'id,source,target,area,status,título_es,标题_中文\n'),
      csv(
        'training.csv',
        'institution,programme,year,trainees,programa_ingles,topic_zh\ncife,Formación TIC,2023,10,IT training,信息技术\n',
      ),
    ]);
    const columns = Object.fromEntries(result.tables.map((t) => [t.table, t.columns]));
    expect(columns.institutions).toEqual(expect.arrayContaining(['city_zh', 'city_es']));
    expect(columns.partnerships).toEqual(expect.arrayContaining(['title_es', 'title_zh']));
    expect(result.tables.find((t) => t.table === 'training')?.rows[0]).toMatchObject({
      programme: 'Formación TIC',
      programme_en: 'IT training',
      topic_zh: '信息技术',
    });
    expect(result.problems.filter((p) => p.code === 'unknown-column')).toEqual([]);
  });
});
