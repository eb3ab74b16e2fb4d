/**
 * How partnerships are drawn: a dash pattern, grey and opacity per status, the same in the SVG, the canvas,
 * the legend and exported files.
 */
import { PARTNERSHIP_STATUSES, type PartnershipStatus } from '@puente/data/schema';
import { clamp, round2 } from '../number.js';
import type { StatusStyle } from './types.js';

/** Pipeline order of partnership statuses (the contract's); paused and cancelled sit aside, at the end. */
export const PARTNERSHIP_STATUS_ORDER: readonly PartnershipStatus[] = PARTNERSHIP_STATUSES;

/**
 * Dash pattern by status: not yet agreed is dashed, agreed/active solid (active darker), completed
 * solid but lighter, paused dotted, cancelled faint. Patterns differ in shape, not only in grey, so
 * they read without colour.
 */
export const PARTNERSHIP_STATUS_STYLES: Readonly<Record<PartnershipStatus, StatusStyle>> = {
  proposed: { dash: [4, 3], linecap: 'butt', stroke: '#6b7280', opacity: 0.9 },
  negotiating: { dash: [6, 2, 1.5, 2], linecap: 'butt', stroke: '#6b7280', opacity: 0.9 },
  agreed: { dash: null, linecap: 'butt', stroke: '#4b5563', opacity: 0.9 },
  active: { dash: null, linecap: 'butt', stroke: '#1f2937', opacity: 0.9 },
  completed: { dash: null, linecap: 'butt', stroke: '#9ca3af', opacity: 0.8 },
  paused: { dash: [0.1, 3], linecap: 'round', stroke: '#4b5563', opacity: 0.9 },
  cancelled: { dash: [1, 4], linecap: 'butt', stroke: '#d1d5db', opacity: 0.6 },
};
const UNKNOWN_STATUS_STYLE: StatusStyle = { dash: null, linecap: 'butt', stroke: '#6b7280', opacity: 0.9 };

/** How a status is drawn; a status outside the contract (from an older file, say) gets a plain grey line. */
export function statusStyle(status: PartnershipStatus): StatusStyle {
  return PARTNERSHIP_STATUS_STYLES[status] ?? UNKNOWN_STATUS_STYLE;
}

/** The `stroke-dasharray` of a status at a given stroke width (patterns grow with the line). */
export function statusDash(status: PartnershipStatus, width: number): string | null {
  const { dash } = statusStyle(status);
  if (!dash) return null;
  const unit = Math.max(1, width);
  return dash.map((d) => round2(d * unit)).join(' ');
}

/** How much links are faded in a graph of this many links, so a large graph doesn't turn into a dark mat. */
export function linkFade(linkCount: number): number {
  return clamp(Math.sqrt(200 / Math.max(1, linkCount)), 0.35, 1);
}
