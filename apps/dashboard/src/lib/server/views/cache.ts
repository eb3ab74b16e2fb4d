/**
 * A bounded least-recently-used cache of views. A view is a pure function of its key (data version, page,
 * filters, language, day), so an entry never goes stale: a new data version simply makes new keys, and the old
 * entries age out. Concurrent requests for a key still being built share the one build.
 */
export class ViewCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get<T>(key: string, build: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const built = build();
    this.entries.set(key, built);
    // A failed build is not remembered: the next request tries again.
    built.catch(() => {
      if (this.entries.get(key) === built) this.entries.delete(key);
    });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return built;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
