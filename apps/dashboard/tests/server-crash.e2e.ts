/**
 * The server killed with SIGKILL in the middle of writes: an upload replacing the sample with a generated programme,
 * or an admin restoring the sample. After each kill the server starts again on the same file, answers
 * `/api/health` within 10 s and serves exactly the data before the write or after it, never a mixture.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { puente, startAuthServer, upload as post, type AuthServer, type UploadFile } from './auth-server';

const PORT = 4711;
const SAMPLE = new URL('../../../data/', import.meta.url).pathname;
const TABLES = ['institutions', 'partnerships', 'training', 'milestones'];
let server: AuthServer;
let generated: string;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  generated = mkdtempSync(path.join(tmpdir(), 'puente-crash-'));
  puente(['generate', '--out', generated, '--institutions', '3000', '--years', '6', '--programmes', '4']);
  server = await startAuthServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(generated, { recursive: true, force: true });
});

async function upload(dir: string): Promise<Response> {
  const files = await Promise.all(
    TABLES.map(async (table): Promise<UploadFile> => [table, await readFile(path.join(dir, `${table}.csv`))]),
  );
  return post(server, files, { mode: 'replace' });
}

const restoreFirst = () =>
  fetch(`${server.base}/api/versions/1/restore`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.tokens.admin}` },
  });

/** What readers are served: the data version and the data behind two charts, as their CSV exports. */
async function served() {
  const health = await (await fetch(`${server.base}/api/health`)).json();
  const csv = async (chart: string) => (await fetch(`${server.base}/api/charts/${chart}.csv?lang=en`)).text();
  return {
    version: health.dataVersion as number,
    content: `${await csv('network')}\n${await csv('training')}`,
  };
}

test('after each of 20 kills during uploads and restores: health within 10 s, the old data or the new', async () => {
  test.setTimeout(600_000);
  // Version 1 is the sample, version 2 the generated programme: the two contents every later write moves between.
  expect((await upload(SAMPLE)).status).toBe(201);
  const sample = (await served()).content;
  let started = performance.now();
  expect((await upload(generated)).status).toBe(201);
  const durations = { upload: [performance.now() - started], restore: [] as number[] };
  const big = (await served()).content;
  expect(big).not.toBe(sample);
  started = performance.now();
  expect((await restoreFirst()).status).toBe(201);
  durations.restore.push(performance.now() - started);

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const outcomes: string[] = [];
  let kills = 0;
  for (let i = 0; kills < 20 && i < 80; i++) {
    const before = await served();
    // Uploads of the programme and restores of the sample, in turn.
    const write = i % 2 === 0 ? 'upload' : 'restore';
    const after = write === 'upload' ? big : sample;
    // Golden-ratio steps spread the kills over the whole write, commit included, and past it: a write that ends
    // before its kill tells how long writes take now (just after a restart, on a shared machine).
    const delay = ((i * 0.618034) % 1) * 1.6 * median(durations[write]);
    const begun = performance.now();
    const request = (write === 'upload' ? upload(generated) : restoreFirst()).then(
      (r) => `${r.status}`,
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, delay));
    await server.kill();
    const answered = await request;
    if (answered === 'cut') kills++;
    else durations[write].push(performance.now() - begun);

    const restarting = performance.now();
    await server.restart();
    const back = performance.now() - restarting;
    const now = await served();
    const which =
      now.version === before.version && now.content === before.content
        ? 'old'
        : now.version === before.version + 1 && now.content === after
          ? 'new'
          : 'mixed';
    outcomes.push(
      `${write} killed at ${Math.round(delay)} ms (${answered}): ${which}, up in ${Math.round(back)} ms`,
    );
    const context = outcomes.join('\n');
    expect(which, context).not.toBe('mixed');
    // A write the server answered 201 for is never lost.
    if (answered === '201') expect(which, context).toBe('new');
    expect(back, context).toBeLessThan(10_000);
  }
  console.log(outcomes.join('\n'));
  expect(kills).toBeGreaterThanOrEqual(20);
});
