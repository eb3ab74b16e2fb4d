import { describe, expect, it } from 'vitest';
import type { MilestoneItem, PartnershipSummary } from '@puente/data/store';
import { attentionOrder } from './order';

const partnership = (id: string, status: string, extra: Partial<PartnershipSummary> = {}) =>
  ({
    id,
    source: 'a',
    target: 'b',
    area: 'other',
    status,
    title: id,
    started_on: null,
    sourceName: 'A',
    targetName: 'B',
    milestones: 0,
    milestonesDone: 0,
    milestonesPlanned: 0,
    milestonesMissed: 0,
    lastDone: null,
    nextPlanned: null,
    stalled: false,
    ...extra,
  }) as PartnershipSummary;
const milestone = (partnership: string, date: string, status: string) =>
  ({ id: `${partnership}-${date}`, partnership, date, title: '', kind: 'meeting', status }) as MilestoneItem;

describe('attentionOrder(partnerships, milestones, asOf, name)', () => {
  it('puts stalled first, then late, then the soonest next milestone, then the furthest along', () => {
    const list = [
      partnership('proposed-b', 'proposed'),
      partnership('active-soon', 'active', { nextPlanned: '2027-01-10' }),
      partnership('proposed-a', 'proposed'),
      partnership('active-later', 'active', { nextPlanned: '2027-03-17' }),
      partnership('late', 'agreed'),
      partnership('stalled', 'active', { stalled: true }),
      partnership('completed', 'completed'),
    ];
    const miles = [milestone('late', '2026-10-01', 'planned'), milestone('completed', '2026-10-01', 'done')];
    expect(attentionOrder(list, miles, '2026-11-25', (p) => p.id).map((p) => p.id)).toEqual([
      'stalled',
      'late',
      'active-soon',
      'active-later',
      'proposed-a',
      'proposed-b',
      'completed',
    ]);
  });
});
