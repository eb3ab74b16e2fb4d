import { readdirSync, readFileSync } from 'node:fs';

/** The bytes of a file under test/fixtures/. */
export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url)));
}

/** The files of a folder under test/fixtures/, as an upload, in name order. */
export function fixtureUpload(folder: string): { name: string; bytes: Uint8Array }[] {
  const root = new URL(`./fixtures/${folder}/`, import.meta.url);
  return readdirSync(root)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, root))) }));
}
