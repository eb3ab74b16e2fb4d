/**
 * Column mapping on the upload page: the automatic one (the contract's es/zh synonyms, through @puente/data), the
 * one an analyst chose last time for the same header (remembered in this browser), and the file as sent when the
 * analyst changed it — its header line rewritten with the contract's own column names, every other byte kept.
 */
import { mapColumns, type TableName } from '@puente/data';

/** For each field of the header: the column it feeds, or null when ignored. */
export type Mapping = (string | null)[];

export function automaticMapping(table: TableName, header: readonly string[]): Mapping {
  return mapColumns(table, header, 1).fieldColumn;
}

const storageKey = (table: TableName, header: readonly string[]) =>
  `puente.mapping.${table}.${JSON.stringify(header)}`;

export function rememberedMapping(
  storage: Storage | null,
  table: TableName,
  header: readonly string[],
): Mapping | null {
  try {
    const saved = JSON.parse(storage?.getItem(storageKey(table, header)) ?? 'null') as unknown;
    return Array.isArray(saved) && saved.length === header.length ? (saved as Mapping) : null;
  } catch {
    return null;
  }
}

export function rememberMapping(
  storage: Storage | null,
  table: TableName,
  header: readonly string[],
  mapping: Mapping,
) {
  try {
    storage?.setItem(storageKey(table, header), JSON.stringify(mapping));
  } catch {
    // A full or disabled storage only means the choice is not remembered.
  }
}

/** Encodings in which the contract's ASCII column names are the same bytes as in ASCII. */
const ASCII_COMPATIBLE = /^(utf-8|windows-1252|iso-8859-1|gbk|gb18030)$/;

/**
 * The file with its header line replaced by the mapped column names (ignored fields get a name no table has, so
 * they are reported as unknown and skipped). Null when the encoding can't take the rewrite (UTF-16) or the header
 * line holds a quoted line break.
 */
export function withMappedHeader(
  bytes: Uint8Array,
  encoding: string,
  delimiter: string,
  mapping: Mapping,
): Uint8Array | null {
  if (!ASCII_COMPATIBLE.test(encoding)) return null;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const end = bytes.indexOf(0x0a, bom);
  const headerEnd = end === -1 ? bytes.length : end;
  const headerBytes = bytes.subarray(bom, headerEnd);
  let quotes = 0;
  for (const b of headerBytes) if (b === 0x22) quotes++;
  if (quotes % 2 === 1) return null;
  const crlf = headerEnd > bom && bytes[headerEnd - 1] === 0x0d;
  const names = mapping.map((column, i) => column ?? `ignored-${i + 1}`).join(delimiter);
  const line = new TextEncoder().encode(names + (crlf ? '\r' : ''));
  const rest = bytes.subarray(headerEnd);
  const out = new Uint8Array(bom + line.length + rest.length);
  out.set(bytes.subarray(0, bom), 0);
  out.set(line, bom);
  out.set(rest, bom + line.length);
  return out;
}
