import type { DuckDBConnection } from '@duckdb/node-api';
import type { PlainCsv } from '../csv/plain.js';
import { RELATIONS, TABLES, type ColumnSpec, type TableName } from '../schema/tables.js';
import { MAX_VALUE_LENGTH, type FileHeader } from '../validation/validate.js';
import { CellError, cellReader } from '../validation/values.js';
import { plainRows } from './values.js';

/*
 * The fast way in: DuckDB reads the records of a file itself (`read_csv`, every field as text) and inserts them
 * typed, checking each value in SQL as it goes. The SQL rules accept only values the validator accepts, stored
 * exactly as the validator would store them (canonical numbers and identifiers; values of enum, country, date and
 * URL columns go through the validator's own readers, once per distinct value). Anything else, a row problem, a
 * duplicate key or pair, a dangling reference, makes it give up (`NotForSql`): the load is rolled back and done
 * by `validateFiles`, which words every problem with its row and line. So problems always come from one place.
 */

/** The SQL path can't take this upload as it is: it must go through `validateFiles`. */
export class NotForSql extends Error {
  constructor(reason: string, options?: { cause: unknown }) {
    super(`Read by the validator instead: ${reason}`, options);
    this.name = 'NotForSql';
  }
}

/** What String.prototype.trim removes, which parseCsv applies to every field. */
const JS_WHITESPACE =
  ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a' +
  '\u2028\u2029\u202f\u205f\u3000\ufeff';

/** A plain decimal, point or comma: DuckDB and the validator (Number) both round it to the nearest double. */
const DECIMAL = '[+-]?[0-9]{1,15}([.,][0-9]{1,15})?';
const SLUG = '[a-z0-9-]+';
/** Columns whose values are read by the validator's reader, once per distinct value. */
const MAPPED = new Set<ColumnSpec['type']>(['enum', 'country', 'date', 'url']);

/** A file the SQL path can read: its header, how to trim its fields, and the UTF-8 copy DuckDB reads. */
export interface SqlFile {
  header: FileHeader;
  plain: PlainCsv;
  /** A UTF-8 file without BOM inside the store's uploads folder (the only one DuckDB may read). */
  path: string;
}

const quoted = (name: string): string => `"${name}"`;
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** The records of a file as DuckDB reads them: fields f0… trimmed as parseCsv trims, blank records left out. */
function recordsSql(file: SqlFile): string {
  const { width, line } = file.header;
  const fields = Array.from({ length: width }, (_, i) => `f${i}`);
  const columns = `{${fields.map((f) => `'${f}': 'VARCHAR'`).join(', ')}}`;
  // Parameters: readParams. The lines before the records (blank lines, `sep=`, the header) are
  // skipped as lines: PlainCsvScan made sure no quoted value carries a line break there.
  const trim = (f: string): string =>
    file.plain.trim === 'none'
      ? `coalesce(${f}, '')`
      : file.plain.trim === 'spaces'
        ? `coalesce(trim(${f}), '')`
        : `trim(coalesce(${f}, ''), $3)`;
  return `SELECT ${fields.map((f) => `${trim(f)} AS ${f}`).join(', ')}
    FROM read_csv($1, header = false, auto_detect = false, skip = ${line}, delim = $2, quote = '"',
                  escape = '"', strict_mode = true, columns = ${columns})`;
}

/** The parameters of recordsSql: $1 path, $2 delimiter, $3 whitespace when every kind is trimmed. */
const readParams = (file: SqlFile): string[] =>
  file.plain.trim !== 'whitespace'
    ? [file.path, file.header.delimiter]
    : [file.path, file.header.delimiter, JS_WHITESPACE];

const notBlank = (width: number): string =>
  `NOT (${Array.from({ length: width }, (_, i) => `f${i} = ''`).join(' AND ')})`;

/** Why the SQL refused a value: any text; what counts is that the statement failed. */
const refuse = (what: string): string => `error(${literal(`not plain: ${what}`)})`;

function columnSql(table: TableName, column: ColumnSpec, field: string, mapAlias: string | null): string {
  const name = `${table}.${column.name}`;
  const empty = column.required ? refuse(`${name} empty`) : 'NULL';
  const bounds = (value: string): string =>
    [
      column.min === undefined ? null : `${value} >= ${column.min}`,
      column.max === undefined ? null : `${value} <= ${column.max}`,
    ]
      .filter((b) => b !== null)
      .join(' AND ') || 'true';
  let value: string;
  switch (column.type) {
    case 'slug':
      value = `CASE WHEN regexp_full_match(${field}, '${SLUG}') THEN ${field} ELSE ${refuse(name)} END`;
      break;
    case 'reference':
      // Not matched here: checkWritten finds it among the ids of its table, all of them slugs already.
      value = field;
      break;
    case 'text':
      // Bytes bound characters from above (a UTF-16 unit takes at least one byte): longer ones go to the validator.
      value = `CASE WHEN strlen(${field}) <= ${MAX_VALUE_LENGTH} THEN ${field} ELSE ${refuse(name)} END`;
      break;
    case 'integer': {
      // Written as SQL writes it back (no sign, zeros or grouping to read): a cheap test, and exactly the number
      // the validator reads. Other spellings go to the validator.
      const n = `TRY_CAST(${field} AS BIGINT)`;
      const safe = `abs(${n}) <= ${Number.MAX_SAFE_INTEGER}`;
      value = `CASE WHEN CAST(${n} AS VARCHAR) = ${field} AND ${safe} AND ${bounds(n)} THEN ${n} ELSE ${refuse(name)} END`;
      break;
    }
    case 'decimal': {
      // + 0.0 turns -0 into 0, as the validator does.
      const n = `(TRY_CAST(replace(${field}, ',', '.') AS DOUBLE) + 0.0)`;
      value = `CASE WHEN regexp_full_match(${field}, '${DECIMAL}') AND ${bounds(n)} THEN ${n} ELSE ${refuse(name)} END`;
      break;
    }
    default:
      // Every distinct value was read by the validator and mapped (mapValues).
      value = `${mapAlias}.value`;
  }
  return `CASE WHEN ${field} = '' THEN ${empty} ELSE ${value} END`;
}

/** A mapped column of a file: the field it is read from, and the temporary table of its values. */
interface Mapped {
  column: ColumnSpec;
  at: number;
  table: string;
}

/**
 * For each mapped column, a temporary table from each distinct value to what the validator stores for it. One
 * scan of the file finds the distinct values of every mapped column (a grouping set each).
 */
async function mapValues(
  c: DuckDBConnection,
  file: SqlFile,
  mapped: readonly Mapped[],
  params: unknown[],
): Promise<void> {
  if (mapped.length === 0) return;
  const fields = mapped.map(({ at }) => `f${at}`);
  // Each row holds one value of one column (the others grouped away, NULL); which one, `grouping` tells.
  const which = fields.map((f) => `grouping(${f}) = 0`);
  const rows = plainRows(
    await c.runAndReadAll(
      `SELECT ${fields.map((f, i) => `CASE WHEN ${which[i]} THEN ${f} END AS v${i}`).join(', ')}
       FROM (${recordsSql(file)})
       GROUP BY GROUPING SETS (${fields.map((f) => `(${f})`).join(', ')})`,
      params as never,
    ),
  );
  for (const [i, { column, table }] of mapped.entries()) {
    const read = cellReader(column);
    await c.run(`CREATE OR REPLACE TEMP TABLE ${table} (raw VARCHAR, value VARCHAR)`);
    const appender = await c.createAppender(table, 'main', 'temp');
    try {
      for (const row of rows) {
        const raw = row[`v${i}`];
        if (raw === null || raw === undefined || raw === '') continue;
        const text = String(raw);
        const value = text.length > MAX_VALUE_LENGTH ? null : read(text);
        if (value === null || value instanceof CellError) {
          throw new NotForSql(`${file.header.table}.${column.name} has a value the validator refuses`);
        }
        appender.appendVarchar(text);
        appender.appendVarchar(String(value));
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }
}

/** Whether DuckDB keeps rows in the order they are inserted (not in a bulk load: `OpenStoreOptions.bulkLoad`). */
async function keepsOrder(c: DuckDBConnection): Promise<boolean> {
  const [row] = plainRows(
    await c.runAndReadAll(`SELECT current_setting('preserve_insertion_order') AS keeps`),
  );
  return row?.keeps !== false;
}

/**
 * Inserts the records of `file` into its table as rows of `version`; returns how many. Throws NotForSql when a
 * value is not one the SQL accepts (or DuckDB can't split the file as parseCsv would).
 */
export async function insertFile(c: DuckDBConnection, file: SqlFile, version: number): Promise<number> {
  const { table, fieldIndex, width } = file.header;
  const spec = TABLES[table];
  const params = readParams(file);
  const joins: string[] = [];
  const expressions: string[] = [];
  const mapped: Mapped[] = [];
  try {
    for (const [i, column] of spec.columns.entries()) {
      const at = fieldIndex[i]!;
      if (at < 0) {
        expressions.push(`NULL AS ${quoted(column.name)}`);
        continue;
      }
      const field = `r.f${at}`;
      let alias: string | null = null;
      if (MAPPED.has(column.type)) {
        alias = `m${i}`;
        mapped.push({ column, at, table: `puente_map_${i}` });
        joins.push(`LEFT JOIN temp.main.puente_map_${i} AS ${alias} ON ${alias}.raw = ${field}`);
      }
      expressions.push(`${columnSql(table, column, field, alias)} AS ${quoted(column.name)}`);
    }
    await mapValues(c, file, mapped, params);
    // Rules across the cells of a row, as in the validator: checked here, reported by it.
    const across =
      table === 'partnerships'
        ? ` REPLACE (CASE WHEN "source" = "target" THEN ${refuse('same institution')} ELSE "target" END AS "target")`
        : table === 'training'
          ? ` REPLACE (CASE WHEN "completed" > "trainees" THEN ${refuse('completed')} ELSE "completed" END AS "completed")`
          : '';
    // Joined rows keep the file's order (the validator's) through their position, unless the store was opened
    // for a bulk load, which stores rows in any order.
    const ordered = joins.length > 0 && (await keepsOrder(c));
    const rows = `SELECT ${expressions.join(', ')}
      FROM (SELECT *${ordered ? ', row_number() OVER () AS position' : ''} FROM (${recordsSql(file)}) WHERE ${notBlank(width)}) AS r
      ${joins.join('\n')}${ordered ? ' ORDER BY r.position' : ''}`;
    const [count] = plainRows(
      await c.runAndReadAll(
        `INSERT INTO ${quoted(table)} SELECT *${across}, $${params.length + 1}, NULL FROM (${rows})`,
        [...params, version] as never,
      ),
    );
    const inserted = Number(Object.values(count ?? {})[0] ?? 0);
    if (inserted === 0) throw new NotForSql(`${table} has no records`);
    return inserted;
  } catch (error) {
    if (error instanceof NotForSql) throw error;
    throw new NotForSql(`DuckDB could not take ${table} as plain CSV`, { cause: error });
  }
}

/**
 * The checks across rows, once every table is written as `version`: duplicate keys and partnerships given both
 * ways round among the new rows, and any current row (new or not) pointing at a key that is not current (a new
 * row's unknown reference, or an old row orphaned by a replace). Throws NotForSql on any: the validator and the
 * load's orphan check then word it.
 */
export async function checkWritten(
  c: DuckDBConnection,
  tables: readonly TableName[],
  version: number,
): Promise<void> {
  const any = async (sql: string, params: number[] = []): Promise<boolean> =>
    plainRows(await c.runAndReadAll(`SELECT EXISTS (${sql}) AS found`, params)).some((r) => r.found === true);
  for (const table of tables) {
    // Grouped by a hash of the key, much faster than by its text: two keys sharing a hash only hand over.
    const key = `hash(${TABLES[table].key.map(quoted).join(', ')})`;
    if (
      await any(`SELECT 1 FROM ${quoted(table)} WHERE _from = $1 GROUP BY ${key} HAVING count(*) > 1`, [
        version,
      ])
    ) {
      throw new NotForSql(`${table} has a duplicate key`);
    }
  }
  if (
    tables.includes('partnerships') &&
    (await any(
      `SELECT 1 FROM partnerships AS a JOIN partnerships AS b
         ON a.source = b.target AND a.target = b.source AND a.area = b.area
       WHERE a._from = $1 AND b._from = $1`,
      [version],
    ))
  ) {
    throw new NotForSql('a partnership is given both ways round');
  }
  for (const { from, column, to } of RELATIONS) {
    const dangling = `SELECT 1 FROM ${quoted(from)} AS f
      ANTI JOIN (SELECT id FROM ${quoted(to)} WHERE _to IS NULL) AS t ON t.id = f.${quoted(column)}
      WHERE f._to IS NULL AND f.${quoted(column)} IS NOT NULL`;
    if (await any(dangling)) throw new NotForSql(`${from}.${column} points at a key that is not current`);
  }
}
