/**
 * An upload from the API or the upload page: read within the size limit, validated in a worker thread, then
 * loaded by the store, which validates again inside its transaction (that check is the one that counts).
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import type { Problem } from '@puente/data';
import { load, type LoadResult } from '@puente/data/store';
import { getStore } from '../store';
import { readUpload, UploadRefused, uploadLimit } from './body';
import { validateOffThread } from './check-pool';

export type UploadOutcome =
  | { status: 201; body: { version: number; tables: Record<string, number>; warnings: Problem[] } }
  | { status: 422; body: { ok: false; problems: Problem[]; emptied?: string[] } }
  | { status: 400 | 413 | 415; body: { ok: false; reason: UploadRefused['reason']; message: string } };

/** Reads, checks and loads an upload; `dryRun` stops after the check (the upload page's preview). */
export async function runUpload(
  event: RequestEvent,
  options: { dryRun?: boolean } = {},
): Promise<UploadOutcome> {
  const user = event.locals.user;
  if (user === null) throw new Error('The auth handle lets only signed-in analysts reach uploads');
  const locale = event.locals.locale;
  let upload;
  try {
    upload = await readUpload(event.request, uploadLimit());
  } catch (error) {
    if (error instanceof UploadRefused) {
      return { status: error.status, body: { ok: false, reason: error.reason, message: error.message } };
    }
    throw error;
  }
  const store = getStore();
  const checked = await validateOffThread(store, upload.files, upload.mode, locale);
  if (!checked.ok) return { status: 422, body: { ok: false, problems: checked.problems } };
  if (options.dryRun) {
    const tables = Object.fromEntries(checked.tables.map((t) => [t.table, t.rows]));
    return { status: 201, body: { version: 0, tables, warnings: checked.problems } };
  }
  const result: LoadResult = await load(store, {
    files: upload.files,
    mode: upload.mode,
    user: user.name,
    locale,
    allowEmpty: upload.allowEmpty,
  });
  if (!result.ok) return { status: 422, body: result };
  return {
    status: 201,
    body: {
      version: result.version,
      tables: result.tables as Record<string, number>,
      warnings: result.warnings,
    },
  };
}

export async function handleUpload(event: RequestEvent): Promise<Response> {
  const outcome = await runUpload(event);
  return json(outcome.body, { status: outcome.status });
}
