import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // A page's CSS is a few small files (7 kB at most, 1–2 kB compressed): inlined in the HTML, they stop blocking
    // the first paint behind another round trip each, which is what a phone on a slow network waits for.
    inlineStyleThreshold: 8 * 1024,
    // The app checks the origin of every cookie-borne write itself (src/lib/server/auth/handle.ts), for all content
    // types, and lets Bearer-token scripts through; SvelteKit's own check would refuse scripts, which send no Origin.
    csrf: { trustedOrigins: ['*'] },
  },
};
