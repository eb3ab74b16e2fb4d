import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addUser,
  authenticate,
  compareVersions,
  countUsers,
  createSession,
  createToken,
  endSession,
  endSessions,
  load,
  removeUser,
  restore,
  revokeTokens,
  Store,
  userForSession,
  userForToken,
} from '../src/store/index.js';
import { csv, freshStore, INSTITUTIONS, smallProgramme, tempDir } from './helpers.js';

describe('users, sessions and tokens', () => {
  it('signs in with the right password only, for known names only', async () => {
    const store = await freshStore();
    expect(await countUsers(store)).toBe(0);
    await addUser(store, { name: 'ana', role: 'analyst', password: 'a long password' });
    expect(await countUsers(store)).toBe(1);
    expect(await authenticate(store, 'ana', 'a long password')).toEqual({ name: 'ana', role: 'analyst' });
    expect(await authenticate(store, 'ana', 'a long passwore')).toBeNull();
    expect(await authenticate(store, 'bo', 'a long password')).toBeNull();
  });

  it('keeps sessions across a restart, ends them on sign-out, on a new password and on removal', async () => {
    const file = path.join(tempDir(), 'sessions.duckdb');
    let store = await Store.open({ path: file });
    await addUser(store, { name: 'ana', role: 'analyst', password: 'a long password' });
    const a = await createSession(store, 'ana', 3600);
    const b = await createSession(store, 'ana', 3600);
    expect(a).not.toBe(b);
    store.close();
    store = await Store.open({ path: file });
    try {
      expect(await userForSession(store, a)).toEqual({ name: 'ana', role: 'analyst' });
      expect(await userForSession(store, 'not-a-session')).toBeNull();
      await endSession(store, a);
      expect(await userForSession(store, a)).toBeNull();
      expect(await userForSession(store, b)).not.toBeNull();
      // A role change applies to open sessions at once.
      const c = await createSession(store, 'ana', 3600);
      await addUser(store, { name: 'ana', role: 'viewer', password: 'another password' });
      expect(await userForSession(store, b)).toBeNull();
      expect(await userForSession(store, c)).toBeNull();
      const d = await createSession(store, 'ana', 3600);
      expect(await userForSession(store, d)).toEqual({ name: 'ana', role: 'viewer' });
      expect(await removeUser(store, 'ana')).toBe(true);
      expect(await userForSession(store, d)).toBeNull();
      expect(await removeUser(store, 'ana')).toBe(false);
    } finally {
      store.close();
    }
  });

  it("signs a user out everywhere: every session of that user ends, and no one else's", async () => {
    const store = await freshStore();
    await addUser(store, { name: 'ana', role: 'analyst', password: 'a long password' });
    await addUser(store, { name: 'bo', role: 'viewer', password: 'another long one' });
    const [laptop, phone, other] = [
      await createSession(store, 'ana', 3600),
      await createSession(store, 'ana', 3600),
      await createSession(store, 'bo', 3600),
    ];
    expect(await endSessions(store, 'ana')).toBe(2);
    expect(await userForSession(store, laptop)).toBeNull();
    expect(await userForSession(store, phone)).toBeNull();
    expect(await userForSession(store, other)).toEqual({ name: 'bo', role: 'viewer' });
    expect(await endSessions(store, 'ana')).toBe(0);
  });

  it('lets a session expire', async () => {
    const store = await freshStore();
    await addUser(store, { name: 'ana', role: 'analyst', password: 'a long password' });
    const id = await createSession(store, 'ana', 0);
    expect(await userForSession(store, id)).toBeNull();
  });

  it('revokes tokens at once', async () => {
    const store = await freshStore();
    await addUser(store, { name: 'ana', role: 'analyst', password: 'a long password' });
    const token = await createToken(store, 'ana');
    expect(await userForToken(store, token)).toEqual({ name: 'ana', role: 'analyst' });
    expect(await revokeTokens(store, 'ana')).toBe(1);
    expect(await userForToken(store, token)).toBeNull();
  });
});

describe('compareVersions', () => {
  it('counts rows added, changed and removed by key, whatever wrote them', async () => {
    const store = await freshStore();
    await load(store, { files: smallProgramme(), mode: 'replace', user: 'ana' });
    const first = await compareVersions(store, null, 1);
    expect(first.institutions).toMatchObject({ added: 3, changed: 0, removed: 0 });
    expect(first.institutions.examples.added).toEqual(['cife', 'fuen', 'hz-academy']);
    // A replace writes every row again: only the renamed one counts as changed.
    const next = INSTITUTIONS.replace('CIFE,', 'CIFE Fuenlabrada,').concat(
      'upv,Universidad,Valencia,ES,university\n',
    );
    const result = await load(store, {
      files: [csv('institutions.csv', next)],
      mode: 'replace',
      user: 'ana',
    });
    expect(result.ok).toBe(true);
    const second = await compareVersions(store, 1, 2);
    expect(second.institutions).toEqual({
      added: 1,
      changed: 1,
      removed: 0,
      examples: { added: ['upv'], changed: ['cife'], removed: [] },
    });
    expect(second.training).toMatchObject({ added: 0, changed: 0, removed: 0 });
    // Going back undoes exactly that.
    const back = await compareVersions(store, 2, 1);
    expect(back.institutions).toMatchObject({ added: 0, changed: 1, removed: 1 });
    expect(await restore(store, 1, 'admin')).toBe(3);
    expect((await compareVersions(store, 2, 3)).institutions.examples.removed).toEqual(['upv']);
    const training = await compareVersions(store, 1, 1);
    expect(training.training).toMatchObject({ added: 0, changed: 0, removed: 0 });
  });
});
