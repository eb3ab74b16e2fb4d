import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import {
  chunkDecoder,
  chunkedDecoding,
  decodedStart,
  EightBitScan,
  type Alternative,
  type Encoding,
} from '../csv/decode.js';
import { PlainCsvScan, type PlainCsv } from '../csv/plain.js';
import type { Locale, Problem } from '../schema/problems.js';
import {
  DEFAULT_MAX_BYTES,
  HEADER_PREFIX,
  HeaderReader,
  type FileHeader,
  type UploadFile,
} from '../validation/validate.js';
import type { SqlFile } from './sql-load.js';
import { nextTurn } from './turns.js';
import { keepStaged } from './uploads.js';

/*
 * The files of an upload made ready for DuckDB without holding any of them whole: each is read in chunks, a few
 * times over (its bytes hashed and copied into the uploads folder; for 8-bit text, scored for its encoding; then
 * decoded, its header read from its start and the rest checked as plain CSV, transcoded to UTF-8 when it is not).
 * Every decision is the one `validateFiles` would make on the whole file; whatever only the whole file could
 * settle (a workbook, a header longer than the start read, bytes invalid in the encoding…) gives up, and the
 * upload goes to the validator, which says what is wrong.
 */

/** A file on disk, read in chunks (the CLI's). */
export interface DiskFile extends Omit<UploadFile, 'bytes'> {
  path: string;
  /** Its size in bytes. */
  size: number;
}

/** A file to load: its bytes (the dashboard's upload), or where it is on disk. */
export type LoadFile = UploadFile | DiskFile;

export const fileSize = (file: LoadFile): number => ('bytes' in file ? file.bytes.length : file.size);

const CHUNK = 1024 * 1024;
/**
 * Bytes decoded into one string at a time: small strings are collected young. Decoding a mebibyte at a time, node's
 * heap and external memory peaked at about 100 MiB during a 4M-row load, against 58 MiB this way.
 */
const TEXT_PIECE = 64 * 1024;
/** What `chunkedDecoding` needs to see of a file's start. */
const FIRST_BYTES = 8192;

/**
 * The chunks of a file, `onRead` told of each: views of the bytes given, or of one buffer read into again and again
 * (so a chunk is valid until the next is asked for: keep a copy of what must last).
 */
export async function* fileChunks(
  file: LoadFile,
  onRead?: (bytes: number) => void,
  size = CHUNK,
): AsyncGenerator<Uint8Array> {
  if ('bytes' in file) {
    for (let start = 0; start < file.bytes.length; start += size) {
      // A server answers its other requests between chunks.
      if (start > 0 && start % CHUNK < size) await nextTurn();
      const chunk = file.bytes.subarray(start, start + size);
      onRead?.(chunk.length);
      yield chunk;
    }
    return;
  }
  const handle = await open(file.path, 'r');
  const buffer = Buffer.allocUnsafe(size);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      onRead?.(bytesRead);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** The bytes of files on disk read whole, for the validator. */
export async function wholeFiles(files: readonly LoadFile[]): Promise<UploadFile[]> {
  const whole: UploadFile[] = [];
  for (const file of files) {
    if ('bytes' in file) {
      whole.push(file);
      continue;
    }
    const { name, table, encoding, delimiter, size } = file;
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    for await (const chunk of fileChunks(file)) {
      if (at + chunk.length > size) throw new Error(`${file.name} changed while it was read`);
      bytes.set(chunk, at);
      at += chunk.length;
    }
    whole.push({
      name,
      bytes: at === size ? bytes : bytes.subarray(0, at),
      ...(table !== undefined ? { table } : {}),
      ...(encoding !== undefined ? { encoding } : {}),
      ...(delimiter !== undefined ? { delimiter } : {}),
    });
  }
  return whole;
}

/** Where a UTF-8 character cut by the end of `bytes` starts (its length when none is cut). */
export function cutCharacter(bytes: Uint8Array): number {
  const n = bytes.length;
  let continuation = 0;
  while (continuation < 3 && continuation < n && (bytes[n - 1 - continuation]! & 0xc0) === 0x80)
    continuation++;
  const lead = n - 1 - continuation;
  if (lead < 0 || bytes[lead]! < 0xc0) return n;
  const length = bytes[lead]! >= 0xf0 ? 4 : bytes[lead]! >= 0xe0 ? 3 : 2;
  return continuation + 1 < length ? lead : n;
}

/** A decoder of chunks of bytes known to be valid UTF-8 without BOM (`ascii`: and ASCII). */
function knownUtf8(ascii: boolean): { decode(chunk: Uint8Array, last: boolean): string } {
  let carry: Uint8Array = new Uint8Array(0);
  return {
    decode(chunk) {
      if (ascii) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      const bytes =
        carry.length > 0
          ? Buffer.concat([carry, chunk])
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const cut = cutCharacter(bytes);
      carry = Buffer.from(bytes.subarray(cut));
      return bytes.toString('utf8', 0, cut);
    },
  };
}

/** Chunks of bytes regrouped into pieces that end with a line feed (but the last). */
async function* linePieces(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let tail: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    const bytes = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
    const cut = bytes.lastIndexOf(0x0a) + 1;
    if (cut > 0) yield bytes.subarray(0, cut);
    tail = Buffer.from(bytes.subarray(cut));
  }
  if (tail.length > 0) yield tail;
}

/** A file ready for DuckDB: its raw copy (to keep) and the UTF-8 text DuckDB reads (the raw copy itself, or not). */
interface PreparedFile {
  header: FileHeader;
  plain: PlainCsv;
  sha256: string;
  bytes: number;
  /** The raw bytes, in the staging folder until kept. */
  raw: string;
  /** The text transcoded to UTF-8 without BOM, when the raw bytes are not that. */
  utf8: string | null;
}

/** Staging files are named by process and count, so that two loads never share one. */
let stagedCount = 0;

/** A file of an upload ready for the SQL path. */
export interface StagedFile extends SqlFile {
  sha256: string;
  bytes: number;
}

/**
 * An upload being made ready for the SQL path one file after the other, so that DuckDB can write a file while the
 * next one is read (the biggest, read last, takes the longest: alphabetically, training.csv).
 */
export interface SqlStaging {
  /** Each file once ready, in the order given, or null when the upload must go to the validator. */
  files: Promise<StagedFile | null>[];
  /**
   * Once every file is read, the warnings up to their headers, or null when the upload must go to the validator
   * (the files' headers, read together, say something is wrong).
   */
  warnings(): Promise<Problem[] | null>;
  /** Moves a file's raw bytes into the uploads folder under their hash, once DuckDB has read the file. */
  keep(file: StagedFile): Promise<void>;
  /** Stops reading the files not started yet, waits for the one being read, and deletes what was not kept. */
  remove(): Promise<void>;
}

/**
 * Starts reading the files of an upload as described above; the validator, which the upload goes to when a file
 * can't be read this way (or the staging folder written), says why.
 */
export function stageSqlUpload(
  uploadsDir: string,
  files: readonly LoadFile[],
  options: {
    locale: Locale;
    onRead?: (bytes: number) => void;
    /** Bytes read at a time (tests make it tiny, to cut characters and lines everywhere). */
    chunk?: number;
  },
): SqlStaging {
  const dir = path.join(uploadsDir, 'staging');
  const written = new Set<string>();
  const raws = new Map<StagedFile, string>();
  const reader = new HeaderReader({ locale: options.locale });
  let stopped = false;
  // A failure (the staging folder can't be made or written) gives up like a file that can't be read.
  const giveUp = (): null => {
    stopped = true;
    return null;
  };
  let previous: Promise<unknown> = mkdir(dir, { recursive: true }).catch(giveUp);
  const staged = files.map((file) => {
    const next = previous.then(async (): Promise<StagedFile | null> => {
      if (stopped) return null;
      const name = path.join(dir, `upload-${++stagedCount}.${process.pid}`);
      const one = await prepareFile(file, name, reader, written, options.onRead, options.chunk ?? CHUNK);
      if (one === null) return giveUp();
      const ready = {
        header: one.header,
        plain: one.plain,
        path: one.utf8 ?? one.raw,
        sha256: one.sha256,
        bytes: one.bytes,
      };
      raws.set(ready, one.raw);
      return ready;
    });
    previous = next.catch(giveUp);
    return previous as Promise<StagedFile | null>;
  });
  return {
    files: staged,
    warnings: async () => {
      if ((await Promise.all(staged)).includes(null)) return null;
      const { problems, headers } = reader.report();
      return headers.length !== files.length || problems.some((p) => p.severity === 'error')
        ? null
        : problems;
    },
    keep: async (file) => {
      const raw = raws.get(file)!;
      await keepStaged(uploadsDir, raw, file.sha256);
      written.delete(raw);
    },
    remove: async () => {
      stopped = true;
      await Promise.all(staged);
      for (const file of written) await rm(file, { force: true });
      written.clear();
    },
  };
}

/** One file of `stageSqlUpload`, written to `name`.raw (and `name`.csv when transcoded); null: give up. */
async function prepareFile(
  file: LoadFile,
  name: string,
  reader: HeaderReader,
  written: Set<string>,
  onRead: ((bytes: number) => void) | undefined,
  chunkSize: number,
): Promise<PreparedFile | null> {
  const size = fileSize(file);
  if (size === 0 || size > DEFAULT_MAX_BYTES) return null;
  const options = file.encoding === undefined ? {} : { encoding: file.encoding };

  // 1. The raw bytes copied and hashed; whether they are UTF-8 (when no BOM or option says how to read them).
  const raw = `${name}.raw`;
  const hash = createHash('sha256');
  let how = undefined as ReturnType<typeof chunkedDecoding> | undefined;
  let utf8 = true;
  let ascii = true;
  let carry: Uint8Array = new Uint8Array(0);
  let decoder = null as ReturnType<typeof chunkDecoder> | null;
  written.add(raw);
  const out = await open(raw, 'w');
  const copyRaw = async (chunk: Uint8Array): Promise<boolean> => {
    hash.update(chunk);
    await out.write(chunk);
    if (decoder !== null) {
      // NUL is no CSV text: the validator names the file binary.
      return !decoder.decode(chunk, false).includes('\u0000');
    }
    if (chunk.indexOf(0) !== -1) return false;
    if (utf8) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const whole = cutCharacter(bytes);
      const done = bytes.subarray(0, whole);
      utf8 = isUtf8(done);
      ascii &&= isAscii(done);
      carry = Buffer.from(bytes.subarray(whole));
    }
    return true;
  };
  try {
    // How to decode is told by the first 8 KiB (a BOM, or UTF-16 without one).
    let first: Uint8Array[] | null = [];
    let firstBytes = 0;
    const decide = async (): Promise<boolean> => {
      const start = Buffer.concat(first!);
      first = null;
      how = chunkedDecoding(start, options);
      if (how === null) return false;
      if (how.kind === 'decode') decoder = chunkDecoder(how.encoding);
      return copyRaw(start);
    };
    for await (const chunk of fileChunks(file, onRead, chunkSize)) {
      if (first === null) {
        if (!(await copyRaw(chunk))) return null;
        continue;
      }
      first.push(Buffer.from(chunk));
      firstBytes += chunk.length;
      if (firstBytes >= FIRST_BYTES && !(await decide())) return null;
    }
    if (first !== null && !(await decide())) return null;
    if (decoder !== null) decoder.decode(new Uint8Array(0), true);
    else if (carry.length > 0) utf8 = false;
  } catch {
    return null;
  } finally {
    await out.close();
  }
  if (how === undefined || how === null) return null;

  // 2. The encoding: the one given, by the BOM, UTF-8, or the 8-bit one its characters speak for.
  let encoding: Encoding;
  let alternative: Alternative | undefined;
  if (how.kind === 'decode') encoding = how.encoding;
  else if (utf8) encoding = 'utf-8';
  else {
    ascii = false;
    const scan = new EightBitScan();
    for await (const piece of linePieces(fileChunks(file, undefined, chunkSize))) scan.push(piece);
    const best = scan.candidates()[0];
    if (best === undefined || best.mixed !== null) return null;
    encoding = best.encoding;
    alternative = best.alternative();
  }

  // 3. The text: its header, the rest checked as plain CSV, and a UTF-8 copy for DuckDB unless the raw one is that.
  const transcode = how.kind === 'decode' || encoding !== 'utf-8';
  const utf8Path = transcode ? `${name}.csv` : null;
  let copy: FileHandle | null = null;
  if (utf8Path !== null) {
    written.add(utf8Path);
    copy = await open(utf8Path, 'w');
  }
  // Known to be valid UTF-8 (and maybe ASCII) by now: decoded by the fastest way that reads it exactly.
  const text = encoding === 'utf-8' && how.kind === 'utf-8?' ? knownUtf8(ascii) : chunkDecoder(encoding);
  // The start of the text until its header is read, then the checker of the rest.
  const read: { start: string; header: FileHeader | null; scan: PlainCsvScan | null } = {
    start: '',
    header: null,
    scan: null,
  };
  // The reader of the records reads the text without a BOM left at its start, as the header reader does.
  const noBom = (t: string): string => (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
  const readHeader = (start: string, complete: boolean): boolean => {
    const decoded = decodedStart(start, encoding, complete, alternative);
    read.header = decoded === null ? null : reader.read({ ...file, size, decoded, complete });
    if (read.header === null) return false;
    const isAscii = encoding === 'utf-8' && ascii ? true : undefined;
    read.scan = new PlainCsvScan(read.header.delimiter, read.header.line, isAscii);
    return true;
  };
  let first = true;
  const take = async (piece: string): Promise<boolean> => {
    if (piece.length === 0) return true;
    const body = first ? noBom(piece) : piece;
    first = false;
    if (copy !== null) await copy.write(body);
    if (read.scan !== null) {
      read.scan.push(body);
      return true;
    }
    read.start += piece;
    const nl = read.start.length > HEADER_PREFIX ? read.start.indexOf('\n', HEADER_PREFIX) : -1;
    if (nl === -1) return true;
    if (!readHeader(read.start.slice(0, nl + 1), false)) return false;
    read.scan!.push(noBom(read.start));
    read.start = '';
    return true;
  };
  try {
    for await (const chunk of fileChunks(file, undefined, chunkSize)) {
      for (let at = 0; at < chunk.length; at += TEXT_PIECE) {
        if (!(await take(text.decode(chunk.subarray(at, at + TEXT_PIECE), false)))) return null;
      }
    }
    if (!(await take(text.decode(new Uint8Array(0), true)))) return null;
    if (read.scan === null) {
      if (!readHeader(read.start, true)) return null;
      read.scan!.push(noBom(read.start));
    }
  } catch {
    return null;
  } finally {
    await copy?.close();
  }
  const plain = read.scan!.end();
  const header = read.header;
  if (plain === null || header === null) return null;
  return { header, plain, sha256: hash.digest('hex'), bytes: size, raw, utf8: utf8Path };
}
