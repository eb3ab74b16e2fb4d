import { randomBytes, scrypt as scryptCallback, timingSafeEqual, createHash } from 'node:crypto';
import { promisify } from 'node:util';
import type { Store } from './store.js';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  name: string;
  role: Role;
}

const NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32);
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

const UNKNOWN_USER_HASH = `scrypt$${randomBytes(16).toString('base64')}$${randomBytes(32).toString('base64')}`;

/** API tokens are random and high-entropy, so a fast hash suffices; only the hash is stored. */
const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A password good enough to print once for a new user. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Adds a user, or updates the role and password of an existing one. */
export async function addUser(store: Store, user: User & { password: string }): Promise<void> {
  if (!NAME.test(user.name)) throw new RangeError('A user name is 1–64 letters, digits, or . _ @ -');
  if (!ROLES.includes(user.role)) throw new RangeError(`A role is one of ${ROLES.join(', ')}`);
  if (user.password.length < 8) throw new RangeError('A password has at least 8 characters');
  const hash = await hashPassword(user.password);
  await store.write(async (c) => {
    await c.run(
      `INSERT INTO users VALUES ($1, $2, $3, current_timestamp)
       ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash`,
      [user.name, user.role, hash],
    );
    // A new password ends the sessions signed in with the old one.
    await c.run('DELETE FROM sessions WHERE user_name = $1', [user.name]);
  });
}

/** Creates an API token for scripts; the token itself is returned once and never stored. */
export async function createToken(store: Store, name: string): Promise<string> {
  const token = `pte_${randomBytes(32).toString('base64url')}`;
  await store.write(async (c) => {
    const exists = await c.runAndReadAll('SELECT 1 FROM users WHERE name = $1', [name]);
    if (exists.currentRowCount === 0) throw new RangeError(`There is no user ${name}`);
    await c.run('INSERT INTO api_tokens VALUES ($1, $2, current_timestamp)', [tokenHash(token), name]);
  });
  return token;
}

export async function authenticate(store: Store, name: string, password: string): Promise<User | null> {
  const [row] = await store.all('SELECT name, role, password_hash FROM users WHERE name = $1', [name]);
  // An unknown name costs the same scrypt as a known one, so timing does not tell which names exist.
  const matches = await passwordMatches(password, row ? String(row.password_hash) : UNKNOWN_USER_HASH);
  if (!row || !matches) return null;
  return { name: String(row.name), role: row.role as Role };
}

export async function userForToken(store: Store, token: string): Promise<User | null> {
  const [row] = await store.all(
    'SELECT u.name, u.role FROM api_tokens AS t JOIN users AS u ON u.name = t.user_name WHERE t.token_hash = $1',
    [tokenHash(token)],
  );
  return row ? { name: String(row.name), role: row.role as Role } : null;
}

export interface UserInfo extends User {
  createdAt: string;
  tokens: number;
}

export async function listUsers(store: Store): Promise<UserInfo[]> {
  const rows = await store.all(
    `SELECT u.name, u.role, strftime(u.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at,
            (SELECT count(*) FROM api_tokens AS t WHERE t.user_name = u.name) AS tokens
     FROM users AS u ORDER BY u.name`,
  );
  return rows.map((r) => ({
    name: String(r.name),
    role: r.role as Role,
    createdAt: String(r.created_at),
    tokens: Number(r.tokens),
  }));
}

export async function countUsers(store: Store): Promise<number> {
  const [row] = await store.all('SELECT count(*) AS n FROM users');
  return Number(row?.n ?? 0);
}

/** Removes a user with their tokens and sessions; false when there was none. Takes effect on the next request. */
export async function removeUser(store: Store, name: string): Promise<boolean> {
  return store.write(async (c) => {
    const exists = await c.runAndReadAll('SELECT 1 FROM users WHERE name = $1', [name]);
    if (exists.currentRowCount === 0) return false;
    await c.run('DELETE FROM api_tokens WHERE user_name = $1', [name]);
    await c.run('DELETE FROM sessions WHERE user_name = $1', [name]);
    await c.run('DELETE FROM users WHERE name = $1', [name]);
    return true;
  });
}

/** Revokes every API token of a user; returns how many there were. */
export async function revokeTokens(store: Store, name: string): Promise<number> {
  return store.write(async (c) => {
    const rows = await c.runAndReadAll('SELECT count(*) AS n FROM api_tokens WHERE user_name = $1', [name]);
    const n = Number(rows.getRowObjectsJS()[0]?.n ?? 0);
    await c.run('DELETE FROM api_tokens WHERE user_name = $1', [name]);
    return n;
  });
}

/**
 * Starts a session for a signed-in user and returns its id, which goes into the cookie; only its hash is stored,
 * so a copy of the database signs nobody in. Expired sessions are swept at the same time.
 */
export async function createSession(store: Store, name: string, lifetimeSeconds: number): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await store.write(async (c) => {
    await c.run('DELETE FROM sessions WHERE expires_at < current_timestamp');
    await c.run(
      `INSERT INTO sessions VALUES ($1, $2, current_timestamp,
         current_timestamp + to_seconds($3::BIGINT))`,
      [tokenHash(id), name, lifetimeSeconds],
    );
  });
  return id;
}

/** The user a session belongs to, with the role the user has now; null when the session ended or expired. */
export async function userForSession(store: Store, id: string): Promise<User | null> {
  const [row] = await store.all(
    `SELECT u.name, u.role FROM sessions AS s JOIN users AS u ON u.name = s.user_name
     WHERE s.id_hash = $1 AND s.expires_at > current_timestamp`,
    [tokenHash(id)],
  );
  return row ? { name: String(row.name), role: row.role as Role } : null;
}

export async function endSession(store: Store, id: string): Promise<void> {
  await store.write(async (c) => {
    await c.run('DELETE FROM sessions WHERE id_hash = $1', [tokenHash(id)]);
  });
}

/** Ends every session of a user (signing out everywhere, a lost laptop); returns how many ended. */
export async function endSessions(store: Store, name: string): Promise<number> {
  return store.write(
    async (c) => (await c.run('DELETE FROM sessions WHERE user_name = $1', [name])).rowsChanged,
  );
}
