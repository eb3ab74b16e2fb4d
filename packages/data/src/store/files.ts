import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UploadFile } from '../validation/validate.js';

/** The sample programme shipped in the repository's `data/` folder. */
export const SAMPLE_DATA_DIR = fileURLToPath(new URL('../../../../data/', import.meta.url));

export interface ReadOptions {
  /** Called with the size of each chunk as it is read, for progress displays. */
  onRead?: (bytes: number) => void;
}

/** Reads the given CSV files, and every `*.csv` directly inside the given folders, as upload files. */
export async function readCsvFiles(
  paths: readonly string[],
  options: ReadOptions = {},
): Promise<UploadFile[]> {
  const files: UploadFile[] = [];
  for (const p of paths) {
    if ((await stat(p)).isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
      for (const name of names) files.push({ name, bytes: await readBytes(path.join(p, name), options) });
    } else {
      files.push({ name: path.basename(p), bytes: await readBytes(p, options) });
    }
  }
  return files;
}

async function readBytes(file: string, { onRead }: ReadOptions): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    chunks.push(chunk as Buffer);
    onRead?.((chunk as Buffer).length);
  }
  return Buffer.concat(chunks);
}
