/**
 * Reading an upload's body: bounded while it streams (413 past the limit, whether or not the client said how
 * large it is), multipart only (415 otherwise), and every file part plain CSV text — compressed, zipped (xlsx) or
 * JSON content is refused (415) before any validation. Client file names are labels for the report only.
 */
import { TABLE_NAMES, type TableName, type UploadFile } from '@puente/data';
import type { LoadMode } from '@puente/data/store';
import { boundaryOf, MalformedMultipart, parseMultipart, type Part } from './multipart';

export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly reason: 'too-large' | 'not-multipart' | 'not-csv' | 'compressed' | 'malformed' | 'no-files',
    message: string,
  ) {
    super(message);
  }
}

/** Bytes an upload may have: `PUENTE_UPLOAD_LIMIT` (`104857600`, `100M`, `1G`…), 100 MB by default. */
export function uploadLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PUENTE_UPLOAD_LIMIT?.trim();
  if (!raw) return 100 * 1024 * 1024;
  const match = /^(\d+)\s*([KMG]?)B?$/i.exec(raw);
  if (!match) throw new Error(`PUENTE_UPLOAD_LIMIT is a size such as 100M or 104857600 (got ${raw})`);
  const scale = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[
    match[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'
  ];
  return Number(match[1]) * scale;
}

const tooLarge = (limit: number) =>
  new UploadRefused(413, 'too-large', `An upload may have at most ${limit} bytes.`);

/** After a refusal, what is still arriving is read and dropped for a while, then the connection is cut. */
const DISCARD_BYTES = 64 * 1024 * 1024;
const DISCARD_MS = 10_000;

/**
 * Reads and drops the rest of a refused body in the background. Closing at once would reset the connection
 * while the client is still sending, and a reset can wipe the 413 from the client's buffers before it reads it.
 */
export function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  const stop = Date.now() + DISCARD_MS;
  let dropped = 0;
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        dropped += value.length;
        if (dropped > DISCARD_BYTES || Date.now() > stop) break;
      }
      await reader.cancel();
    } catch {
      // The client went away: nothing left to drop.
    }
  })();
}

/**
 * The body, read chunk by chunk and refused as soon as it passes `limit` bytes. It is read into shared memory,
 * so the validation thread reads the files where they are rather than a copy.
 */
async function readBounded(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    if (request.body) discardRest(request.body.getReader());
    throw tooLarge(limit);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  // Copied chunk by chunk into the declared size (the HTTP parser never passes more); a chunked body is
  // gathered, then copied once.
  const body = Number.isFinite(declared) ? new Uint8Array(new SharedArrayBuffer(declared)) : null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.length > limit) {
        discardRest(reader);
        throw tooLarge(limit);
      }
      if (body) body.set(value, size);
      else chunks.push(value);
      size += value.length;
    }
  } catch (error) {
    if (error instanceof UploadRefused) throw error;
    // adapter-node's own BODY_SIZE_LIMIT (512 kB unless set) ended the stream first.
    if ((error as { status?: number }).status === 413) {
      throw new UploadRefused(
        413,
        'too-large',
        `The server's BODY_SIZE_LIMIT (${process.env.BODY_SIZE_LIMIT ?? '512K'}) is below its upload limit of ` +
          `${limit} bytes: start it with BODY_SIZE_LIMIT=Infinity (Puente counts the bytes itself).`,
      );
    }
    throw error;
  }
  if (body) return body.subarray(0, size);
  const gathered = new Uint8Array(new SharedArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    gathered.set(chunk, offset);
    offset += chunk.length;
  }
  return gathered;
}

/** Types browsers and scripts give CSV files (Excel's CSV is often `application/vnd.ms-excel`). */
const CSV_TYPES = new Set([
  '',
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'text/comma-separated-values',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
]);

/** What a file's first bytes say it is, when it is certainly not CSV text. */
function notText(bytes: Uint8Array): 'compressed' | 'not-csv' | null {
  const [a, b, c, d] = bytes;
  if (a === 0x1f && b === 0x8b) return 'compressed'; // gzip
  if (a === 0x28 && b === 0xb5 && c === 0x2f && d === 0xfd) return 'compressed'; // zstd
  if (a === 0x42 && b === 0x5a && c === 0x68) return 'compressed'; // bzip2
  if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) return 'compressed'; // zip, xlsx
  if (a === 0x25 && b === 0x50 && c === 0x44 && d === 0x46) return 'not-csv'; // %PDF
  if (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0) return 'not-csv'; // xls
  return looksLikeJson(bytes) ? 'not-csv' : null;
}

function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  if (bytes[i] !== 0x7b && bytes[i] !== 0x5b) return false; // { or [
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i)));
    return true;
  } catch {
    return false;
  }
}

/** A form field's value; fields are words such as `replace` or `windows-1252`, never a file's worth of text. */
function textOf(bytes: Uint8Array): string {
  if (bytes.length > 1024) throw new UploadRefused(400, 'malformed', 'A form field is longer than 1 kB.');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

export interface UploadRequest {
  files: UploadFile[];
  mode: LoadMode;
  allowEmpty: boolean;
}

/**
 * The files of a `multipart/form-data` upload: one part per file, named after its table (`institutions`…) or
 * `file` (the table is then found from the file's name or header); fields `mode` (replace, upsert),
 * `allowEmpty`, `encoding` and `delimiter` (for every file), `encoding.<table>` and `delimiter.<table>` (one).
 */
export async function readUpload(request: Request, limit: number): Promise<UploadRequest> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const encoded = (request.headers.get('content-encoding') ?? 'identity').toLowerCase();
  if (encoded !== 'identity') {
    throw new UploadRefused(415, 'compressed', 'Send the files uncompressed (no Content-Encoding).');
  }
  if (!type.startsWith('multipart/form-data')) {
    throw new UploadRefused(
      415,
      'not-multipart',
      'Send the files as multipart/form-data, one part per CSV file.',
    );
  }
  const boundary = boundaryOf(request.headers.get('content-type')!);
  if (!boundary) throw new UploadRefused(400, 'malformed', 'The multipart Content-Type names no boundary.');
  const body = await readBounded(request, limit);
  let parts: Part[];
  try {
    parts = parseMultipart(body, boundary);
  } catch (error) {
    if (!(error instanceof MalformedMultipart)) throw error;
    throw new UploadRefused(400, 'malformed', `The multipart body could not be read: ${error.message}.`);
  }
  const fields = new Map(
    parts.filter((p) => p.filename === undefined).map((p) => [p.name, textOf(p.body).trim()]),
  );
  const text = (name: string) => fields.get(name) || undefined;
  const mode = text('mode') ?? 'replace';
  if (mode !== 'replace' && mode !== 'upsert') {
    throw new UploadRefused(400, 'malformed', 'mode is replace or upsert.');
  }
  const files: UploadFile[] = [];
  for (const part of parts) {
    if (part.filename === undefined) continue;
    const wrong = CSV_TYPES.has(part.type) ? notText(part.body) : 'not-csv';
    if (wrong === 'compressed') {
      throw new UploadRefused(415, 'compressed', `${part.filename} is compressed: send the CSV file itself.`);
    }
    if (wrong === 'not-csv') {
      throw new UploadRefused(
        415,
        'not-csv',
        `${part.filename} is not a CSV file (${part.type || 'unknown type'}).`,
      );
    }
    const table = (TABLE_NAMES as readonly string[]).includes(part.name)
      ? (part.name as TableName)
      : undefined;
    const encoding = (table && text(`encoding.${table}`)) ?? text('encoding');
    const delimiter = (table && text(`delimiter.${table}`)) ?? text('delimiter');
    files.push({
      // Only a label in the report: the bytes are kept under their hash, never under this name.
      name: part.filename || `${table ?? 'upload'}.csv`,
      bytes: part.body,
      ...(table ? { table } : {}),
      ...(encoding ? { encoding } : {}),
      ...(delimiter ? { delimiter } : {}),
    });
  }
  if (files.length === 0) throw new UploadRefused(400, 'no-files', 'The upload holds no CSV file.');
  return { files, mode, allowEmpty: text('allowEmpty') === 'true' };
}
