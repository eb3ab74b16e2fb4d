import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath } from './tests/browser.js';

const port = Number(process.env.E2E_PORT ?? 4173);
// A fresh database per run: the server loads the sample programme into it on start. The config is evaluated again
// in each worker, which inherits the environment, so the path is chosen once.
process.env.PUENTE_E2E_DB ??= path.join(mkdtempSync(path.join(tmpdir(), 'puente-e2e-')), 'e2e.duckdb');

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node build',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUENTE_DB: process.env.PUENTE_E2E_DB,
      BODY_SIZE_LIMIT: 'Infinity',
      // The embed tests' host page (tests/host-page.ts) serves on the next port: an origin allowed to frame embeds.
      PUENTE_EMBED_ORIGINS: `https: http://127.0.0.1:${port + 1}`,
    },
  },
});
