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
  if (!row || !(await passwordMatches(password, String(row.password_hash)))) return null;
  return { name: String(row.name), role: row.role as Role };
}

export async function userForToken(store: Store, token: string): Promise<User | null> {
  const [row] = await store.all(
    'SELECT u.name, u.role FROM api_tokens AS t JOIN users AS u ON u.name = t.user_name WHERE t.token_hash = $1',
    [tokenHash(token)],
  );
  return row ? { name: String(row.name), role: row.role as Role } : null;
}
