/**
 * Files built to be slow to refuse — a 10 MB value whose quote never closes, a header of 100,000 columns — are
 * refused within 30 s with their documented error, while readers of the dashboard keep being answered quickly.
 */
import { expect, test } from '@playwright/test';
import { startAuthServer, upload, type AuthServer } from './auth-server';
import { readWhile } from './readers';

const PORT = 4721;
const READERS = 8;
const PAGES = ['/', '/network', '/training', '/progress', '/api/health'];
let server: AuthServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startAuthServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

const HEADER = 'id,name,city,country,type\n';
const COLUMNS = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
const FILES = [
  {
    what: 'a 10 MB value whose quote never closes',
    text: `${HEADER}x,"${'Ayuntamiento de Fuenlabrada '.repeat(380_000)}\n`,
    code: 'unclosed-quote',
  },
  {
    what: 'a header of 100,000 columns',
    text: `${COLUMNS.join(',')}\n${COLUMNS.map(() => 'x').join(',')}\n`,
    code: 'too-many-columns',
  },
];

for (const file of FILES) {
  test(`${file.what}: refused within 30 s, readers answered`, async () => {
    test.setTimeout(60_000);
    expect(file.text.length).toBeGreaterThan(500_000);
    let refused!: { status: number; seconds: number; problems: { code: string }[] };
    const reads = await readWhile(server.base, PAGES, READERS, async () => {
      const started = performance.now();
      const response = await upload(server, [['institutions', file.text]], { mode: 'replace' });
      const { problems } = (await response.json()) as { problems: { code: string }[] };
      refused = { status: response.status, seconds: (performance.now() - started) / 1000, problems };
    });
    expect(refused.status).toBe(422);
    expect(refused.problems[0]).toMatchObject({ code: file.code });
    expect(refused.seconds).toBeLessThan(30);
    expect(reads.statuses).toEqual([200]);
    expect(reads.count).toBeGreaterThan(READERS);
    expect(reads.p99).toBeLessThan(500);
  });
}
