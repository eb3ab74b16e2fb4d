/**
 * Records what a request did in the audit log (see `@puente/data/store`'s audit.ts), with the client's address
 * and whether it came from a browser's session or a script's token. A failure to record is logged, not thrown: the action it
 * describes has already happened, and the person who did it should still get its answer.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { recordAudit, type AuditAction, type AuditDetails } from '@puente/data/store';
import { bearerToken } from '../auth/session';
import { getStore } from '../store';

export async function audit(
  event: Pick<RequestEvent, 'locals' | 'request'>,
  entry: { actor: string; action: AuditAction; ok: boolean; details?: AuditDetails },
): Promise<void> {
  const record = {
    actor: entry.actor,
    action: entry.action,
    outcome: entry.ok ? ('ok' as const) : ('failed' as const),
    via: bearerToken(event.request) !== null ? ('api' as const) : ('page' as const),
    address: event.locals.address,
    ...(entry.details ? { details: entry.details } : {}),
  };
  try {
    await recordAudit(getStore(), record);
  } catch (error) {
    console.error('The audit log could not record', JSON.stringify(record), error);
  }
}

/**
 * Reads the client's address as the request arrives (`Locals.address`): a long upload or restore may end after the
 * client has gone, and its socket with its address.
 */
export const rememberClientAddress: Handle = ({ event, resolve }) => {
  event.locals.address = clientAddress(event);
  return resolve(event);
};

function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string | null {
  try {
    // Undefined when the socket is closed already.
    return event.getClientAddress() || null;
  } catch {
    // A request with no socket behind it (a test's, or one rendered during the build) has no address.
    return null;
  }
}
