import type { DuckDBResultReader } from '@duckdb/node-api';

/** A row as read from DuckDB, made plain: BIGINT within the safe range as number, DATE/TIMESTAMP as ISO text. */
export type PlainRow = Record<string, string | number | boolean | null>;

/** BIGINT → number, refusing values JavaScript numbers cannot hold exactly rather than rounding them. */
export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Integer ${value} is outside the range JavaScript numbers hold exactly`);
  }
  return Number(value);
}

function plain(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return toSafeNumber(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  throw new TypeError(`Unexpected value of type ${typeof value} from DuckDB`);
}

export function plainRow(row: Record<string, unknown>): PlainRow {
  const out: PlainRow = {};
  for (const [key, value] of Object.entries(row)) out[key] = plain(value);
  return out;
}

export function plainRows(reader: DuckDBResultReader): PlainRow[] {
  return reader.getRowObjectsJS().map(plainRow);
}
