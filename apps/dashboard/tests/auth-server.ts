/**
 * A server of the built app on a fresh database with one user per role, each with an API token, made with the
 * real CLI before the server starts (the server then holds the file).
 */
import { expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CLI = new URL('../../../packages/data/bin/puente.js', import.meta.url).pathname;
const BUILD = new URL('../build', import.meta.url).pathname;

export const PASSWORDS = {
  viewer: 'viewer password 1',
  analyst: 'analyst password 1',
  admin: 'admin password 1',
};
export type Role = keyof typeof PASSWORDS;

export interface AuthServer {
  base: string;
  dir: string;
  db: string;
  tokens: Record<Role, string>;
  /** Everything the server printed. */
  log(): string;
  stop(): Promise<void>;
  /** Kills the server with SIGKILL, as a crash or a pulled plug would, and waits for it to be gone. */
  kill(): Promise<void>;
  /** Stops and starts the server again on the same database. */
  restart(env?: Record<string, string>, whileStopped?: () => void): Promise<void>;
}

export function puente(args: string[], input = ''): string {
  return execFileSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
}

export async function startAuthServer(port: number, env: Record<string, string> = {}): Promise<AuthServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-auth-'));
  const db = path.join(dir, 'auth.duckdb');
  const tokens = {} as Record<Role, string>;
  for (const role of ['viewer', 'analyst', 'admin'] as const) {
    const out = puente(['users', 'add', role, '--role', role, '--token', '--db', db], `${PASSWORDS[role]}\n`);
    tokens[role] = /^token: (\S+)$/m.exec(out)![1]!;
  }
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  let child: ChildProcess;
  const start = async (extra: Record<string, string>) => {
    child = spawn(process.execPath, [BUILD], {
      env: {
        ...process.env,
        PUENTE_DB: db,
        PORT: String(port),
        HOST: '127.0.0.1',
        BODY_SIZE_LIMIT: 'Infinity',
        ...env,
        ...extra,
      },
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 30_000 })
      .toBe(200);
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    });
  await start({});
  return {
    base,
    dir,
    db,
    tokens,
    log: () => output,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    restart: async (extra = {}, whileStopped) => {
      await stop();
      whileStopped?.();
      await start(extra);
    },
    stop: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form's action, as a browser without JavaScript would; returns the cookie. */
export async function signIn(base: string, name: string, password: string): Promise<Response> {
  return fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ name, password }),
  });
}

export function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('puente_session='));
  if (!cookie) throw new Error(`No session cookie (status ${response.status})`);
  return cookie.split(';')[0]!;
}

/** One file of an upload: its table (the form's field), its bytes, and its file name (`<table>.csv` unless given). */
export type UploadFile = [table: string, bytes: Uint8Array | string, fileName?: string];

/** Posts files to `POST /api/uploads` as a script does, with `role`'s API token. */
export function upload(
  server: AuthServer,
  files: UploadFile[],
  fields: Record<string, string> = {},
  role: Role = 'analyst',
): Promise<Response> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  for (const [table, bytes, fileName = `${table}.csv`] of files) {
    const blob = new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type: 'text/csv' });
    body.append(table, blob, fileName);
  }
  return fetch(`${server.base}/api/uploads?lang=en`, {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${server.tokens[role]}` },
  });
}

/** Signs in as a person does: types into the English login form, clicks Sign in, and waits to be signed in. */
export async function signInAs(page: Page, server: AuthServer, role: Role): Promise<void> {
  await page.goto(`${server.base}/login?lang=en`, { waitUntil: 'networkidle' });
  await page.getByLabel('User name').fill(role);
  await page.getByLabel('Password').fill(PASSWORDS[role]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${role}`)).toBeVisible();
}
