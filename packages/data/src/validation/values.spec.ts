import { describe, expect, it } from 'vitest';
import { isSlug, TABLES } from '../schema/tables.js';
import {
  CellError,
  cellReader,
  COUNTRY_CODES,
  enumReader,
  readCountry,
  readDate,
  readDecimal,
  readInteger,
  readSlug,
  readUrl,
} from './values.js';

/** What a reader returns, with a CellError shown as its message id (and parameters when it has some). */
function read<T>(reader: (raw: string) => T | CellError, raw: string): T | string | [string, unknown] {
  const value = reader(raw);
  if (!(value instanceof CellError)) return value;
  return value.params === undefined ? value.message : [value.message, value.params];
}

describe('readDate', () => {
  it.each([
    ['2023-03-22', '2023-03-22'],
    ['2023-3-2', '2023-03-02'],
    ['22/03/2023', '2023-03-22'],
    ['2/3/2023', '2023-03-02'],
    // Slashes with the year last are day first by contract: 3 April, not March 4.
    ['03/04/2023', '2023-04-03'],
    ['2023/3/22', '2023-03-22'],
    ['2023/03/22', '2023-03-22'],
    ['2023年3月22日', '2023-03-22'],
    ['2023 年 03 月 22 日', '2023-03-22'],
    ['29/02/2024', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %s as %s', (raw, iso) => {
    expect(readDate(raw)).toBe(iso);
  });

  it.each([
    ['03/04/23', 'invalid-type.date-two-digit-year'],
    ['3/4/23', 'invalid-type.date-two-digit-year'],
    ['23-04-03', 'invalid-type.date-two-digit-year'],
    ['22.03.23', 'invalid-type.date-two-digit-year'],
    ['31/02/2024', 'invalid-type.date-impossible'],
    ['29/02/2023', 'invalid-type.date-impossible'],
    ['1900-02-29', 'invalid-type.date-impossible'],
    ['2023-13-01', 'invalid-type.date-impossible'],
    ['2023/02/30', 'invalid-type.date-impossible'],
    ['00/01/2023', 'invalid-type.date-impossible'],
    ['13/13/2023', 'invalid-type.date-impossible'],
    ['2023年2月30日', 'invalid-type.date-impossible'],
    ['45007', 'invalid-type.date-serial'],
    ['22-03-2023', 'invalid-type.date'],
    ['22.03.2023', 'invalid-type.date'],
    ['March 22, 2023', 'invalid-type.date'],
    ['2023-03-22T10:00', 'invalid-type.date'],
    ['20230322', 'invalid-type.date'],
  ])('refuses %s (%s)', (raw, message) => {
    expect(read(readDate, raw)).toBe(message);
  });

  it('refuses month-first dates and suggests the unambiguous form', () => {
    expect(read(readDate, '04/23/2023')).toEqual([
      'invalid-type.date-month-first',
      { suggestion: '2023-04-23' },
    ]);
    expect(read(readDate, '2/29/2024')).toEqual([
      'invalid-type.date-month-first',
      { suggestion: '2024-02-29' },
    ]);
    // Not a date in either order.
    expect(read(readDate, '02/30/2023')).toBe('invalid-type.date-impossible');
  });

  it('refuses dates outside 1900–2100 as out-of-range', () => {
    expect(readDate('22/03/2203')).toEqual(
      new CellError('out-of-range', 'out-of-range.date', { min: 1900, max: 2100 }),
    );
    expect(readDate('1899-12-31')).toBeInstanceOf(CellError);
    expect(readDate('2100-12-31')).toBe('2100-12-31');
  });
});

describe('readInteger', () => {
  it.each([
    ['1234', 1234],
    ['+7', 7],
    ['-5', -5],
    ['-0', 0],
    ['007', 7],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['1,234.00', 1234],
    ['1.234,00', 1234],
  ])('reads %s as %d', (raw, value) => {
    expect(readInteger(raw)).toBe(value);
  });

  it.each([
    ['1.5', 'invalid-type.integer-fraction'],
    ['1,5', 'invalid-type.integer-fraction'],
    ['12.50', 'invalid-type.integer-fraction'],
    ['1.2345', 'invalid-type.integer-fraction'],
    ['many', 'invalid-type.integer'],
    ['12a', 'invalid-type.integer'],
    ['1,23,456', 'invalid-type.integer'],
    ['1.234,5', 'invalid-type.integer'],
    ['1e3', 'invalid-type.integer'],
    ['-', 'invalid-type.integer'],
  ])('refuses %s (%s)', (raw, message) => {
    expect(read(readInteger, raw)).toBe(message);
  });

  it('refuses numbers JavaScript cannot hold exactly', () => {
    expect(readInteger('99999999999999999999')).toMatchObject({ code: 'out-of-range' });
  });
});

describe('readDecimal', () => {
  it.each([
    ['40.28', 40.28],
    ['40,28', 40.28],
    ['-3.79', -3.79],
    ['-3,79', -3.79],
    ['120', 120],
    ['.5', 0.5],
    ['-0', 0],
  ])('reads %s as %d', (raw, value) => {
    expect(readDecimal(raw)).toBe(value);
  });

  it.each(['40.28N', '1,234.5', '40,283,1', 'norte', '4e1', ''])('refuses %j', (raw) => {
    expect(read(readDecimal, raw)).toBe('invalid-type.decimal');
  });
});

describe('readSlug', () => {
  it('accepts [a-z0-9-]+ as written', () => {
    expect(readSlug('hz-academy-2')).toBe('hz-academy-2');
  });

  it('follows the contract’s slug rule (isSlug), which the dashboard checks ids in URLs with', () => {
    for (const raw of ['hz-academy-2', 'Fuen', 'a b', 'año', '-', 'x_y', '9']) {
      expect(typeof readSlug(raw) === 'string').toBe(isSlug(raw));
    }
  });

  it.each([
    ['Fuen', 'fuen'],
    ['Centro CIFE', 'centro-cife'],
    ['año_2023', 'ano-2023'],
    ['杭州', 'fuenlabrada-cife'],
  ])('refuses %s and suggests %s', (raw, suggestion) => {
    expect(read(readSlug, raw)).toEqual(['invalid-type.slug', { suggestion }]);
  });
});

describe('readCountry', () => {
  it('knows the 249 assigned ISO 3166-1 alpha-2 codes', () => {
    expect(COUNTRY_CODES.size).toBe(249);
    const names = new Intl.DisplayNames('en', { type: 'region' });
    // Every code has a name in CLDR (an unknown code would come back as itself).
    for (const code of COUNTRY_CODES) expect(names.of(code), code).not.toBe(code);
  });

  it('accepts any case and stores upper case', () => {
    expect(readCountry('es')).toBe('ES');
    expect(readCountry('Cn')).toBe('CN');
  });

  it.each([
    ['UK', 'GB'],
    ['España', 'ES'],
    ['中国', 'CN'],
  ])('refuses %s and suggests %s', (raw, suggestion) => {
    expect(read(readCountry, raw)).toEqual(['invalid-type.country-suggestion', { suggestion }]);
  });

  it.each(['XK', 'ZZ', 'E', 'Francia'])('refuses %s', (raw) => {
    expect(read(readCountry, raw)).toBe('invalid-type.country');
  });
});

describe('readUrl', () => {
  it.each(['https://www.ayto-fuenlabrada.es', 'http://example.org/a?b=c#d', 'HTTPS://杭州.中国/'])(
    'accepts %s',
    (raw) => {
      expect(readUrl(raw)).toBe(raw);
    },
  );

  it('refuses a bare domain and suggests https://', () => {
    expect(read(readUrl, 'www.hzcbec.edu.cn/about')).toEqual([
      'invalid-type.url-scheme',
      { suggestion: 'https://www.hzcbec.edu.cn/about' },
    ]);
  });

  it.each(['ftp://example.org', 'https://', 'https://exa mple.org', 'mailto:ana@example.org', 'n/a'])(
    'refuses %s',
    (raw) => {
      expect(read(readUrl, raw)).toBe('invalid-type.url');
    },
  );
});

describe('enumReader', () => {
  const area = enumReader(TABLES.partnerships.columns.find((c) => c.name === 'area')!.values!);

  it.each([
    ['joint_training', 'joint_training'],
    ['Joint Training', 'joint_training'],
    ['joint-training', 'joint_training'],
    ['JOINT  TRAINING', 'joint_training'],
    ['Platform', 'platform'],
  ])('reads %s as %s', (raw, value) => {
    expect(area(raw)).toBe(value);
  });

  it('refuses other values and lists the allowed ones', () => {
    expect(read(area, 'formación')).toEqual([
      'invalid-enum',
      {
        values: [
          'exchange',
          'joint_training',
          'design_lab',
          'pilot_project',
          'branding',
          'platform',
          'research',
          'other',
        ],
      },
    ]);
  });
});

describe('cellReader', () => {
  const column = (table: keyof typeof TABLES, name: string) =>
    TABLES[table].columns.find((c) => c.name === name)!;

  it('checks the bounds of numeric columns', () => {
    const year = cellReader(column('training', 'year'));
    expect(year('2023')).toBe(2023);
    expect(read(year, '1899')).toEqual(['out-of-range.between', { min: 1900, max: 2100 }]);
    expect(read(year, '23')).toEqual(['out-of-range.between', { min: 1900, max: 2100 }]);
    const trainees = cellReader(column('training', 'trainees'));
    expect(trainees('0')).toBe(0);
    expect(read(trainees, '-1')).toEqual(['out-of-range.min', { min: 0 }]);
    const latitude = cellReader(column('institutions', 'latitude'));
    expect(latitude('40,28')).toBe(40.28);
    expect(read(latitude, '140')).toEqual(['out-of-range.between', { min: -90, max: 90 }]);
  });

  it('reads text as written and references as identifiers', () => {
    expect(cellReader(column('institutions', 'name'))('Ayuntamiento, "Fuenlabrada"')).toBe(
      'Ayuntamiento, "Fuenlabrada"',
    );
    expect(read(cellReader(column('training', 'institution')), 'CIFE')).toEqual([
      'invalid-type.slug',
      { suggestion: 'cife' },
    ]);
  });
});
