/**
 * `multipart/form-data` (RFC 7578) split in place: each part's content is a view of the body, found with the
 * native `indexOf`, so a 50 MB upload is neither copied nor scanned in JavaScript while other requests wait.
 */

export interface Part {
  /** The form field's name. */
  name: string;
  /** The file's name as the client sent it, for a file part. */
  filename?: string;
  /** The part's Content-Type, lowercased, without parameters ('' when none). */
  type: string;
  body: Uint8Array;
}

export class MalformedMultipart extends Error {}

/** More parts than any upload needs (four tables and a few fields) is not a form this server reads. */
export const MAX_PARTS = 64;
const MAX_HEADER_BYTES = 16 * 1024;

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data` Content-Type, as sent (it is case-sensitive). */
export function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary && boundary.length <= 70 ? boundary : null;
}

function parameters(header: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of header.matchAll(/;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!.trim();
    found.set(match[1]!.toLowerCase(), value);
  }
  return found;
}

function partHeaders(raw: string): Omit<Part, 'body'> {
  let disposition: string | undefined;
  let type = '';
  for (const line of raw.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new MalformedMultipart(`a part header without a colon: ${line.slice(0, 40)}`);
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === 'content-disposition') disposition = value;
    else if (field === 'content-type') type = value.split(';')[0]!.trim().toLowerCase();
  }
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) {
    throw new MalformedMultipart('a part without Content-Disposition: form-data');
  }
  const params = parameters(disposition);
  const name = params.get('name');
  if (name === undefined) throw new MalformedMultipart('a part without a name');
  const filename = params.get('filename');
  return { name, type, ...(filename !== undefined ? { filename } : {}) };
}

/** The parts of `body`, in order; throws `MalformedMultipart` when it is not a whole, well-formed form. */
export function parseMultipart(body: Uint8Array, boundary: string): Part[] {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  // The first delimiter may follow a preamble, which is ignored.
  let at = bytes.subarray(0, delimiter.length).equals(delimiter) ? 0 : bytes.indexOf(between);
  if (at < 0) throw new MalformedMultipart('no part starts with the boundary');
  at += at === 0 ? delimiter.length : between.length;
  const parts: Part[] = [];
  for (;;) {
    if (bytes[at] === 0x2d && bytes[at + 1] === 0x2d) return parts; // "--": the closing delimiter
    if (!bytes.subarray(at, at + 2).equals(CRLF))
      throw new MalformedMultipart('a boundary not ending a line');
    if (parts.length === MAX_PARTS) throw new MalformedMultipart(`more than ${MAX_PARTS} parts`);
    const headersStart = at + 2;
    const headersEnd = bytes.indexOf(HEADERS_END, headersStart);
    if (headersEnd < 0 || headersEnd - headersStart > MAX_HEADER_BYTES) {
      throw new MalformedMultipart('a part whose headers do not end');
    }
    const headers = partHeaders(bytes.toString('utf8', headersStart, headersEnd));
    const contentStart = headersEnd + HEADERS_END.length;
    const contentEnd = bytes.indexOf(between, contentStart);
    if (contentEnd < 0) throw new MalformedMultipart('the body ends inside a part');
    parts.push({ ...headers, body: body.subarray(contentStart, contentEnd) });
    at = contentEnd + between.length;
  }
}
