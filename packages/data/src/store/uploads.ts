import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Keeps the raw bytes of an uploaded file under its SHA-256, never under the name the client sent, so a name
 * cannot reach the file system and the same bytes are stored once. Written before the load's transaction: a load
 * that then fails leaves the bytes in place, which is harmless and keeps what the analyst sent.
 */
export async function keepUpload(dir: string, bytes: Uint8Array): Promise<string> {
  const hash = sha256(bytes);
  const target = path.join(dir, hash);
  try {
    await stat(target);
    return hash;
  } catch {
    // Not stored yet: write it below.
  }
  await mkdir(dir, { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, target);
  return hash;
}
