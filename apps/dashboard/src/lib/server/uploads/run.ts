/**
 * An upload from the API or the upload page: read within the size limit, validated in a worker thread, then
 * loaded by the store, which validates again inside its transaction (that check is the one that counts).
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import type { Problem, Row, TableName } from '@puente/data';
import { currentRows, listVersions, load, type AuditDetails, type LoadResult } from '@puente/data/store';
import type { ValidationTask, WouldChange } from '@puente/data/validate-worker';
import { audit } from '../audit/record';
import { getStore } from '../store';
import { viewsReady } from '../views';
import { discardRest, readUpload, UploadRefused, uploadLimit } from './body';
import { validateOffThread } from './check-pool';

export type UploadOutcome =
  | { status: 201; body: { version: number; tables: Record<string, number>; warnings: Problem[] } }
  | {
      status: 200;
      body: {
        tables: Record<string, number>;
        warnings: Problem[];
        changes: Partial<Record<TableName, WouldChange>>;
      };
    }
  | { status: 422; body: { ok: false; problems: Problem[]; emptied?: string[] } }
  | { status: 400 | 413 | 415; body: { ok: false; reason: UploadRefused['reason']; message: string } }
  | { status: 429; body: { ok: false; reason: 'busy'; message: string } };

/**
 * Uploads read and checked at the same time. Each may hold up to the upload limit in memory and keeps the check
 * thread busy for seconds: more would queue behind them anyway, so they are turned away at once.
 */
export const UPLOADS_AT_ONCE = 2;
/** Seconds a refused client is told to wait. */
export const BUSY_RETRY_AFTER = 30;
let uploading = 0;

/** Reads, checks and loads an upload; `dryRun` stops after the check (the upload page's preview). */
export async function runUpload(
  event: RequestEvent,
  options: { dryRun?: boolean } = {},
): Promise<UploadOutcome> {
  const user = event.locals.user;
  if (user === null) throw new Error('The auth handle lets only signed-in analysts reach uploads');
  if (options.dryRun) return answer(event, user, options);
  // What was sent, as far as it was read: recorded with the outcome, whatever it is.
  const sent: AuditDetails = { files: [] };
  const outcome = await answer(event, user, options, sent);
  await audit(event, {
    actor: user.name,
    action: 'upload',
    ok: outcome.status === 201,
    details: {
      ...sent,
      status: outcome.status,
      ...(outcome.status === 201 ? { version: outcome.body.version } : {}),
      ...(outcome.status === 422 ? { problems: outcome.body.problems.length } : {}),
    },
  });
  return outcome;
}

async function answer(
  event: RequestEvent,
  user: NonNullable<RequestEvent['locals']['user']>,
  options: { dryRun?: boolean },
  sent: AuditDetails = {},
): Promise<UploadOutcome> {
  if (uploading >= UPLOADS_AT_ONCE) {
    if (event.request.body) discardRest(event.request.body.getReader());
    return {
      status: 429,
      body: {
        ok: false,
        reason: 'busy',
        message: `${UPLOADS_AT_ONCE} uploads are being checked: send this one again in a minute.`,
      },
    };
  }
  uploading++;
  try {
    return await readCheckAndLoad(event, user, options, sent);
  } finally {
    uploading--;
  }
}

async function readCheckAndLoad(
  event: RequestEvent,
  user: NonNullable<RequestEvent['locals']['user']>,
  options: { dryRun?: boolean },
  sent: AuditDetails,
): Promise<UploadOutcome> {
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
  sent.mode = upload.mode;
  sent.files = upload.files.map((f) => ({ table: f.table ?? null, name: f.name, bytes: f.bytes.byteLength }));
  const store = getStore();
  const current = options.dryRun ? await currentOf(upload.files.map((f) => f.table)) : undefined;
  const checked = await validateOffThread(store, upload.files, upload.mode, locale, current);
  if (!checked.ok) return { status: 422, body: { ok: false, problems: checked.problems } };
  if (options.dryRun) {
    const tables = Object.fromEntries(checked.tables.map((t) => [t.table, t.rows]));
    return { status: 200, body: { tables, warnings: checked.problems, changes: checked.changes ?? {} } };
  }
  const result: LoadResult = await load(store, {
    files: upload.files,
    mode: upload.mode,
    user: user.name,
    locale,
    allowEmpty: upload.allowEmpty,
  });
  if (!result.ok) return { status: 422, body: result };
  // Answered once readers see it: until then they are shown the version before.
  await viewsReady();
  return {
    status: 201,
    body: {
      version: result.version,
      tables: result.tables as Record<string, number>,
      warnings: result.warnings,
    },
  };
}

/** Past this many current rows, a preview does not say what would change (it would copy them all to a thread). */
const COMPARED_ROWS = 300_000;

async function currentOf(tables: (TableName | undefined)[]): Promise<ValidationTask['current']> {
  const named = [...new Set(tables.filter((t): t is TableName => t !== undefined))];
  const totals = (await listVersions(getStore(), { limit: 1 }))[0]?.totals;
  if (!totals || named.reduce((n, t) => n + totals[t], 0) > COMPARED_ROWS) return undefined;
  const current: NonNullable<ValidationTask['current']> = {};
  for (const t of named) current[t] = (await currentRows(getStore(), t)) as Row[];
  return current;
}

export async function handleUpload(event: RequestEvent): Promise<Response> {
  const outcome = await runUpload(event);
  const headers: Record<string, string> =
    outcome.status === 429 ? { 'retry-after': String(BUSY_RETRY_AFTER) } : {};
  return json(outcome.body, { status: outcome.status, headers });
}
