import { describe, expect, it } from 'vitest';
import { richMessage } from './rich.js';
import { translator } from './translator.js';

describe('richMessage(tr, key, values, texts)', () => {
  it('keeps a name in another language apart, with its lang, wherever the translation puts it', () => {
    // Chinese puts the name first, English too, Spanish after its verb: the name is found in each.
    const spanish = { text: 'Ayuntamiento de Fuenlabrada', lang: 'es' };
    for (const locale of ['en', 'es', 'zh'] as const) {
      const run = richMessage(translator(locale), 'summary.connected', { count: 3 }, { name: [spanish] });
      const names = run.filter((piece) => typeof piece !== 'string');
      expect(names, locale).toEqual([spanish]);
      expect(run.join('')).not.toMatch(/[\uE000\uE001]/);
      expect(run.map((p) => (typeof p === 'string' ? p : p.text)).join(''), locale).toContain('3');
    }
  });

  it('gives plain text for names in the page language, joined with the sentence around them', () => {
    const run = richMessage(
      translator('en'),
      'summary.connected',
      { count: 2 },
      { name: [{ text: 'CIFE' }] },
    );
    expect(run).toEqual([translator('en').t('summary.connected', { name: 'CIFE', count: 2 })]);
  });

  it('keeps every name of a run, separators as plain text', () => {
    const run = richMessage(
      translator('zh'),
      'summary.stalled',
      { count: 2 },
      { names: [{ text: 'A', lang: 'es' }, ' – ', { text: 'B' }, '; ', { text: 'C', lang: '' }] },
    );
    const flat = run.map((p) => (typeof p === 'string' ? p : p.text)).join('');
    expect(flat).toBe(translator('zh').t('summary.stalled', { count: 2, names: 'A – B; C' }));
    expect(run.filter((p) => typeof p !== 'string')).toEqual([
      { text: 'A', lang: 'es' },
      { text: 'C', lang: '' },
    ]);
  });

  it('sets a Chinese name into a Chinese sentence without a space, a Latin one with it, each keeping its lang', () => {
    const zh = translator('zh');
    const flat = (run: ReturnType<typeof richMessage>) =>
      run.map((p) => (typeof p === 'string' ? p : p.text)).join('');
    // In the page's language: plain text, joined.
    expect(
      flat(richMessage(zh, 'summary.connected', { count: 3 }, { name: [{ text: '杭州市商务局' }] })),
    ).toMatch(/^杭州市商务局是合作关系最多的机构/);
    // Chinese with a lang of its own (a fallback marked as such): still no space, still marked.
    const marked = richMessage(
      zh,
      'summary.connected',
      { count: 3 },
      { name: [{ text: '杭州学院', lang: '' }] },
    );
    expect(marked[0]).toEqual({ text: '杭州学院', lang: '' });
    expect(marked[1]).toMatch(/^是/);
    // A Spanish name keeps the space that sets it apart from the Chinese.
    const spanish = richMessage(
      zh,
      'summary.connected',
      { count: 3 },
      { name: [{ text: 'CIFE', lang: 'es' }] },
    );
    expect(spanish[0]).toEqual({ text: 'CIFE', lang: 'es' });
    expect(spanish[1]).toMatch(/^ 是/);
    // The plain translator does the same for names it is given as text.
    expect(zh.t('summary.connected', { name: '杭州市商务局', count: 3 })).toMatch(/^杭州市商务局是/);
    expect(zh.t('summary.connected', { name: 'CIFE', count: 3 })).toMatch(/^CIFE 是/);
    // Other languages keep their spaces whatever the script of the name.
    expect(translator('en').t('summary.connected', { name: '杭州市商务局', count: 3 })).toMatch(
      /^杭州市商务局 is/,
    );
  });

  it('never turns a name into markup', () => {
    const hostile = { text: '<img src=x onerror=alert(1)>', lang: 'es' };
    const run = richMessage(translator('en'), 'summary.connected', { count: 1 }, { name: [hostile] });
    expect(run).toContainEqual(hostile);
  });
});
