/**
 * The server's entry (`node build` runs it: the build copies it to build/server.js, see svelte.config.js).
 * adapter-node's own server serves the built files (scripts, styles, the favicon) with sirv before any of Puente's
 * hooks run, so the headers src/lib/server/headers.ts gives every other response are set here first, on the
 * response itself; sirv's and SvelteKit's own headers are added to them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { server } from './index.js';

// The same values as src/lib/server/headers.ts, which covers what SvelteKit renders (and `vite dev`).
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The URL paths of the built files sirv serves: what is under client/ (compressed copies share their path). */
function builtFiles() {
  const client = fileURLToPath(new URL('client/', import.meta.url));
  return new Set(
    readdirSync(client, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
      .map(
        (entry) =>
          '/' + path.relative(client, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
      ),
  );
}

const files = builtFiles();

/** The path as a file name; a malformed one (`%E0%A4%A`) is no built file, and must not throw in the listener. */
function decoded(pathname) {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

// Before the adapter's listener: the headers are on the response when sirv or SvelteKit write theirs.
server.server.prependListener('request', (request, response) => {
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
  const pathname = (request.url ?? '/').split('?')[0];
  // An SVG opened on its own is a document: the favicon may run or fetch nothing, like an SVG export.
  if (pathname.endsWith('.svg') && files.has(decoded(pathname))) {
    response.setHeader('content-security-policy', SVG_POLICY);
  }
});
