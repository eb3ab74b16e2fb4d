/**
 * Limits of the upload API at their edges: a body of exactly the limit is read, one byte more is refused (413),
 * whether the client declares its length or streams it; and only two uploads are read and checked at once — a
 * third is turned away (429 with Retry-After) before its body is read, and a client that goes away frees its place.
 */
import { expect, test } from '@playwright/test';
import { startAuthServer, type AuthServer } from './auth-server';

const PORT = 4713;
const LIMIT = 64 * 1024;
let server: AuthServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startAuthServer(PORT, { PUENTE_UPLOAD_LIMIT: String(LIMIT) });
});
test.afterAll(async () => {
  await server?.stop();
});

const BOUNDARY = 'puente-limit-test';

/** A well-formed one-file upload of exactly `size` bytes: institutions with a padded name. */
function bodyOf(size: number): Uint8Array {
  const head =
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="institutions"; filename="i.csv"\r\n` +
    `Content-Type: text/csv\r\n\r\nid,name,city,country,type\r\nx,`;
  const tail = `,Getafe,ES,agency\r\n\r\n--${BOUNDARY}--\r\n`;
  const padding = size - Buffer.byteLength(head) - Buffer.byteLength(tail);
  return new TextEncoder().encode(head + 'n'.repeat(padding) + tail);
}

async function post(body: Uint8Array, chunked: boolean, signal?: AbortSignal) {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    },
  });
  return fetch(`${server.base}/api/uploads`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server.tokens.analyst}`,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body: chunked ? stream : body,
    ...(chunked ? { duplex: 'half' } : {}),
    signal,
  } as RequestInit);
}

for (const chunked of [false, true]) {
  test(`a body of the limit is read, one byte more is refused (${chunked ? 'streamed' : 'Content-Length'})`, async () => {
    const exact = await post(bodyOf(LIMIT), chunked);
    // Read and checked: the padded name is far over the 10,000 characters a value may have.
    expect(exact.status).toBe(422);
    expect((await exact.json()).problems[0]).toMatchObject({ code: 'too-long', row: 1, column: 'name' });
    const over = await post(bodyOf(LIMIT + 1), chunked);
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ reason: 'too-large' });
  });
}

test('two uploads are read at once; a third gets 429 at once; a client that leaves frees its place', async () => {
  const held: AbortController[] = [];
  const pending: Promise<unknown>[] = [];
  // Two uploads that send their first bytes and then nothing: the server is reading them.
  for (let i = 0; i < 2; i++) {
    const abort = new AbortController();
    held.push(abort);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bodyOf(LIMIT).subarray(0, 100));
      },
    });
    pending.push(
      fetch(`${server.base}/api/uploads`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${server.tokens.analyst}`,
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        },
        body: stream,
        duplex: 'half',
        signal: abort.signal,
      } as RequestInit).catch(() => 'aborted'),
    );
  }
  await expect
    .poll(async () => {
      const third = await post(bodyOf(1000), false);
      return [third.status, third.headers.get('retry-after'), (await third.json()).reason];
    })
    .toEqual([429, '30', 'busy']);
  for (const abort of held) abort.abort();
  await Promise.all(pending);
  // Read and checked again (refused only for what it holds: the sample's rows still name the institutions it drops).
  await expect.poll(async () => (await post(bodyOf(1000), false)).status).toBe(422);
});
