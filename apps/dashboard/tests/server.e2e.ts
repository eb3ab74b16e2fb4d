import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BUILD = new URL('../build', import.meta.url).pathname;

/** Starts the built server and resolves with its exit code and output once it exits, or kills it after `ms`. */
function runServer(env: Record<string, string>, ms: number) {
  const child = spawn(process.execPath, [BUILD], { env: { ...process.env, HOST: '127.0.0.1', ...env } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill(), ms);
  const done = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
  return { child, done };
}

test('a second server on the same database stops at once with a clear message', async () => {
  // The test server (playwright.config.ts) already holds this file.
  const db = process.env.PUENTE_E2E_DB ?? '';
  const { done } = runServer({ PUENTE_DB: db, PORT: '4199' }, 15_000);
  const { code, output } = await done;
  expect(code).toBe(1);
  expect(output).toContain(`The database ${db} is already open in another Puente process`);
});

test('PUENTE_SAMPLE=0 leaves a new database empty, and the overview says how to load data', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-e2e-'));
  const { child, done } = runServer(
    { PUENTE_DB: path.join(dir, 'empty.duckdb'), PORT: '4198', PUENTE_SAMPLE: '0' },
    20_000,
  );
  try {
    await expect
      .poll(async () => (await fetch('http://127.0.0.1:4198/api/health').catch(() => null))?.status, {
        timeout: 15_000,
      })
      .toBe(200);
    const health = await (await fetch('http://127.0.0.1:4198/api/health')).json();
    expect(health).toEqual({ ok: true, dataVersion: null });
    await page.goto('http://127.0.0.1:4198/?lang=en');
    await expect(page.getByRole('heading', { name: 'No data yet' })).toBeVisible();
    // It points analysts to the upload page (which asks them to sign in first).
    await page.getByRole('link', { name: 'Upload' }).click();
    await expect(page).toHaveURL(/\/login\?next=%2Fupload$/);
    await page.goto('http://127.0.0.1:4198/?lang=en');
    await expect(page.locator('[data-node]')).toHaveCount(0);
  } finally {
    child.kill();
    await done;
    rmSync(dir, { recursive: true, force: true });
  }
});
