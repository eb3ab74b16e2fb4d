/**
 * Test programmes at generated scale: `puente generate` into a folder, `puente load` into a fresh database, and a
 * server of the built app on it, stopped again after the tests.
 */
import { expect } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CLI = new URL('../../../packages/data/bin/puente.js', import.meta.url).pathname;
const BUILD = new URL('../build', import.meta.url).pathname;

export interface GeneratedServer {
  base: string;
  db: string;
  /** The server's process id (for its CPU time in /proc). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Generates and loads a programme (`puente generate` options), then serves it on `port`. `edit` may change the
 * generated CSV files (in the folder it is given) before they are loaded.
 */
export async function serveGenerated(
  port: number,
  generate: string[],
  edit?: (data: string) => void,
): Promise<GeneratedServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-scale-'));
  const data = path.join(dir, 'data');
  const db = path.join(dir, 'generated.duckdb');
  execFileSync(process.execPath, [CLI, 'generate', '--out', data, ...generate]);
  edit?.(data);
  execFileSync(process.execPath, [CLI, 'load', data, '--db', db]);
  const server: ChildProcess = spawn(process.execPath, [BUILD], {
    env: { ...process.env, PUENTE_DB: db, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 30_000 })
    .toBe(200);
  return {
    base,
    db,
    pid: server.pid!,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
