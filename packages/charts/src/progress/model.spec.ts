import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { partnershipStatuses } from '../../test/fixtures.js';
import { progressModel } from './model.js';
import ProgressFunnel from './ProgressFunnel.svelte';

const size = { width: 600, height: 320 };

describe('progressModel(records, options)', () => {
  const model = progressModel(partnershipStatuses, size);

  it('counts partnerships at each stage and those that reached it, in pipeline order', () => {
    expect(model.stages.map((s) => [s.key, s.count, s.reached])).toEqual([
      ['proposed', 3, 12],
      ['negotiating', 2, 9],
      ['agreed', 1, 7],
      ['active', 4, 6],
      ['completed', 2, 2],
    ]);
    expect(model.stages.map((s) => s.conversion)).toEqual([null, 0.75, 0.78, 0.86, 0.33]);
    expect(model.summary).toEqual({ partnerships: 14, inPipeline: 12, aside: 2, completed: 2 });
  });

  it('narrows like a funnel: outlines shrink, each core fits in its outline, all centred', () => {
    for (let i = 1; i < model.stages.length; i++) {
      expect(model.stages[i]!.reachedWidth).toBeLessThanOrEqual(model.stages[i - 1]!.reachedWidth);
    }
    for (const s of model.stages) {
      expect(s.countWidth).toBeLessThanOrEqual(s.reachedWidth);
      expect(s.reachedX + s.reachedWidth / 2).toBeCloseTo(model.centreX, 1);
      expect(s.countX + s.countWidth / 2).toBeCloseTo(model.centreX, 1);
    }
  });

  it('sets paused, cancelled and unknown statuses aside, below a divider', () => {
    const withUnknown = progressModel([...partnershipStatuses, { id: 'x', status: 'on hold' }], size);
    expect(withUnknown.aside.map((a) => [a.key, a.count])).toEqual([
      ['paused', 1],
      ['cancelled', 1],
      ['on hold', 1],
    ]);
    const last = withUnknown.stages.at(-1)!;
    expect(withUnknown.dividerY).toBeGreaterThan(last.y + last.height);
    expect(withUnknown.dividerY).toBeLessThan(withUnknown.aside[0]!.y);
    expect(withUnknown.aside.at(-1)!.y + withUnknown.aside.at(-1)!.height).toBeLessThanOrEqual(size.height);
  });

  it('takes counts already summed', () => {
    const summed = progressModel(
      [
        { id: 'proposed', status: 'proposed', count: 3 },
        { id: 'negotiating', status: 'negotiating', count: 2 },
        { id: 'agreed', status: 'agreed', count: 1 },
        { id: 'active', status: 'active', count: 4 },
        { id: 'completed', status: 'completed', count: 2 },
        { id: 'paused', status: 'paused', count: 1 },
        { id: 'cancelled', status: 'cancelled', count: 1 },
      ],
      size,
    );
    expect(summed).toEqual(progressModel(partnershipStatuses, size));
  });

  it('counts a repeated id once, and handles no partnerships', () => {
    expect(progressModel([...partnershipStatuses, partnershipStatuses[0]!], size).summary.partnerships).toBe(
      14,
    );
    const empty = progressModel([], size);
    expect(empty.stages.every((s) => s.count === 0 && s.reachedWidth === 0)).toBe(true);
    expect(empty.aside).toEqual([]);
    expect(empty.dividerY).toBeNull();
  });
});

describe('ProgressFunnel (server-rendered)', () => {
  const model = progressModel(partnershipStatuses, size);

  it('matches the stored SVG snapshot', async () => {
    const html = render(ProgressFunnel, {
      props: { model, title: 'How far partnerships have come', caption: 'Source: Puente sample programme' },
    }).body;
    await expect(html).toMatchFileSnapshot('./__snapshots__/progress-funnel.svg');
  });

  it('is an accessible image whose description gives the numbers', () => {
    const html = render(ProgressFunnel, {
      props: { model, title: 'Progress', statusLabel: (s: string) => (s === 'active' ? 'activa' : s) },
    }).body;
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('14 partnerships: 12 reached proposed');
    expect(html).toContain('6 reached activa');
    expect(html).toContain('data-stage="cancelled"');
  });
});

describe('progressModel options', () => {
  it('widens the name and number columns for long localised texts', () => {
    const wide = progressModel(partnershipStatuses, { ...size, labelWidth: 140, valueWidth: 180 });
    expect(wide.labelX).toBe(130);
    expect(wide.valueX).toBeGreaterThan(wide.labelX);
    expect(wide.valueX).toBeLessThanOrEqual(size.width - 180 + 10);
    expect(wide.legend[0]!.x).toBe(140);
  });

  it('writes each stage’s numbers as data attributes', () => {
    const html = render(ProgressFunnel, {
      props: { model: progressModel(partnershipStatuses, size), title: 't' },
    }).body;
    expect(html).toContain('data-stage="proposed" data-count="3" data-reached="12"');
    expect(html).toContain('data-stage="paused" data-count="1"');
  });
});
