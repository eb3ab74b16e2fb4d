/** Readers of the dashboard while something else happens: how long each of their requests waited. */
import { expect } from '@playwright/test';

export interface Reads {
  /** Every status the readers got. */
  statuses: number[];
  /** Requests made. */
  count: number;
  /** The 99th percentile of their times, in ms. */
  p99: number;
}

/**
 * `readers` clients each request `pages` in turn, one after another, from `base` until `during` settles. The pages
 * are requested once before: what is timed is how `during` holds them up, not the server's first render.
 */
export async function readWhile(
  base: string,
  pages: readonly string[],
  readers: number,
  during: () => Promise<unknown>,
): Promise<Reads> {
  for (const page of pages) expect((await fetch(`${base}${page}`)).status).toBe(200);
  let finished = false;
  const work = during().finally(() => (finished = true));
  const times: number[] = [];
  const statuses = new Set<number>();
  await Promise.all(
    Array.from({ length: readers }, async (_, reader) => {
      for (let i = reader; !finished; i++) {
        const started = performance.now();
        const response = await fetch(`${base}${pages[i % pages.length]}`);
        await response.arrayBuffer();
        statuses.add(response.status);
        times.push(performance.now() - started);
      }
    }),
  );
  await work.catch(() => undefined);
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.floor(times.length * q)] ?? Infinity);
  console.log(
    `${times.length} reads meanwhile: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, worst ${Math.round(times.at(-1) ?? 0)} ms`,
  );
  return { statuses: [...statuses], count: times.length, p99: at(0.99) };
}
