import { describe, expect, it } from 'vitest';
import { fixture, fixtureUpload } from '../../test/fixtures.js';
import { PROBLEM_CODES, type Problem } from '../schema/problems.js';
import type { Row } from '../schema/tables.js';
import { validateFiles, type UploadFile, type ValidateOptions } from './validate.js';

const encoder = new TextEncoder();
const csv = (name: string, text: string, extra: Partial<UploadFile> = {}): UploadFile => ({
  name,
  bytes: encoder.encode(text),
  ...extra,
});

const INSTITUTIONS = `id,name,city,country,type
fuen,Ayuntamiento de Fuenlabrada,Fuenlabrada,ES,government
cife,CIFE,Fuenlabrada,ES,agency
hz-academy,Hangzhou Cross-border E-commerce Academy,Hangzhou,CN,university
`;

/** A problem with the fields a test doesn't care about filled in as most problems have them. */
const problem = (fields: Partial<Problem> & Pick<Problem, 'code' | 'message'>): Problem => ({
  file: 'institutions.csv',
  table: 'institutions',
  row: null,
  line: null,
  column: null,
  severity: 'error',
  value: null,
  ...fields,
});

describe('validateFiles: one fixture per problem code', () => {
  const cases: [string, Partial<ValidateOptions>, Partial<Record<string, Partial<UploadFile>>>, Problem[]][] =
    [
      [
        'empty-file',
        {},
        {},
        [
          problem({
            code: 'empty-file',
            message:
              'This file is empty. Export the table again from your spreadsheet, with the header row and the data rows.',
          }),
        ],
      ],
      [
        'invalid-encoding',
        {},
        { 'instituciones.csv': { encoding: 'utf-8' } },
        [
          problem({
            file: 'instituciones.csv',
            code: 'invalid-encoding',
            message:
              'This file can’t be read as UTF-8: it contains bytes that are not valid in that encoding. Choose the encoding the file was saved in, or save it again as “CSV UTF-8”.',
          }),
        ],
      ],
      [
        'undetectable-delimiter',
        {},
        {},
        [
          problem({
            code: 'undetectable-delimiter',
            message:
              'The columns of this file could not be told apart: no comma, semicolon, tab or vertical bar splits the header row into columns. Save it as CSV from your spreadsheet, or choose the separator when uploading.',
          }),
        ],
      ],
      [
        'unclosed-quote',
        {},
        {},
        [
          problem({
            row: 1,
            line: 2,
            code: 'unclosed-quote',
            message:
              'A value that opens with a double quote (") on line 2 is never closed, so the rest of the file can’t be read. Add the missing closing quote, or remove the opening one.',
            value: '"Ayuntamiento de Fuenlabrada,Fuenlabrada,ES,government',
          }),
        ],
      ],
      [
        'ragged-row',
        {},
        {},
        [
          problem({
            row: 1,
            line: 2,
            code: 'ragged-row',
            message:
              'Row 1 has 6 values, but the header has 5 columns. Look for missing or extra commas (,) in this row, and put values that contain the separator in double quotes.',
            value: 'fuen,Ayuntamiento de Fuenlabrada, Madrid,Fuenlabrada,ES,government',
          }),
        ],
      ],
      [
        'unknown-table',
        {},
        {},
        [
          problem({
            file: 'notes.csv',
            table: null,
            code: 'unknown-table',
            message:
              'It is not clear which table this file holds. Name the file institutions.csv, partnerships.csv, training.csv or milestones.csv, or check that its header row uses the expected column names.',
          }),
        ],
      ],
      [
        'missing-column',
        {},
        {},
        [
          problem({
            line: 1,
            column: 'country',
            code: 'missing-column',
            message:
              'The institutions file has no “country” column, and it is required. Add a column with the header “country” and fill it in on every row.',
          }),
        ],
      ],
      [
        'unknown-column',
        {},
        {},
        [
          problem({
            line: 1,
            column: 'notas',
            code: 'unknown-column',
            severity: 'warning',
            message:
              'The column “notas” is not part of the institutions table and will be ignored. If it should be one of the table’s columns (id, name, name_en, name_es, name_zh, city, country, type, website, latitude, longitude, city_en, city_es, city_zh), rename its header; otherwise you can delete it.',
          }),
        ],
      ],
      [
        'missing-value',
        {},
        {},
        [
          problem({
            row: 1,
            line: 2,
            column: 'name',
            code: 'missing-value',
            message: 'Row 1: “name” is empty, but it is required. Fill it in.',
          }),
        ],
      ],
      [
        'invalid-type',
        {},
        {},
        [
          problem({
            row: 1,
            line: 2,
            column: 'latitude',
            code: 'invalid-type',
            message:
              'Row 1: “norte” in “latitude” is not a number. Write it with a point or a comma for decimals, for example 40.28 or 40,28.',
            value: 'norte',
          }),
        ],
      ],
      [
        'invalid-enum',
        {},
        {},
        [
          problem({
            row: 1,
            line: 2,
            column: 'type',
            code: 'invalid-enum',
            message:
              'Row 1: “ayuntamiento” is not an allowed value for “type”. Use one of: government, agency, university, college, company, association, other.',
            value: 'ayuntamiento',
          }),
        ],
      ],
      [
        'out-of-range',
        {},
        {},
        [
          problem({
            file: 'training.csv',
            table: 'training',
            row: 1,
            line: 2,
            column: 'completed',
            code: 'out-of-range',
            message:
              'Row 1: completed (130) is greater than trainees (120). Nobody can complete a programme without taking part; check both numbers.',
            value: '130',
          }),
        ],
      ],
      [
        'duplicate-key',
        {},
        {},
        [
          problem({
            row: 3,
            line: 4,
            column: 'id',
            code: 'duplicate-key',
            message:
              'Row 3: the id “fuen” is already used in row 1. Each id must appear only once: change it or delete one of the two rows.',
            value: 'fuen',
          }),
        ],
      ],
      [
        'unknown-reference',
        {},
        {},
        [
          problem({
            file: 'partnerships.csv',
            table: 'partnerships',
            row: 1,
            line: 2,
            column: 'source',
            code: 'unknown-reference',
            message:
              'Row 1: “hz-academy” in “source” does not match the id of any row in institutions, neither in this upload nor in the data already loaded. Correct the id, or add that row to the institutions file of this upload.',
            value: 'hz-academy',
          }),
        ],
      ],
      [
        'too-large',
        { maxBytes: 10 },
        {},
        [
          problem({
            code: 'too-large',
            message:
              'This file is 85 bytes, and the limit is 10 bytes per file. Split it into smaller files or remove the columns you don’t need.',
          }),
        ],
      ],
      [
        'duplicate-table',
        {},
        {},
        [
          problem({
            code: 'duplicate-table',
            message:
              'This upload has two files for the institutions table (“instituciones.csv” and this one). Upload one file per table: combine them first if needed.',
          }),
        ],
      ],
      [
        'too-many-problems',
        { maxProblemsPerFile: 3 },
        {},
        [
          ...(['A', 'B', 'C'] as const).map((id, i) =>
            problem({
              row: i + 1,
              line: i + 2,
              column: 'id',
              code: 'invalid-type',
              message: `Row ${i + 1}: “${id}” is not a valid identifier for “id”. Use only lower-case letters (a–z), digits and hyphens, for example “${id.toLowerCase()}”.`,
              value: id,
            }),
          ),
          problem({
            code: 'too-many-problems',
            message:
              'This file has 3 more problems that are not listed here. Fix the problems above (one cause often explains many) and validate the file again.',
          }),
        ],
      ],
      [
        'ambiguous-encoding',
        {},
        {},
        [
          problem({
            line: 2,
            code: 'ambiguous-encoding',
            severity: 'warning',
            message:
              'This file was read as Windows-1252, but it also reads as GBK: “ÍÑIGO” on line 2 would be “脱IGO”. If names look wrong in the data, upload the file again choosing GBK as its encoding, or save it as “CSV UTF-8”.',
            value: 'ÍÑIGO',
          }),
        ],
      ],
      [
        'too-many-columns',
        {},
        {},
        [
          problem({
            line: 1,
            code: 'too-many-columns',
            message:
              'The header row has 1,500 columns; a file may have at most 1,000. Check that the file is a CSV export of one table (institutions, partnerships, training or milestones) with a single header row.',
          }),
        ],
      ],
      [
        'too-long',
        {},
        {},
        [
          problem({
            row: 2,
            line: 3,
            column: 'name',
            code: 'too-long',
            message:
              'Row 2: the value in “name” is 12,719 characters long, and the limit is 10,000. Check that no quote or separator is missing before it (that runs many values together), or shorten it.',
            value:
              'Centro de Iniciativas para la Formación y el Empleo; Centro de Iniciativas para la Formación y el Em…',
          }),
        ],
      ],
      [
        'empty-table',
        {},
        {},
        [
          problem({
            code: 'empty-table',
            severity: 'warning',
            message:
              'This file has a header row but no data rows. Loaded in replace mode it would empty the institutions table, so such a load stops unless you confirm it (--allow-empty on the command line); in upsert mode it changes nothing.',
          }),
        ],
      ],
      [
        'duplicate-pair',
        {},
        {},
        [
          problem({
            file: 'partnerships.csv',
            table: 'partnerships',
            row: 3,
            line: 4,
            column: 'source',
            code: 'duplicate-pair',
            severity: 'warning',
            message:
              'Row 3: the partnership between “hz-bureau” and “fuen” in exchange is already in row 1, the other way round. It is loaded once, as in row 1, and rows of other files that use “hz-fuen” count under “fuen-hz”. Delete this row, or give it another area if it is a different partnership.',
            value: 'hz-fuen',
          }),
        ],
      ],
    ];

  it('covers every problem code', () => {
    expect(cases.map(([code]) => code).sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it.each(cases)('%s', (code, options, overrides, problems) => {
    const files = fixtureUpload(`problems/${code}`).map((f) => ({ ...f, ...overrides[f.name] }));
    const result = validateFiles(files, options);
    expect(result.problems).toEqual(problems);
    expect(result.ok).toBe(problems.every((p) => p.severity === 'warning'));
  });
});

describe('validateFiles: encodings', () => {
  const row = (fields: Partial<Row>): Row => ({
    id: null,
    name: null,
    name_en: null,
    name_es: null,
    name_zh: null,
    city: null,
    country: null,
    type: null,
    website: null,
    latitude: null,
    longitude: null,
    city_en: null,
    city_es: null,
    city_zh: null,
    ...fields,
  });
  const SPANISH = [
    row({
      id: 'fuen',
      name: 'Ayuntamiento de Fuenlabrada',
      city: 'Fuenlabrada',
      country: 'ES',
      type: 'government',
      latitude: 40.28,
      longitude: -3.79,
    }),
    row({
      id: 'cife',
      name: 'Centro de Iniciativas para la Formación y el Empleo',
      city: 'Fuenlabrada',
      country: 'ES',
      type: 'agency',
      latitude: 40.29,
      longitude: -3.8,
    }),
    row({
      id: 'ucjc',
      name: 'Instituto Conjunto – Año Académico, Señorío',
      city: 'Móstoles',
      country: 'ES',
      type: 'university',
    }),
  ];
  const CHINESE = [
    row({
      id: 'hz-academy',
      name: '杭州跨境电子商务学院',
      name_zh: '杭州跨境电商学院',
      city: '杭州',
      country: 'CN',
      type: 'university',
      website: 'https://www.hzcbec.edu.cn',
    }),
    row({
      id: 'hz-bureau',
      name: '杭州市商务局',
      name_zh: '杭州市商务局',
      city: '杭州',
      country: 'CN',
      type: 'government',
    }),
    row({
      id: 'fuen',
      name: 'Ayuntamiento de Fuenlabrada',
      name_zh: '富恩拉夫拉达市政府',
      city: 'Fuenlabrada',
      country: 'ES',
      type: 'government',
      website: 'https://www.ayto-fuenlabrada.es',
    }),
  ];

  it.each([
    ['institutions.es.utf8.csv', 'utf-8', ';', SPANISH],
    ['institutions.es.utf8-bom.csv', 'utf-8', ';', SPANISH],
    ['institutions.es.utf16le.csv', 'utf-16le', ';', SPANISH],
    ['institutions.es.cp1252.csv', 'windows-1252', ';', SPANISH],
    ['institutions.zh.utf8.csv', 'utf-8', ',', CHINESE],
    ['institutions.zh.utf8-bom.csv', 'utf-8', ',', CHINESE],
    ['institutions.zh.utf16le.csv', 'utf-16le', ',', CHINESE],
    ['institutions.zh.utf16be.csv', 'utf-16be', ',', CHINESE],
    ['institutions.zh.gbk.csv', 'gbk', ',', CHINESE],
  ])('%s validates to the same rows (%s, %j)', (name, encoding, delimiter, rows) => {
    // File names that name no table: the Spanish or Chinese header row tells.
    const result = validateFiles([{ name, bytes: fixture(`encodings/${name}`) }]);
    expect(result.problems).toEqual([]);
    expect(result.tables).toEqual([
      {
        table: 'institutions',
        file: name,
        encoding,
        delimiter,
        columns:
          rows === SPANISH
            ? ['id', 'name', 'city', 'country', 'type', 'latitude', 'longitude']
            : ['id', 'name', 'name_zh', 'city', 'country', 'type', 'website'],
        rows,
      },
    ]);
  });

  it('reads a file in the encoding the upload names', () => {
    const result = validateFiles([
      { name: 'institutions.csv', bytes: fixture('encodings/institutions.zh.gbk.csv'), encoding: 'GB18030' },
    ]);
    expect(result.tables[0]).toMatchObject({ encoding: 'gb18030', rows: CHINESE });
  });

  it('refuses a workbook uploaded instead of CSV', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(validateFiles([{ name: 'institutions.xlsx', bytes: xlsx }]).problems).toEqual([
      problem({
        file: 'institutions.xlsx',
        code: 'invalid-encoding',
        message:
          'This is not a CSV text file (it looks like an Excel workbook or another binary file). In Excel, use Save As › “CSV UTF-8 (Comma delimited)” and upload that file.',
      }),
    ]);
  });
});

describe('validateFiles: delimiters and quoting', () => {
  it.each([
    [';', 'id;name;city;country;type\nfuen;Ayuntamiento de Fuenlabrada, Madrid;Fuenlabrada;ES;government\n'],
    [
      '\t',
      'id\tname\tcity\tcountry\ttype\nfuen\tAyuntamiento de Fuenlabrada, Madrid\tFuenlabrada\tES\tgovernment\n',
    ],
    ['|', 'id|name|city|country|type\nfuen|Ayuntamiento de Fuenlabrada, Madrid|Fuenlabrada|ES|government\n'],
    [
      ',',
      'id,name,city,country,type\nfuen,"Ayuntamiento de Fuenlabrada, Madrid",Fuenlabrada,ES,government\n',
    ],
  ])('reads %j-delimited files with commas inside values', (delimiter, text) => {
    const result = validateFiles([csv('institutions.csv', text)]);
    expect(result.problems).toEqual([]);
    expect(result.tables[0]?.delimiter).toBe(delimiter);
    expect(result.tables[0]?.rows[0]?.name).toBe('Ayuntamiento de Fuenlabrada, Madrid');
  });

  it('takes the delimiter the upload names', () => {
    const text = 'id,name;city,country;type\nfuen,A;Fuenlabrada,ES;government\n';
    expect(validateFiles([csv('institutions.csv', text)]).problems[0]?.code).toBe('undetectable-delimiter');
    const named = validateFiles([csv('institutions.csv', text.replaceAll(';', ','), { delimiter: 'comma' })]);
    expect(named.ok).toBe(true);
  });

  it('reports row and line apart when quoted values hold line breaks', () => {
    const text =
      'id,name,city,country,type\r\n' +
      'fuen,"Ayuntamiento\r\nde Fuenlabrada",Fuenlabrada,ES,government\r\n' +
      'cife,"Centro de Iniciativas\nFormación y Empleo",Fuenlabrada,España,agency\r\n';
    const result = validateFiles([csv('institutions.csv', text)]);
    expect(result.problems).toEqual([
      problem({
        row: 2,
        line: 4,
        column: 'country',
        code: 'invalid-type',
        message: 'Row 2: “España” in “country” is not an ISO country code. Use the two-letter code ES.',
        value: 'España',
      }),
    ]);
    expect(result.tables[0]?.rows.map((r) => r.name)).toEqual([
      'Ayuntamiento\r\nde Fuenlabrada',
      'Centro de Iniciativas\nFormación y Empleo',
    ]);
  });
});

describe('validateFiles: dates', () => {
  const known = { partnerships: new Set(['p1']) };
  const milestones = (dates: string[]) =>
    csv(
      'milestones.csv',
      'id,partnership,date,title,kind,status\n' +
        dates.map((d, i) => `m${i + 1},p1,${d},Meeting ${i + 1},meeting,done`).join('\n'),
    );

  it('accepts yyyy-mm-dd, dd/mm/yyyy, yyyy/m/d and yyyy年m月d日', () => {
    const result = validateFiles(
      [milestones(['2023-03-22', '22/03/2023', '2023/3/22', '2023年3月22日', '03/04/2023'])],
      {
        known,
      },
    );
    expect(result.problems).toEqual([]);
    expect(result.tables[0]?.rows.map((r) => r.date)).toEqual([
      '2023-03-22',
      '2023-03-22',
      '2023-03-22',
      '2023-03-22',
      '2023-04-03',
    ]);
  });

  it('refuses ambiguous and impossible dates, never guessing', () => {
    const result = validateFiles([milestones(['03/04/23', '04/23/2023', '31/02/2024', '45007'])], {
      known,
      locale: 'en',
    });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.row, p.line, p.column, p.code, p.value, p.message])).toEqual([
      [
        1,
        2,
        'date',
        'invalid-type',
        '03/04/23',
        'Row 1: “03/04/23” in “date” has a two-digit year, so the date is ambiguous. Write the year in full, for example 22/03/2023 or 2023-03-22.',
      ],
      [
        2,
        3,
        'date',
        'invalid-type',
        '04/23/2023',
        'Row 2: “04/23/2023” in “date” looks like month/day/year. Dates with slashes must be day/month/year; to avoid any doubt, write it as year-month-day, for example 2023-04-23.',
      ],
      [
        3,
        4,
        'date',
        'invalid-type',
        '31/02/2024',
        'Row 3: “31/02/2024” in “date” is not a real date (that day or month does not exist). Check the day and the month.',
      ],
      [
        4,
        5,
        'date',
        'invalid-type',
        '45007',
        'Row 4: “45007” in “date” looks like an Excel date number rather than a date. Format the column as a date in Excel (for example 2023-03-22) and save the file again.',
      ],
    ]);
    expect(result.tables[0]?.rows.map((r) => r.date)).toEqual([null, null, null, null]);
  });
});

describe('validateFiles: Spanish and Chinese headers', () => {
  it('recognises Spanish headers in any case and with or without accents', () => {
    const files = [
      csv('institutions.csv', INSTITUTIONS),
      csv(
        'formación.csv',
        'Institución;Colaboración;Programa;Tema;AÑO;Participantes;Completados\ncife;;Comercio electrónico;e-commerce;2023;1.200;1.100\n',
      ),
    ];
    const result = validateFiles(files);
    expect(result.problems).toEqual([]);
    expect(result.tables[1]).toMatchObject({
      table: 'training',
      columns: ['institution', 'partnership', 'programme', 'topic', 'year', 'trainees', 'completed'],
      rows: [
        {
          institution: 'cife',
          partnership: null,
          programme: 'Comercio electrónico',
          topic: 'e-commerce',
          year: 2023,
          trainees: 1200,
          completed: 1100,
        },
      ],
    });
  });

  it('recognises Chinese headers and file names', () => {
    const files = [
      csv('机构.csv', '编号,名称,城市,国家,类型\nhz-academy,杭州跨境电子商务学院,杭州,CN,university\n'),
      csv(
        '合作.csv',
        '编号,发起方,合作方,领域,状态,开始日期\np1,hz-academy,hz-academy,platform,active,2023年3月22日\n',
      ),
      csv('里程碑.csv', '编号,合作项目,日期,标题,类型,状态\nm1,p1,2023/3/22,线上会议,Meeting,DONE\n'),
    ];
    const result = validateFiles(files, { locale: 'zh' });
    expect(result.tables.map((t) => t.table)).toEqual(['institutions', 'partnerships', 'milestones']);
    expect(result.tables[2]?.rows).toEqual([
      {
        id: 'm1',
        partnership: 'p1',
        date: '2023-03-22',
        title: '线上会议',
        kind: 'meeting',
        status: 'done',
        source: null,
        title_en: null,
        title_es: null,
        title_zh: null,
      },
    ]);
    // The partnership links an institution with itself: the one problem, worded in Chinese.
    expect(result.problems).toEqual([
      problem({
        file: '合作.csv',
        table: 'partnerships',
        row: 1,
        line: 2,
        column: 'target',
        code: 'out-of-range',
        message:
          '第 1 条数据：发起方和合作方都是“hz-academy”，但合作必须在两个不同的机构之间。请更正其中之一。',
        value: 'hz-academy',
      }),
    ]);
  });
});

describe('validateFiles: messages in every locale', () => {
  it('words the same problem in en, es and zh', () => {
    const files = fixtureUpload('problems/missing-value');
    expect(validateFiles(files, { locale: 'es' }).problems[0]?.message).toBe(
      'Fila 1: «name» está vacío, pero es obligatorio. Rellénelo.',
    );
    expect(validateFiles(files, { locale: 'zh' }).problems[0]?.message).toBe(
      '第 1 条数据：“name”为空，但该项必填。请填写。',
    );
  });

  it('sizes too-large files in the locale', () => {
    const files = fixtureUpload('problems/too-large');
    expect(validateFiles(files, { locale: 'es', maxBytes: 2048 * 1024 - 1 }).ok).toBe(true);
    const big = [{ name: 'training.csv', bytes: new Uint8Array(1536 * 1024) }];
    expect(validateFiles(big, { locale: 'es', maxBytes: 1024 * 1024 }).problems[0]?.message).toBe(
      'El archivo ocupa 1,5 MB y el límite es de 1 MB por archivo. Divídalo en archivos más pequeños o quite las columnas que no necesite.',
    );
  });
});

describe('validateFiles: references across the upload', () => {
  const TRAINING =
    'institution,partnership,programme,year,trainees\ncife,p-training,E-commerce basics,2023,80\n';
  const PARTNERSHIPS = 'id,source,target,area,status\np-training,hz-academy,cife,Joint Training,active\n';

  it('accepts references to rows of other files in the same upload', () => {
    const result = validateFiles([
      csv('training.csv', TRAINING),
      csv('partnerships.csv', PARTNERSHIPS),
      csv('institutions.csv', INSTITUTIONS),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.tables.map((t) => t.table)).toEqual(['training', 'partnerships', 'institutions']);
    expect(result.tables[1]?.rows[0]?.area).toBe('joint_training');
  });

  it('accepts references to keys that already exist outside the upload', () => {
    const known = { institutions: new Set(['cife', 'hz-academy']), partnerships: new Set(['p-training']) };
    expect(validateFiles([csv('training.csv', TRAINING)], { known }).ok).toBe(true);
    expect(validateFiles([csv('training.csv', TRAINING)], { known, mode: 'upsert' }).ok).toBe(true);
    // Without them every reference is unknown.
    expect(
      validateFiles([csv('training.csv', TRAINING)]).problems.map((p) => [p.column, p.code, p.value]),
    ).toEqual([
      ['institution', 'unknown-reference', 'cife'],
      ['partnership', 'unknown-reference', 'p-training'],
    ]);
  });

  it('ignores the known keys of a table the upload replaces', () => {
    const known = { institutions: new Set(['cife', 'hz-academy']), partnerships: new Set(['p-training']) };
    const files = [
      csv('training.csv', TRAINING),
      csv('institutions.csv', 'id,name,city,country,type\nfuen,Fuenlabrada,Fuenlabrada,ES,government\n'),
    ];
    expect(validateFiles(files, { known, mode: 'upsert' }).ok).toBe(true);
    expect(validateFiles(files, { known, mode: 'replace' }).problems).toEqual([
      problem({
        file: 'training.csv',
        table: 'training',
        row: 1,
        line: 2,
        column: 'institution',
        code: 'unknown-reference',
        message:
          'Row 1: “cife” in “institution” does not match the id of any row in institutions, neither in this upload nor in the data already loaded. Correct the id, or add that row to the institutions file of this upload.',
        value: 'cife',
      }),
    ]);
  });

  it('reports a partnership of an institution with itself as out-of-range', () => {
    const result = validateFiles([
      csv('institutions.csv', INSTITUTIONS),
      csv('partnerships.csv', 'id,source,target,area,status\np1,cife,cife,exchange,active\n'),
    ]);
    expect(result.problems).toEqual([
      problem({
        file: 'partnerships.csv',
        table: 'partnerships',
        row: 1,
        line: 2,
        column: 'target',
        code: 'out-of-range',
        message:
          'Row 1: source and target are both “cife”, but a partnership links two different institutions. Correct one of them.',
        value: 'cife',
      }),
    ]);
  });

  it('checks the training key (institution, programme, year)', () => {
    const text =
      'institution,programme,year,trainees\ncife,IT training,2022,10\ncife,IT training,2023,10\ncife,IT training,2022,12\n';
    const result = validateFiles([csv('institutions.csv', INSTITUTIONS), csv('training.csv', text)]);
    expect(result.problems).toEqual([
      problem({
        file: 'training.csv',
        table: 'training',
        row: 3,
        line: 4,
        column: 'institution',
        code: 'duplicate-key',
        message:
          'Row 3 has the same institution, programme, year as row 1 (cife / IT training / 2022). Each combination may appear only once: merge the two rows or correct one of them.',
        value: 'cife / IT training / 2022',
      }),
    ]);
  });

  it('tells different training keys apart even when their hashes collide', () => {
    // These two keys have the same 30-bit FNV-1a hash (found by search): a hit must be checked, never trusted.
    const text =
      'institution,programme,year,trainees\ncife,Programme 49782,2022,1\ncife,Programme 163880,2022,2\n' +
      'cife,Programme 163880,2022,3\n';
    const result = validateFiles([csv('institutions.csv', INSTITUTIONS), csv('training.csv', text)]);
    expect(result.problems.map((p) => [p.row, p.code, p.message.match(/as row \d/)?.[0]])).toEqual([
      [3, 'duplicate-key', 'as row 2'],
    ]);
  });
});

describe('validateFiles: the report', () => {
  it('sorts problems by file name, then row, then column position, file and header problems first', () => {
    const result = validateFiles([
      csv('training.csv', 'institution,programme,year,trainees,extra\nnobody,IT,1800,-1,x\ncife,,2023,5,y\n'),
      csv('institutions.csv', 'type,id,name,city,country\nagency,cife,CIFE,Fuenlabrada,ESP\n'),
    ]);
    expect(result.problems.map((p) => [p.file, p.row, p.column, p.code, p.severity])).toEqual([
      ['institutions.csv', 1, 'country', 'invalid-type', 'error'],
      ['training.csv', null, 'extra', 'unknown-column', 'warning'],
      ['training.csv', 1, 'institution', 'unknown-reference', 'error'],
      ['training.csv', 1, 'year', 'out-of-range', 'error'],
      ['training.csv', 1, 'trainees', 'out-of-range', 'error'],
      ['training.csv', 2, 'programme', 'missing-value', 'error'],
    ]);
  });

  it('is ok with warnings only', () => {
    const text = INSTITUTIONS.replace('type\n', 'type,notes\n').replaceAll(
      /(government|agency|university)\n/g,
      '$1,x\n',
    );
    const result = validateFiles([csv('institutions.csv', text)]);
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => p.code)).toEqual(['unknown-column']);
    expect(result.tables[0]?.rows).toHaveLength(3);
  });

  it('gives every canonical column to every row, null when absent, and lists the columns the file has', () => {
    const result = validateFiles([
      csv('institutions.csv', INSTITUTIONS),
      csv('training.csv', 'Trainees,Year,Programme,Institution\n"1,234",2024,Job search,cife\n'),
    ]);
    expect(result.tables[1]).toEqual({
      table: 'training',
      file: 'training.csv',
      encoding: 'utf-8',
      delimiter: ',',
      columns: ['institution', 'programme', 'year', 'trainees'],
      rows: [
        {
          institution: 'cife',
          partnership: null,
          programme: 'Job search',
          topic: null,
          year: 2024,
          trainees: 1234,
          completed: null,
          source: null,
          programme_en: null,
          programme_es: null,
          programme_zh: null,
          topic_en: null,
          topic_es: null,
          topic_zh: null,
        },
      ],
    });
  });

  it('takes the table from the upload, before the file name', () => {
    const result = validateFiles([csv('export (3).csv', INSTITUTIONS, { table: 'institutions' })]);
    expect(result.tables[0]?.table).toBe('institutions');
    const wrong = validateFiles([csv('institutions.csv', INSTITUTIONS, { table: 'people' as never })]);
    expect(wrong.problems).toEqual([
      problem({
        table: null,
        code: 'unknown-table',
        message: 'There is no table called “people”. Use institutions, partnerships, training or milestones.',
        value: 'people',
      }),
    ]);
  });

  it('caps the problems of a million-row-sized mistake without losing count', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `cife,Programme ${i},2023,many`).join('\n');
    const result = validateFiles([
      csv('institutions.csv', INSTITUTIONS),
      csv('training.csv', `institution,programme,year,trainees\n${rows}`),
    ]);
    expect(result.problems).toHaveLength(1001);
    expect(result.problems.at(-1)).toMatchObject({ code: 'too-many-problems', severity: 'error', row: null });
    expect(result.problems.at(-1)?.message).toContain('4,000 more problems');
    expect(result.tables[1]?.rows).toHaveLength(5000);
  });

  it('keeps problems of several files apart and validates them all', () => {
    const result = validateFiles([
      csv('institutions.csv', ''),
      csv('partnerships.csv', 'id,source,target,area,status\np1,cife,fuen,exchange,maybe\n'),
    ]);
    expect(result.problems.map((p) => [p.file, p.code])).toEqual([
      ['institutions.csv', 'empty-file'],
      ['partnerships.csv', 'unknown-reference'],
      ['partnerships.csv', 'unknown-reference'],
      ['partnerships.csv', 'invalid-enum'],
    ]);
  });
});
