import nodeAdapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { copyFileSync, writeFileSync } from 'node:fs';

/**
 * adapter-node, with Puente's entry in front of its server (server/index.js: headers on the built files it
 * serves). `node build` starts build/server.js, the `main` of build/package.json.
 * @param {string} out
 * @returns {import('@sveltejs/kit').Adapter}
 */
function adapter(out) {
  const node = nodeAdapter({ out });
  return {
    ...node,
    async adapt(builder) {
      await node.adapt(builder);
      copyFileSync(new URL('./server/index.js', import.meta.url), `${out}/server.js`);
      writeFileSync(`${out}/package.json`, JSON.stringify({ type: 'module', main: 'server.js' }) + '\n');
    },
  };
}

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter('build'),
    // A page's CSS is a few small files (7 kB at most, 1–2 kB compressed): inlined in the HTML, they stop blocking
    // the first paint behind another round trip each, which is what a phone on a slow network waits for.
    inlineStyleThreshold: 8 * 1024,
    // The app checks the origin of every cookie-borne write itself (src/lib/server/auth/handle.ts), for all content
    // types, and lets Bearer-token scripts through; SvelteKit's own check would refuse scripts, which send no Origin.
    csrf: { trustedOrigins: ['*'] },
    // Scripts only from this server, the inline bootstrap allowed by its hash (not a nonce: pages are kept and
    // served again, so the header must fit the bytes). Styles may be inline: Svelte and D3 write style
    // attributes, and a style cannot run code. Framing is set per route in src/lib/server/headers.ts.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'form-action': ['self'],
      },
    },
  },
};
