import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/csv/decode.js';
import { PlainCsvScan, type PlainCsv } from '../src/csv/plain.js';
import { cutCharacter, stageSqlUpload, type LoadFile } from '../src/store/sql-files.js';
import { validateFiles } from '../src/validation/validate.js';
import { fixture } from './fixtures.js';
import { tempDir } from './helpers.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The text `validateFiles` reads in bytes, as the UTF-8 DuckDB must read (no BOM). */
function validatorText(bytes: Uint8Array): string {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new Error('fixture does not decode');
  return decoded.text.replace(/^\ufeff/, '');
}

describe('an upload read in chunks for the SQL path', () => {
  const corpus = readdirSync(new URL('./fixtures/encodings/corpus/', import.meta.url));
  const fixtures = [
    ...readdirSync(new URL('./fixtures/encodings/', import.meta.url))
      .filter((n) => n.endsWith('.csv'))
      .map((n) => `encodings/${n}`),
    ...corpus.map((n) => `encodings/corpus/${n}`),
  ];

  it('decodes every encoding exactly, whatever characters the chunks cut, and keeps the original bytes', async () => {
    // Every fixture encoding: UTF-8 (with and without BOM), UTF-16LE/BE, Windows-1252, GBK, GB18030.
    for (const encoding of ['utf8.', 'utf8-bom', 'utf16le', 'utf16be', 'cp1252', '.gbk', 'gb18030.csv']) {
      expect(fixtures.some((f) => f.includes(encoding))).toBe(true);
    }
    for (const name of fixtures) {
      const bytes = fixture(name);
      const expected = validatorText(bytes);
      const validated = validateFiles([{ name: 'institutions.csv', bytes }]);
      // Chunks of 1, 2, 3, 5 and 7 bytes cut every multi-byte character (2 to 4 bytes) somewhere.
      for (const chunk of [1, 2, 3, 5, 7, 4096]) {
        const dir = tempDir();
        const upload = stageSqlUpload(dir, [{ name: 'institutions.csv', bytes }], { locale: 'en', chunk });
        const [file] = await Promise.all(upload.files);
        expect(file, `${name}, chunks of ${chunk}`).not.toBeNull();
        expect(readFileSync(file!.path, 'utf8'), `${name}, chunks of ${chunk}`).toBe(expected);
        expect(file!.header.encoding).toBe(validated.tables[0]!.encoding);
        expect(await upload.warnings()).toEqual(validated.problems);
        // Kept under the hash of the bytes as sent, whatever DuckDB reads.
        await upload.keep(file!);
        expect(file!.sha256).toBe(sha256(bytes));
        expect(new Uint8Array(readFileSync(path.join(dir, file!.sha256)))).toEqual(bytes);
        await upload.remove();
        expect(readdirSync(path.join(dir, 'staging'))).toEqual([]);
      }
    }
  }, 60_000);

  it('reads a file on disk as it reads the same bytes in memory, past the start read for the header', async () => {
    // Over a mebibyte of text, so the header is read from the file's start alone; multi-byte names throughout.
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `inst-${i},Universitat ${i} çàñ 杭州,Lleida,ES,university`,
    );
    const text = `id,name,city,country,type\n${rows.join('\n')}\n`;
    const dir = tempDir();
    const file = path.join(dir, 'institutions.csv');
    writeFileSync(file, text);
    const size = Buffer.byteLength(text);
    expect(size).toBeGreaterThan(1024 * 1024 + 100_000);
    const onDisk: LoadFile = { name: 'institutions.csv', path: file, size };
    let read = 0;
    const upload = stageSqlUpload(path.join(dir, 'uploads'), [onDisk], {
      locale: 'en',
      chunk: 65_537,
      onRead: (n) => (read += n),
    });
    const [staged] = await Promise.all(upload.files);
    expect(read).toBe(size);
    expect(staged).not.toBeNull();
    expect(staged!.header).toMatchObject({ table: 'institutions', line: 1, width: 5 });
    expect(staged!.plain).toEqual({ trim: 'none' });
    expect(await upload.warnings()).toEqual([]);
    // UTF-8 without BOM: DuckDB reads the raw copy itself, which is then kept.
    expect(readFileSync(staged!.path, 'utf8')).toBe(text);
    await upload.keep(staged!);
    expect(readFileSync(path.join(dir, 'uploads', sha256(Buffer.from(text))), 'utf8')).toBe(text);
    await upload.remove();
  });

  it('gives up on what only the whole file can settle, leaving nothing behind', async () => {
    const dir = tempDir();
    const refused = async (bytes: Uint8Array) => {
      const upload = stageSqlUpload(dir, [{ name: 'institutions.csv', bytes }], { locale: 'en', chunk: 3 });
      // Given up on as the file is read, or once every header is read.
      expect(await upload.warnings()).toBeNull();
      await upload.remove();
      expect(readdirSync(path.join(dir, 'staging'))).toEqual([]);
    };
    const encoder = new TextEncoder();
    // A NUL late in the file, UTF-8 cut off inside a character, a workbook, an unclosed quote.
    await refused(encoder.encode('id,name,country\ninst-1,A,ES\ninst-2,B\u0000,ES\n'));
    await refused(encoder.encode('id,name,country\ninst-1,Ó').subarray(0, -1));
    await refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x41, 0x42]));
    await refused(encoder.encode('id,name,country\ninst-1,"A,ES\ninst-2,B,ES\n'));
  });

  it('finds where a UTF-8 character is cut', () => {
    const bytes = new TextEncoder().encode('aé杭😀');
    // a(1) é(2) 杭(3) 😀(4)
    expect(cutCharacter(bytes)).toBe(10);
    expect(cutCharacter(bytes.subarray(0, 9))).toBe(6);
    expect(cutCharacter(bytes.subarray(0, 7))).toBe(6);
    expect(cutCharacter(bytes.subarray(0, 5))).toBe(3);
    expect(cutCharacter(bytes.subarray(0, 2))).toBe(1);
    expect(cutCharacter(bytes.subarray(0, 1))).toBe(1);
    expect(cutCharacter(new Uint8Array(0))).toBe(0);
  });
});

describe('the plain-CSV check over chunks', () => {
  /** The check as it read a whole text before files were read in chunks: the oracle. */
  function wholeText(text: string, delimiter: string, headerLine: number): PlainCsv | null {
    if (text.includes('\r') && (/\r(?!\n)/.test(text) || /(?:^|[^\r])\n/.test(text))) return null;
    if (text.normalize('NFC') !== text) return null;
    let trim: 'none' | 'spaces' | 'whitespace' =
      /[\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(text) ||
      (delimiter !== '\t' && text.includes('\t'))
        ? 'whitespace'
        : text.startsWith(' ') ||
            text.endsWith(' ') ||
            [delimiter, '\n', '"'].some((e) => text.includes(`${e} `) || text.includes(` ${e}`)) ||
            text.includes(' \r')
          ? 'spaces'
          : 'none';
    if (!text.includes('"')) return { trim };
    let afterHeader = 0;
    for (let line = 0; line < headerLine && afterHeader !== -1; line++) {
      const nl = text.indexOf('\n', afterHeader);
      afterHeader = nl === -1 ? -1 : nl + 1;
    }
    if (afterHeader === -1) afterHeader = text.length;
    const d = delimiter.charCodeAt(0);
    for (let open = text.indexOf('"'); open !== -1;) {
      const before = open === 0 ? d : text.charCodeAt(open - 1);
      if (!(before === d || before === 10 || before === 13)) return null;
      let close = text.indexOf('"', open + 1);
      while (close !== -1 && text.charCodeAt(close + 1) === 34) close = text.indexOf('"', close + 2);
      if (close === -1) return null;
      const next = text.charCodeAt(close + 1);
      if (!(Number.isNaN(next) || next === d || next === 10 || next === 13)) return null;
      if (close > open + 1 && /[\t\r\n]/.test(text.slice(open, close))) {
        if (open < afterHeader) return null;
        trim = 'whitespace';
      }
      open = text.indexOf('"', close + 1);
    }
    return { trim };
  }

  it('says what the whole-text check says, wherever the chunks are cut', () => {
    const piece = fc.constantFrom(
      'a',
      'b1',
      ',',
      ';',
      '"',
      '""',
      '\n',
      '\r\n',
      '\r',
      ' ',
      '\t',
      'é',
      'e\u0301',
      '\u00a0',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.constantFrom(',', ';', '\t'),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 10 }),
        (parts, delimiter, headerLine, cuts) => {
          const text = parts.join('');
          const scan = new PlainCsvScan(delimiter, headerLine);
          for (let at = 0, i = 0; at < text.length; i++) {
            const size = cuts[i % cuts.length]!;
            scan.push(text.slice(at, at + size));
            at += size;
          }
          expect(scan.end()).toEqual(wholeText(text, delimiter, headerLine));
          const whole = new PlainCsvScan(delimiter, headerLine);
          whole.push(text);
          expect(whole.end()).toEqual(wholeText(text, delimiter, headerLine));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
