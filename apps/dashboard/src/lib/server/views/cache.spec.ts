import { describe, expect, it } from 'vitest';
import { ViewCache } from './cache';

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
});
