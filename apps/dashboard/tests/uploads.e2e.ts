/**
 * Sign-in, roles and the upload API against a real built server and a real database: every status of
 * `POST /api/uploads`, the origin check, sessions across a restart and after sign-out, the sign-in limit, and a
 * signed-in page never served to someone else.
 */
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { PASSWORDS, puente, sessionCookie, signIn, startAuthServer, type AuthServer } from './auth-server';
import { E2E_PORT } from './host-page';

const PORT = E2E_PORT + 30;
const LIMIT = 8 * 1024 * 1024;
const SAMPLE = new URL('../../../data/', import.meta.url).pathname;
const INSTITUTIONS = readFileSync(path.join(SAMPLE, 'institutions.csv'));

let server: AuthServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startAuthServer(PORT, { PUENTE_UPLOAD_LIMIT: String(LIMIT) });
});
test.afterAll(async () => {
  await server?.stop();
});

const bearer = (role: keyof typeof PASSWORDS) => ({ authorization: `Bearer ${server.tokens[role]}` });

function form(
  files: Record<string, [Uint8Array | string, string?, string?]>,
  fields: Record<string, string> = {},
) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  for (const [field, [bytes, fileName = `${field}.csv`, type = 'text/csv']] of Object.entries(files)) {
    body.append(
      field,
      new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }),
      fileName,
    );
  }
  return body;
}

const upload = (body: BodyInit, headers: Record<string, string> = bearer('analyst')) =>
  fetch(`${server.base}/api/uploads`, { method: 'POST', body, headers });

/** Posts `bytes` of filler in 256 kB chunks with node:http; resolves with the status as soon as one arrives. */
function rawPost(headers: Record<string, string>, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.base}/api/uploads`, { method: 'POST', headers }, (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      req.destroy();
    });
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

const version = async () => (await (await fetch(`${server.base}/api/health`)).json()).dataVersion as number;

test('201: an analyst’s token loads the files as a new version', async () => {
  const before = await version();
  const renamed = INSTITUTIONS.toString('utf8').replace('CIFE', 'CIFE Fuenlabrada');
  const response = await upload(form({ institutions: [renamed] }, { mode: 'upsert' }));
  expect(response.status).toBe(201);
  const body = await response.json();
  expect(body).toMatchObject({ version: before + 1, tables: { institutions: expect.any(Number) } });
  expect(await version()).toBe(before + 1);
  const [latest] = await (await fetch(`${server.base}/api/versions`, { headers: bearer('analyst') })).json();
  expect(latest).toMatchObject({ version: before + 1, user: 'analyst', mode: 'upsert' });
});

test('422: the same report as puente validate --json, and nothing changes', async () => {
  const before = await version();
  const text = INSTITUTIONS.toString('utf8');
  // A country that is not a code, and the first institution given twice.
  const bad = text.replace(',ES,', ',España,').concat(text.split('\n')[1]!, '\n');
  const file = path.join(server.dir, 'institutions.csv');
  writeFileSync(file, bad);
  const cli = JSON.parse(
    (() => {
      try {
        return puente(['validate', file, '--json']);
      } catch (error) {
        return String((error as { stdout: string }).stdout);
      }
    })(),
  );
  const response = await upload(form({ file: [bad, 'institutions.csv'] }));
  expect(response.status).toBe(422);
  const body = await response.json();
  expect(body.ok).toBe(false);
  expect(body.problems.map((p: { code: string }) => p.code)).toEqual(
    expect.arrayContaining(['invalid-type', 'duplicate-key']),
  );
  expect(body.problems).toEqual(cli.problems);
  expect(await version()).toBe(before);
});

test('bad input: a path as file name, two files for one table, an empty file — refused or kept by hash only', async () => {
  const before = await version();
  const twice = await upload(form({ institutions: [INSTITUTIONS, 'a.csv'] }, {}));
  expect(twice.status).toBe(201);
  const both = new FormData();
  both.append('file', new Blob([new Uint8Array(INSTITUTIONS)], { type: 'text/csv' }), 'institutions.csv');
  both.append('file', new Blob([new Uint8Array(INSTITUTIONS)], { type: 'text/csv' }), 'instituciones.csv');
  const duplicate = await upload(both);
  expect(duplicate.status).toBe(422);
  expect((await duplicate.json()).problems.map((p: { code: string }) => p.code)).toContain('duplicate-table');
  const empty = await upload(form({ institutions: ['', 'institutions.csv'] }));
  expect(empty.status).toBe(422);
  expect((await empty.json()).problems[0]).toMatchObject({ code: 'empty-file', file: 'institutions.csv' });
  expect(await version()).toBe(before + 1);
  // A name that is a path is only a label: the bytes are kept under their hash, nowhere else.
  const sneaky = await upload(form({ institutions: [INSTITUTIONS, '../../x.csv'] }, { mode: 'upsert' }));
  expect(sneaky.status).toBe(201);
  const [latest] = await (await fetch(`${server.base}/api/versions`, { headers: bearer('analyst') })).json();
  expect(latest.files[0].name).toBe('../../x.csv');
  const { existsSync } = await import('node:fs');
  expect(existsSync(path.join(server.dir, 'x.csv'))).toBe(false);
  expect(existsSync(path.resolve(server.dir, '..', '..', 'x.csv'))).toBe(false);
  expect(existsSync(path.join(server.dir, 'uploads', latest.files[0].sha256))).toBe(true);
});

test('401 without credentials or with a bad token; 403 for a viewer', async () => {
  const body = () => form({ institutions: [INSTITUTIONS] });
  expect((await upload(body(), {})).status).toBe(401);
  const bad = await upload(body(), { authorization: 'Bearer pte_not-a-token' });
  expect(bad.status).toBe(401);
  expect(bad.headers.get('www-authenticate')).toContain('Bearer');
  expect((await upload(body(), bearer('viewer'))).status).toBe(403);
  // A viewer reaches neither the API nor the upload and history pages.
  for (const path of ['/api/versions', '/upload', '/versions']) {
    const response = await fetch(`${server.base}${path}`, { headers: bearer('viewer'), redirect: 'manual' });
    expect(response.status, path).toBe(403);
  }
});

test('413 over the limit, with and without Content-Length, before reading it all', async () => {
  const before = await version();
  const big = new Uint8Array(LIMIT + 1024).fill(0x61);
  expect((await upload(form({ institutions: [big] }))).status).toBe(413);
  // Streamed (chunked, no Content-Length): counted as it arrives, and answered before the client is done.
  const headers = { ...bearer('analyst'), 'content-type': 'multipart/form-data; boundary=x' };
  expect(await rawPost(headers, LIMIT * 4)).toBe(413);
  // A declared length over the limit is refused without reading the body.
  const declared = await rawPost({ ...headers, 'content-length': String(LIMIT * 10) }, 1024);
  expect(declared).toBe(413);
  expect(await version()).toBe(before);
});

test('415 for JSON, plain text, gzip, zip and non-CSV parts', async () => {
  const json = await upload(JSON.stringify({ institutions: [] }), {
    ...bearer('analyst'),
    'content-type': 'application/json',
  });
  expect(json.status).toBe(415);
  const text = await upload('id,name\n', { ...bearer('analyst'), 'content-type': 'text/plain' });
  expect(text.status).toBe(415);
  expect((await upload(form({ institutions: [gzipSync(INSTITUTIONS)] }))).status).toBe(415);
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  expect((await upload(form({ institutions: [zip, 'institutions.xlsx'] }))).status).toBe(415);
  expect((await upload(form({ institutions: ['{"a":1}', 'x.csv', 'application/json'] }))).status).toBe(415);
  expect((await upload(form({ institutions: ['[1, 2]'] }))).status).toBe(415);
  const encoded = await upload(form({ institutions: [INSTITUTIONS] }), {
    ...bearer('analyst'),
    'content-encoding': 'gzip',
  });
  expect(encoded.status).toBe(415);
});

test('cookie writes from another site are refused, JSON and text/plain too; from this site they pass', async () => {
  const cookie = sessionCookie(await signIn(server.base, 'analyst', PASSWORDS.analyst));
  for (const [type, body] of [
    ['application/json', '{}'],
    ['text/plain', 'id,name'],
    ['multipart/form-data; boundary=x', '--x--'],
  ]) {
    const foreign = await upload(body!, { cookie, origin: 'https://evil.example', 'content-type': type! });
    expect(foreign.status, type).toBe(403);
    const missing = await upload(body!, { cookie, 'content-type': type! });
    expect(missing.status, type).toBe(403);
  }
  const ours = await upload(form({ institutions: [INSTITUTIONS] }, { mode: 'upsert' }), {
    cookie,
    origin: server.base,
  });
  expect(ours.status).toBe(201);
});

test('versions: analysts list them and download the exact bytes; only admins restore', async () => {
  const versions = await (await fetch(`${server.base}/api/versions`, { headers: bearer('analyst') })).json();
  const file = versions.flatMap((v: { files: { sha256: string; name: string }[] }) => v.files)[0];
  const download = await fetch(`${server.base}/versions/files/${file.sha256}`, {
    headers: bearer('analyst'),
  });
  expect(download.status).toBe(200);
  const bytes = new Uint8Array(await download.arrayBuffer());
  const { createHash } = await import('node:crypto');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
  expect(
    (await fetch(`${server.base}/versions/files/${'0'.repeat(64)}`, { headers: bearer('analyst') })).status,
  ).toBe(404);
  expect(
    (await fetch(`${server.base}/versions/files/..%2F..%2Fetc`, { headers: bearer('analyst') })).status,
  ).toBe(404);

  const restore = (role: keyof typeof PASSWORDS, n: number) =>
    fetch(`${server.base}/api/versions/${n}/restore`, { method: 'POST', headers: bearer(role) });
  const before = await version();
  expect((await restore('analyst', 1)).status).toBe(403);
  expect(await version()).toBe(before);
  expect((await restore('admin', 999)).status).toBe(404);
  const done = await restore('admin', 1);
  expect(done.status).toBe(201);
  expect(await done.json()).toEqual({ version: before + 1, restoredFrom: 1 });
  expect(await version()).toBe(before + 1);
});

test('sign-in: a new session id each time, refused after too many failures (429 with Retry-After)', async () => {
  const a = sessionCookie(await signIn(server.base, 'admin', PASSWORDS.admin));
  const b = sessionCookie(await signIn(server.base, 'admin', PASSWORDS.admin));
  expect(a).not.toBe(b);
  const wrong = await signIn(server.base, 'viewer', 'not the password');
  expect(wrong.status).toBe(400);
  for (let i = 0; i < 4; i++) await signIn(server.base, 'viewer', 'not the password');
  const limited = await signIn(server.base, 'viewer', PASSWORDS.viewer);
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(limited.headers.getSetCookie().some((c) => c.startsWith('puente_session='))).toBe(false);
});

test('a signed-in page is private and never served to someone else', async () => {
  const cookie = sessionCookie(await signIn(server.base, 'admin', PASSWORDS.admin));
  const mine = await fetch(`${server.base}/?lang=en`, { headers: { cookie } });
  expect(mine.headers.get('cache-control')).toMatch(/^private/);
  expect(await mine.text()).toContain('Signed in as admin');
  const theirs = await (await fetch(`${server.base}/?lang=en`)).text();
  expect(theirs).not.toContain('Signed in as');
  expect(theirs).toContain('Sign in');
  const upload = await fetch(`${server.base}/upload`, { headers: { cookie } });
  expect(upload.headers.get('cache-control')).toBe('private, no-store');
});

test('sessions survive a restart and end on sign-out; PUENTE_PUBLIC=0 asks everyone to sign in', async () => {
  const cookie = sessionCookie(await signIn(server.base, 'analyst', PASSWORDS.analyst));
  // While stopped, the viewer's tokens are revoked with the CLI (the running server holds the database).
  await server.restart({ PUENTE_PUBLIC: '0' }, () =>
    puente(['users', 'token', 'viewer', '--revoke', '--db', server.db]),
  );
  expect((await fetch(`${server.base}/upload`, { headers: { cookie } })).status).toBe(200);
  expect((await fetch(`${server.base}/`, { headers: bearer('viewer') })).status).toBe(401);
  const anonymous = await fetch(`${server.base}/network`, { redirect: 'manual' });
  expect(anonymous.status).toBe(303);
  expect(anonymous.headers.get('location')).toBe('/login?next=%2Fnetwork');
  expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
  const out = await fetch(`${server.base}/logout`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie,
      origin: server.base,
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: '',
  });
  expect(out.status).toBe(303);
  // The old cookie, replayed, signs nobody in.
  const after = await fetch(`${server.base}/upload`, { headers: { cookie }, redirect: 'manual' });
  expect(after.status).toBe(303);
  await server.restart();
});

test('first start on a database with no users prints an admin password once, and records it', async () => {
  const fresh = await startAuthServer(PORT + 1);
  try {
    // Users exist (made by the CLI): nothing is printed.
    expect(fresh.log()).not.toContain('created "admin"');
  } finally {
    await fresh.stop();
  }
  const { spawn } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-first-'));
  const run = (ms: number) =>
    new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [new URL('../build', import.meta.url).pathname], {
        env: {
          ...process.env,
          PUENTE_DB: path.join(dir, 'db.duckdb'),
          PORT: String(PORT + 2),
          HOST: '127.0.0.1',
        },
      });
      let output = '';
      child.stdout.on('data', (d) => {
        output += d;
        if (output.includes('Listening')) setTimeout(() => child.kill(), ms);
      });
      child.stderr.on('data', (d) => (output += d));
      child.on('exit', () => resolve(output));
    });
  try {
    const first = await run(500);
    const password = /created "admin" with the password (\S+)/.exec(first)?.[1];
    expect(password).toBeDefined();
    const second = await run(500);
    expect(second).not.toContain('created "admin"');
    expect(second).not.toContain(password);
    // The audit log records the creation once, by the server itself, without the password.
    const log = puente(['audit', '--json', '--db', path.join(dir, 'db.duckdb')]);
    expect(JSON.parse(log)).toMatchObject([
      { actor: 'puente', action: 'user-saved', via: 'server', details: { user: 'admin', role: 'admin' } },
    ]);
    expect(log).not.toContain(password);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
