/** The session cookie and who a request comes from: a Bearer token (scripts) or the session cookie (browsers). */
import type { Cookies } from '@sveltejs/kit';
import {
  createSession,
  endSession,
  endSessions,
  userForSession,
  userForToken,
  type User,
} from '@puente/data/store';
import { getStore } from '../store';
import { siteProtocol } from './site';

export const SESSION_COOKIE = 'puente_session';
/** A session lasts two weeks from sign-in. */
export const SESSION_SECONDS = 14 * 24 * 60 * 60;

/** `Secure` whenever the site is served over https (see site.ts). */
const cookieOptions = (request: Request) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: siteProtocol(request) === 'https:',
});

/** A token from `Authorization: Bearer …`, or null. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

export async function userOf(request: Request, cookies: Cookies): Promise<User | null> {
  const token = bearerToken(request);
  if (token !== null) return userForToken(getStore(), token);
  const session = cookies.get(SESSION_COOKIE);
  return session ? userForSession(getStore(), session) : null;
}

/** Signs a user in: a new session id each time (never one the browser brought), in the cookie. */
export async function startSession(cookies: Cookies, request: Request, name: string): Promise<void> {
  const previous = cookies.get(SESSION_COOKIE);
  if (previous) await endSession(getStore(), previous);
  const id = await createSession(getStore(), name, SESSION_SECONDS);
  cookies.set(SESSION_COOKIE, id, { ...cookieOptions(request), maxAge: SESSION_SECONDS });
}

export async function stopSession(cookies: Cookies, request: Request): Promise<void> {
  const id = cookies.get(SESSION_COOKIE);
  if (id) await endSession(getStore(), id);
  cookies.delete(SESSION_COOKIE, cookieOptions(request));
}

/** Ends every session of `name`, in every browser, and this browser's cookie; returns how many ended. */
export async function stopAllSessions(cookies: Cookies, request: Request, name: string): Promise<number> {
  const ended = await endSessions(getStore(), name);
  cookies.delete(SESSION_COOKIE, cookieOptions(request));
  return ended;
}
