import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UploadFile } from '../validation/validate.js';
import type { DiskFile } from './sql-files.js';

/** The sample programme shipped in the repository's `data/` folder. */
export const SAMPLE_DATA_DIR = fileURLToPath(new URL('../../../../data/', import.meta.url));

const CHUNK = 4 * 1024 * 1024;

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
  for (const file of await csvFilesOnDisk(paths)) {
    files.push({ name: file.name, bytes: await readBytes(file.path, options) });
  }
  return files;
}

/** The given CSV files, and every `*.csv` directly inside the given folders, to be read in chunks by `load`. */
export async function csvFilesOnDisk(paths: readonly string[]): Promise<DiskFile[]> {
  const files: DiskFile[] = [];
  for (const p of paths) {
    if ((await stat(p)).isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
      for (const name of names) {
        const file = path.join(p, name);
        files.push({ name, path: file, size: (await stat(file)).size });
      }
    } else {
      files.push({ name: path.basename(p), path: p, size: (await stat(p)).size });
    }
  }
  return files;
}

/** A file's bytes in one buffer of its size (no second copy, for files of hundreds of megabytes), read in chunks. */
async function readBytes(file: string, { onRead }: ReadOptions): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(bytes, offset, Math.min(CHUNK, size - offset), offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
      onRead?.(bytesRead);
    }
    return offset === size ? bytes : bytes.subarray(0, offset);
  } finally {
    await handle.close();
  }
}
