import {
  INSTITUTION_TYPES,
  MILESTONE_KINDS,
  MILESTONE_STATUSES,
  PARTNERSHIP_AREAS,
  PARTNERSHIP_STATUSES,
  VALUE_SOURCES,
  type InstitutionType,
  type MilestoneKind,
  type MilestoneStatus,
  type PartnershipArea,
  type PartnershipStatus,
  type ValueSource,
} from '@puente/data/schema';
import type { MessageKey } from './messages/index.js';

/**
 * Message keys of the labels naming the CSV contract's enum values, derived from the contract's own unions. The
 * labels below format them as message keys, so a value added to the contract without a label in the catalogues fails
 * to compile.
 */
export type ContractLabelKey =
  | `type.${InstitutionType}`
  | `area.${PartnershipArea}`
  | `status.${PartnershipStatus}`
  | `milestoneKind.${MilestoneKind}`
  | `milestoneStatus.${MilestoneStatus}`
  | `source.${ValueSource}`;

/** The contract's enums the dashboard names, by the prefix of their labels' keys. */
export const CONTRACT_ENUMS = {
  type: INSTITUTION_TYPES,
  area: PARTNERSHIP_AREAS,
  status: PARTNERSHIP_STATUSES,
  milestoneKind: MILESTONE_KINDS,
  milestoneStatus: MILESTONE_STATUSES,
  source: VALUE_SOURCES,
} as const;

export type ContractEnum = keyof typeof CONTRACT_ENUMS;
export type ContractLabels = Record<ContractEnum, (value: string) => string>;

function isOneOf<V extends string>(values: readonly V[], value: string): value is V {
  return (values as readonly string[]).includes(value);
}

/**
 * Names of enum values in the reader's language. Charts and filter options carry these values as plain text, hence
 * `string`; a value outside the contract (a database loaded under a newer contract) is shown as it is.
 */
export function contractLabels(t: (key: MessageKey) => string): ContractLabels {
  const named =
    <V extends string>(values: readonly V[], key: (value: V) => ContractLabelKey) =>
    (value: string) =>
      isOneOf(values, value) ? t(key(value)) : value;
  return {
    type: named(INSTITUTION_TYPES, (v) => `type.${v}`),
    area: named(PARTNERSHIP_AREAS, (v) => `area.${v}`),
    status: named(PARTNERSHIP_STATUSES, (v) => `status.${v}`),
    milestoneKind: named(MILESTONE_KINDS, (v) => `milestoneKind.${v}`),
    milestoneStatus: named(MILESTONE_STATUSES, (v) => `milestoneStatus.${v}`),
    source: named(VALUE_SOURCES, (v) => `source.${v}`),
  };
}
