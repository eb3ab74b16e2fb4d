import { describe, expect, it } from 'vitest';
import { fuenlabradaHangzhou, syntheticNetwork } from '../../test/fixtures.js';
import { networkScene } from './scene.js';
import { packScene, unpackScene } from './pack.js';

describe('packScene(scene) / unpackScene(packed)', () => {
  it('round-trips a scene exactly, through JSON', () => {
    for (const scene of [
      networkScene(fuenlabradaHangzhou, { width: 960, height: 600, colorBy: 'type' }),
      networkScene(
        {
          ...fuenlabradaHangzhou,
          nodes: fuenlabradaHangzhou.nodes.map((n) => ({ ...n, matched: n.city === 'Hangzhou' })),
        },
        { width: 960, height: 600, layout: 'bridge' },
      ),
      // Names shown untranslated keep their language; unknown ('') too.
      networkScene(
        {
          ...fuenlabradaHangzhou,
          nodes: fuenlabradaHangzhou.nodes.map((n, i) =>
            i === 0 ? { ...n, labelLang: 'es' } : i === 1 ? { ...n, labelLang: '' } : n,
          ),
        },
        { width: 960, height: 600 },
      ),
      networkScene(syntheticNetwork(500, 800, 12), { width: 960, height: 600 }),
    ]) {
      expect(unpackScene(JSON.parse(JSON.stringify(packScene(scene))))).toEqual(scene);
    }
  });

  it('is much smaller than the scene', () => {
    const scene = networkScene(syntheticNetwork(2000, 3000, 40), { width: 960, height: 600 });
    const packed = JSON.stringify(packScene(scene)).length;
    expect(packed).toBeLessThan(JSON.stringify(scene).length * 0.45);
  });
});
