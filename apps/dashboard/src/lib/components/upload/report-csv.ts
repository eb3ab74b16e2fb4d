import type { Problem } from '@puente/data';

const COLUMNS = ['file', 'table', 'row', 'line', 'column', 'code', 'severity', 'message', 'value'] as const;

/** A value as a CSV field; a leading =, +, - or @ is quoted away so a spreadsheet never runs it as a formula. */
function field(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The validation report as CSV (UTF-8 with BOM, so Excel reads accents and Chinese). */
export function reportCsv(problems: readonly Problem[]): string {
  const lines = [COLUMNS.join(',')];
  for (const p of problems) lines.push(COLUMNS.map((c) => field(p[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
