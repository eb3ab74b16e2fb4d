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

export type DecodeResult =
  | {
      ok: true;
      text: string;
      encoding: Encoding;
      /** Set when the bytes read as plausible text in another encoding too: the report says which was used. */
      alternative?: Alternative;
    }
  | { ok: false; issue: Issue };

/** The other plausible reading of a file, shown on the first word where the two differ. */
export interface Alternative {
  encoding: Encoding;
  /** 1-based line of that word. */
  line: number;
  /** The word as read, and as the other encoding would read it. */
  word: string;
  otherWord: string;
}

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

/**
 * Evidence for one reading of 8-bit bytes: characters that real text is made of (`good`), and characters that
 * only a wrong guess produces (`bad`).
 */
export interface Evidence {
  /** Structurally valid in the encoding. */
  valid: boolean;
  good: number;
  bad: number;
}

const isAsciiLetter = (b: number | undefined): boolean =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));

/**
 * GBK/GB18030 read of the bytes. For: GB2312 hanzi (first-level, the 3,755 common ones, count double), GB2312
 * symbols and pinyin, four-byte GB18030 sequences (minority scripts, rare characters); half as much for one glued
 * to a Latin letter. Against: GBK extension pairs (a cp1252 accent followed by an ASCII letter, `ñe` = F1 65, lands
 * there) and a character wedged between two Latin letters of one word (`Ord篑ez` is `Ordóñez` misread), which
 * Chinese text hardly ever has.
 */
export function gbkEvidence(bytes: Uint8Array): Evidence & { fourByte: number } {
  let good = 0;
  let bad = 0;
  let fourByte = 0;
  let afterLetter = false; // the previous character was an ASCII letter (not the trail byte of a pair)
  const n = bytes.length;
  const invalid = { valid: false, good, bad, fourByte };
  for (let i = 0; i < n;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      afterLetter = isAsciiLetter(lead);
      i++;
      continue;
    }
    if (lead === 0x80) {
      afterLetter = false;
      i++; // the euro sign, in GBK as in cp1252: no evidence either way
      continue;
    }
    if (lead === 0xff || i + 1 >= n) return invalid;
    const trail = bytes[i + 1]!;
    let weight: number;
    let length = 2;
    if (trail >= 0x30 && trail <= 0x39) {
      const b3 = bytes[i + 2];
      const b4 = bytes[i + 3];
      if (b3 === undefined || b4 === undefined || b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) {
        return invalid;
      }
      fourByte++;
      weight = 1;
      length = 4;
    } else if (trail < 0x40 || trail === 0x7f || trail === 0xff) {
      return invalid;
    } else if (trail >= 0xa1 && lead >= 0xb0 && lead <= 0xd7) {
      weight = 2;
    } else if (trail >= 0xa1 && ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xd8 && lead <= 0xf7))) {
      weight = 1;
    } else {
      weight = -1;
    }
    // Pinyin letters (row A8: ā, é, ǚ…) belong inside Latin words; anything else there is a misreading.
    const beforeLetter = afterLetter && lead !== 0xa8;
    const afterIsLetter = isAsciiLetter(bytes[i + length]) && lead !== 0xa8;
    if (beforeLetter && afterIsLetter) weight = -3;
    else if (weight > 0 && (beforeLetter || afterIsLetter)) weight /= 2;
    if (weight > 0) good += weight;
    else bad -= weight;
    afterLetter = false;
    i += length;
  }
  return { valid: true, good, bad, fourByte };
}

// cp1252 punctuation of Spanish, Portuguese, French, German and Catalan text: ¡ « ° · º » ¿ and € ‘ ’ “ ” – — ….
const CP1252_PUNCTUATION = new Set([
  0xa1, 0xab, 0xb0, 0xb7, 0xba, 0xaa, 0xbb, 0xbf, 0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85,
]);
// Letters: À–ÿ except × and ÷, and Š Œ Ž š œ ž Ÿ ƒ of the 0x80–0x9F block.
const isCp1252Letter = (b: number): boolean =>
  (b >= 0xc0 && b !== 0xd7 && b !== 0xf7) ||
  b === 0x8a ||
  b === 0x8c ||
  b === 0x8e ||
  b === 0x9a ||
  b === 0x9c ||
  b === 0x9e ||
  b === 0x9f ||
  b === 0x83;

/**
 * Windows-1252 read of the bytes. For: accented letters next to an ASCII letter (`Ordóñez`, `Associação`) and
 * the punctuation of Latin-script text. Against: runs of three or more non-ASCII characters (Chinese read as
 * cp1252 is nothing but such runs: 杭州 = `º¼ÖÝ`) and symbols like ¼ ³ µ that names don't use.
 */
export function cp1252Evidence(bytes: Uint8Array): Evidence {
  let good = 0;
  let bad = 0;
  const n = bytes.length;
  for (let i = 0; i < n;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && bytes[end]! >= 0x80) end++;
    for (let j = i; j < end; j++) {
      const b = bytes[j]!;
      if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d)
        return { valid: false, good, bad };
    }
    if (end - i >= 3) bad += end - i;
    else {
      for (let j = i; j < end; j++) {
        const b = bytes[j]!;
        if (CP1252_PUNCTUATION.has(b)) good++;
        else if (isCp1252Letter(b)) {
          if (isAsciiLetter(bytes[j - 1]) || isAsciiLetter(bytes[j + 1])) good++;
        } else bad++;
      }
    }
    i = end;
  }
  return { valid: true, good, bad };
}

/**
 * Not ruled out: at least four pieces of evidence for it to each one against, or none either way (`ßÜ` alone is
 * as likely Windows-1252 as the GBK hanzi 哕 its bytes also spell).
 */
const plausible = (e: Evidence): boolean => e.valid && e.bad * 4 <= e.good;

const NON_WHITESPACE = /\S/;

function finish(text: string, encoding: Encoding): DecodeResult {
  if (!NON_WHITESPACE.test(text)) return { ok: false, issue: fileIssue('empty-file', 'empty-file') };
  // NUL never appears in CSV text: the bytes are something else (an image, a database…) or were damaged.
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < nul; i = text.indexOf('\n', i + 1)) line++;
    return {
      ok: false,
      issue: { ...fileIssue('invalid-encoding', 'invalid-encoding.binary', { kind: 'nul' }), line },
    };
  }
  return { ok: true, text, encoding };
}

// Bytes that end a word in every supported 8-bit encoding: none of them is part of a GBK or GB18030 sequence.
const isWordBreak = (b: number): boolean => b < 0x30 || (b >= 0x3a && b <= 0x3f);

/** The first word with a non-ASCII byte, its line (1-based within `bytes`) and bytes, or null when all is ASCII. */
function firstWord(bytes: Uint8Array): { line: number; bytes: Uint8Array } | null {
  const at = bytes.findIndex((b) => b >= 0x80);
  if (at === -1) return null;
  let start = at;
  while (start > 0 && !isWordBreak(bytes[start - 1]!)) start--;
  let end = at;
  while (end < bytes.length && !isWordBreak(bytes[end]!)) end++;
  let line = 1;
  for (let i = 0; i < start; i++) if (bytes[i] === 0x0a) line++;
  return { line, bytes: bytes.slice(start, end) };
}

/** That word as read in the chosen encoding and in `other`, when the two differ. */
function firstDifference(
  first: { line: number; bytes: Uint8Array } | null,
  other: Encoding,
): Alternative | null {
  if (first === null) return null;
  const chosen: Encoding = other === 'windows-1252' ? 'gbk' : 'windows-1252';
  const word = tryDecode(first.bytes, chosen);
  const otherWord = tryDecode(first.bytes, other);
  if (word === null || otherWord === null || word === otherWord) return null;
  return { encoding: other, line: first.line, word, otherWord };
}

/**
 * The first UTF-8 letter in bytes that are not UTF-8 as a whole (read as Windows-1252, `ó` would be `Ã³`): rows
 * pasted in from an export in the other encoding. A UTF-8 Latin-1 letter is a byte 0xC2 or 0xC3 and one byte of
 * 0x80–0xBF standing alone among ASCII; Windows-1252 text puts `Ã` or `Â` before such a symbol only by mistake.
 * The line is 1-based within `bytes`.
 */
function utf8Inside(bytes: Uint8Array): { line: number; value: string } | null {
  let line = 1;
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    if (b !== 0xc2 && b !== 0xc3) continue;
    const next = bytes[i + 1]!;
    if (next < (b === 0xc2 ? 0xa0 : 0x80) || next > 0xbf) continue;
    const before = bytes[i - 1];
    const after = bytes[i + 2];
    if (
      (before !== undefined && before >= 0x80) ||
      (after !== undefined && after >= 0x80 && after !== 0xc2 && after !== 0xc3)
    ) {
      continue;
    }
    let start = i;
    while (start > 0 && !isWordBreak(bytes[start - 1]!)) start--;
    let end = i + 2;
    while (end < bytes.length && !isWordBreak(bytes[end]!)) end++;
    const value = tryDecode(bytes.subarray(start, end), 'utf-8');
    return { line, value: value ?? tryDecode(bytes.subarray(i, i + 2), 'utf-8') ?? '' };
  }
  return null;
}

/** One way to read 8-bit bytes, best first (see `EightBitScan.candidates`). */
export interface EightBitCandidate {
  encoding: Encoding;
  /** The UTF-8 inside bytes read as Windows-1252 (refused), else null. */
  mixed: { line: number; value: string } | null;
  /** The other plausible reading, to name in the report, when there is one. */
  alternative: () => Alternative | undefined;
}

/**
 * The evidence of 8-bit bytes given in pieces, each ending with a line break (LF) but the last: no GBK or GB18030
 * sequence, Windows-1252 run or word crosses a line break, so the sums over the pieces are those over the whole.
 */
export class EightBitScan {
  private readonly gbk = { valid: true, good: 0, bad: 0, fourByte: 0 };
  private readonly cp1252 = { valid: true, good: 0, bad: 0 };
  private mixed: { line: number; value: string } | null = null;
  private first: { line: number; bytes: Uint8Array } | null = null;
  /** Line breaks in the pieces before. */
  private lines = 0;

  push(piece: Uint8Array): void {
    if (this.gbk.valid) {
      const e = gbkEvidence(piece);
      this.gbk.valid = e.valid;
      this.gbk.good += e.good;
      this.gbk.bad += e.bad;
      this.gbk.fourByte += e.fourByte;
    }
    if (this.cp1252.valid) {
      const e = cp1252Evidence(piece);
      this.cp1252.valid = e.valid;
      this.cp1252.good += e.good;
      this.cp1252.bad += e.bad;
    }
    if (this.mixed === null) {
      const mixed = utf8Inside(piece);
      if (mixed !== null) this.mixed = { ...mixed, line: mixed.line + this.lines };
    }
    if (this.first === null) {
      const first = firstWord(piece);
      if (first !== null) this.first = { ...first, line: first.line + this.lines };
    }
    for (let i = piece.indexOf(0x0a); i !== -1; i = piece.indexOf(0x0a, i + 1)) this.lines++;
  }

  /**
   * The encodings the bytes may be in, best first: each reading is scored on what its characters look like, as
   * most cp1252 text also decodes as GBK and much GBK as cp1252, so decoding proves little.
   */
  candidates(): EightBitCandidate[] {
    const gbk = this.gbk;
    const chinese: Encoding = gbk.fourByte > 0 ? 'gb18030' : 'gbk';
    // On equal evidence Windows-1252 goes first: a few hanzi glued to Latin letters are more likely accents.
    const ranked = [
      { encoding: 'windows-1252' as Encoding, evidence: this.cp1252 as Evidence },
      { encoding: chinese, evidence: gbk as Evidence },
    ]
      .filter((c) => c.evidence.valid)
      .sort((a, b) => b.evidence.good - b.evidence.bad - (a.evidence.good - a.evidence.bad));
    return ranked.map((candidate, i) => ({
      encoding: candidate.encoding,
      mixed: candidate.encoding === 'windows-1252' ? this.mixed : null,
      // The other reading is named when it is not ruled out, or when this one is no better than a guess.
      alternative: () => {
        const other = ranked[1 - i];
        if (i !== 0 || other === undefined) return undefined;
        if (!plausible(other.evidence) && plausible(candidate.evidence)) return undefined;
        return firstDifference(this.first, other.encoding) ?? undefined;
      },
    }));
  }
}

const DISPLAY_NAME: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gbk: 'GBK',
  gb18030: 'GB18030',
  'windows-1252': 'Windows-1252',
};

/** How messages and reports name an encoding. */
export const encodingName = (encoding: string): string => DISPLAY_NAME[encoding as Encoding] ?? encoding;

/** UTF-8 inside bytes read as Windows-1252. */
export const mixedIssue = (mixed: { line: number; value: string }): Issue => ({
  ...fileIssue('invalid-encoding', 'invalid-encoding.mixed'),
  line: mixed.line,
  value: mixed.value,
});

const declaredIssue = (encoding: Encoding): Issue =>
  fileIssue('invalid-encoding', 'invalid-encoding.declared', { encoding: DISPLAY_NAME[encoding] });

/**
 * Bytes to text. With `options.encoding` the bytes must be valid in it (`invalid-encoding` otherwise). Without,
 * in order: a BOM; a workbook signature (refused); BOM-less UTF-16; strict UTF-8 (ASCII included); GBK when the
 * bytes look like GB2312 Chinese; Windows-1252 (refused when some of it is UTF-8); GBK if it still decodes cleanly. Empty or whitespace-only text
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
  if (looksLikeWorkbook(bytes)) {
    return {
      ok: false,
      issue: fileIssue('invalid-encoding', 'invalid-encoding.binary', { kind: 'workbook' }),
    };
  }

  const utf16 = guessBomlessUtf16(bytes);
  if (utf16 !== null) {
    const text = tryDecode(bytes, utf16);
    if (text !== null) return finish(text, utf16);
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return finish(utf8, 'utf-8');

  // 8-bit text: Windows-1252 (es-ES Excel) or GBK/GB18030 (zh-CN Excel).
  const scan = new EightBitScan();
  scan.push(bytes);
  for (const candidate of scan.candidates()) {
    const text = tryDecode(bytes, candidate.encoding);
    if (text === null) continue;
    if (candidate.mixed !== null) return { ok: false, issue: mixedIssue(candidate.mixed) };
    const result = finish(text, candidate.encoding);
    const alternative = result.ok ? candidate.alternative() : undefined;
    if (result.ok && alternative !== undefined) result.alternative = alternative;
    return result;
  }
  return { ok: false, issue: fileIssue('invalid-encoding', 'invalid-encoding.undetected') };
}

/**
 * How a file read in chunks is decoded, from its first bytes (at least 8 KiB of them, or all), as `decodeBytes`
 * would decode it: in a known encoding (`decode`), or as UTF-8 when all of it is, else as 8-bit text (`utf-8?`);
 * null when `decodeBytes` would refuse it or read it some other way (then it must be read whole).
 */
export function chunkedDecoding(
  first: Uint8Array,
  options: DecodeOptions = {},
): { kind: 'decode'; encoding: Encoding } | { kind: 'utf-8?' } | null {
  if (first.length === 0) return null;
  if (options.encoding !== undefined && options.encoding.trim() !== '') {
    const encoding = resolveEncoding(options.encoding);
    if (encoding === null) return null;
    const label = options.encoding.trim().toLowerCase();
    if (encoding === 'utf-16le' && (label === 'utf-16' || label === 'utf16' || label === 'unicode')) {
      return { kind: 'decode', encoding: bomEncoding(first) === 'utf-16be' ? 'utf-16be' : 'utf-16le' };
    }
    return { kind: 'decode', encoding };
  }
  const bom = bomEncoding(first);
  if (bom !== null) return { kind: 'decode', encoding: bom };
  // A workbook is refused; BOM-less UTF-16 that fails to decode would be read as UTF-8 next: both rare, both whole.
  if (looksLikeWorkbook(first) || guessBomlessUtf16(first) !== null) return null;
  return { kind: 'utf-8?' };
}

/** A strict decoder of chunks: `decode` throws on bytes invalid in the encoding; a matching BOM is dropped. */
export function chunkDecoder(encoding: Encoding): { decode(chunk: Uint8Array, last: boolean): string } {
  if (encoding === 'windows-1252') {
    // One byte, one character: chunks decode alone.
    return {
      decode(chunk) {
        const text = decodeCp1252(chunk);
        if (text === null) throw new TypeError('not Windows-1252');
        return text;
      },
    };
  }
  const d = new TextDecoder(encoding, { fatal: true });
  return { decode: (chunk, last) => d.decode(chunk, { stream: !last }) };
}

/**
 * The start of a text decoded in chunks as `decodeBytes` would give it (`complete`: it is the whole text), for a
 * reader of its header; null when only the whole text could say (all blank so far).
 */
export function decodedStart(
  text: string,
  encoding: Encoding,
  complete: boolean,
  alternative?: Alternative,
): DecodeResult | null {
  const result = complete
    ? finish(text, encoding)
    : NON_WHITESPACE.test(text)
      ? finish(text, encoding)
      : null;
  if (result !== null && result.ok && alternative !== undefined) result.alternative = alternative;
  return result;
}
