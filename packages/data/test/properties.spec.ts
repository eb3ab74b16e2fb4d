/**
 * Properties of the CSV pipeline over generated input (fast-check): any table, written the ways spreadsheets and
 * scripts write CSV, reads back to the same values — through the validator and through a load into the store —
 * and no damaged file makes the validator throw. A failure prints the smallest input that breaks the property.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INSTITUTION_TYPES } from '../src/schema/tables.js';
import { load, Store } from '../src/store/index.js';
import { validateFiles } from '../src/validation/validate.js';
import { tempDir } from './helpers.js';

// Characters by the encodings that can write them. Quotes, delimiters and line breaks are among them on purpose.
const SPECIAL = ['"', ',', ';', '\t', '|', '\n', '\r\n', ' ', "'", '=', '#'];
const LATIN = [...'aeiouAEIOUnsrtlNSRTL0129áéíóúñÑçÇãõâêôàüÜöäßœŒ€–—“”‘’…·ºª¿¡'];
const CJK = [...'杭州富恩拉夫达市政府合作培训电子商务学院中国西班牙跨境人才发展局与的了在'];
const EMOJI = ['😀', '🇪🇸', '🇨🇳', '👩🏽‍💻', '𠀋'];

/** GBK's encoder: TextDecoder's own table, inverted (as test/fixtures/encodings/generate.mjs does). */
function gbkEncoder(): (text: string) => Uint8Array {
  const decoder = new TextDecoder('gbk', { fatal: true });
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // Not a character in GBK.
      }
    }
  }
  return (text) =>
    Uint8Array.from(
      [...text].flatMap((ch) => {
        const bytes = ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch);
        if (bytes === undefined) throw new Error(`GBK has no ${ch}`);
        return bytes;
      }),
    );
}
const gbk = gbkEncoder();

// Windows-1252 0x80–0x9F written out: Node 20's TextDecoder reads them as Latin-1 (nodejs/node#60888).
const CP1252_80_9F = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1,
  0x017d, -1, -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, -1, 0x017e, 0x0178,
];
const cp1252Bytes = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) {
  const unit = b < 0xa0 ? CP1252_80_9F[b - 0x80]! : b;
  if (unit > 0) cp1252Bytes.set(String.fromCharCode(unit), b);
}
const cp1252 = (text: string) =>
  Uint8Array.from(
    [...text].map((ch) => {
      const b = ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : cp1252Bytes.get(ch);
      if (b === undefined) throw new Error(`Windows-1252 has no ${ch}`);
      return b;
    }),
  );

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

const UNICODE = [...LATIN, ...CJK, ...EMOJI];
const ENCODINGS = {
  'utf-8': { pool: UNICODE, encode: (t: string) => new TextEncoder().encode(t) },
  'utf-8 BOM': { pool: UNICODE, encode: (t: string) => new TextEncoder().encode(`\ufeff${t}`) },
  'utf-16le': { pool: UNICODE, encode: (t: string) => utf16(t, true) },
  'utf-16be': { pool: UNICODE, encode: (t: string) => utf16(t, false) },
  'windows-1252': { pool: LATIN, encode: cp1252 },
  gbk: { pool: CJK, encode: gbk },
} as const;
type EncodingName = keyof typeof ENCODINGS;

interface Row {
  id: string;
  name: string;
  city: string;
  country: string;
  type: string;
}

/** Character soup from the pool, never blank, no space at its edges (the parser trims those). */
const soup = (pool: readonly string[]) =>
  fc
    .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, fc.constantFrom(...SPECIAL)), {
      minLength: 1,
      maxLength: 24,
    })
    .map((chars) => chars.join('').trim())
    .filter((text) => text !== '');

/**
 * Words as Spanish, Portuguese or Chinese names have them. Windows-1252 and GBK share most byte pairs, so a file in
 * either is told apart by what its words look like: accents between Latin letters, or hanzi side by side.
 * Character soup in those encodings (`ºíáª` is also the hanzi 喉岐) is read with its encoding named instead.
 */
const SYLLABLE = fc
  .tuple(fc.constantFrom(...'bcdfgjlmnprstvzBCDFGLMPRSTñç'), fc.constantFrom(...'aeiouáéíóúàèòãõâêôü'))
  .map(([c, v]) => c + v);
const WORDS = {
  latin: fc.array(SYLLABLE, { minLength: 1, maxLength: 4 }).map((s) => s.join('')),
  chinese: fc.array(fc.constantFrom(...CJK), { minLength: 2, maxLength: 6 }).map((s) => s.join('')),
};
const PUNCTUATION = { latin: ['–', '’', '«', '»', '1'], chinese: ['，', '、', '（', '）', '1'] };
const words = (script: 'latin' | 'chinese') =>
  fc
    .array(
      fc.oneof({ weight: 4, arbitrary: WORDS[script] }, fc.constantFrom(...SPECIAL, ...PUNCTUATION[script])),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.join(' ').trim())
    .filter((text) => text !== '');

function table(encoding: EncodingName, named: boolean) {
  const text =
    named || !(encoding === 'windows-1252' || encoding === 'gbk')
      ? soup(ENCODINGS[encoding].pool)
      : words(encoding === 'gbk' ? 'chinese' : 'latin');
  return fc.uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}[a-z0-9]$/),
      name: text,
      city: text,
      country: fc.constantFrom('ES', 'CN', 'PT', 'FR', 'DE'),
      type: fc.constantFrom(...INSTITUTION_TYPES),
    }),
    { minLength: 1, maxLength: 12, selector: (row) => row.id },
  );
}

const written = fc
  .tuple(fc.constantFrom(...(Object.keys(ENCODINGS) as EncodingName[])), fc.boolean())
  .chain(([encoding, named]) =>
    fc.record({
      encoding: fc.constant(encoding),
      named: fc.constant(named),
      rows: table(encoding, named),
      delimiter: fc.constantFrom(',', ';', '\t', '|'),
      quoteAll: fc.boolean(),
      lineEnd: fc.constantFrom('\n', '\r\n'),
      finalLineEnd: fc.boolean(),
    }),
  );
type Written = typeof written extends fc.Arbitrary<infer T> ? T : never;

/** The file, as a spreadsheet or a script writes it: quoted where needed (or everywhere), quotes doubled. */
function csvBytes(w: Written): Uint8Array {
  const field = (text: string) =>
    w.quoteAll || /["\r\n]/.test(text) || text.includes(w.delimiter)
      ? `"${text.replaceAll('"', '""')}"`
      : text;
  const lines = [
    ['id', 'name', 'city', 'country', 'type'].join(w.delimiter),
    ...w.rows.map((r) => [r.id, r.name, r.city, r.country, r.type].map(field).join(w.delimiter)),
  ];
  return ENCODINGS[w.encoding].encode(lines.join(w.lineEnd) + (w.finalLineEnd ? w.lineEnd : ''));
}

const expected = (rows: Row[]) =>
  rows.map((r) => ({ ...r, name: r.name.normalize('NFC'), city: r.city.normalize('NFC') }));

const picked = (rows: Record<string, unknown>[]) =>
  rows.map(({ id, name, city, country, type }) => ({ id, name, city, country, type }));

const label = (w: Written) => (w.encoding === 'utf-8 BOM' ? 'utf-8' : w.encoding);

/**
 * Validates with the encoding named when the case says so; else detected, and when the report says another
 * encoding stayed plausible, the analyst names the right one, as documented.
 */
function validated(w: Written) {
  const file = { name: 'institutions.csv', bytes: csvBytes(w), ...(w.named ? { encoding: label(w) } : {}) };
  const first = validateFiles([file]);
  if (!first.problems.some((p) => p.code === 'ambiguous-encoding')) return first;
  return validateFiles([{ ...file, encoding: label(w) }]);
}

describe('CSV pipeline properties', () => {
  it('any table, in any encoding (detected or named), delimiter, quoting and line ending, reads back the same', () => {
    fc.assert(
      fc.property(written, (w) => {
        const result = validated(w);
        expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(picked(result.tables[0]!.rows)).toEqual(expected(w.rows));
      }),
      { numRuns: 300 },
    );
  });

  it('and loads into the store as the same rows, whichever path the load takes', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(written, async (w) => {
        const store = await Store.open({ path: `${dir}/p${++n}.duckdb` });
        try {
          const encoding = validated(w).tables[0]!.encoding;
          const result = await load(store, {
            files: [{ name: 'institutions.csv', bytes: csvBytes(w), encoding }],
            mode: 'replace',
            user: 'property',
          });
          expect(result).toMatchObject({ ok: true, tables: { institutions: w.rows.length } });
          const rows = await store.all(
            `SELECT id, name, city, country, type FROM institutions WHERE _to IS NULL ORDER BY rowid`,
          );
          expect(rows).toEqual(expected(w.rows));
        } finally {
          store.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('no damaged file makes the validator throw: each problem names the file and says what is wrong', () => {
    const sample = new Uint8Array(readFileSync(new URL('../../../data/partnerships.csv', import.meta.url)));
    const damage = fc.array(
      fc.record({
        at: fc.nat({ max: sample.length - 1 }),
        kind: fc.constantFrom('flip', 'insert', 'delete'),
        byte: fc.integer({ min: 0, max: 255 }),
      }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(damage, fc.constantFrom('auto', 'utf-8', 'gbk', 'windows-1252'), (edits, encoding) => {
        const bytes = [...sample];
        for (const { at, kind, byte } of edits) {
          const i = Math.min(at, bytes.length - 1);
          if (kind === 'flip') bytes[i] = byte;
          else if (kind === 'insert') bytes.splice(i, 0, byte);
          else bytes.splice(i, 1);
        }
        const result = validateFiles([
          {
            name: 'partnerships.csv',
            bytes: Uint8Array.from(bytes),
            ...(encoding === 'auto' ? {} : { encoding }),
          },
        ]);
        expect(result.ok).toBe(!result.problems.some((p) => p.severity === 'error'));
        for (const problem of result.problems) {
          expect(problem.file).toBe('partnerships.csv');
          expect(problem.code).toMatch(/^[a-z-]+$/);
          expect(problem.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 400 },
    );
  });
});
