import type { PeriodKind, SubjectKind } from '../scheme/schemeSchema';

/** The hall's people and places, as the engine needs them. */
export interface Roster {
  hall: { id: string; name: string; timeZone: string };
  units: { id: string; name: string }[];
  windows: { id: string; number: string; name?: string; unitId: string }[];
  staff: { id: string; name: string; unitId: string; windowId?: string }[];
  /** 首席代表: one per unit. */
  chiefs: { id: string; name: string; unitId: string }[];
}

/** What the inspector entered for the item's rule. Only the fields the rule asks for are read. */
export interface FindingInputs {
  /** range rule: the amount chosen within [min, max]. */
  amount?: number;
  /** levels rule: the level id. */
  level?: string;
  /** tiers / perUnit / allowance / ratio (percent) / score: the measured quantity. */
  quantity?: number;
  /** errorRate: errors found and work done in the period. */
  errors?: number;
  total?: number;
}

/**
 * Review state after folding a finding's events (src/core/events).
 * recorded/acknowledged/upheld/amended count; contested is pending; overturned/voided count for nothing.
 */
export type ReviewState = 'recorded' | 'acknowledged' | 'contested' | 'upheld' | 'amended' | 'overturned' | 'voided';

/** One observed act against one item, with its review state. */
export interface Finding {
  id: string;
  itemId: string;
  /** ISO 8601 instant with offset or Z: when the act was observed. */
  at: string;
  /** Who and where. The item's subject decides who is charged; the engine derives window -> unit -> chief. */
  staffId?: string;
  windowId?: string;
  unitId?: string;
  inputs?: FindingInputs;
  state: ReviewState;
  /** A committee amendment: another item and/or other inputs replace the original. */
  amended?: { itemId?: string; inputs?: FindingInputs };
  /** When the follow-up (限期整改) was completed; absent = not yet. */
  rectifiedAt?: string;
}

/** A period in the hall's time zone: 2026-03, 2026-Q1, 2026. */
export interface PeriodRef {
  kind: PeriodKind;
  year: number;
  /** 1-12 for a month, 1-4 for a quarter, absent for a year. */
  index?: number;
}

export interface ScoreOptions {
  /** Whether contested (pending) findings count in the totals: provisional views may, final results never do. */
  countPending: boolean;
  /** The moment results are computed for (ISO): follow-up deadlines after it are not yet due. */
  asOf?: string;
}

export type { SubjectKind };
