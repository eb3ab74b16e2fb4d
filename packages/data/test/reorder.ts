import { random } from '../src/generate/programme.js';
import type { UploadFile } from '../src/validation/validate.js';

/**
 * The files with the data rows of each in another order (the header line first, as it was): reversed, or shuffled
 * with a fixed seed. A store loaded from them holds the same rows as one loaded from the files as they are, stored
 * in another order. Rows must not hold line breaks (those of the sample and of `generatedFiles` don't).
 */
export function reordered(files: readonly UploadFile[], order: 'reversed' | { seed: number }): UploadFile[] {
  return files.map((file) => ({ name: file.name, bytes: encoder.encode(reorderLines(text(file), order)) }));
}

/** The files with their data rows filtered (by position, 0-based), the header kept. */
export function keptRows(
  files: readonly UploadFile[],
  keep: (table: string, row: number) => boolean,
): UploadFile[] {
  return files.map((file) => {
    const { header, rows, eol } = split(text(file));
    const table = file.name.replace(/\.csv$/, '');
    return {
      name: file.name,
      bytes: encoder.encode(
        join(
          header,
          rows.filter((_, i) => keep(table, i)),
          eol,
        ),
      ),
    };
  });
}

const encoder = new TextEncoder();
const text = (file: UploadFile) => new TextDecoder().decode(file.bytes);

function split(csv: string): { header: string; rows: string[]; eol: string } {
  const eol = csv.includes('\r\n') ? '\r\n' : '\n';
  const [header = '', ...rows] = csv.split(eol);
  // The final line break ends the last row; it starts no row of its own.
  if (rows.at(-1) === '') rows.pop();
  return { header, rows, eol };
}

const join = (header: string, rows: readonly string[], eol: string) =>
  [header, ...rows].map((line) => line + eol).join('');

function reorderLines(csv: string, order: 'reversed' | { seed: number }): string {
  const { header, rows, eol } = split(csv);
  if (order === 'reversed') return join(header, rows.reverse(), eol);
  // Fisher–Yates with the generator's seeded numbers: the same order on every run and platform.
  const next = random(order.seed);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return join(header, rows, eol);
}
