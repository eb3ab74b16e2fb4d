import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/csv/decode.js';
import { validateFiles } from '../src/validation/validate.js';
import { fixture } from './fixtures.js';

// The corpus (written by test/fixtures/encodings/generate.mjs): real-looking names in Spanish, Portuguese, French,
// German, Catalan and Chinese, each saved in every encoding its tools write.
const CORPUS = readdirSync(new URL('./fixtures/encodings/corpus/', import.meta.url)).sort();
const EXPECTED_ENCODING: Record<string, string> = {
  utf8: 'utf-8',
  'utf8-bom': 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  cp1252: 'windows-1252',
  gbk: 'gbk',
  gb18030: 'gb18030',
};
const original = (language: string): string =>
  new TextDecoder().decode(fixture(`encodings/corpus/${language}.utf8.csv`));

const cp1252 = (text: string): Uint8Array =>
  Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)).filter((code) => code < 0x100));

describe('encodings detected by evidence', () => {
  const files = CORPUS.filter((name) => !name.startsWith('short-'));

  it('covers six languages in seven encodings', () => {
    expect(new Set(files.map((f) => f.split('.')[0]))).toEqual(
      new Set(['es', 'pt', 'fr', 'de', 'ca', 'zh', 'zh-gb18030']),
    );
    expect(new Set(files.map((f) => f.split('.')[1]))).toEqual(new Set(Object.keys(EXPECTED_ENCODING)));
  });

  it.each(files)('%s decodes to exactly the original text, with no doubt left', (name) => {
    const [language, encoding] = name.split('.') as [string, string];
    const decoded = decodeBytes(fixture(`encodings/corpus/${name}`));
    expect(decoded).toEqual({ ok: true, text: original(language), encoding: EXPECTED_ENCODING[encoding] });
    const result = validateFiles([{ name: 'institutions.csv', bytes: fixture(`encodings/corpus/${name}`) }]);
    expect(result.problems).toEqual([]);
    expect(result.tables[0]?.rows.length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['short-ordonez', 'Ordóñez'],
    ['short-associacao', 'Associação'],
    ['short-pinon', 'Piñón'],
    ['short-ibanez', 'Ibáñez'],
  ])('%s: a cp1252 name whose accents form valid GBK pairs reads as Windows-1252', (file, name) => {
    const bytes = fixture(`encodings/corpus/${file}.cp1252.csv`);
    expect(new TextDecoder('gbk', { fatal: true }).decode(bytes)).not.toContain(name);
    expect(decodeBytes(bytes)).toEqual({
      ok: true,
      text: `id;name;city;country;type\r\nx;${name};Madrid;ES;other\r\n`,
      encoding: 'windows-1252',
    });
  });

  it('says which encoding it used when another stays plausible, and takes the one the caller gives', () => {
    // ÍÑ (CD D1) is also a common hanzi in GBK, and nothing else in the file tells them apart.
    const bytes = cp1252('id;name;city;country;type\r\nia;Academia ÍÑIGO ARANA;Bilbao;ES;college\r\n');
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({
      ok: true,
      encoding: 'windows-1252',
      alternative: { encoding: 'gbk', line: 2, word: 'ÍÑIGO', otherWord: '脱IGO' },
    });
    const warned = validateFiles([{ name: 'institutions.csv', bytes }]);
    expect(warned.ok).toBe(true);
    expect(warned.problems).toEqual([
      {
        file: 'institutions.csv',
        table: 'institutions',
        row: null,
        line: 2,
        column: null,
        code: 'ambiguous-encoding',
        severity: 'warning',
        message:
          'This file was read as Windows-1252, but it also reads as GBK: “ÍÑIGO” on line 2 would be “脱IGO”. If names look wrong in the data, upload the file again choosing GBK as its encoding, or save it as “CSV UTF-8”.',
        value: 'ÍÑIGO',
      },
    ]);
    // Named explicitly, the encoding is used as given and nothing is in doubt.
    const chosen = validateFiles([{ name: 'institutions.csv', bytes, encoding: 'windows-1252' }]);
    expect(chosen.problems).toEqual([]);
    expect(chosen.tables[0]?.rows[0]?.name).toBe('Academia ÍÑIGO ARANA');
    const gbk = validateFiles([{ name: 'institutions.csv', bytes, encoding: 'gbk' }]);
    expect(gbk.tables[0]).toMatchObject({ encoding: 'gbk', rows: [{ name: 'Academia 脱IGO ARANA' }] });
  });
});
