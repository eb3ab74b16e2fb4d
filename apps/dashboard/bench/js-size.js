/**
 * JavaScript a first visit to each page loads, read from the built app (run `npm run build` first).
 *
 * SvelteKit server-renders a page, then loads the client entry (start + app), the layout node and the page node
 * with every chunk they import statically: the server manifest lists exactly those files per node (it writes them
 * as modulepreload links). The root layout's load then imports the reader's message catalogue (English here).
 * Other chunks imported dynamically load later, on demand, and are counted apart.
 * Gzip sizes are those of the precompressed `.gz` files adapter-node serves, else gzip -9 computed here.
 *
 * `node bench/js-size.js --files` also lists each page's files.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// adapter-node bundles the server, so routes and per-node imports are read from SvelteKit's own output.
const server = path.join(root, '.svelte-kit/output/server');
const viteManifest = path.join(root, '.svelte-kit/output/client/.vite/manifest.json');
const client = path.join(root, 'build/client');
const PAGES = ['/', '/network', '/training', '/progress', '/institutions/[id]'];
const CATALOGUE = 'virtual:puente-messages/';
const READER_LANGUAGE = 'en';

if (![path.join(server, 'manifest.js'), viteManifest, client].every(existsSync)) {
  console.error('No build found: run `npm run build -w @puente/dashboard` first.');
  process.exit(1);
}

// Read as text rather than imported: importing the manifest's nodes would start the server-side code.
const manifest = readFileSync(path.join(server, 'manifest.js'), 'utf8');
const listed = (source, name) => {
  const match = source.match(new RegExp(`${name}\\s*[:=]\\s*(\\[[^\\]]*\\])`));
  return match ? JSON.parse(match[1]) : [];
};
const entryImports = listed(manifest.match(/client:\s*\{(.*?)\},?\n/s)?.[1] ?? '', 'imports');

/** Page routes of the manifest: id (param matchers dropped, `[id=slug]` → `[id]`) → layout and leaf nodes. */
const pageRoutes = new Map(
  manifest
    .split(/\n\s*\{\s*\n\s*id: /)
    .slice(1)
    .flatMap((route) => {
      const id = route.match(/^"([^"]+)"/)?.[1];
      const page = route.match(/page: \{ layouts: \[([\d,]*)\][^}]*leaf: (\d+)/);
      if (!id || !page) return [];
      const nodes = [...page[1].split(',').filter(Boolean).map(Number), Number(page[2])];
      return [[id.replace(/\[(\w+)=\w+\]/g, '[$1]'), nodes]];
    }),
);

function nodesOf(id) {
  const nodes = pageRoutes.get(id);
  if (!nodes)
    throw new Error(`page ${id} not found in the server manifest (pages: ${[...pageRoutes.keys()]})`);
  return nodes;
}

function nodeFiles(index) {
  const source = readFileSync(path.join(server, 'nodes', `${index}.js`), 'utf8');
  return { js: listed(source, 'export const imports'), css: listed(source, 'export const stylesheets') };
}

// Vite's manifest: which chunk imports which, statically and with import().
const chunks = Object.values(JSON.parse(readFileSync(viteManifest, 'utf8')));
const byKey = JSON.parse(readFileSync(viteManifest, 'utf8'));
const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
const catalogues = new Map(
  Object.entries(byKey)
    .filter(([key]) => key.startsWith(CATALOGUE))
    .map(([key, chunk]) => [key.slice(CATALOGUE.length), chunk.file]),
);

/** A file with everything it imports statically. */
function withStaticImports(file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  for (const key of byFile.get(file)?.imports ?? []) withStaticImports(byKey[key].file, into);
  return into;
}

/** Chunks that `import()` can reach from the first-visit files, other pages and catalogues aside. */
function lazyChunks(files) {
  const lazy = new Set();
  for (const file of files) {
    for (const key of byFile.get(file)?.dynamicImports ?? []) {
      const chunk = byKey[key];
      if (chunk.src?.includes('/nodes/') || key.startsWith(CATALOGUE)) continue;
      for (const reached of withStaticImports(chunk.file)) if (!files.includes(reached)) lazy.add(reached);
    }
  }
  return [...lazy];
}

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const full = path.join(client, file);
    const raw = readFileSync(full);
    const gzip = existsSync(`${full}.gz`)
      ? readFileSync(`${full}.gz`).length
      : gzipSync(raw, { level: 9 }).length;
    sizes.set(file, { raw: raw.length, gzip });
  }
  return sizes.get(file);
}
const total = (files) =>
  files.reduce((sum, f) => ({ raw: sum.raw + size(f).raw, gzip: sum.gzip + size(f).gzip }), {
    raw: 0,
    gzip: 0,
  });
const kb = (bytes) => (bytes / 1000).toFixed(1);

const rows = PAGES.map((page) => {
  const nodes = nodesOf(page).map(nodeFiles);
  const language = catalogues.get(READER_LANGUAGE);
  const js = [...new Set([...entryImports, ...nodes.flatMap((n) => n.js), ...(language ? [language] : [])])];
  const css = [...new Set(nodes.flatMap((n) => n.css))];
  return { page, js, first: total(js), css: total(css), lazy: total(lazyChunks(js)) };
});

const header = ['page', 'files', 'JS kB', 'JS kB gzip', 'CSS kB gzip', 'later JS kB gzip'];
const table = rows.map((r) => [
  r.page,
  String(r.js.length),
  kb(r.first.raw),
  kb(r.first.gzip),
  kb(r.css.gzip),
  kb(r.lazy.gzip),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`JavaScript a first visit loads, per page (kB = 1000 bytes; messages in ${READER_LANGUAGE})\n`);
console.log(line(header));
for (const row of table) console.log(line(row));
if (catalogues.size > 0) {
  const each = [...catalogues].map(([lang, file]) => `${lang} ${kb(size(file).gzip)}`).join(', ');
  console.log(`\nMessage catalogues, kB gzip (one is loaded): ${each}`);
}

if (process.argv.includes('--files')) {
  for (const r of rows) {
    console.log(`\n${r.page}`);
    for (const f of r.js) console.log(`  ${kb(size(f).gzip).padStart(6)} kB gzip  ${f}`);
  }
}
