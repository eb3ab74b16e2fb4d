/**
 * A large upload (a generated programme, 50 MB of training rows) through the API and through `puente load
 * --server`, while 50 readers keep being answered: no answer but 200, p99 under a second.
 */
import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CLI, puente, startAuthServer, upload, type AuthServer, type UploadFile } from './auth-server';
import { readWhile } from './readers';

const PORT = 4705;
let server: AuthServer;
let data: string;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  data = mkdtempSync(path.join(tmpdir(), 'puente-big-'));
  puente(['generate', '--out', data, '--institutions', '20000', '--years', '10', '--programmes', '5']);
  server = await startAuthServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(data, { recursive: true, force: true });
});

/** Readers at once during each upload, each requesting these pages in turn. */
const READERS = 50;
const PAGES = ['/training?lang=es', '/?lang=zh', '/progress', '/network?lang=es', '/api/health'];

/** Posts the generated programme (training.csv replaced by `training`) while READERS clients read pages. */
async function uploadWhileReading(training?: Buffer) {
  const files: UploadFile[] = [];
  for (const table of ['institutions', 'partnerships', 'training', 'milestones']) {
    const bytes =
      table === 'training' && training ? training : await readFile(path.join(data, `${table}.csv`));
    files.push([table, bytes]);
  }
  let response!: Response;
  const reads = await readWhile(server.base, PAGES, READERS, async () => {
    response = await upload(server, files, { mode: 'replace' });
  });
  return { response, ...reads };
}

const health = async () => (await (await fetch(`${server.base}/api/health`)).json()).dataVersion as number;

test('pages keep answering while a 50 MB upload is validated (in a worker thread)', async () => {
  test.setTimeout(180_000);
  const training = await readFile(path.join(data, 'training.csv'));
  expect(training.length).toBeGreaterThan(50 * 1024 * 1024);
  // The last row is wrong: the whole file is read and checked before the upload is refused.
  const last = training.lastIndexOf(0x0a, training.length - 2) + 1;
  const broken = Buffer.concat([
    training.subarray(0, last),
    Buffer.from(
      training
        .subarray(last)
        .toString()
        .replace(/,(\d+),(\d+)\n$/, ',7,9\n'),
    ),
  ]);
  const before = await health();
  const { response, count, p99, statuses } = await uploadWhileReading(broken);
  expect(response.status).toBe(422);
  const { problems } = await response.json();
  expect(problems).toEqual([
    expect.objectContaining({ code: 'out-of-range', file: 'training.csv', row: 1_000_000 }),
  ]);
  expect(await health()).toBe(before);
  expect(count).toBeGreaterThan(READERS * 5);
  expect(statuses).toEqual([200]);
  expect(p99).toBeLessThan(1_000);
});

test('a 50 MB upload that validates is loaded as one version, pages answering meanwhile', async () => {
  test.setTimeout(180_000);
  const before = await health();
  const { response, count, p99, statuses } = await uploadWhileReading();
  expect(response.status).toBe(201);
  // The store's load reads and writes a turn of the event loop at a time: pages answer through the write too.
  expect(count).toBeGreaterThan(READERS * 5);
  expect(statuses).toEqual([200]);
  expect(p99).toBeLessThan(1_000);
  expect((await response.json()).tables).toMatchObject({ training: 1_000_000, institutions: 20_000 });
  expect(await health()).toBe(before + 1);
});

test('puente load --server posts through the API: 0 when loaded, 1 with the report when refused', async () => {
  test.setTimeout(60_000);
  const run = promisify(execFile);
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-cli-'));
  try {
    const good = path.join(dir, 'institutions.csv');
    writeFileSync(good, 'id,name,city,country,type\nnew-one,Nueva,Getafe,ES,agency\n');
    const ok = await run(process.execPath, [
      CLI,
      'load',
      good,
      '--mode',
      'upsert',
      '--server',
      server.base,
      '--token',
      server.tokens.analyst,
    ]);
    expect(ok.stdout).toMatch(/^Loaded version \d+: institutions 1$/m);
    writeFileSync(good, 'id,name,city,country,type\nnew-one,Nueva,Getafe,Spain,agency\n');
    const refused = await run(process.execPath, [
      CLI,
      'load',
      good,
      '--server',
      server.base,
      '--token',
      server.tokens.analyst,
    ]).catch((error: { code: number; stdout: string }) => error);
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.stdout).toContain('error invalid-type');
    expect(refused.stdout).toContain('Nothing was loaded.');
    const viewer = await run(process.execPath, [
      CLI,
      'load',
      good,
      '--server',
      server.base,
      '--token',
      server.tokens.viewer,
    ]).catch((error: { code: number; stderr: string }) => error);
    expect(viewer).toMatchObject({ code: 1, stderr: expect.stringContaining('(403)') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
