/**
 * Embed signatures. An embed link carries `sig`, an HMAC-SHA256 made by this server over the chart, its filters
 * and options (canonical form) and its data version (a number when pinned, "latest" when it follows the data), so the link
 * can't be widened to other data, moved to another chart or unpinned. The language is not covered: readers may
 * switch it, which shows the same data. The key is `PUENTE_EMBED_SECRET`, else a secret made once and kept in the
 * database.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { storedSecret, type Store } from '@puente/data/store';
import { chartFilters, type ChartId } from '$lib/charts/catalogue';

let key: Promise<Buffer> | null = null;

/** Reads (or makes) the key once, at start-up: signing then never waits on the database. */
export function loadEmbedKey(store: Store, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const fromEnv = env.PUENTE_EMBED_SECRET?.trim();
  key ??= fromEnv
    ? Promise.resolve(Buffer.from(fromEnv, 'utf8'))
    : storedSecret(store, 'embed').then((secret) => Buffer.from(secret, 'utf8'));
  return key;
}

function embedKey(): Promise<Buffer> {
  if (!key) throw new Error('The embed key is not loaded yet');
  return key;
}

function payload(chart: ChartId, search: URLSearchParams, version: number | null): string {
  return ['puente-embed-1', chart, chartFilters(search, chart).toString(), version ?? 'latest'].join('\n');
}

function mac(secret: Buffer, text: string): Buffer {
  return createHmac('sha256', secret).update(text, 'utf8').digest();
}

/** The `sig` of an embed of `chart` under the filters in `search`, pinned to `version` or following the data. */
export async function signEmbed(
  chart: ChartId,
  search: URLSearchParams,
  version: number | null,
): Promise<string> {
  return mac(await embedKey(), payload(chart, search, version)).toString('base64url');
}

/** A `version` parameter: absent (follow the data), a whole number (pinned), or anything else (refused). */
export function pinnedVersion(search: URLSearchParams): number | null | undefined {
  const value = search.get('version');
  if (value === null) return null;
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

/**
 * Checks a signed link: its `sig` must be this server's over exactly the chart, filters and version it asks for.
 * Returns the pinned version (null when following the data), or undefined when the link is refused.
 */
export async function verifyEmbed(
  chart: ChartId,
  search: URLSearchParams,
): Promise<number | null | undefined> {
  const version = pinnedVersion(search);
  const sig = search.getAll('sig');
  if (version === undefined || sig.length !== 1 || !/^[A-Za-z0-9_-]{43}$/.test(sig[0]!)) return undefined;
  // Compared as text: decoding would let the unused low bits of the last character vary.
  const given = Buffer.from(sig[0]!, 'utf8');
  const expected = Buffer.from(
    mac(await embedKey(), payload(chart, search, version)).toString('base64url'),
    'utf8',
  );
  // Constant time: how much of a guess matched must not show in how long the answer took.
  return given.length === expected.length && timingSafeEqual(given, expected) ? version : undefined;
}
