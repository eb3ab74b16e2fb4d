import { error } from '@sveltejs/kit';
import { recordedFile } from '@puente/data/store';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** An ASCII fallback and the exact name (RFC 6266 / 5987) for Content-Disposition; the name is only a label. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The exact bytes of an uploaded file, found by hash among the files the history records. */
export const GET: RequestHandler = async ({ params }) => {
  if (!/^[0-9a-f]{64}$/.test(params.sha256)) error(404, 'No such file');
  const store = getStore();
  const file = await recordedFile(store, params.sha256);
  if (!file) error(404, 'No such file');
  const handle = await open(path.join(store.uploadsDir, file.sha256)).catch(() => null);
  if (!handle) error(404, 'The file is recorded but no longer kept beside the database');
  const { size } = await handle.stat();
  return new Response(Readable.toWeb(handle.createReadStream()) as ReadableStream, {
    headers: {
      'content-type': 'text/csv',
      'content-length': String(size),
      'content-disposition': disposition(file.name),
      'x-content-type-options': 'nosniff',
    },
  });
};
