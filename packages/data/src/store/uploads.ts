import { createHash } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Thrown when the folder that keeps uploaded files can't be written: the load stops before changing anything. */
export class UploadsReadOnlyError extends Error {
  constructor(
    readonly dir: string,
    cause: unknown,
  ) {
    super(
      `Puente can't keep a copy of the uploaded files in ${dir}: the folder is read-only for this user, so ` +
        `nothing was loaded (every load keeps the raw files it was given). Give the user running Puente write ` +
        `access to that folder, which sits beside the database file.`,
      { cause },
    );
    this.name = 'UploadsReadOnlyError';
  }
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
  const partial = `${target}.${process.pid}.partial`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(partial, bytes);
    await rename(partial, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UploadsReadOnlyError(dir, error);
    throw error;
  }
  return hash;
}

/**
 * Keeps a file written in the uploads folder (its staging folder) under `hash`, the SHA-256 of its bytes, as
 * `keepUpload` keeps bytes: moved there, or deleted when those bytes are kept already. Returns the kept path.
 */
export async function keepStaged(dir: string, staged: string, hash: string): Promise<string> {
  const target = path.join(dir, hash);
  const kept = await stat(target).then(
    () => true,
    () => false,
  );
  try {
    if (kept) await rm(staged, { force: true });
    else await rename(staged, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UploadsReadOnlyError(dir, error);
    throw error;
  }
  return target;
}
