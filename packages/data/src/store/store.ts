import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS } from './migrations.js';
import {
  lastVersion,
  StoreDamagedError,
  totalsMismatches,
  undoAbortedWrites,
  type UndoneWrite,
} from './self-check.js';
import { UploadsReadOnlyError } from './uploads.js';
import { plainRow, plainRows, type PlainRow } from './values.js';

export interface OpenStoreOptions {
  /** DuckDB file; created with its folder when missing. */
  path: string;
  /** Where raw uploaded bytes are kept, named by their SHA-256. Default: `uploads/` beside the database file. */
  uploadsDir?: string;
  /**
   * Open a store that fails its self-check instead of throwing `StoreDamagedError`, so that it can be repaired:
   * `restore` of a good version, or a `replace` load of every damaged table. For the CLI's repair commands only;
   * whoever serves the data opens without it.
   */
  recovery?: boolean;
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

/** Whether an error is the file system refusing a write (permissions, a read-only mount), from Node or DuckDB. */
export function isPermissionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS' ||
    /permission denied|read-only file system/i.test(error.message)
  );
}

/** Thrown when the database file, or the folder it sits in, can't be written by this process. */
export class StoreReadOnlyError extends Error {
  constructor(
    readonly dbPath: string,
    cause: unknown,
  ) {
    super(
      `Puente can't write to the database ${dbPath}: the file or its folder is read-only for this user. ` +
        `Give the user running Puente write access to the file and to ${path.dirname(dbPath)} (DuckDB writes a ` +
        `.wal file beside it), or point --db or PUENTE_DB at a writable place. Nothing was changed.`,
      { cause },
    );
    this.name = 'StoreReadOnlyError';
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
  private damaged: StoreDamagedError | null = null;
  /** What the self-check on open undid (a load that never committed), or null. */
  recovered: UndoneWrite | null = null;

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
      if (isPermissionError(error)) throw new StoreReadOnlyError(dbPath, error);
      throw error;
    }
    const store = new Store(
      instance,
      dbPath,
      path.resolve(options.uploadsDir ?? path.join(path.dirname(dbPath), 'uploads')),
    );
    try {
      await store.migrate();
      await store.checkItself(options.recovery === true);
      // DuckDB reads files only from the uploads folder, where a load stages the UTF-8 text of the files it was
      // given (file names there are hashes, never a client's). No other file is reachable from SQL.
      await store.withConnection(async (c) => {
        await c.run(`SET allowed_directories = [${sqlString(store.uploadsDir + path.sep)}]`);
        await c.run('SET enable_external_access = false');
        await c.run('SET lock_configuration = true');
      });
    } catch (error) {
      store.close();
      throw isPermissionError(error) ? new StoreReadOnlyError(dbPath, error) : error;
    }
    return store;
  }

  /** Why the data can't be trusted, when the store was opened for `recovery` and failed its self-check. */
  get damage(): StoreDamagedError | null {
    return this.damaged;
  }

  /** Called by a write that made the current data whole again (a restore, a replace of every damaged table). */
  repaired(): void {
    this.damaged = null;
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
        let result: T;
        try {
          result = await fn(c);
          await c.run('COMMIT');
        } catch (error) {
          // A failed COMMIT has already ended the transaction: its own error is the one to report.
          await c.run('ROLLBACK').catch(() => undefined);
          if (isPermissionError(error) && !(error instanceof UploadsReadOnlyError)) {
            throw new StoreReadOnlyError(this.dbPath, error);
          }
          throw error;
        }
        await checkpoint(c);
        for (const listener of this.commitListeners) listener();
        return result;
      }),
    );
    // The queue continues whatever this write's outcome; the caller still sees its own error.
    this.writing = run.catch(() => undefined);
    return run;
  }

  /**
   * Undoes what an interrupted write left (see self-check.ts), then checks that the current rows of every table
   * are what the current version recorded. A store that fails is refused, or kept aside for repair.
   */
  private async checkItself(recovery: boolean): Promise<void> {
    await this.withConnection(async (c) => {
      this.recovered = await undoAbortedWrites(c);
      if (this.recovered !== null) await checkpoint(c);
      const version = await lastVersion(c);
      const mismatches = await totalsMismatches(c, version);
      if (mismatches.length === 0) return;
      const damage = new StoreDamagedError(this.dbPath, version, mismatches, this.uploadsDir);
      if (!recovery) throw damage;
      this.damaged = damage;
    });
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

/** A string literal for a SET statement, which takes no parameters (the path is the store's own setting). */
const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/**
 * Writes the WAL into the database file right after a commit, so the window in which a kill finds a commit only
 * in the WAL (where DuckDB 1.5.6 may replay it torn) lasts one write, not until the next automatic checkpoint.
 * A checkpoint that can't run now (another transaction is open) is not a failed write: the commit stands.
 */
async function checkpoint(c: DuckDBConnection): Promise<void> {
  try {
    await c.run('CHECKPOINT');
  } catch {
    // DuckDB checkpoints again on its own, at the latest when the file is closed.
  }
}
