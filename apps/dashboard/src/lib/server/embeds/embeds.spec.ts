import type { RequestEvent } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@puente/data/store';
import { embedAncestors, framing } from './framing';
import { loadEmbedKey, signEmbed, verifyEmbed } from './signature';

// The key from the environment: no store is read (the stored key is tested in @puente/data).
beforeAll(async () => {
  await loadEmbedKey({} as Store, { PUENTE_EMBED_SECRET: 'a test secret, long enough to sign with' });
});

const query = (text: string) => new URLSearchParams(text);

async function signed(chart: 'network' | 'training', filters: string, version: number | null) {
  const sig = await signEmbed(chart, query(filters), version);
  const q = query(filters);
  if (version !== null) q.set('version', String(version));
  q.set('sig', sig);
  return q;
}

describe('embed signatures', () => {
  it('accepts the link as made, in any language and any order of its filters', async () => {
    const q = await signed('network', 'city=Hangzhou&city=Fuenlabrada&status=active', null);
    expect(await verifyEmbed('network', q)).toBeNull();
    q.set('lang', 'zh');
    expect(await verifyEmbed('network', q)).toBeNull();
    const reordered = query(`status=active&city=Fuenlabrada,Hangzhou&sig=${q.get('sig')}`);
    expect(await verifyEmbed('network', reordered)).toBeNull();
  });

  it('gives the pinned version of a pinned link', async () => {
    expect(await verifyEmbed('training', await signed('training', 'from=2020', 3))).toBe(3);
  });

  it('refuses a link widened, narrowed, moved, unpinned, repinned, tampered or unsigned', async () => {
    const base = await signed('network', 'city=Hangzhou&from=2020', 2);
    const variant = async (
      change: (q: URLSearchParams) => void,
      chart: 'network' | 'training' = 'network',
    ) => {
      const q = new URLSearchParams(base);
      change(q);
      return verifyEmbed(chart, q);
    };
    expect(await variant(() => {})).toBe(2);
    expect(await variant((q) => q.delete('city'))).toBeUndefined(); // widened to every city
    expect(await variant((q) => q.delete('from'))).toBeUndefined(); // widened to every year
    expect(await variant((q) => q.append('city', 'Madrid'))).toBeUndefined();
    expect(await variant((q) => q.set('status', 'active'))).toBeUndefined();
    expect(await variant(() => {}, 'training')).toBeUndefined(); // another chart
    expect(await variant((q) => q.delete('version'))).toBeUndefined(); // unpinned: would follow the data
    expect(await variant((q) => q.set('version', '3'))).toBeUndefined();
    expect(await variant((q) => q.set('version', '02'))).toBeUndefined();
    expect(await variant((q) => q.delete('sig'))).toBeUndefined();
    expect(await variant((q) => q.append('sig', q.get('sig')!))).toBeUndefined();
    const sig = base.get('sig')!;
    for (let i = 0; i < sig.length; i++) {
      // Every character matters, the last one's unused bits included.
      const other = sig[i] === 'A' ? 'B' : 'A';
      expect(await variant((q) => q.set('sig', sig.slice(0, i) + other + sig.slice(i + 1)))).toBeUndefined();
    }
    expect(await variant((q) => q.set('sig', sig.slice(1)))).toBeUndefined();
  });

  it('scopes an institution’s charts to that institution: moved to another, or unscoped, the link is refused', async () => {
    const sig = await signEmbed('institution-network', query('institution=cife'), 4);
    const link = (text: string) => query(`${text}&version=4&sig=${sig}`);
    expect(await verifyEmbed('institution-network', link('institution=cife&lang=zh'))).toBe(4);
    // Filters draw nothing different on an institution's charts: not part of them, not a way in either.
    expect(await verifyEmbed('institution-network', link('institution=cife&city=Hangzhou'))).toBe(4);
    expect(await verifyEmbed('institution-network', link('institution=hz-academy'))).toBeUndefined();
    // A second `institution` is ignored: the first is the one signed and the one drawn.
    expect(await verifyEmbed('institution-network', link('institution=cife&institution=hz'))).toBe(4);
    expect(await verifyEmbed('institution-network', link('city=Fuenlabrada'))).toBeUndefined();
    expect(await verifyEmbed('institution-training', link('institution=cife'))).toBeUndefined();
  });

  it('covers the timeline’s today: a pinned timeline can’t be moved to another day', async () => {
    const sig = await signEmbed('progress-timeline', query('asOf=2026-03-01&city=Hangzhou'), 2);
    const link = (text: string) => query(`${text}&version=2&sig=${sig}`);
    expect(await verifyEmbed('progress-timeline', link('city=Hangzhou&asOf=2026-03-01'))).toBe(2);
    expect(await verifyEmbed('progress-timeline', link('city=Hangzhou&asOf=2027-03-01'))).toBeUndefined();
    expect(await verifyEmbed('progress-timeline', link('city=Hangzhou'))).toBeUndefined();
  });

  it('covers a page chart’s options: redrawn another way, the link is refused', async () => {
    const sig = await signEmbed('network-full', query('city=Hangzhou&color=type&size=trained'), null);
    const link = (text: string) => query(`${text}&sig=${sig}`);
    expect(
      await verifyEmbed('network-full', link('size=trained&color=type&city=Hangzhou&lang=es')),
    ).toBeNull();
    // Options of another chart, and values no option has, are not part of this one: they draw the same.
    expect(
      await verifyEmbed('network-full', link('city=Hangzhou&color=type&size=trained&by=topic')),
    ).toBeNull();
    expect(
      await verifyEmbed('network-full', link('city=Hangzhou&color=type&size=trained&layout=x')),
    ).toBeNull();
    expect(await verifyEmbed('network-full', link('city=Hangzhou&color=city&size=trained'))).toBeUndefined();
    expect(await verifyEmbed('network-full', link('city=Hangzhou&color=type'))).toBeUndefined();
    expect(
      await verifyEmbed('network-full', link('city=Hangzhou&color=type&size=trained&layout=bridge')),
    ).toBeUndefined();
    expect(await verifyEmbed('network', link('city=Hangzhou&color=type&size=trained'))).toBeUndefined();
    const volume = await signEmbed('training-volume', query('by=institution'), 4);
    expect(await verifyEmbed('training-volume', query(`by=institution&version=4&sig=${volume}`))).toBe(4);
    expect(await verifyEmbed('training-volume', query(`version=4&sig=${volume}`))).toBeUndefined();
    expect(await verifyEmbed('training-volume', query(`by=topic&version=4&sig=${volume}`))).toBeUndefined();
  });

  it('signs with the key it was given: another key’s signature is refused', async () => {
    const q = await signed('network', '', null);
    expect(q.get('sig')).not.toBe('');
    const { createHmac } = await import('node:crypto');
    const forged = createHmac('sha256', 'another key')
      .update(['puente-embed-1', 'network', '', 'latest'].join('\n'))
      .digest('base64url');
    expect(await verifyEmbed('network', query(`sig=${forged}`))).toBeUndefined();
  });
});

describe('framing', () => {
  it('lets any https site frame embeds by default, or the origins listed', () => {
    expect(embedAncestors({})).toBe("'self' https:");
    expect(
      embedAncestors({ PUENTE_EMBED_ORIGINS: 'https://a.example.org, https://*.example.com:8443' }),
    ).toBe("'self' https://a.example.org https://*.example.com:8443");
  });

  it('refuses a list with something that is not an origin', () => {
    expect(() => embedAncestors({ PUENTE_EMBED_ORIGINS: "https://a.org 'unsafe-inline'" })).toThrow(
      /not an origin: 'unsafe-inline'/,
    );
    expect(() => embedAncestors({ PUENTE_EMBED_ORIGINS: 'https://a.org; script-src *' })).toThrow();
  });

  const run = async (route: string, type: string) => {
    const handle = framing({ PUENTE_EMBED_ORIGINS: 'https://host.example' });
    const response = await handle({
      event: { route: { id: route } } as RequestEvent,
      resolve: async () => new Response('x', { headers: { 'content-type': type } }),
    });
    return response.headers.get('content-security-policy');
  };

  it('sends frame-ancestors on HTML: the allowlist for embeds, none elsewhere', async () => {
    expect(await run('/embed/[chart]', 'text/html')).toBe("frame-ancestors 'self' https://host.example");
    expect(await run('/', 'text/html; charset=utf-8')).toBe("frame-ancestors 'none'");
    expect(await run('/report', 'text/html')).toBe("frame-ancestors 'none'");
    expect(await run('/api/charts/[file]', 'image/svg+xml')).toBeNull();
  });

  it("adds frame-ancestors to the page's own policy, keeping it whole", async () => {
    const handle = framing({});
    const response = await handle({
      event: { route: { id: '/network' } } as RequestEvent,
      resolve: async () =>
        new Response('x', {
          headers: { 'content-type': 'text/html', 'content-security-policy': "script-src 'self';" },
        }),
    });
    expect(response.headers.get('content-security-policy')).toBe("script-src 'self'; frame-ancestors 'none'");
  });
});
