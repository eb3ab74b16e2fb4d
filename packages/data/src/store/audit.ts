import type { Store } from './store.js';

/**
 * The audit log: who signed in (or failed to), signed out, uploaded, restored, or changed a user or a token, when,
 * and from where. Append-only: this module offers a way to add an entry and to read entries, none to change or
 * delete one. Passwords, session ids and tokens are never recorded.
 */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-out',
  'upload',
  'restore',
  'user-saved',
  'user-removed',
  'token-created',
  'tokens-revoked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `ok`: done; `failed`: tried and refused or rejected (a wrong password, an upload with problems). */
export type AuditOutcome = 'ok' | 'failed';

/**
 * Where an action came from: the dashboard in a browser (a session), a script with an API token, the CLI, or the
 * server itself (the first admin it creates at its first start).
 */
export type AuditChannel = 'page' | 'api' | 'cli' | 'server';

/** What an entry says beyond who did what: plain values only, shown to admins as text. */
export interface AuditDetails {
  /** The user an action was about (user changes, tokens). */
  user?: string;
  role?: string;
  /** The data version a load or restore made. */
  version?: number;
  /** The version a restore brought back. */
  restoredFrom?: number;
  mode?: string;
  files?: { table: string | null; name: string; bytes: number }[];
  /** The HTTP status an upload was answered with. */
  status?: number;
  /** How many problems rejected an upload. */
  problems?: number;
  /** How many tokens a revocation ended. */
  tokens?: number;
  /** How many sessions a sign-out everywhere ended. */
  sessions?: number;
}

export interface AuditEntry {
  /**
   * Who acted: the signed-in user, the name typed at a failed sign-in, the CLI's `--user` or `$USER`, or `puente`
   * (the server itself).
   */
  actor: string;
  action: AuditAction;
  outcome: AuditOutcome;
  via: AuditChannel;
  /** The client's address; null from the CLI and the server itself. */
  address: string | null;
  details?: AuditDetails;
}

export interface AuditRecord extends Required<Omit<AuditEntry, 'details'>> {
  id: number;
  /** UTC, ISO 8601. */
  at: string;
  details: AuditDetails;
}

/** Names, addresses and file names are cut to this many characters: an entry's size is bounded by the log. */
const TEXT_LIMIT = 200;
const FILES_LIMIT = 64;
const cut = (text: string): string => (text.length > TEXT_LIMIT ? text.slice(0, TEXT_LIMIT) + '…' : text);

export async function recordAudit(store: Store, entry: AuditEntry): Promise<void> {
  if (!AUDIT_ACTIONS.includes(entry.action)) throw new RangeError(`Unknown audit action ${entry.action}`);
  const details: AuditDetails = { ...entry.details };
  if (details.files) {
    details.files = details.files
      .slice(0, FILES_LIMIT)
      .map((f) => ({ table: f.table, name: cut(f.name), bytes: f.bytes }));
  }
  if (details.user !== undefined) details.user = cut(details.user);
  await store.write(async (c) => {
    // Writes are serialised (one writer per file), so the next id can't be taken twice.
    await c.run(
      `INSERT INTO audit_log (id, created_at, actor, action, outcome, via, address, details)
       SELECT coalesce(max(id), 0) + 1, current_timestamp, $1, $2, $3, $4, $5, $6 FROM audit_log`,
      [
        cut(entry.actor),
        entry.action,
        entry.outcome,
        entry.via,
        entry.address === null ? null : cut(entry.address),
        JSON.stringify(details),
      ],
    );
  });
}

/** Which entries to list, newest first: those before id `before` (all when absent), at most `limit` of them. */
export interface AuditPage {
  before?: number;
  limit?: number;
}

export async function listAudit(store: Store, page: AuditPage = {}): Promise<AuditRecord[]> {
  const rows = await store.all(
    `SELECT id, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS at, actor, action, outcome, via, address, details
     FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2`,
    [page.before ?? Number.MAX_SAFE_INTEGER, page.limit ?? 2 ** 31 - 1],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: String(r.at),
    actor: String(r.actor),
    action: r.action as AuditAction,
    outcome: r.outcome === 'ok' ? 'ok' : 'failed',
    via: r.via as AuditChannel,
    address: r.address === null ? null : String(r.address),
    details: JSON.parse(String(r.details)) as AuditDetails,
  }));
}
