import { describe, expect, it } from 'vitest';
import { underSignal } from '../request-scope';
import { ViewCache } from './cache';

/** A build that runs until its signal aborts, and says whether it was. */
function untilAborted() {
  const seen: { aborted: boolean } = { aborted: false };
  const build = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => resolve('built'), 200);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        seen.aborted = true;
        reject(signal.reason as Error);
      });
    });
  return { seen, build };
}

/** A request whose client can go away. */
function request() {
  const controller = new AbortController();
  return {
    leave: () => controller.abort(new Error('client gone')),
    run: <T>(fn: () => T) => underSignal(controller.signal, fn),
  };
}

describe('ViewCache(capacity)', () => {
  it('builds a key once, and shares a build still running', async () => {
    const cache = new ViewCache(4);
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((r) => setTimeout(r, 5));
      return { n: builds };
    };
    const [a, b] = await Promise.all([cache.get('k', build), cache.get('k', build)]);
    expect(a).toBe(b);
    expect(await cache.get('k', build)).toBe(a);
    expect(builds).toBe(1);
  });

  it('drops the least recently used entry past its capacity', async () => {
    const cache = new ViewCache(2);
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    await cache.get('a', async () => 1); // a is now the most recently used
    await cache.get('c', async () => 3);
    expect(cache.has('a')).toBe(true);
    expect(cache.has('b')).toBe(false);
    expect(cache.has('c')).toBe(true);
    expect(cache.size).toBe(2);
  });

  it('forgets a failed build, so the next request builds again', async () => {
    const cache = new ViewCache(2);
    await expect(cache.get('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cache.has('k')).toBe(false);
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });

  it('keeps a build going while any request still waits for it', async () => {
    const cache = new ViewCache(4);
    const { seen, build } = untilAborted();
    const [a, b] = [request(), request()];
    const first = a.run(() => cache.get('k', build));
    const second = b.run(() => cache.get('k', build));
    a.leave();
    await expect(first).rejects.toThrow('client gone');
    expect(await second).toBe('built');
    expect(seen.aborted).toBe(false);
    expect(cache.has('k')).toBe(true);
  });

  it('aborts and forgets a build when every request waiting for it has gone', async () => {
    const cache = new ViewCache(4);
    const { seen, build } = untilAborted();
    const [a, b] = [request(), request()];
    const waits = [a.run(() => cache.get('k', build)), b.run(() => cache.get('k', build))];
    a.leave();
    expect(seen.aborted).toBe(false);
    b.leave();
    await Promise.allSettled(waits);
    expect(seen.aborted).toBe(true);
    expect(cache.has('k')).toBe(false);
    expect(await cache.get('k', async () => 'again')).toBe('again');
  });

  it('never aborts a build asked for outside any request (the views built ahead)', async () => {
    const cache = new ViewCache(4);
    const { seen, build } = untilAborted();
    const ahead = cache.get('k', build);
    const a = request();
    const waiting = a.run(() => cache.get('k', build));
    a.leave();
    await expect(waiting).rejects.toThrow('client gone');
    expect(await ahead).toBe('built');
    expect(seen.aborted).toBe(false);
  });

  it('aborts the builds a build started when its last request goes', async () => {
    const cache = new ViewCache(4);
    const inner = untilAborted();
    const a = request();
    const outer = a.run(() => cache.get('outer', () => cache.get('inner', inner.build)));
    await new Promise((r) => setTimeout(r, 10));
    a.leave();
    await expect(outer).rejects.toThrow('client gone');
    expect(inner.seen.aborted).toBe(true);
    expect(cache.has('inner')).toBe(false);
  });
});
