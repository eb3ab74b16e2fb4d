/**
 * Files built to be slow to refuse — a 10 MB value whose quote never closes, a header of 100,000 columns — are
 * refused within 30 s with their documented error, while readers of the dashboard keep being answered quickly.
 */
import { expect, test } from '@playwright/test';
import { startAuthServer, type AuthServer } from './auth-server';

const PORT = 4721;
const READERS = 8;
const PAGES = ['/', '/network', '/training', '/progress', '/api/health'];
let server: AuthServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startAuthServer(PORT);
  // Every page rendered once: what is timed is how the upload holds readers up, not a first render.
  for (const page of PAGES) expect((await fetch(`${server.base}${page}`)).status).toBe(200);
});
test.afterAll(async () => {
  await server?.stop();
});

/** Posts `text` as institutions.csv while READERS clients read pages in a loop; the readers' statuses and times. */
async function uploadWhileReading(text: string) {
  const form = new FormData();
  form.set('mode', 'replace');
  form.append('institutions', new Blob([text], { type: 'text/csv' }), 'institutions.csv');
  let uploading = true;
  const started = performance.now();
  const upload = fetch(`${server.base}/api/uploads`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${server.tokens.analyst}` },
  }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as { problems: { code: string }[] },
    seconds: (performance.now() - started) / 1000,
  }));
  void upload.finally(() => (uploading = false));
  const times: number[] = [];
  const statuses = new Set<number>();
  await Promise.all(
    Array.from({ length: READERS }, async (_, reader) => {
      for (let i = reader; uploading; i++) {
        const start = performance.now();
        const response = await fetch(`${server.base}${PAGES[i % PAGES.length]}`);
        await response.arrayBuffer();
        statuses.add(response.status);
        times.push(performance.now() - start);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const p99 = times[Math.floor(times.length * 0.99)] ?? Infinity;
  console.log(`${times.length} reads during the upload: p99 ${Math.round(p99)} ms`);
  return { ...(await upload), statuses: [...statuses], p99, reads: times.length };
}

const HEADER = 'id,name,city,country,type\n';

test('a 10 MB value whose quote never closes: refused within 30 s, readers answered', async () => {
  test.setTimeout(60_000);
  const result = await uploadWhileReading(`${HEADER}x,"${'Ayuntamiento de Fuenlabrada '.repeat(380_000)}\n`);
  expect(result.status).toBe(422);
  expect(result.body.problems[0]).toMatchObject({ code: 'unclosed-quote' });
  expect(result.seconds).toBeLessThan(30);
  expect(result.statuses).toEqual([200]);
  expect(result.reads).toBeGreaterThan(READERS);
  expect(result.p99).toBeLessThan(500);
});

test('a header of 100,000 columns: refused within 30 s, readers answered', async () => {
  test.setTimeout(60_000);
  const columns = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
  const result = await uploadWhileReading(`${columns.join(',')}\n${columns.map(() => 'x').join(',')}\n`);
  expect(result.status).toBe(422);
  expect(result.body.problems[0]).toMatchObject({ code: 'too-many-columns' });
  expect(result.seconds).toBeLessThan(30);
  expect(result.statuses).toEqual([200]);
  expect(result.reads).toBeGreaterThan(READERS);
  expect(result.p99).toBeLessThan(500);
});
