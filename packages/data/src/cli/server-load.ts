import type { Locale, Problem } from '../schema/problems.js';
import type { TableName } from '../schema/tables.js';
import type { LoadMode, LoadResult } from '../store/index.js';
import { openAsBlob } from 'node:fs';
import type { DiskFile } from '../store/index.js';

/**
 * `puente load --server URL --token T`: posts the files to a running dashboard's `POST /api/uploads`, which
 * validates and loads them exactly as a local load would, while the dashboard keeps the database open.
 * A refused load (422) comes back as the same report; any other refusal is thrown with the server's reason.
 * Each file is sent from disk as it is read (`openAsBlob`), never held whole.
 */
export async function loadThroughServer(
  server: string,
  token: string,
  files: DiskFile[],
  options: { mode: LoadMode; locale: Locale; allowEmpty: boolean },
): Promise<LoadResult> {
  let url: URL;
  try {
    url = new URL('api/uploads', server.endsWith('/') ? server : `${server}/`);
  } catch {
    throw new Error(`--server takes the dashboard's address, such as http://localhost:3000 (got ${server})`);
  }
  const form = new FormData();
  form.set('mode', options.mode);
  if (options.allowEmpty) form.set('allowEmpty', 'true');
  const encoding = files.find((f) => f.encoding !== undefined)?.encoding;
  if (encoding !== undefined) form.set('encoding', encoding);
  for (const file of files) {
    form.append('file', await openAsBlob(file.path, { type: 'text/csv' }), file.name);
  }
  const response = await fetch(url, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}`, 'accept-language': options.locale },
  });
  const body = (await response.json().catch(() => null)) as {
    version?: number;
    tables?: Partial<Record<TableName, number>>;
    warnings?: Problem[];
    problems?: Problem[];
    emptied?: TableName[];
    message?: string;
  } | null;
  if (response.status === 201 && typeof body?.version === 'number') {
    return { ok: true, version: body.version, tables: body.tables ?? {}, warnings: body.warnings ?? [] };
  }
  if (response.status === 422 && Array.isArray(body?.problems)) {
    return {
      ok: false,
      problems: body.problems,
      ...(body.emptied !== undefined ? { emptied: body.emptied } : {}),
    };
  }
  throw new Error(
    `the server refused the load (${response.status}): ${body?.message ?? response.statusText}`,
  );
}
