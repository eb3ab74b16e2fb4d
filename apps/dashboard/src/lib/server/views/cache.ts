import { currentSignal, underSignal } from '../request-scope';

interface Entry {
  value: Promise<unknown>;
  settled: boolean;
  /** Requests still waiting for the build. */
  waiting: number;
  /** Wanted whoever waits: asked for outside any request (the views built ahead after a load). */
  kept: boolean;
  controller: AbortController;
}

/**
 * A bounded least-recently-used cache of views. A view is a pure function of its key (data version, page,
 * filters, language, day), so an entry never goes stale: a new data version simply makes new keys, and the old
 * entries age out. Concurrent requests for a key still being built share the one build — and when every request
 * waiting for a build has gone away (their clients disconnected), the build is aborted through the signal it was
 * given and forgotten, so abandoned work stops instead of holding a core.
 */
export class ViewCache {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /**
   * The view under `key`, built by `build` when missing. The build runs under its own signal (see
   * `request-scope.ts`), so the caches it reads in turn wait for it, not for the request that started it.
   */
  get<T>(key: string, build: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (entry) {
      // Map order is insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      const controller = new AbortController();
      const value = underSignal(controller.signal, () => build(controller.signal));
      const created: Entry = { value, settled: false, waiting: 0, kept: false, controller };
      entry = created;
      this.entries.set(key, created);
      // A failed or aborted build is not remembered: the next request tries again.
      value.then(
        () => (created.settled = true),
        () => {
          created.settled = true;
          this.forget(key, created);
        },
      );
      while (this.entries.size > this.capacity) {
        const oldest = this.entries.keys().next().value as string;
        this.entries.delete(oldest);
      }
    }
    return this.waitFor(key, entry, currentSignal()) as Promise<T>;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private waitFor(key: string, entry: Entry, waiter: AbortSignal | undefined): Promise<unknown> {
    if (waiter === undefined) entry.kept = true;
    if (waiter === undefined || entry.settled) return entry.value;
    entry.waiting++;
    return new Promise((resolve, reject) => {
      const leave = () => {
        entry.waiting--;
        if (entry.waiting === 0 && !entry.kept && !entry.settled) {
          entry.controller.abort(waiter.reason);
          this.forget(key, entry);
        }
        reject(waiter.reason as Error);
      };
      if (waiter.aborted) return leave();
      waiter.addEventListener('abort', leave, { once: true });
      entry.value.then(
        (value) => {
          waiter.removeEventListener('abort', leave);
          resolve(value);
        },
        (error: unknown) => {
          waiter.removeEventListener('abort', leave);
          reject(error as Error);
        },
      );
    });
  }

  private forget(key: string, entry: Entry): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }
}
