/**
 * Long synchronous work split into turns of the event loop, so that a server answers its other requests
 * between them.
 */

/** Resolves on the next turn of the event loop, after pending I/O. */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** `items.map(fn)`, giving the event loop a turn after every `size` items. */
export async function mapInTurns<T, U>(items: readonly T[], fn: (item: T) => U, size = 2048): Promise<U[]> {
  const out = new Array<U>(items.length);
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await nextTurn();
    const end = Math.min(items.length, start + size);
    for (let i = start; i < end; i++) out[i] = fn(items[i]!);
  }
  return out;
}
