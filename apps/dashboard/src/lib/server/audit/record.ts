/**
 * Records what a request did in the audit log (see `@puente/data/store`'s audit.ts), with the client's address
 * and whether it came from a browser's session or a script's token. A failure to record is logged, not thrown: the action it
 * describes has already happened, and the person who did it should still get its answer.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { recordAudit, type AuditAction, type AuditDetails } from '@puente/data/store';
import { bearerToken } from '../auth/session';
import { getStore } from '../store';

export async function audit(
  event: Pick<RequestEvent, 'getClientAddress' | 'request'>,
  entry: { actor: string; action: AuditAction; ok: boolean; details?: AuditDetails },
): Promise<void> {
  const record = {
    actor: entry.actor,
    action: entry.action,
    outcome: entry.ok ? ('ok' as const) : ('failed' as const),
    via: bearerToken(event.request) !== null ? ('api' as const) : ('page' as const),
    address: clientAddress(event),
    ...(entry.details ? { details: entry.details } : {}),
  };
  try {
    await recordAudit(getStore(), record);
  } catch (error) {
    console.error('The audit log could not record', JSON.stringify(record), error);
  }
}

function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string | null {
  try {
    return event.getClientAddress();
  } catch {
    // A request with no socket behind it (a test's, or one rendered during the build) has no address.
    return null;
  }
}
