/**
 * The order of partnerships on the /progress page: what needs attention first. Stalled ones, then those with a
 * planned milestone past its date, then by the next planned milestone (soonest first), then by how far they have
 * come (active before agreed before …), then by name.
 */
import type { MilestoneItem, PartnershipSummary } from '@puente/data/store';

const STATUS_RANK: Record<string, number> = {
  active: 0,
  agreed: 1,
  negotiating: 2,
  proposed: 3,
  completed: 4,
  paused: 5,
  cancelled: 6,
};

export function attentionOrder<P extends PartnershipSummary>(
  partnerships: readonly P[],
  milestones: readonly MilestoneItem[],
  asOf: string,
  name: (p: P) => string,
): P[] {
  const late = new Set(
    milestones.filter((m) => m.status === 'planned' && m.date < asOf).map((m) => m.partnership),
  );
  const rank = (p: P) => [
    p.stalled ? 0 : 1,
    late.has(p.id) ? 0 : 1,
    p.nextPlanned ?? '9999-12-31',
    STATUS_RANK[p.status] ?? 9,
    name(p),
  ];
  return [...partnerships].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) {
      const [x, y] = [ra[i]!, rb[i]!];
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
}
