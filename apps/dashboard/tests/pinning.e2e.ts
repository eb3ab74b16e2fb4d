import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E2E_PORT, hostPage } from './host-page';

const CLI = new URL('../../../packages/data/bin/puente.js', import.meta.url).pathname;
const BUILD = new URL('../build', import.meta.url).pathname;
const SAMPLE = new URL('../../../data/', import.meta.url).pathname;
const PORT = E2E_PORT + 3;
const BASE = `http://127.0.0.1:${PORT}`;

/** The built server on its own database (the CLI can load into it only while it is stopped). */
async function serve(db: string) {
  const server = spawn(process.execPath, [BUILD], {
    env: {
      ...process.env,
      PUENTE_DB: db,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      PUENTE_EMBED_ORIGINS: `http://127.0.0.1:${E2E_PORT + 1}`,
    },
    stdio: 'ignore',
  });
  await expect
    .poll(async () => (await fetch(`${BASE}/api/health`).catch(() => null))?.status, { timeout: 30_000 })
    .toBe(200);
  return async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill();
    await exited;
  };
}

async function embedCode(page: Page, choice: RegExp) {
  await page.getByRole('radio', { name: choice }).click();
  return page.getByLabel('Embed code (iframe)').inputValue();
}

test('a pinned embed keeps its data version after a new load; one following the data shows the new data', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-pin-'));
  const db = path.join(dir, 'pin.duckdb');
  try {
    let stop = await serve(db);
    let pinned: string, following: string, pinnedCsv: string, before: Buffer;
    try {
      await page.goto(`${BASE}/?lang=en`, { waitUntil: 'networkidle' });
      const card = page.locator('section[aria-labelledby="funnel-title"]');
      await card.getByRole('button', { name: 'Share' }).click();
      pinned = await embedCode(page, /^Pin to data version 1$/);
      pinnedCsv = (await page.getByRole('link', { name: 'Data (CSV)' }).getAttribute('href'))!;
      following = await embedCode(page, /^Follow the latest data$/);
      before = Buffer.from(await (await page.request.get(pinnedCsv)).body());
    } finally {
      await stop();
    }
    expect(pinned).toContain('version=1&amp;sig=');
    expect(following).not.toContain('version=');

    // The sample's counts by status (the status is the fifth column, before any quoted title).
    const sampleRows = readFileSync(path.join(SAMPLE, 'partnerships.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const withStatus = (status: string) => sampleRows.filter((r) => r.split(',')[4] === status).length;
    const [proposed, active] = [withStatus('proposed'), withStatus('active')];
    expect(proposed).toBeGreaterThan(0);

    // Version 2, loaded with the command line: every proposed partnership becomes active, and a partner arrives
    // whose name a spreadsheet would run as a formula.
    const next = path.join(dir, 'next');
    mkdirSync(next);
    writeFileSync(
      path.join(next, 'partnerships.csv'),
      readFileSync(path.join(SAMPLE, 'partnerships.csv'), 'utf8').replace(/,proposed,/g, ',active,') +
        'evil-link,evil,fuenlabrada-city-council,other,agreed,2024-01-01,Link,,,\n',
    );
    writeFileSync(
      path.join(next, 'institutions.csv'),
      'id,name,city,country,type\nevil,"=HYPERLINK(""http://evil.example"",""x"")",Fuenlabrada,ES,company\n',
    );
    execFileSync(process.execPath, [CLI, 'load', next, '--db', db, '--mode', 'upsert']);

    stop = await serve(db);
    const host = await hostPage(E2E_PORT + 1, `${pinned}\n${following}`);
    try {
      await page.goto(host.url, { waitUntil: 'networkidle' });
      const [old, latest] = [page.frameLocator('iframe').nth(0), page.frameLocator('iframe').nth(1)];
      await expect(old.locator('figure')).toHaveAttribute('data-version', '1');
      await expect(old.locator('[data-source]')).toHaveText(/data version 1 of/);
      await expect(old.locator('[data-stage="proposed"]')).toHaveAttribute('data-count', String(proposed));
      await expect(old.locator('[data-stage="active"]')).toHaveAttribute('data-count', String(active));
      await expect(latest.locator('figure')).toHaveAttribute('data-version', '2');
      await expect(latest.locator('[data-source]')).toHaveText(/data version 2 of/);
      await expect(latest.locator('[data-stage="active"]')).toHaveAttribute(
        'data-count',
        String(proposed + active),
      );
      await expect(latest.locator('[data-stage="agreed"]')).toHaveAttribute('data-count', '1');

      // The pinned file is the same, byte for byte, and may be kept for a year.
      const again = await page.request.get(pinnedCsv);
      expect(Buffer.from(await again.body()).equals(before)).toBe(true);
      expect(again.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      // Following the data: the new partner is there, its formula made inert.
      const network = await (await page.request.get(`${BASE}/api/charts/network.csv?lang=en`)).text();
      expect(network).toContain(`'=HYPERLINK(""http://evil.example"",""x"")`);
      expect(network).not.toMatch(/(^|,)"?=HYPERLINK/m);
    } finally {
      await host.close();
      await stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pinned files of the network, training, institution and timeline charts keep their data, options and colours after a load', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-pin-pages-'));
  const db = path.join(dir, 'pin.duckdb');
  /** A chart's pinned SVG and CSV links, from its Share menu opened by clicking, pin chosen. */
  const pinnedLinks = async (url: string, card: string) => {
    await page.goto(`${BASE}${url}`, { waitUntil: 'networkidle' });
    const section = page.locator(`section[aria-labelledby="${card}-title"]`);
    await section.getByRole('button', { name: /^Share: / }).click();
    await section.getByRole('radio', { name: /^Pin to data version 1$/ }).click();
    const href = async (name: string) => (await section.getByRole('link', { name }).getAttribute('href'))!;
    return [await href('SVG'), await href('Data (CSV)')];
  };
  const body = async (url: string) => Buffer.from(await (await page.request.get(url)).body());
  try {
    let stop = await serve(db);
    const links: string[] = [];
    const before: Buffer[] = [];
    try {
      links.push(...(await pinnedLinks('/network?lang=en&size=trained', 'network')));
      links.push(...(await pinnedLinks('/training?lang=en&by=institution', 'training-volume')));
      links.push(...(await pinnedLinks('/training?lang=en', 'training-cities')));
      links.push(...(await pinnedLinks('/institutions/fuenlabrada-city-council?lang=en', 'ego-network')));
      links.push(...(await pinnedLinks('/progress?lang=en', 'progress-timeline')));
      for (const link of links) before.push(await body(link));
    } finally {
      await stop();
    }
    expect(links[0]).toMatch(
      /\/api\/charts\/network-full\.svg\?size=trained&version=1&sig=[\w-]{43}&lang=en$/,
    );
    expect(links[2]).toMatch(/\/api\/charts\/training-volume\.svg\?by=institution&version=1&sig=/);

    // Version 2: an institution in a new city (which takes a place among the programme's city colours), with a
    // partnership and training.
    const next = path.join(dir, 'next');
    mkdirSync(next);
    writeFileSync(
      path.join(next, 'institutions.csv'),
      'id,name,city,country,type\ngetafe-lab,Getafe Lab,Getafe,ES,company\n',
    );
    writeFileSync(
      path.join(next, 'partnerships.csv'),
      'id,source,target,area,status\ngetafe-link,getafe-lab,fuenlabrada-city-council,other,agreed\n',
    );
    writeFileSync(
      path.join(next, 'training.csv'),
      'institution,programme,year,trainees,completed\ngetafe-lab,Getafe course,2023,500,400\n',
    );
    execFileSync(process.execPath, [CLI, 'load', next, '--db', db, '--mode', 'upsert']);

    stop = await serve(db);
    try {
      // Byte for byte the same: data, options and colours as of version 1.
      for (const [i, link] of links.entries()) {
        expect([link, (await body(link)).equals(before[i]!)]).toEqual([link, true]);
      }
      // Following the data, the same charts show the new institution.
      const latest = links.map((link) => link.replace(/version=1&sig=[\w-]+&/, ''));
      expect((await body(latest[1]!)).toString('utf8')).toContain('Getafe Lab');
      expect((await body(latest[3]!)).toString('utf8')).toContain('Getafe Lab');
      expect((await body(latest[5]!)).toString('utf8')).toContain('Getafe');
      // The city council's partners, and the timeline, now with the new partnership; pinned, without it.
      expect((await body(latest[7]!)).toString('utf8')).toContain('Getafe Lab');
      expect((await body(latest[9]!)).toString('utf8')).toContain('Getafe Lab');
      expect(before[7]!.toString('utf8')).not.toContain('Getafe Lab');
      expect(before[9]!.toString('utf8')).not.toContain('Getafe Lab');
    } finally {
      await stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
