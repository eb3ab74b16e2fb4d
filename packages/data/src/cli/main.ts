import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LOCALES, type Locale, type Problem } from '../schema/problems.js';
import { TABLE_NAMES } from '../schema/tables.js';
import { generateProgramme } from '../generate/programme.js';
import { validateFiles } from '../validation/validate.js';
import {
  addUser,
  listProblems,
  problemList,
  wholeFiles,
  createToken,
  generatePassword,
  listUsers,
  listAudit,
  listVersions,
  recordAudit,
  removeUser,
  revokeTokens,
  load,
  csvFilesOnDisk,
  fileSize,
  resolveDbPath,
  restore,
  ROLES,
  Store,
  type OpenStoreOptions,
  type AuditAction,
  type DiskFile,
  type LoadMode,
  type ProblemList,
  type AuditDetails,
  type LoadProgress,
  type LoadResult,
  type Role,
} from '../store/index.js';
import { loadThroughServer } from './server-load.js';

/** One entry per command: its synopsis and what it does, shown by `puente --help` and `puente <command> --help`. */
const COMMANDS: Readonly<Record<string, string>> = {
  validate: `validate <file|dir>... [--encoding LABEL] [--db PATH [--mode replace|upsert]] [--json] [--locale en|es|zh]
      Check CSV files against the contract; exit 0 when valid, 1 when not. --encoding reads every file in that
      encoding (utf-8, utf-16, gbk, gb18030, windows-1252…) instead of detecting it. With --db, references may
      point at rows already loaded there, as load checks them.`,
  load: `load <file|dir>... [--db PATH] [--mode replace|upsert] [--encoding LABEL] [--allow-empty] [--user NAME] [--json]
      Validate, then load as a new data version; exit 1 and no change on error. A replace with a file that has a
      header and no rows empties that table only with --allow-empty. On a terminal, shows progress.
      With --server URL --token T (or $PUENTE_TOKEN), posts the files to a running dashboard instead.`,
  versions: `versions [--db PATH] [--json]
      List data versions, newest first.`,
  restore: `restore <version> [--db PATH] [--user NAME]
      Make an earlier version current again (as a new version).`,
  generate: `generate --out DIR [--institutions N] [--years N] [--programmes N] [--seed S]
      Write a deterministic synthetic programme of any size.`,
  users: `users add <name> --role viewer|analyst|admin [--token] [--db PATH]
      Add a user (or reset one); the password is read from stdin, or generated and printed once.
    users list [--db PATH] [--json]            List users, their roles and how many API tokens they have.
    users remove <name> [--db PATH]            Remove a user; their sessions and tokens stop working at once.
    users token <name> [--revoke] [--db PATH]  Print a new API token (a line starting "token: "), or revoke all.`,
  audit: `audit [--db PATH] [--limit N] [--before ID] [--json]
      List the audit log, newest first (50 entries unless --limit; --before ID for older ones): sign-ins,
      sign-outs, uploads, restores, user and token changes, with who, how and from which address.`,
};

const DB_NOTE =
  'The database is --db, else $PUENTE_DB, else .puente/puente.duckdb under the working directory.';

const USAGE = `Usage: puente <command> [options]

${Object.values(COMMANDS)
  .map((entry) => `  ${entry}`)
  .join('\n')}

Run puente <command> --help for one command. ${DB_NOTE}`;

const commandUsage = (command: string): string => `Usage: puente ${COMMANDS[command]}\n\n${DB_NOTE}`;

class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  readStdin: () => Promise<string | null>;
  /** Rewrites the progress line; absent when output goes to a file or pipe, where progress is noise. */
  progress?: (text: string) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  // On a terminal only: `\r` and "erase to end of line" redraw one line in place; an empty text clears it.
  ...(process.stdout.isTTY ? { progress: (text: string) => process.stdout.write(`\r${text}\x1b[K`) } : {}),
  err: (text) => process.stderr.write(text + '\n'),
  readStdin: async () => {
    if (process.stdin.isTTY) return null;
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text;
  },
};

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 10_000_000) {
    throw new UsageError(`--${name} takes a whole number from 1 to 10000000`);
  }
  return Number(value);
}

function locale(value: string | undefined): Locale {
  const l = value ?? 'en';
  if (!(LOCALES as readonly string[]).includes(l))
    throw new UsageError(`--locale is one of ${LOCALES.join(', ')}`);
  return l as Locale;
}

/** `file:line [row N, column]  error code: message` — one line per problem, readable in a terminal and in CI logs. */
export function formatProblem(p: Problem): string {
  const where = [p.line !== null ? `${p.file}:${p.line}` : p.file];
  const detail = [
    p.row !== null ? `row ${p.row}` : null,
    p.column !== null ? `column ${p.column}` : null,
  ].filter(Boolean);
  if (detail.length > 0) where.push(`(${detail.join(', ')})`);
  return `${where.join(' ')}  ${p.severity} ${p.code}: ${p.message}`;
}

function report(io: Io, problems: Problem[]): void {
  for (const p of problems) io.out(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  io.out(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
}

/**
 * Opens the store for one command. `versions`, `restore` and `load` open a store that failed its self-check too
 * (`recovery`): they are how it is repaired, and the store itself refuses any load that would not repair it.
 * `load` opens it for a bulk load: the process exits after it.
 */
async function withStore<T>(
  io: Io,
  db: string | undefined,
  fn: (store: Store) => Promise<T>,
  options: Pick<OpenStoreOptions, 'recovery' | 'bulkLoad'> = {},
): Promise<T> {
  const store = await Store.open({ path: resolveDbPath(db), ...options });
  if (store.recovered !== null) {
    const { lastVersion, removed, reopened } = store.recovered;
    io.err(
      `puente: a load that never finished was undone (${removed} rows removed, ${reopened} made current again); ` +
        `the data is version ${lastVersion}.`,
    );
  }
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/**
 * `validate` without `--db`: the files checked by the load's own attempt, rolled back, on an empty store in a
 * temporary folder that is deleted afterwards; by `validateFiles` over the whole files when no folder can be made.
 */
async function checkAlone(
  files: DiskFile[],
  options: { mode: LoadMode; locale: Locale },
): Promise<ProblemList> {
  let dir: string;
  try {
    dir = await mkdtemp(path.join(tmpdir(), 'puente-validate-'));
  } catch {
    return problemList(validateFiles(await wholeFiles(files), options));
  }
  try {
    const store = await Store.open({ path: path.join(dir, 'check.duckdb'), bulkLoad: true });
    try {
      return await listProblems(store, files, options);
    } finally {
      store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`puente: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && command in COMMANDS && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(commandUsage(command));
    return 0;
  }
  const parse = (options: NonNullable<ParseArgsConfig['options']>) => {
    try {
      return parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
  };
  const user = (value: unknown) => (typeof value === 'string' ? value : (process.env.USER ?? 'cli'));

  switch (command) {
    case 'validate': {
      const { values, positionals } = parse({
        json: { type: 'boolean' },
        locale: { type: 'string' },
        encoding: { type: 'string' },
        db: { type: 'string' },
        mode: { type: 'string', default: 'replace' },
      });
      if (positionals.length === 0) throw new UsageError('validate needs at least one file or folder');
      if (values.mode !== 'replace' && values.mode !== 'upsert')
        throw new UsageError('--mode is replace or upsert');
      // Read from disk in chunks, as `load` reads them, never whole unless the validator must word problems.
      const files = withEncoding(await csvFilesOnDisk(positionals), values.encoding as string | undefined);
      const options = {
        mode: values.mode as 'replace' | 'upsert',
        locale: locale(values.locale as string | undefined),
      };
      // With --db, references may point at rows already loaded, exactly as `load` will check them; without, the
      // files are checked by a load into an empty store of their own that is thrown away.
      const result =
        typeof values.db === 'string'
          ? await withStore(io, values.db, (store) => listProblems(store, files, options))
          : await checkAlone(files, options);
      if (values.json) io.out(JSON.stringify({ ok: result.ok, problems: result.problems }, null, 2));
      else {
        report(io, result.problems);
        if (result.ok) {
          for (const t of result.tables) {
            io.out(`${t.file}: ${t.rows} ${t.table} rows`);
          }
        }
      }
      return result.ok ? 0 : 1;
    }
    case 'load': {
      const { values, positionals } = parse({
        db: { type: 'string' },
        mode: { type: 'string', default: 'replace' },
        user: { type: 'string' },
        locale: { type: 'string' },
        json: { type: 'boolean' },
        encoding: { type: 'string' },
        'allow-empty': { type: 'boolean' },
        server: { type: 'string' },
        token: { type: 'string' },
      });
      if (positionals.length === 0) throw new UsageError('load needs at least one file or folder');
      if (values.mode !== 'replace' && values.mode !== 'upsert')
        throw new UsageError('--mode is replace or upsert');
      if (typeof values.server === 'string') {
        const token = typeof values.token === 'string' ? values.token : process.env.PUENTE_TOKEN;
        if (!token) throw new UsageError('load --server needs --token T (or $PUENTE_TOKEN)');
        if (typeof values.db === 'string') throw new UsageError('load takes --db or --server, not both');
        const files = withEncoding(await csvFilesOnDisk(positionals), values.encoding as string | undefined);
        const result = await loadThroughServer(values.server, token, files, {
          mode: values.mode,
          locale: locale(values.locale as string | undefined),
          allowEmpty: values['allow-empty'] === true,
        });
        return printLoad(io, result, values.json === true);
      }
      const progress = values.json ? null : loadProgress(io);
      // Read from disk in chunks by the load, never whole unless the validator must read them.
      const files = withEncoding(await csvFilesOnDisk(positionals), values.encoding as string | undefined);
      const result = await withStore(
        io,
        values.db as string | undefined,
        async (store) => {
          const mode = values.mode as 'replace' | 'upsert';
          const loaded = await load(store, {
            files,
            mode,
            user: user(values.user),
            locale: locale(values.locale as string | undefined),
            allowEmpty: values['allow-empty'] === true,
            onProgress: (p) => progress?.update(p),
            onRead: (bytes) => progress?.read(bytes),
          });
          await audit(store, user(values.user), 'upload', loaded.ok, {
            mode,
            files: files.map((f) => ({ table: null, name: f.name, bytes: fileSize(f) })),
            ...(loaded.ok ? { version: loaded.version } : { problems: loaded.problems.length }),
          });
          return loaded;
        },
        { recovery: true, bulkLoad: true },
      ).finally(() => progress?.done());
      return printLoad(io, result, values.json === true);
    }
    case 'versions': {
      const { values } = parse({ db: { type: 'string' }, json: { type: 'boolean' } });
      const versions = await withStore(
        io,
        values.db as string | undefined,
        (store) => {
          // Listing versions is the first step of a repair: say why one is needed.
          if (store.damage !== null) io.err(`puente: ${store.damage.message}`);
          return listVersions(store);
        },
        { recovery: true },
      );
      if (values.json) io.out(JSON.stringify(versions, null, 2));
      else if (versions.length === 0) io.out('No data versions yet.');
      else {
        for (const v of versions) {
          const what =
            v.action === 'restore'
              ? `restore of version ${v.restoredFrom}`
              : `${v.mode} ${v.files.map((f) => `${f.name} (${f.rows} rows)`).join(', ')}`;
          const totals = TABLE_NAMES.map((t) => `${t} ${v.totals[t]}`).join(', ');
          io.out(`${v.version}\t${v.createdAt}\t${v.user}\t${what}\n\tnow: ${totals}`);
        }
      }
      return 0;
    }
    case 'restore': {
      const { values, positionals } = parse({ db: { type: 'string' }, user: { type: 'string' } });
      const target = positionals[0];
      if (positionals.length !== 1 || target === undefined || !/^\d+$/.test(target)) {
        throw new UsageError('restore takes one version number');
      }
      const version = await withStore(
        io,
        values.db as string | undefined,
        async (store) => {
          const made = await restore(store, Number(target), user(values.user)).catch(async (error) => {
            await audit(store, user(values.user), 'restore', false, { restoredFrom: Number(target) });
            throw error;
          });
          await audit(store, user(values.user), 'restore', true, {
            restoredFrom: Number(target),
            version: made,
          });
          return made;
        },
        { recovery: true },
      );
      io.out(`Restored version ${target} as version ${version}.`);
      return 0;
    }
    case 'generate': {
      const { values } = parse({
        out: { type: 'string' },
        institutions: { type: 'string' },
        years: { type: 'string' },
        programmes: { type: 'string' },
        seed: { type: 'string' },
      });
      if (typeof values.out !== 'string') throw new UsageError('generate needs --out DIR');
      const options = {
        institutions: positiveInt(values.institutions as string | undefined, 'institutions', 200),
        years: positiveInt(values.years as string | undefined, 'years', 5),
        programmes: positiveInt(values.programmes as string | undefined, 'programmes', 3),
        seed: positiveInt(values.seed as string | undefined, 'seed', 1),
      };
      if (options.years > 200) throw new UsageError('--years is at most 200');
      await mkdir(values.out, { recursive: true });
      const counts = await writeProgramme(values.out, generateProgramme(options));
      io.out(
        `Wrote ${Object.entries(counts)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')} rows to ${values.out}`,
      );
      return 0;
    }
    case 'users': {
      const { values, positionals } = parse({
        role: { type: 'string' },
        token: { type: 'boolean' },
        revoke: { type: 'boolean' },
        json: { type: 'boolean' },
        db: { type: 'string' },
      });
      const [sub, name] = positionals;
      const db = values.db as string | undefined;
      if (sub === 'list' && positionals.length === 1) {
        const users = await withStore(io, db, listUsers);
        if (values.json) io.out(JSON.stringify(users, null, 2));
        else if (users.length === 0) io.out('No users yet.');
        else for (const u of users) io.out(`${u.name}\t${u.role}\t${u.tokens} tokens\tsince ${u.createdAt}`);
        return 0;
      }
      if (sub === 'remove' && name !== undefined && positionals.length === 2) {
        const removed = await withStore(io, db, async (store) => {
          const done = await removeUser(store, name);
          if (done) await audit(store, user(undefined), 'user-removed', true, { user: name });
          return done;
        });
        if (!removed) {
          io.err(`puente: there is no user ${name}`);
          return 1;
        }
        io.out(`User ${name} removed; their sessions and tokens no longer work.`);
        return 0;
      }
      if (sub === 'token' && name !== undefined && positionals.length === 2) {
        if (values.revoke) {
          const n = await withStore(io, db, async (store) => {
            const revoked = await revokeTokens(store, name);
            await audit(store, user(undefined), 'tokens-revoked', true, { user: name, tokens: revoked });
            return revoked;
          });
          io.out(`Revoked ${n} token${n === 1 ? '' : 's'} of ${name}.`);
          return 0;
        }
        const token = await withStore(io, db, async (store) => {
          const made = await createToken(store, name);
          await audit(store, user(undefined), 'token-created', true, { user: name });
          return made;
        });
        io.out(`token: ${token}`);
        return 0;
      }
      if (sub !== 'add' || name === undefined || positionals.length !== 2)
        throw new UsageError('users add|list|remove|token — see puente users --help');
      if (!(ROLES as readonly string[]).includes(String(values.role)))
        throw new UsageError(`--role is one of ${ROLES.join(', ')}`);
      const piped = (await io.readStdin())?.replace(/\r?\n$/, '');
      const password = piped ? piped : generatePassword();
      const token = await withStore(io, values.db as string | undefined, async (store) => {
        await addUser(store, { name, role: values.role as Role, password });
        await audit(store, user(undefined), 'user-saved', true, { user: name, role: String(values.role) });
        if (!values.token) return null;
        const made = await createToken(store, name);
        await audit(store, user(undefined), 'token-created', true, { user: name });
        return made;
      });
      io.out(`User ${name} (${String(values.role)}) saved.`);
      if (!piped) io.out(`password: ${password}`);
      if (token) io.out(`token: ${token}`);
      return 0;
    }
    case 'audit': {
      const { values, positionals } = parse({
        db: { type: 'string' },
        limit: { type: 'string' },
        before: { type: 'string' },
        json: { type: 'boolean' },
      });
      if (positionals.length > 0) throw new UsageError('audit takes no arguments — see puente audit --help');
      const limit = positiveInt(values.limit as string | undefined, 'limit', 50);
      const before =
        values.before === undefined ? undefined : positiveInt(values.before as string, 'before', 0);
      const entries = await withStore(io, values.db as string | undefined, (store) =>
        listAudit(store, { limit, ...(before === undefined ? {} : { before }) }),
      );
      if (values.json) io.out(JSON.stringify(entries, null, 2));
      else if (entries.length === 0) io.out('Nothing recorded yet.');
      else {
        for (const e of entries) {
          const details = Object.entries(e.details)
            .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : value}`)
            .join(' ');
          const from = e.address === null ? e.via : `${e.via} ${e.address}`;
          io.out(
            `${e.id}\t${e.at}\t${e.actor}\t${e.action}\t${e.outcome}\t${from}${details ? `\t${details}` : ''}`,
          );
        }
      }
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(
        command === 'help' && rest[0] !== undefined && rest[0] in COMMANDS ? commandUsage(rest[0]) : USAGE,
      );
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`Unknown command ${command}`);
  }
}

/** Records a CLI action in the audit log: the actor is `--user` or the shell's user; there is no address. */
function audit(
  store: Store,
  actor: string,
  action: AuditAction,
  ok: boolean,
  details: AuditDetails,
): Promise<void> {
  return recordAudit(store, {
    actor,
    action,
    outcome: ok ? 'ok' : 'failed',
    via: 'cli',
    address: null,
    details,
  });
}

/** Prints a load's outcome (local or through a server) and returns the exit code: 0 loaded, 1 not. */
function printLoad(io: Io, result: LoadResult, json: boolean): number {
  if (json) io.out(JSON.stringify(result, null, 2));
  else if (result.ok) {
    if (result.warnings.length > 0) report(io, result.warnings);
    const counts = Object.entries(result.tables).map(([t, n]) => `${t} ${n}`);
    io.out(`Loaded version ${result.version}: ${counts.join(', ')}`);
  } else {
    report(io, result.problems);
    if (result.emptied !== undefined) {
      io.out(
        `Nothing was loaded: replacing would empty ${result.emptied.join(', ')}. ` +
          'Load again with --allow-empty to confirm.',
      );
    } else io.out('Nothing was loaded.');
  }
  return result.ok ? 0 : 1;
}

/** The files with the encoding given on the command line, which overrides detection for every one of them. */
function withEncoding<F extends { encoding?: string }>(files: F[], encoding: string | undefined): F[] {
  return encoding === undefined ? files : files.map((f) => ({ ...f, encoding }));
}

const count = new Intl.NumberFormat('en');

/**
 * The progress line of a load on a terminal: bytes read, rows checked, rows written; redrawn at most ten times a
 * second, cleared when the load ends so the report starts on a clean line.
 */
function loadProgress(io: Io) {
  const show = io.progress;
  if (show === undefined) return null;
  let bytes = 0;
  let checked = 0;
  let written = 0;
  let shownAt = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - shownAt < 100) return;
    shownAt = now;
    const mb = (bytes / (1024 * 1024)).toFixed(1);
    show(`read ${mb} MB · checked ${count.format(checked)} rows · written ${count.format(written)} rows`);
  };
  return {
    read(n: number) {
      bytes += n;
      draw();
    },
    update(p: LoadProgress) {
      checked = p.rowsChecked;
      written = p.rowsWritten;
      draw();
    },
    done() {
      draw(true);
      show('');
    },
  };
}

async function writeProgramme(
  dir: string,
  chunks: Iterable<{ table: string; text: string }>,
): Promise<Record<string, number>> {
  const streams = new Map<string, ReturnType<typeof createWriteStream>>();
  const counts: Record<string, number> = {};
  for (const { table, text } of chunks) {
    let stream = streams.get(table);
    if (!stream) {
      stream = createWriteStream(path.join(dir, `${table}.csv`));
      streams.set(table, stream);
      counts[table] = -1; // the header line
    }
    counts[table] = (counts[table] ?? 0) + (text.match(/\n/g)?.length ?? 0);
    if (!stream.write(text)) await once(stream, 'drain');
  }
  await Promise.all([...streams.values()].map((s) => new Promise((resolve) => s.end(resolve))));
  return counts;
}
