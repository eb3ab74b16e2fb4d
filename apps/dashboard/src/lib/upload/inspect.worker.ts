/**
 * Reads an analyst's file in a Web Worker, so a 100 MB export keeps the page responsive: decodes it (detected or
 * chosen encoding), finds the delimiter, parses it with papaparse (through @puente/data's parser, the same as
 * the server's) and answers with the header, the first rows, the row count and the table it looks like,
 * posting progress as it goes. Also answers for one row further down, to show a cell a problem names.
 */
import {
  decodeBytes,
  detectDelimiter,
  parseCsv,
  tableFromFileName,
  tableFromHeader,
  type Issue,
} from '@puente/data';
import type { InspectRequest, InspectResponse } from './protocol';

const PREVIEW_ROWS = 8;

const failure = (issue: Issue) => ({ code: issue.code });
const texts = new Map<number, { text: string; delimiter: string }>();

function inspect(request: Extract<InspectRequest, { kind: 'inspect' }>): InspectResponse {
  const { id, bytes, name } = request;
  const decoded = decodeBytes(new Uint8Array(bytes), request.encoding ? { encoding: request.encoding } : {});
  if (!decoded.ok) return { kind: 'failed', id, ...failure(decoded.issue) };
  const found = detectDelimiter(decoded.text, request.delimiter ? { delimiter: request.delimiter } : {});
  if (!found.ok) return { kind: 'failed', id, ...failure(found.issue), encoding: decoded.encoding };
  texts.set(id, { text: decoded.text, delimiter: found.delimiter });
  const rows: { row: number; line: number; fields: string[] }[] = [];
  let header: string[] = [];
  // Lines are roughly even: lines read over the lines the first 64 kB suggest is close enough for a bar.
  const head = decoded.text.slice(0, 65_536);
  const expectedLines = Math.max(1, (decoded.text.length / head.length) * head.split('\n').length);
  let reported = 0;
  const parsed = parseCsv(decoded.text, found.delimiter, {
    header: (h) => void (header = h.fields),
    record: (fields, row, line) => {
      if (rows.length < PREVIEW_ROWS) rows.push({ row, line, fields });
      if (row % 10_000 === 0) {
        const share = Math.min(0.99, line / expectedLines);
        if (share - reported > 0.02) {
          reported = share;
          self.postMessage({ kind: 'progress', id, share } satisfies InspectResponse);
        }
      }
    },
    issue: () => undefined,
  });
  return {
    kind: 'inspected',
    id,
    encoding: decoded.encoding,
    delimiter: found.delimiter,
    header,
    rows,
    rowCount: parsed.rows,
    table: tableFromFileName(name) ?? tableFromHeader(header),
  };
}

function rowAt(request: Extract<InspectRequest, { kind: 'row' }>): InspectResponse {
  const kept = texts.get(request.id);
  let found: { row: number; line: number; fields: string[] } | null = null;
  if (kept) {
    parseCsv(kept.text, kept.delimiter, {
      record: (fields, row, line) => {
        if (row === request.row) found = { row, line, fields };
      },
      issue: () => undefined,
    });
  }
  return { kind: 'row', id: request.id, row: found };
}

self.onmessage = (event: MessageEvent<InspectRequest>) => {
  const request = event.data;
  if (request.kind === 'forget') texts.delete(request.id);
  else if (request.kind === 'inspect') self.postMessage(inspect(request));
  else self.postMessage(rowAt(request));
};
