import type { FindingInputs } from '../model/finding';

/**
 * Everything that happens to a finding is an immutable event, so sync is append-only and every device folds the same
 * events to the same review state (foldFinding). Ids are client-generated ULIDs; `at` is the device's clock when
 * the act happened, passed in (core never reads the clock).
 */
interface EventBase {
  /** ULID generated on the device; the idempotency key of sync. */
  id: string;
  /** ISO 8601 instant of the act, with offset. */
  at: string;
  /** The signed-in account that acted. */
  actorId: string;
  /** The device it was recorded on. */
  deviceId: string;
  /** The finding the event is about. */
  findingId: string;
}

/** An inspector records what they saw. The finding's content never changes afterwards. */
export interface FindingRecorded extends EventBase {
  type: 'finding.recorded';
  schemeId: string;
  schemeVersion: number;
  itemId: string;
  /** When the act was observed (usually equal to `at`). */
  observedAt: string;
  windowId?: string;
  staffId?: string;
  unitId?: string;
  inputs?: FindingInputs;
  note?: string;
  /** SHA-256 hex of each evidence photo (uploaded separately, content-addressed). */
  photos: string[];
}

/** The author withdraws their own finding (a mistake), before any decision. */
export interface FindingVoided extends EventBase {
  type: 'finding.voided';
  reason: string;
}

/** The chief signs the violation notice; one notice (noticeId) may cover several findings of one visit. */
export interface FindingAcknowledged extends EventBase {
  type: 'finding.acknowledged';
  noticeId: string;
  signerName: string;
  /** SHA-256 hex of the signature image (a photo, uploaded through the photo endpoint like evidence). */
  signature: string;
  /**
   * The roster id of the person who signed (the unit's chief, or the staff member), when picked from the roster: the
   * printed notice names their capacity (首席代表 / 工作人员). Optional, since on the inspector's tablet the signing
   * account is the inspector's and only this says who held the pen.
   */
  signerId?: string;
}

/** The chief contests the finding with a reason and optional counter-evidence. */
export interface FindingContested extends EventBase {
  type: 'finding.contested';
  reason: string;
  photos: string[];
}

/** The committee decides a contest. */
export interface ContestDecided extends EventBase {
  type: 'contest.decided';
  decision: 'uphold' | 'overturn' | 'amend';
  reason: string;
  /** For amend: another item and/or other inputs (within the item's range). */
  amended?: { itemId?: string; inputs?: FindingInputs };
}

/** A committee member reopens a decided contest (the only way a decision can change). */
export interface ContestReopened extends EventBase {
  type: 'contest.reopened';
  reason: string;
}

/** The follow-up (限期整改) was completed. */
export interface FindingRectified extends EventBase {
  type: 'finding.rectified';
  note?: string;
}

export type FindingEvent =
  | FindingRecorded
  | FindingVoided
  | FindingAcknowledged
  | FindingContested
  | ContestDecided
  | ContestReopened
  | FindingRectified;

export type FindingEventType = FindingEvent['type'];
