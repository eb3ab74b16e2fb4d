import { fileIssue, type Issue } from './issue.js';

/** Encodings an upload may come in: what Excel writes in es-ES and zh-CN, plus UTF-8/UTF-16. */
export const SUPPORTED_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gbk',
  'gb18030',
  'windows-1252',
] as const;
export type Encoding = (typeof SUPPORTED_ENCODINGS)[number];

export interface DecodeOptions {
  /** Any label TextDecoder knows (`utf8`, `latin1`, `gb2312`, `cp1252`…) or `cp936`; detected when absent. */
  encoding?: string;
}

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | { ok: false; issue: Issue };

// Labels TextDecoder doesn't know but Windows users type.
const EXTRA_LABELS: Readonly<Record<string, Encoding>> = {
  cp936: 'gbk',
  ms936: 'gbk',
  'windows-936': 'gbk',
  cp65001: 'utf-8',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  utf16: 'utf-16le',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
};

/** The supported encoding a label names, or null when it names none of them. */
export function resolveEncoding(label: string): Encoding | null {
  const key = label.trim().toLowerCase();
  const extra = EXTRA_LABELS[key];
  if (extra !== undefined) return extra;
  try {
    const name = new TextDecoder(key).encoding;
    return (SUPPORTED_ENCODINGS as readonly string[]).includes(name) ? (name as Encoding) : null;
  } catch {
    return null;
  }
}

const decoders = new Map<Encoding, TextDecoder>();
function decoder(encoding: Encoding): TextDecoder {
  let d = decoders.get(encoding);
  if (d === undefined) {
    // fatal: a byte sequence that is invalid in the encoding throws instead of becoming U+FFFD.
    d = new TextDecoder(encoding, { fatal: true });
    decoders.set(encoding, d);
  }
  return d;
}

/** Decodes strictly; null when the bytes are not valid in the encoding. A matching BOM is dropped. */
function tryDecode(bytes: Uint8Array, encoding: Encoding): string | null {
  if (encoding === 'windows-1252') return decodeCp1252(bytes);
  try {
    return decoder(encoding).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Windows-1252 is Latin-1 except 0x80–0x9F: typographic quotes, dashes, €… Decoded here rather than with
 * TextDecoder, which Node 20.18.3+ gets wrong (it decodes those bytes as Latin-1 controls, nodejs/node#60888),
 * and which would accept the five bytes cp1252 leaves undefined.
 */
const CP1252_80_9F = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1,
  0x017d, -1, -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, -1, 0x017e, 0x0178,
];

function decodeCp1252(bytes: Uint8Array): string | null {
  const CHUNK = 8192;
  const units = new Uint16Array(Math.min(CHUNK, bytes.length));
  let text = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80 && b < 0xa0) {
        const unit = CP1252_80_9F[b - 0x80]!;
        if (unit < 0) return null;
        units[i - start] = unit;
      } else {
        units[i - start] = b;
      }
    }
    text += String.fromCharCode.apply(null, units.subarray(0, end - start) as unknown as number[]);
  }
  return text;
}

function bomEncoding(bytes: Uint8Array): Encoding | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Workbooks uploaded instead of CSV: xlsx is a zip, xls an OLE2 compound file. */
function looksLikeWorkbook(bytes: Uint8Array): boolean {
  const starts = (sig: readonly number[]): boolean => sig.every((b, i) => bytes[i] === b);
  return starts([0x50, 0x4b, 0x03, 0x04]) || starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

/**
 * UTF-16 without a BOM: CSV text is mostly ASCII, so the high byte of most code units is zero, always at the same
 * parity (odd offsets in little endian). 8-bit text has no zero bytes; CJK code units rarely have a zero byte.
 */
function guessBomlessUtf16(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const units = n / 2;
  if (zeroOdd >= units * 0.2 && zeroEven * 3 < zeroOdd) return 'utf-16le';
  if (zeroEven >= units * 0.2 && zeroOdd * 3 < zeroEven) return 'utf-16be';
  return null;
}

interface GbkScan {
  /** Structurally valid GBK/GB18030. */
  valid: boolean;
  /** Double-byte pairs in GB2312's symbol (A1–A9) and hanzi (B0–F7) rows, trail A1–FE: what Chinese text is made of. */
  gb2312: number;
  /** Any other non-ASCII sequence: GBK extensions, 4-byte GB18030, the euro byte. */
  other: number;
}

function scanGbk(bytes: Uint8Array): GbkScan {
  let gb2312 = 0;
  let other = 0;
  const n = bytes.length;
  for (let i = 0; i < n;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (lead === 0x80) {
      other++;
      i++;
      continue;
    }
    if (lead === 0xff || i + 1 >= n) return { valid: false, gb2312, other };
    const trail = bytes[i + 1]!;
    if (trail >= 0x30 && trail <= 0x39) {
      const b3 = bytes[i + 2];
      const b4 = bytes[i + 3];
      if (b3 === undefined || b4 === undefined || b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) {
        return { valid: false, gb2312, other };
      }
      other++;
      i += 4;
      continue;
    }
    if (trail < 0x40 || trail === 0x7f || trail === 0xff) return { valid: false, gb2312, other };
    const gbRow = (lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7);
    if (gbRow && trail >= 0xa1) gb2312++;
    else other++;
    i += 2;
  }
  return { valid: true, gb2312, other };
}

/**
 * Chinese or Spanish 8-bit text? Nearly any cp1252 text is also decodable as GBK (a lead byte swallows the next
 * byte), so a clean GBK decode proves nothing. What does: in Chinese text almost every double-byte pair is a
 * GB2312 hanzi or full-width symbol (both bytes ≥ 0xA1), while a Spanish accented letter is usually followed by
 * an ASCII letter ("Año" = F1 6F), which is a GBK-extension pair at best.
 */
function looksLikeGbk(scan: GbkScan): boolean {
  return scan.valid && scan.gb2312 > 0 && scan.gb2312 >= 0.9 * (scan.gb2312 + scan.other);
}

const NON_WHITESPACE = /\S/;

function finish(text: string, encoding: Encoding): DecodeResult {
  if (!NON_WHITESPACE.test(text)) return { ok: false, issue: fileIssue('empty-file', 'empty-file') };
  // NUL never appears in CSV text: the bytes were something else (a workbook, an image…).
  if (text.includes('\u0000'))
    return { ok: false, issue: fileIssue('invalid-encoding', 'invalid-encoding.binary') };
  return { ok: true, text, encoding };
}

const DISPLAY_NAME: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gbk: 'GBK',
  gb18030: 'GB18030',
  'windows-1252': 'Windows-1252',
};

const declaredIssue = (encoding: Encoding): Issue =>
  fileIssue('invalid-encoding', 'invalid-encoding.declared', { encoding: DISPLAY_NAME[encoding] });

/**
 * Bytes to text. With `options.encoding` the bytes must be valid in it (`invalid-encoding` otherwise). Without,
 * in order: a BOM; a workbook signature (refused); BOM-less UTF-16; strict UTF-8 (ASCII included); GBK when the
 * bytes look like GB2312 Chinese; Windows-1252; GBK if it still decodes cleanly. Empty or whitespace-only text
 * is `empty-file`.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  if (bytes.length === 0) return { ok: false, issue: fileIssue('empty-file', 'empty-file') };

  if (options.encoding !== undefined && options.encoding.trim() !== '') {
    let encoding = resolveEncoding(options.encoding);
    if (encoding === null) {
      return {
        ok: false,
        issue: fileIssue('invalid-encoding', 'invalid-encoding.unsupported', { encoding: options.encoding }),
      };
    }
    // "UTF-16" names no byte order: the BOM tells it.
    const label = options.encoding.trim().toLowerCase();
    if (encoding === 'utf-16le' && (label === 'utf-16' || label === 'utf16' || label === 'unicode')) {
      encoding = bomEncoding(bytes) === 'utf-16be' ? 'utf-16be' : 'utf-16le';
    }
    const text = tryDecode(bytes, encoding);
    return text === null ? { ok: false, issue: declaredIssue(encoding) } : finish(text, encoding);
  }

  const bom = bomEncoding(bytes);
  if (bom !== null) {
    const text = tryDecode(bytes, bom);
    return text === null ? { ok: false, issue: declaredIssue(bom) } : finish(text, bom);
  }
  if (looksLikeWorkbook(bytes))
    return { ok: false, issue: fileIssue('invalid-encoding', 'invalid-encoding.binary') };

  const utf16 = guessBomlessUtf16(bytes);
  if (utf16 !== null) {
    const text = tryDecode(bytes, utf16);
    if (text !== null) return finish(text, utf16);
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return finish(utf8, 'utf-8');

  const scan = scanGbk(bytes);
  if (looksLikeGbk(scan)) {
    const text = tryDecode(bytes, 'gbk');
    if (text !== null) return finish(text, 'gbk');
  }
  const cp1252 = tryDecode(bytes, 'windows-1252');
  if (cp1252 !== null) return finish(cp1252, 'windows-1252');
  if (scan.valid) {
    const text = tryDecode(bytes, 'gbk');
    if (text !== null) return finish(text, 'gbk');
  }
  return { ok: false, issue: fileIssue('invalid-encoding', 'invalid-encoding.undetected') };
}
