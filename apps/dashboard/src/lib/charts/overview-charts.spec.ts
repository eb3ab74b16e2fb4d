import { estimateTextWidth } from '@puente/charts';
import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n/translator';
import { funnelModel } from './overview-charts';

describe('funnelModel(funnel, tr, width)', () => {
  // The 20,000-institution programme's statuses: five-digit numbers beside every stage.
  const funnel = [
    { id: 'proposed', status: 'proposed' as const, count: 6062 },
    { id: 'negotiating', status: 'negotiating' as const, count: 3585 },
    { id: 'agreed', status: 'agreed' as const, count: 4543 },
    { id: 'active', status: 'active' as const, count: 8913 },
    { id: 'completed', status: 'completed' as const, count: 3886 },
    { id: 'paused', status: 'paused' as const, count: 1797 },
    { id: 'cancelled', status: 'cancelled' as const, count: 1214 },
  ];

  for (const locale of ['en', 'es', 'zh'] as const)
    it(`keeps every stage's numbers inside the chart at any size of programme (${locale})`, () => {
      const tr = translator(locale);
      for (const width of [340, 520]) {
        const model = funnelModel(funnel, tr, width);
        for (const stage of model.stages) {
          const text = tr.t('progress.funnel.value', { count: stage.count, reached: stage.reached });
          expect(model.valueX + estimateTextWidth(text, 11), `${width}: ${text}`).toBeLessThanOrEqual(width);
        }
      }
    });
});
