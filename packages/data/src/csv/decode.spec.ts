import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import { decodeBytes, resolveEncoding } from './decode.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const ES_TEXT = new TextDecoder().decode(fixture('encodings/institutions.es.utf8.csv'));
const ZH_TEXT = new TextDecoder().decode(fixture('encodings/institutions.zh.utf8.csv'));

describe('decodeBytes', () => {
  it.each([
    ['institutions.es.utf8.csv', 'utf-8', ES_TEXT],
    ['institutions.es.utf8-bom.csv', 'utf-8', ES_TEXT],
    ['institutions.es.utf16le.csv', 'utf-16le', ES_TEXT],
    ['institutions.es.cp1252.csv', 'windows-1252', ES_TEXT],
    ['institutions.zh.utf8.csv', 'utf-8', ZH_TEXT],
    ['institutions.zh.utf8-bom.csv', 'utf-8', ZH_TEXT],
    ['institutions.zh.utf16le.csv', 'utf-16le', ZH_TEXT],
    ['institutions.zh.utf16be.csv', 'utf-16be', ZH_TEXT],
    ['institutions.zh.gbk.csv', 'gbk', ZH_TEXT],
  ])('detects %s as %s and drops the BOM', (name, encoding, text) => {
    expect(decodeBytes(fixture(`encodings/${name}`))).toEqual({ ok: true, text, encoding });
  });

  it('reads cp1252 Spanish as Windows-1252, not as GBK (which would also decode it)', () => {
    // "Año, Fuenlabrada, Formación" — F1 6F and F3 6E are valid GBK pairs, but not GB2312 hanzi.
    const bytes = Uint8Array.from([
      0x41,
      0xf1,
      0x6f,
      0x2c,
      0x20,
      ...utf8('Fuenlabrada, Formaci'),
      0xf3,
      0x6e,
      0x0a,
    ]);
    expect(new TextDecoder('gbk', { fatal: true }).decode(bytes)).not.toContain('Año');
    expect(decodeBytes(bytes)).toEqual({
      ok: true,
      text: 'Año, Fuenlabrada, Formación\n',
      encoding: 'windows-1252',
    });
  });

  it('decodes the cp1252 bytes 0x80–0x9F as Windows-1252 characters, not Latin-1 controls', () => {
    const bytes = Uint8Array.from([0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0xd1]);
    expect(decodeBytes(bytes, { encoding: 'cp1252' })).toEqual({
      ok: true,
      text: '€ “a” – Ñ',
      encoding: 'windows-1252',
    });
  });

  it('reads GB2312 Chinese without a BOM as GBK', () => {
    // 杭州 = BA BC D6 DD, 机构 = BB FA B9 B9, full-width comma = A3 AC
    const bytes = Uint8Array.from([0xba, 0xbc, 0xd6, 0xdd, 0xa3, 0xac, 0xbb, 0xfa, 0xb9, 0xb9, 0x0a]);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: '杭州，机构\n', encoding: 'gbk' });
  });

  it('reads UTF-16 without a BOM from the zero bytes of ASCII characters', () => {
    const le = fixture('encodings/institutions.zh.utf16le.csv').slice(2);
    const be = fixture('encodings/institutions.zh.utf16be.csv').slice(2);
    expect(decodeBytes(le)).toEqual({ ok: true, text: ZH_TEXT, encoding: 'utf-16le' });
    expect(decodeBytes(be)).toEqual({ ok: true, text: ZH_TEXT, encoding: 'utf-16be' });
  });

  it('reads BOM-less UTF-16 whose Chinese code units hold zero bytes (一 is U+4E00)', () => {
    const text = 'id,name\nyi,一二三\nshi,十一\n';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(le.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    expect(decodeBytes(le)).toEqual({ ok: true, text, encoding: 'utf-16le' });
  });

  it('treats pure ASCII as UTF-8', () => {
    expect(decodeBytes(utf8('id,name\n'))).toEqual({ ok: true, text: 'id,name\n', encoding: 'utf-8' });
  });

  it('follows the encoding the caller gives, under any of its labels', () => {
    const gbk = fixture('encodings/institutions.zh.gbk.csv');
    for (const label of ['gbk', 'GB2312', 'cp936', 'gb18030']) {
      expect(decodeBytes(gbk, { encoding: label })).toMatchObject({ ok: true, text: ZH_TEXT });
    }
    // The caller wins even where detection would choose otherwise: cp1252 "Año" read as GBK.
    expect(decodeBytes(Uint8Array.from([0x41, 0xf1, 0x6f]), { encoding: 'gbk' })).toEqual({
      ok: true,
      text: 'A\u99c9',
      encoding: 'gbk',
    });
    expect(decodeBytes(fixture('encodings/institutions.zh.utf16be.csv'), { encoding: 'utf-16' })).toEqual({
      ok: true,
      text: ZH_TEXT,
      encoding: 'utf-16be',
    });
  });

  it('refuses bytes that are invalid in the encoding the caller gives', () => {
    expect(decodeBytes(fixture('encodings/institutions.es.cp1252.csv'), { encoding: 'utf-8' })).toEqual({
      ok: false,
      issue: {
        code: 'invalid-encoding',
        message: 'invalid-encoding.declared',
        row: null,
        line: null,
        column: null,
        value: null,
        params: { encoding: 'UTF-8' },
      },
    });
    // 0x81 is one of the five bytes Windows-1252 leaves undefined.
    expect(decodeBytes(Uint8Array.from([0x61, 0x81]), { encoding: 'windows-1252' })).toMatchObject({
      ok: false,
      issue: { code: 'invalid-encoding', params: { encoding: 'Windows-1252' } },
    });
    // A lone lead byte at the end is invalid GBK.
    expect(decodeBytes(Uint8Array.from([0x61, 0xba]), { encoding: 'gbk' })).toMatchObject({
      ok: false,
      issue: { code: 'invalid-encoding' },
    });
  });

  it('refuses an encoding it does not support', () => {
    expect(decodeBytes(utf8('a,b\n'), { encoding: 'ebcdic' })).toMatchObject({
      ok: false,
      issue: {
        code: 'invalid-encoding',
        message: 'invalid-encoding.unsupported',
        params: { encoding: 'ebcdic' },
      },
    });
  });

  it('refuses spreadsheets and other binary files', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    expect(decodeBytes(xlsx)).toMatchObject({ ok: false, issue: { message: 'invalid-encoding.binary' } });
    expect(decodeBytes(Uint8Array.from([0x61, 0x62, 0x00, 0x00, 0x63, 0x0a]))).toMatchObject({
      ok: false,
      issue: { code: 'invalid-encoding', message: 'invalid-encoding.binary' },
    });
  });

  it('refuses bytes that fit none of the encodings', () => {
    // 0xFF is invalid in UTF-8 and GBK; 0x81 is undefined in Windows-1252.
    expect(decodeBytes(Uint8Array.from([0x61, 0xff, 0x81, 0x0a]))).toMatchObject({
      ok: false,
      issue: { code: 'invalid-encoding', message: 'invalid-encoding.undetected' },
    });
  });

  it.each([
    ['no bytes', new Uint8Array()],
    ['whitespace', utf8(' \r\n\t\n')],
    ['a BOM only', Uint8Array.from([0xef, 0xbb, 0xbf])],
    ['a BOM and blank lines', Uint8Array.from([0xff, 0xfe, 0x0a, 0x00, 0x0a, 0x00])],
  ])('reports %s as empty-file', (_, bytes) => {
    expect(decodeBytes(bytes)).toEqual({
      ok: false,
      issue: { code: 'empty-file', message: 'empty-file', row: null, line: null, column: null, value: null },
    });
  });
});

describe('resolveEncoding', () => {
  it.each([
    ['UTF8', 'utf-8'],
    ['utf-16', 'utf-16le'],
    ['UTF-16BE', 'utf-16be'],
    ['gb2312', 'gbk'],
    ['CP936', 'gbk'],
    ['GB18030', 'gb18030'],
    ['latin1', 'windows-1252'],
    ['cp1252', 'windows-1252'],
    ['shift_jis', null],
    ['nonsense', null],
  ])('%s → %s', (label, encoding) => {
    expect(resolveEncoding(label)).toBe(encoding);
  });
});

describe('decodeBytes on mixed encodings', () => {
  const header = Buffer.from('id,name,city,country,type\n');
  const utf8Row = Buffer.from('mostoles,Centro de Móstoles,Móstoles,ES,agency\n', 'utf8');
  const cp1252Row = Buffer.from('getafe,Formación Getafe,Getafe,ES,agency\n', 'latin1');

  it('refuses UTF-8 rows among Windows-1252 ones, naming the first UTF-8 line and word', () => {
    for (const [bytes, line] of [
      [Buffer.concat([header, utf8Row, cp1252Row]), 2],
      [Buffer.concat([header, cp1252Row, cp1252Row, utf8Row]), 4],
    ] as const) {
      expect(decodeBytes(new Uint8Array(bytes))).toEqual({
        ok: false,
        issue: {
          code: 'invalid-encoding',
          message: 'invalid-encoding.mixed',
          row: null,
          line,
          column: null,
          value: 'Móstoles',
        },
      });
    }
  });

  it('still reads Windows-1252 with Ã or Â where they belong, and UTF-8 alone', () => {
    const portuguese = Buffer.from('id,name\nsao,SÃO PAULO - ÂNGULO\n', 'latin1');
    expect(decodeBytes(new Uint8Array(portuguese))).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(decodeBytes(new Uint8Array(Buffer.concat([header, cp1252Row])))).toMatchObject({
      ok: true,
      encoding: 'windows-1252',
    });
    expect(decodeBytes(new Uint8Array(Buffer.concat([header, utf8Row])))).toMatchObject({
      ok: true,
      encoding: 'utf-8',
    });
  });
});
