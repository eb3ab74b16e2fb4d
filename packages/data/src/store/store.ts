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
  /**
   * Sets DuckDB's own fault injection `debug_checkpoint_abort = 'before_header'` on the first instance only: its
   * checkpoints then fail with a fatal error that invalidates the instance, as a full disk would. For the tests of
   * reopening after a fatal error; never set when serving.
   */
  failCheckpoints?: boolean;
  /**
   * For a process that opens the store to load and then exits (the CLI's `load`). DuckDB may then store rows in
   * any order: its parallel insert writes compressed row groups as it reads, so the commit has little left to
   * write, and its buffers stay under `LOAD_MEMORY_LIMIT` (spilling to `<db>.tmp`), so a load's memory doesn't grow
   * with the files. Every read orders its rows itself (`test/order.spec.ts`). Whoever serves the data opens
   * without it: the limit would slow the views' large aggregates.
   */
  bulkLoad?: boolean;
}

/**
 * The most DuckDB's buffers may hold during a bulk load: with node and DuckDB's own code, the load's peak RSS then
 * stays under 400 MB at any size (BENCHMARKS.md). 128MB peaked at 370–450 MiB once the next file was read while
 * DuckDB wrote the last; 64MB made DuckDB thrash: slower, and more memory.
 */
export const LOAD_MEMORY_LIMIT = '96MB';

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

/**
 * Whether DuckDB failed fatally: the instance is invalidated and every later query on it fails until the database
 * is opened again (what it committed is in its files; reopening replays the WAL).
 */
export function isFatal(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.message.startsWith('FATAL Error') || error.message.includes('database has been invalidated'))
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
  /** While the instance is opened again after a fatal error; queries wait for it. */
  private reopening: Promise<void> | null = null;
  /** Why the store can't serve any more (reopening failed), or null. */
  private broken: Error | null = null;
  /** What the self-check on open undid (a load that never committed), or null. */
  recovered: UndoneWrite | null = null;
  /** How many times the instance was opened again after a fatal DuckDB error. */
  reopened = 0;

  private constructor(
    private instance: DuckDBInstance,
    readonly dbPath: string,
    readonly uploadsDir: string,
    private readonly recovery: boolean,
    private readonly bulkLoad: boolean,
  ) {}

  static async open(options: OpenStoreOptions): Promise<Store> {
    const dbPath = path.resolve(options.path);
    await mkdir(path.dirname(dbPath), { recursive: true });
    const uploadsDir = path.resolve(options.uploadsDir ?? path.join(path.dirname(dbPath), 'uploads'));
    const settings: InstanceSettings = {
      failCheckpoints: options.failCheckpoints === true,
      bulkLoad: options.bulkLoad === true,
    };
    const instance = await openInstance(dbPath, uploadsDir, settings);
    const store = new Store(instance, dbPath, uploadsDir, options.recovery === true, settings.bulkLoad);
    try {
      await store.migrate();
      await store.checkItself();
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

  /**
   * Runs `fn` on a connection of its own. A fatal DuckDB error in it (a write that failed half-way to disk, for
   * example) has invalidated the instance: the error still goes to the caller, and the database is opened again
   * (replaying its WAL, then checking itself) for the queries that follow.
   */
  async withConnection<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('The store is closed');
    if (this.reopening) await this.reopening;
    if (this.broken) throw this.broken;
    const instance = this.instance;
    try {
      return await this.on(instance, fn);
    } catch (error) {
      if (isFatal(error)) this.reopenAfterFatal(instance, error);
      throw error;
    }
  }

  /**
   * Runs a read query with bound parameters and returns plain rows. The result is read a chunk (2,048 rows) at a
   * time, each fetch a turn of the event loop: a large result never holds up a server's other requests for long.
   * A read that meets a fatal error runs once more on the reopened instance. An aborted `signal` interrupts the
   * query and rejects with the signal's reason.
   */
  async all(sql: string, params: DuckDBValue[] = [], signal?: AbortSignal): Promise<PlainRow[]> {
    const read = () =>
      this.withConnection(async (c) => {
        signal?.throwIfAborted();
        const interrupt = () => c.interrupt();
        signal?.addEventListener('abort', interrupt, { once: true });
        try {
          const rows: PlainRow[] = [];
          for await (const chunk of (await c.stream(sql, params)).yieldRowObjectJs()) {
            signal?.throwIfAborted();
            for (const row of chunk) rows.push(plainRow(row));
          }
          return rows;
        } catch (error) {
          signal?.throwIfAborted();
          throw error;
        } finally {
          signal?.removeEventListener('abort', interrupt);
        }
      });
    try {
      return await read();
    } catch (error) {
      if (!isFatal(error)) throw error;
      return read();
    }
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
        const fatal = await checkpoint(c);
        // The commit is in the WAL even when the checkpoint after it failed fatally: reopening replays it.
        if (fatal) this.reopenAfterFatal(this.instance, fatal);
        for (const listener of this.commitListeners) listener();
        return result;
      }),
    );
    // The queue continues whatever this write's outcome; the caller still sees its own error.
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async on<T>(
    instance: DuckDBInstance,
    fn: (connection: DuckDBConnection) => Promise<T>,
  ): Promise<T> {
    const connection = await instance.connect();
    try {
      return await fn(connection);
    } finally {
      connection.closeSync();
    }
  }

  /**
   * Closes an instance DuckDB invalidated and opens the file again, once however many queries failed with it.
   * Commit listeners hear of it: the reopened data may be a commit newer than what they read last.
   */
  private reopenAfterFatal(failed: DuckDBInstance, error: unknown): void {
    if (this.instance !== failed || this.reopening || this.closed) return;
    console.error(`DuckDB failed fatally; opening ${this.dbPath} again:`, (error as Error).message);
    this.reopening = (async () => {
      // Connections still open on the old instance fail from now on; closing it frees the file at once.
      failed.closeSync();
      this.instance = await openInstance(this.dbPath, this.uploadsDir, {
        failCheckpoints: false,
        bulkLoad: this.bulkLoad,
      });
      await this.checkItself();
      this.reopened++;
      for (const listener of this.commitListeners) listener();
    })()
      .catch((failure: unknown) => {
        this.broken = failure instanceof Error ? failure : new Error(String(failure));
        console.error(`Opening ${this.dbPath} again failed:`, this.broken.message);
      })
      .finally(() => {
        this.reopening = null;
      });
  }

  /**
   * Undoes what an interrupted write left (see self-check.ts), then checks that the current rows of every table
   * are what the current version recorded. A store that fails is refused, or kept aside for repair.
   */
  private async checkItself(): Promise<void> {
    await this.on(this.instance, async (c) => {
      this.recovered = await undoAbortedWrites(c);
      if (this.recovered !== null) await checkpoint(c);
      const version = await lastVersion(c);
      const mismatches = await totalsMismatches(c, version);
      if (mismatches.length === 0) return;
      const damage = new StoreDamagedError(this.dbPath, version, mismatches, this.uploadsDir);
      if (!this.recovery) throw damage;
      this.damaged = damage;
    });
  }

  private async migrate(): Promise<void> {
    await this.on(this.instance, async (c) => {
      await c.run(
        'CREATE TABLE IF NOT EXISTS schema_migrations (step INTEGER PRIMARY KEY, applied_at TIMESTAMP)',
      );
      const done = plainRows(
        await c.runAndReadAll('SELECT coalesce(max(step), 0) AS step FROM schema_migrations'),
      );
      const applied = Number(done[0]?.step ?? 0);
      if (applied >= MIGRATIONS.length) return;
      // Every step due in one transaction: a new database commits once, not once a step.
      await c.run('BEGIN TRANSACTION');
      try {
        for (let step = applied + 1; step <= MIGRATIONS.length; step++) {
          for (const statement of MIGRATIONS[step - 1] ?? []) await c.run(statement);
          await c.run('INSERT INTO schema_migrations VALUES ($1, current_timestamp)', [step]);
        }
        await c.run('COMMIT');
      } catch (error) {
        await c.run('ROLLBACK');
        throw error;
      }
    });
  }
}

interface InstanceSettings {
  failCheckpoints: boolean;
  bulkLoad: boolean;
}

/**
 * Opens the DuckDB file and locks it down before anything else runs on it: DuckDB reads files only from the
 * uploads folder, where a load stages the UTF-8 text of the files it was given (file names there are hashes, never
 * a client's), and no setting can be changed afterwards. By SQL, because DuckDB's C API can't set a list option
 * such as `allowed_directories` at creation (duckdb/duckdb#25057), and external access must stay on until it is set.
 * A bulk load's settings (`OpenStoreOptions.bulkLoad`) are global too, so they are set here, before the lock.
 */
async function openInstance(
  dbPath: string,
  uploadsDir: string,
  { failCheckpoints, bulkLoad }: InstanceSettings,
): Promise<DuckDBInstance> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(dbPath);
  } catch (error) {
    if (error instanceof Error && /lock/i.test(error.message)) throw new StoreLockedError(dbPath, error);
    if (isPermissionError(error)) throw new StoreReadOnlyError(dbPath, error);
    throw error;
  }
  try {
    const c = await instance.connect();
    try {
      await c.run(`SET allowed_directories = [${sqlString(uploadsDir + path.sep)}]`);
      if (failCheckpoints) await c.run("SET debug_checkpoint_abort = 'before_header'");
      if (bulkLoad) {
        await c.run('SET preserve_insertion_order = false');
        await c.run(`SET memory_limit = ${sqlString(LOAD_MEMORY_LIMIT)}`);
      }
      await c.run('SET enable_external_access = false');
      await c.run('SET lock_configuration = true');
    } finally {
      c.closeSync();
    }
  } catch (error) {
    instance.closeSync();
    throw error;
  }
  return instance;
}

/** A string literal for a SET statement, which takes no parameters (the path is the store's own setting). */
const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/**
 * Writes the WAL into the database file right after a commit, so the window in which a kill finds a commit only
 * in the WAL (where DuckDB 1.5.6 may replay it torn) lasts one write, not until the next automatic checkpoint.
 * A checkpoint that can't run now (another transaction is open) is not a failed write: the commit stands.
 */
async function checkpoint(c: DuckDBConnection): Promise<Error | null> {
  try {
    await c.run('CHECKPOINT');
  } catch (error) {
    // DuckDB checkpoints again on its own, at the latest when the file is closed; a fatal error is the caller's.
    if (isFatal(error)) return error as Error;
  }
  return null;
}
