import { fileIssue, type Issue } from './issue.js';

/** Separators a CSV export uses: `,` (en), `;` (es-ES Excel, where `,` is the decimal mark), tab, `|`. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type DelimiterName = 'comma' | 'semicolon' | 'tab' | 'pipe' | 'other';

const NAMES: Readonly<Record<string, DelimiterName>> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

/** How messages name a delimiter. */
export const delimiterName = (delimiter: string): DelimiterName => NAMES[delimiter] ?? 'other';

// Words people type for a separator in a form or on the command line.
const ALIASES: Readonly<Record<string, string>> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  '\\t': '\t',
  pipe: '|',
};

export interface DelimiterOptions {
  /** A single character, or `comma`, `semicolon`, `tab`, `\t`, `pipe`; detected when absent. */
  delimiter?: string;
}

export type DelimiterResult = { ok: true; delimiter: string } | { ok: false; issue: Issue };

/** Columns a header may have: the widest table has 11, so a header near this is not one of them. */
export const MAX_COLUMNS = 1000;

export function tooManyColumns(found: number, line: number | null): Issue {
  return {
    code: 'too-many-columns',
    message: 'too-many-columns',
    row: null,
    line,
    column: null,
    value: null,
    params: { found, maxColumns: MAX_COLUMNS },
  };
}

/** `sep=;` as the first line: Excel's separator hint, skipped by parseCsv. */
export const SEP_LINE = /^sep=([^\r\n"])[ \t]*(?:\r\n|\n|\r|$)/i;

/** How much of the file the detection reads: enough records to see a pattern, bounded for huge files. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 200;

/**
 * Field counts of the first non-blank records when split by `delimiter`, with RFC 4180 quoting: a quote opens
 * a quoted field only at the start of a field, `""` inside it is a literal quote, and delimiters and line
 * breaks inside it don't count.
 */
export function fieldCounts(text: string, delimiter: string, maxRecords = SAMPLE_RECORDS): number[] {
  const end = Math.min(text.length, SAMPLE_CHARS);
  const truncated = end < text.length;
  const d = delimiter.charCodeAt(0);
  const counts: number[] = [];
  let fields = 1;
  let blank = true;
  let atFieldStart = true;
  let inQuotes = false;
  for (let i = 0; i < end && counts.length < maxRecords; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === 34 && atFieldStart) {
      inQuotes = true;
      blank = false;
      atFieldStart = false;
    } else if (c === d) {
      fields++;
      atFieldStart = true;
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
      atFieldStart = true;
    } else {
      atFieldStart = false;
      if (c !== 32 && c !== 9) blank = false;
    }
  }
  // A record cut by the sample boundary would count wrong: keep it only when the text really ends there.
  if (!blank && !truncated && counts.length < maxRecords) counts.push(fields);
  return counts;
}

/**
 * The delimiter of `text`: the one named by an Excel `sep=` first line, else the candidate that splits the header
 * into at least two columns and gives the most records the header's field count. No candidate, or two equally consistent ones, is `undetectable-delimiter`:
 * a wrong guess would report every row as broken.
 */
export function detectDelimiter(text: string, options: DelimiterOptions = {}): DelimiterResult {
  if (options.delimiter !== undefined && options.delimiter !== '') {
    const delimiter = ALIASES[options.delimiter.toLowerCase()] ?? options.delimiter;
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      return {
        ok: false,
        issue: {
          ...fileIssue('undetectable-delimiter', 'undetectable-delimiter.invalid'),
          value: options.delimiter,
        },
      };
    }
    return { ok: true, delimiter };
  }

  // Excel's hint line, written by some exports so that Excel opens the file with the right separator.
  const hint = SEP_LINE.exec(text);
  if (hint !== null) return { ok: true, delimiter: hint[1]! };

  let best: { delimiter: string; score: number } | null = null;
  let tied: string | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(text, delimiter);
    const header = counts[0];
    if (header === undefined || header < 2) continue;
    let consistent = 0;
    for (const count of counts) if (count === header) consistent++;
    const score = consistent / counts.length;
    if (best === null || score > best.score) {
      best = { delimiter, score };
      tied = null;
    } else if (score === best.score) {
      tied ??= delimiter;
    }
  }
  if (best === null) {
    // A header longer than the sample: no record fits in it, so count the first line itself.
    const firstLine = text.slice(0, text.search(/[\r\n]|$/));
    if (firstLine.length >= SAMPLE_CHARS) {
      const widest = DELIMITERS.reduce((most, d) => Math.max(most, firstLine.split(d).length), 0);
      if (widest > MAX_COLUMNS) return { ok: false, issue: tooManyColumns(widest, 1) };
    }
    return { ok: false, issue: fileIssue('undetectable-delimiter', 'undetectable-delimiter.none') };
  }
  if (tied !== null) {
    return {
      ok: false,
      issue: fileIssue('undetectable-delimiter', 'undetectable-delimiter.tie', {
        first: delimiterName(best.delimiter),
        second: delimiterName(tied),
      }),
    };
  }
  return { ok: true, delimiter: best.delimiter };
}
