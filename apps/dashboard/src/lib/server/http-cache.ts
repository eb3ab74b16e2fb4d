/**
 * HTTP for views: every page, page-data request and view endpoint is a pure function of (data version, day,
 * language, who is signed in, URL), so its response is kept — compressed once, gzip and brotli — and answered from memory until the
 * data changes; its ETag comes from the same key, so a browser revalidating gets 304 (SvelteKit compares
 * `If-None-Match` with the `ETag` a handle returns). Anything else is compressed on the fly.
 */
import type { Handle } from '@sveltejs/kit';
import { version as build } from '$app/environment';
import { today } from '@puente/data/store';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { dataVersion } from './store';
import { servingPrevious } from './views';

/** Routes whose GET responses are views (see `$lib/server/views`). */
const VIEW_ROUTES = new Set([
  '/',
  '/network',
  '/training',
  '/progress',
  '/institutions/[id=slug]',
  '/network/scene',
  '/network/detail/[id=slug]',
  '/api/charts/[file]',
  '/embed/[chart]',
]);
/** Kept responses, in bytes (bodies and their compressed forms): an LRU. */
const CAPACITY = 96 * 1024 * 1024;
/** A single response larger than this is compressed but not kept. */
const LARGEST_KEPT = 16 * 1024 * 1024;
/** Below this, compression costs more than it saves. */
const SMALLEST_COMPRESSED = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;
/** Kept as they are, not compressed (already compressed). */
const KEPT_AS_IS = /^image\/png/;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

interface Kept {
  etag: string;
  status: number;
  headers: [string, string][];
  identity: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  bytes: number;
}

const kept = new Map<string, Kept>();
let keptBytes = 0;

function remember(key: string, entry: Kept) {
  const previous = kept.get(key);
  if (previous) {
    kept.delete(key);
    keptBytes -= previous.bytes;
  }
  kept.set(key, entry);
  keptBytes += entry.bytes;
  for (const [oldest, old] of kept) {
    if (keptBytes <= CAPACITY) break;
    kept.delete(oldest);
    keptBytes -= old.bytes;
  }
}

/** The encoding to answer with: brotli, else gzip, else none, as the client accepts (`q=0` refuses). */
function encodingFor(request: Request): 'br' | 'gzip' | null {
  const accepted = new Set<string>();
  for (const part of (request.headers.get('accept-encoding') ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

const VARY = 'Accept-Encoding, Accept-Language, Cookie';

function respond(request: Request, entry: Kept): Response {
  const headers = new Headers(entry.headers);
  headers.set('etag', entry.etag);
  headers.set('vary', VARY);
  // Browsers may keep a copy but must ask again (cheaply: 304) — the data can change with any load. A response
  // pinned to a data version (its handler says `immutable`) never changes and keeps what it says.
  if (!headers.get('cache-control')?.includes('immutable')) headers.set('cache-control', 'private, no-cache');
  const encoding = encodingFor(request);
  const body = encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : null;
  if (body) headers.set('content-encoding', encoding!);
  const bytes = body ?? entry.identity;
  headers.set('content-length', String(bytes.length));
  return new Response(new Uint8Array(bytes), { status: entry.status, headers });
}

async function keep(response: Response, etag: string): Promise<Kept> {
  const identity = Buffer.from(await response.arrayBuffer());
  const compress =
    identity.length >= SMALLEST_COMPRESSED && COMPRESSIBLE.test(response.headers.get('content-type') ?? '');
  const [gz, br] = compress
    ? await Promise.all([
        gzipAsync(identity),
        // Quality 5: most of brotli's gain at a fraction of its top setting's time.
        brotliAsync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      ])
    : [null, null];
  const headers = [...response.headers].filter(
    ([name]) => !['set-cookie', 'content-length', 'content-encoding', 'etag'].includes(name),
  );
  return {
    etag,
    status: response.status,
    headers,
    identity,
    gzip: gz,
    br,
    bytes: identity.length + (gz?.length ?? 0) + (br?.length ?? 0),
  };
}

/** Compresses a response that is not kept (error pages, health, anything dynamic), streaming. */
function compressed(request: Request, response: Response): Response {
  const type = response.headers.get('content-type') ?? '';
  const length = Number(response.headers.get('content-length') ?? Infinity);
  const encoding = encodingFor(request);
  if (
    !response.body ||
    !encoding ||
    !COMPRESSIBLE.test(type) ||
    response.headers.has('content-encoding') ||
    length < SMALLEST_COMPRESSED
  )
    return response;
  const headers = new Headers(response.headers);
  // CompressionStream has no brotli: gzip for streamed responses.
  headers.set('content-encoding', 'gzip');
  headers.delete('content-length');
  headers.append('vary', 'Accept-Encoding');
  return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

export const httpCache: Handle = async ({ event, resolve }) => {
  const { request } = event;
  if (request.method !== 'GET' || !VIEW_ROUTES.has(event.route.id ?? '')) {
    return compressed(request, await resolve(event));
  }
  const raw = new URL(request.url);
  // Pages name who is signed in and offer links by role: one person's kept page is never another's.
  const who = event.locals.user ? `${event.locals.user.role}:${event.locals.user.name}` : '';
  const keyAt = (version: number | null) =>
    [version, today(), event.locals.locale, who, raw.pathname, raw.search].join('\u0000');
  const key = keyAt(await dataVersion());
  const hit = kept.get(key);
  if (hit) {
    remember(key, hit);
    return respond(request, hit);
  }
  // Right after a load, while the new version's views are built, the page as it was is answered if kept.
  const previous = servingPrevious();
  const before = previous && kept.get(keyAt(previous.version));
  if (before) return respond(request, before);
  const response = await resolve(event);
  const type = response.headers.get('content-type') ?? '';
  // Right after a load, a page may show the version before (see `servingPrevious`): not what its key names.
  if (
    response.status !== 200 ||
    !(COMPRESSIBLE.test(type) || KEPT_AS_IS.test(type)) ||
    previous !== null ||
    servingPrevious() !== null
  )
    return compressed(request, response);
  // The build is part of the tag: after an upgrade, a page naming old scripts must not be revalidated.
  const etag = `"${createHash('sha256').update(`${build}\u0000${key}`).digest('base64url').slice(0, 27)}"`;
  const entry = await keep(response, etag);
  if (entry.bytes <= LARGEST_KEPT) remember(key, entry);
  return respond(request, entry);
};
