import { listAudit } from '@puente/data/store';
import type { RequestEvent } from '@sveltejs/kit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openStore } from '../store';
import { audit, rememberClientAddress } from './record';

/** A request as the server hands it over, whose socket answers with `address()` (undefined once it is closed). */
function request(address: () => string | undefined) {
  return {
    locals: {} as App.Locals,
    request: new Request('http://localhost/api/uploads', { method: 'POST' }),
    getClientAddress: () => address() as string,
  };
}

it('records the address a client had when its request arrived, also when it went away before the answer', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-audit-'));
  const store = await openStore({ PUENTE_DB: path.join(dir, 'p.duckdb'), PUENTE_SAMPLE: '0' });
  try {
    let open = true;
    const left = request(() => (open ? '203.0.113.7' : undefined));
    await rememberClientAddress({
      event: left as unknown as RequestEvent,
      resolve: async () => {
        // A long upload: the client closes its connection before the load ends.
        open = false;
        await audit(left, { actor: 'ana', action: 'upload', ok: true });
        return new Response(null, { status: 201 });
      },
    });
    const never = request(() => undefined);
    await rememberClientAddress({
      event: never as unknown as RequestEvent,
      resolve: async () => {
        await audit(never, { actor: 'ben', action: 'upload', ok: false });
        return new Response(null, { status: 422 });
      },
    });
    const [newest, oldest] = await listAudit(store);
    expect(oldest).toMatchObject({ actor: 'ana', outcome: 'ok', address: '203.0.113.7' });
    expect(newest).toMatchObject({ actor: 'ben', outcome: 'failed', address: null });
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
