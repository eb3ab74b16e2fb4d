import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit, load, recordAudit, Store, type AuditEntry } from '../src/store/index.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { freshStore, smallProgramme, tempDir } from './helpers.js';

const signIn = (actor: string, outcome: 'ok' | 'failed' = 'ok'): AuditEntry => ({
  actor,
  action: 'sign-in',
  outcome,
  via: 'page',
  address: '203.0.113.7',
});

describe('the audit log', () => {
  it('lists what was recorded, newest first, with time, actor, address and details', async () => {
    const store = await freshStore();
    expect(await listAudit(store)).toEqual([]);
    const started = Date.now();
    await recordAudit(store, signIn('ana', 'failed'));
    await recordAudit(store, signIn('ana'));
    await recordAudit(store, {
      actor: 'ana',
      action: 'upload',
      outcome: 'ok',
      via: 'api',
      address: '::1',
      details: {
        mode: 'replace',
        version: 3,
        status: 201,
        files: [{ table: 'institutions', name: 'institutions.csv', bytes: 120 }],
      },
    });
    await recordAudit(store, {
      actor: 'root',
      action: 'tokens-revoked',
      outcome: 'ok',
      via: 'cli',
      address: null,
      details: { user: 'ana', tokens: 2 },
    });
    const entries = await listAudit(store);
    expect(entries.map((e) => [e.id, e.action, e.outcome, e.actor])).toEqual([
      [4, 'tokens-revoked', 'ok', 'root'],
      [3, 'upload', 'ok', 'ana'],
      [2, 'sign-in', 'ok', 'ana'],
      [1, 'sign-in', 'failed', 'ana'],
    ]);
    expect(entries[0]).toMatchObject({ via: 'cli', address: null, details: { user: 'ana', tokens: 2 } });
    expect(entries[1]?.details).toEqual({
      mode: 'replace',
      version: 3,
      status: 201,
      files: [{ table: 'institutions', name: 'institutions.csv', bytes: 120 }],
    });
    expect(entries[3]).toMatchObject({ via: 'page', address: '203.0.113.7', details: {} });
    const at = Date.parse(entries[0]!.at);
    expect(at).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('pages: at most `limit` entries, older than `before`', async () => {
    const store = await freshStore();
    for (let i = 1; i <= 7; i++) await recordAudit(store, signIn(`user-${i}`));
    expect((await listAudit(store, { limit: 3 })).map((e) => e.id)).toEqual([7, 6, 5]);
    expect((await listAudit(store, { limit: 3, before: 5 })).map((e) => e.id)).toEqual([4, 3, 2]);
    expect((await listAudit(store, { limit: 3, before: 2 })).map((e) => e.id)).toEqual([1]);
    expect(await listAudit(store, { before: 1 })).toEqual([]);
  });

  it('keeps hostile text literally, bounded in length, and refuses an unknown action', async () => {
    const store = await freshStore();
    const hostile = `x'); DROP TABLE audit_log; --<img src=x onerror=alert(1)>`;
    await recordAudit(store, { ...signIn(hostile, 'failed'), address: hostile });
    await recordAudit(store, signIn('a'.repeat(5000), 'failed'));
    await recordAudit(store, {
      ...signIn('ana'),
      action: 'upload',
      details: {
        files: Array.from({ length: 100 }, (_, i) => ({
          table: null,
          name: `${i}.csv`.padEnd(500, 'x'),
          bytes: i,
        })),
      },
    });
    const [upload, long, first] = await listAudit(store);
    expect(first).toMatchObject({ actor: hostile, address: hostile });
    expect(long!.actor).toHaveLength(201);
    expect(upload!.details.files).toHaveLength(64);
    expect(upload!.details.files![0]!.name).toHaveLength(201);
    await expect(
      recordAudit(store, { ...signIn('ana'), action: 'drop-everything' as AuditEntry['action'] }),
    ).rejects.toThrow(RangeError);
    expect(await listAudit(store)).toHaveLength(3);
  });

  it('is created in a database made before it, whose data and history stay as they were', async () => {
    const db = path.join(tempDir(), 'old.duckdb');
    const first = await Store.open({ path: db });
    await load(first, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    first.close();

    // Back to the schema before the audit log's step.
    const step = MIGRATIONS.findIndex((m) => m.some((sql) => sql.includes('CREATE TABLE audit_log'))) + 1;
    expect(step).toBe(7);
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    await c.run('DROP TABLE audit_log');
    await c.run('DELETE FROM schema_migrations WHERE step >= $1', [step]);
    c.closeSync();
    instance.closeSync();

    const store = await Store.open({ path: db });
    try {
      const [applied] = await store.all('SELECT max(step) AS step FROM schema_migrations');
      expect(applied?.step).toBe(MIGRATIONS.length);
      expect(await listAudit(store)).toEqual([]);
      await recordAudit(store, signIn('ana'));
      expect((await listAudit(store)).map((e) => e.actor)).toEqual(['ana']);
      const [versions] = await store.all('SELECT count(*) AS n FROM versions');
      expect(versions?.n).toBe(1);
    } finally {
      store.close();
    }
  });
});
