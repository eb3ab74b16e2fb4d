import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS } from './migrations.js';
import { plainRow, plainRows, type PlainRow } from './values.js';

export interface OpenStoreOptions {
  /** DuckDB file; created with its folder when missing. */
  path: string;
  /** Where raw uploaded bytes are kept, named by their SHA-256. Default: `uploads/` beside the database file. */
  uploadsDir?: string;
}

/** Thrown when another process already holds the database file. */
export class StoreLockedError extends Error {
  constructor(
    readonly dbPath: string,
    cause: unknown,
  ) {
    super(
      `The database ${dbPath} is already open in another Puente process. ` +
        `Stop that process, or point this one at another file with --db or PUENTE_DB.`,
      { cause },
    );
    this.name = 'StoreLockedError';
  }
}

/**
 * The one DuckDB instance of this process. Reads take a fresh connection each (DuckDB connections are cheap and
 * let queries run concurrently); writes are serialised through `write`, since a file has one writer.
 */
export class Store {
  private writing: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly commitListeners = new Set<() => void>();

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly dbPath: string,
    readonly uploadsDir: string,
  ) {}

  static async open(options: OpenStoreOptions): Promise<Store> {
    const dbPath = path.resolve(options.path);
    await mkdir(path.dirname(dbPath), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(dbPath);
    } catch (error) {
      if (error instanceof Error && /lock/i.test(error.message)) throw new StoreLockedError(dbPath, error);
      throw error;
    }
    const store = new Store(
      instance,
      dbPath,
      path.resolve(options.uploadsDir ?? path.join(path.dirname(dbPath), 'uploads')),
    );
    try {
      await store.migrate();
      // Data never reaches DuckDB as file paths, so the engine needs no file system access beyond its own file.
      await store.withConnection(async (c) => {
        await c.run('SET enable_external_access = false');
        await c.run('SET lock_configuration = true');
      });
    } catch (error) {
      store.close();
      throw error;
    }
    return store;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.instance.closeSync();
  }

  async withConnection<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('The store is closed');
    const connection = await this.instance.connect();
    try {
      return await fn(connection);
    } finally {
      connection.closeSync();
    }
  }

  /**
   * Runs a read query with bound parameters and returns plain rows. The result is read a chunk (2,048 rows) at a
   * time, each fetch a turn of the event loop: a large result never holds up a server's other requests for long.
   */
  async all(sql: string, params: DuckDBValue[] = []): Promise<PlainRow[]> {
    return this.withConnection(async (c) => {
      const rows: PlainRow[] = [];
      for await (const chunk of (await c.stream(sql, params)).yieldRowObjectJs()) {
        for (const row of chunk) rows.push(plainRow(row));
      }
      return rows;
    });
  }

  /**
   * Calls `listener` after every committed write (a load, a restore, a user change). This process is the only
   * writer of its file, so caches of anything read from the store are exact when they listen here.
   * Returns a function that removes the listener.
   */
  onCommit(listener: () => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Runs `fn` inside one transaction on its own connection, after every earlier write has finished. */
  async write<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const run = this.writing.then(() =>
      this.withConnection(async (c) => {
        await c.run('BEGIN TRANSACTION');
        try {
          const result = await fn(c);
          await c.run('COMMIT');
          for (const listener of this.commitListeners) listener();
          return result;
        } catch (error) {
          await c.run('ROLLBACK');
          throw error;
        }
      }),
    );
    // The queue continues whatever this write's outcome; the caller still sees its own error.
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async migrate(): Promise<void> {
    await this.withConnection(async (c) => {
      await c.run(
        'CREATE TABLE IF NOT EXISTS schema_migrations (step INTEGER PRIMARY KEY, applied_at TIMESTAMP)',
      );
      const done = plainRows(
        await c.runAndReadAll('SELECT coalesce(max(step), 0) AS step FROM schema_migrations'),
      );
      const applied = Number(done[0]?.step ?? 0);
      for (let step = applied + 1; step <= MIGRATIONS.length; step++) {
        await c.run('BEGIN TRANSACTION');
        try {
          for (const statement of MIGRATIONS[step - 1] ?? []) await c.run(statement);
          await c.run('INSERT INTO schema_migrations VALUES ($1, current_timestamp)', [step]);
          await c.run('COMMIT');
        } catch (error) {
          await c.run('ROLLBACK');
          throw error;
        }
      }
    });
  }
}
