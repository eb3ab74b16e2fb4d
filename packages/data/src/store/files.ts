import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UploadFile } from '../validation/validate.js';

/** The sample programme shipped in the repository's `data/` folder. */
export const SAMPLE_DATA_DIR = fileURLToPath(new URL('../../../../data/', import.meta.url));

/** Reads the given CSV files, and every `*.csv` directly inside the given folders, as upload files. */
export async function readCsvFiles(paths: readonly string[]): Promise<UploadFile[]> {
  const files: UploadFile[] = [];
  for (const p of paths) {
    if ((await stat(p)).isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
      for (const name of names) files.push({ name, bytes: await readFile(path.join(p, name)) });
    } else {
      files.push({ name: path.basename(p), bytes: await readFile(p) });
    }
  }
  return files;
}
