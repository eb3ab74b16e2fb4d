import { describe, expect, it } from 'vitest';
import {
  ASIDE_STATUSES,
  EARLY_STATUSES,
  IN_MOTION_STATUSES,
  isInMotion,
  isPartnershipStatus,
  isSetAside,
  isSlug,
  LOAD_ORDER,
  PARTNERSHIP_PHASES,
  PARTNERSHIP_STATUSES,
  partnershipsWith,
  PIPELINE_STATUSES,
  REFERENCED_TABLES,
  RELATIONS,
  TABLES,
} from './tables.js';

describe('partnership statuses', () => {
  it('lists the pipeline in order, then the statuses set aside', () => {
    expect(PIPELINE_STATUSES).toEqual(['proposed', 'negotiating', 'agreed', 'active', 'completed']);
    expect(ASIDE_STATUSES).toEqual(['paused', 'cancelled']);
    expect([...PIPELINE_STATUSES, ...ASIDE_STATUSES]).toEqual(PARTNERSHIP_STATUSES);
  });

  it('gives every status of the contract exactly one phase', () => {
    expect(Object.keys(PARTNERSHIP_PHASES).sort()).toEqual([...PARTNERSHIP_STATUSES].sort());
    const phases = [EARLY_STATUSES, IN_MOTION_STATUSES, ['completed'], ASIDE_STATUSES].flat();
    expect(phases.sort()).toEqual([...PARTNERSHIP_STATUSES].sort());
  });

  it('calls agreed and active "in motion", and nothing else', () => {
    expect(IN_MOTION_STATUSES).toEqual(['agreed', 'active']);
    expect(PARTNERSHIP_STATUSES.filter(isInMotion)).toEqual(['agreed', 'active']);
    expect(isInMotion('Active')).toBe(false);
    expect(isInMotion('unknown')).toBe(false);
  });

  it('sets paused and cancelled aside, and nothing else', () => {
    expect(PARTNERSHIP_STATUSES.filter(isSetAside)).toEqual(['paused', 'cancelled']);
    expect(isSetAside('stalled')).toBe(false);
  });

  it('recognises the contract’s statuses only', () => {
    expect(isPartnershipStatus('negotiating')).toBe(true);
    expect(isPartnershipStatus('on hold')).toBe(false);
    expect(isPartnershipStatus('')).toBe(false);
  });
});

describe('partnershipsWith(byStatus, statuses)', () => {
  it('adds up the counts of the statuses asked for, a missing one as zero', () => {
    const byStatus = { proposed: 3, negotiating: 2, agreed: 1, active: 4 };
    expect(partnershipsWith(byStatus, IN_MOTION_STATUSES)).toBe(5);
    expect(partnershipsWith(byStatus, EARLY_STATUSES)).toBe(5);
    expect(partnershipsWith(byStatus, ASIDE_STATUSES)).toBe(0);
  });
});

describe('isSlug(value)', () => {
  it('accepts lower-case letters, digits and hyphens', () => {
    for (const id of ['fue-cife', 'a', '0', 'hz-2024-exchange', '-']) expect(isSlug(id)).toBe(true);
  });

  it('refuses anything else, and the empty string', () => {
    for (const id of ['', 'Fue-CIFE', 'fue cife', 'fue_cife', 'café', 'a/b', '..', 'a\n']) {
      expect(isSlug(id)).toBe(false);
    }
  });
});

describe('RELATIONS', () => {
  it('reads every reference column of the contract', () => {
    expect(RELATIONS).toEqual([
      { from: 'partnerships', column: 'source', to: 'institutions', required: true },
      { from: 'partnerships', column: 'target', to: 'institutions', required: true },
      { from: 'training', column: 'institution', to: 'institutions', required: true },
      { from: 'training', column: 'partnership', to: 'partnerships', required: false },
      { from: 'milestones', column: 'partnership', to: 'partnerships', required: true },
    ]);
  });

  it('agrees with the columns it was read from', () => {
    for (const r of RELATIONS) {
      const column = TABLES[r.from].columns.find((c) => c.name === r.column);
      expect(column?.type).toBe('reference');
      expect(column?.references).toBe(r.to);
    }
  });

  it('only points backwards in the load order, so a load can write tables one after another', () => {
    for (const r of RELATIONS) expect(LOAD_ORDER.indexOf(r.to)).toBeLessThan(LOAD_ORDER.indexOf(r.from));
  });

  it('names the tables that are pointed at', () => {
    expect(REFERENCED_TABLES).toEqual(['institutions', 'partnerships']);
  });
});
