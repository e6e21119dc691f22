import { z } from 'zod';
import { amendmentSchema } from '../model/finding';
import { findingInputsSchema } from '../scheme/inputsSchema';
import { instantSchema } from '../time/instantSchema';
import { VOID_CODES } from './voidCodes';
import { hasControlCharacter } from './controlCharacters';

/**
 * Everything that happens to a finding is an immutable event, so sync is append-only and every device folds the same
 * events to the same review state (foldFinding). Ids are client-generated ULIDs; `at` is the device's clock when the
 * act happened, passed in (core never reads the clock). Events carry codes and the person's own words, never screen
 * text. One definition: the types are inferred from these schemas, which also check an event received over sync.
 */
const ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID (26 characters of Crockford base32)');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lower-case hex');
/** The person's own words: tabs and line breaks are fine; NUL and other control characters are refused, never stored. */
const words = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !hasControlCharacter(s, { text: true }), 'contains a control character (such as NUL), which is not stored');
/** An id or a code: no control characters at all. */
const ref = z
  .string()
  .min(1)
  .max(100)
  .refine((s) => !hasControlCharacter(s), 'contains a control character (such as NUL), which is not stored');

/**
 * A hand-over act's proof: the actor's Ed25519 signature over canonicalEvent(event) with a key the actor registered
 * for this device (docs/review.md, "Hand-over proof"); the server accepts no other act in another account's name.
 */
const handOverProofSchema = z
  .object({
    /** The key's id, as the server named it when the actor registered the key for this device. */
    keyId: ulid,
    /** Ed25519 signature of canonicalEvent(event), base64url without padding. */
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'an Ed25519 signature in base64url (86 characters)'),
  })
  .strict();

const base = {
  /** ULID generated on the device; the idempotency key of sync. */
  id: ulid,
  /** ISO 8601 instant of the act, with offset (the acting device's clock). */
  at: instantSchema,
  /** The signed-in account that acted. */
  actorId: ref,
  /** The device it was recorded on. */
  deviceId: ref,
  /** The finding the event is about. */
  findingId: ulid,
  /** Present when the actor is not the account that pushes the event: a chief acting under a hand-over. */
  proof: handOverProofSchema.optional(),
};

/** An inspector records what they saw. The finding's content never changes afterwards. */
export const findingRecordedSchema = z
  .object({
    ...base,
    type: z.literal('finding.recorded'),
    /** The scheme and the version the item is taken from. */
    schemeId: ref,
    schemeVersion: z.number().int().positive(),
    itemId: ref,
    /** When the act was observed (usually equal to `at`). */
    observedAt: instantSchema,
    /** Where and who: placement (model/placement.ts) resolves and checks staff -> window -> unit -> chief. */
    windowId: ref.optional(),
    staffId: ref.optional(),
    unitId: ref.optional(),
    /** What the item's rule asks for (scheme/ruleInputs.ts). */
    inputs: findingInputsSchema.optional(),
    /** The inspector's own words. */
    note: words(2000).optional(),
    /**
     * Where a ledger entry comes from, in the office's own words: the ledger page, the complaint or work-order number
     * (12345-2026-11-3017), the import file and row. An office's recording must carry it (access/officeRefusal.ts).
     */
    sourceRef: words(200).min(1).optional(),
    /** SHA-256 hex of each evidence photo (uploaded separately, content-addressed). */
    photos: z.array(sha256).max(20),
  })
  .strict();

/** The author withdraws their own finding (a mistake), before anyone else acted on it. */
export const findingVoidedSchema = z
  .object({
    ...base,
    type: z.literal('finding.voided'),
    /** Why, as a code (absent only in events recorded before codes existed, which carry `reason` alone). */
    code: z.enum(VOID_CODES).optional(),
    /** The author's own words, if they wrote any. */
    reason: words(2000).min(1).optional(),
  })
  .strict()
  .refine((e) => e.code !== undefined || e.reason !== undefined, { message: 'a void names its code (or, in older events, its reason)', path: ['code'] });

/** The chief signs the violation notice; one notice (noticeId) may cover several findings of one visit. */
export const findingAcknowledgedSchema = z
  .object({
    ...base,
    type: z.literal('finding.acknowledged'),
    /** Made on the device, shared by every finding signed on one visit. */
    noticeId: ref,
    /** The name written beside the signature (the signer's own words). */
    signerName: words(100).min(1),
    /** SHA-256 hex of the signature image (a photo, uploaded through the photo endpoint like evidence). */
    signature: sha256,
    /**
     * The roster id of the person who signed (the unit's chief, or the staff member), when picked from the roster: the
     * printed notice names their capacity (首席代表 / 工作人员). Optional, since on the inspector's tablet the signing
     * account is the inspector's and only this says who held the pen.
     */
    signerId: ref.optional(),
  })
  .strict();

/** The chief contests the finding with a reason and optional counter-evidence. */
export const findingContestedSchema = z
  .object({
    ...base,
    type: z.literal('finding.contested'),
    /** The chief's own words (required). */
    reason: words(2000).min(1),
    /** SHA-256 hex of each counter-evidence photo. */
    photos: z.array(sha256).max(20),
  })
  .strict();

/** The committee decides a contest. */
export const contestDecidedSchema = z
  .object({
    ...base,
    type: z.literal('contest.decided'),
    decision: z.enum(['uphold', 'overturn', 'amend']),
    /** The committee's own words (required). */
    reason: words(2000).min(1),
    /** For amend: another item and/or other inputs, checked against that item's rule. */
    amended: amendmentSchema.optional(),
  })
  .strict();

/** A committee member reopens a decided contest (the only way a decision can change). */
export const contestReopenedSchema = z
  .object({
    ...base,
    type: z.literal('contest.reopened'),
    /** The committee member's own words (required). */
    reason: words(2000).min(1),
  })
  .strict();

/** The follow-up (限期整改) was completed. */
export const findingRectifiedSchema = z
  .object({
    ...base,
    type: z.literal('finding.rectified'),
    /** What was done, in the person's own words. */
    note: words(2000).optional(),
  })
  .strict();

/** Any event of a finding. */
export const findingEventSchema = z.discriminatedUnion('type', [
  findingRecordedSchema,
  findingVoidedSchema,
  findingAcknowledgedSchema,
  findingContestedSchema,
  contestDecidedSchema,
  contestReopenedSchema,
  findingRectifiedSchema,
]);

export type FindingRecorded = z.infer<typeof findingRecordedSchema>;
export type FindingVoided = z.infer<typeof findingVoidedSchema>;
export type FindingAcknowledged = z.infer<typeof findingAcknowledgedSchema>;
export type FindingContested = z.infer<typeof findingContestedSchema>;
export type ContestDecided = z.infer<typeof contestDecidedSchema>;
export type ContestReopened = z.infer<typeof contestReopenedSchema>;
export type FindingRectified = z.infer<typeof findingRectifiedSchema>;
export type FindingEvent = z.infer<typeof findingEventSchema>;
export type FindingEventType = FindingEvent['type'];
export type HandOverProof = z.infer<typeof handOverProofSchema>;
/** Every event but the recording: the acts of review on a recorded finding. */
export type ReviewEvent = Exclude<FindingEvent, FindingRecorded>;
export type ReviewEventType = ReviewEvent['type'];

/** Every problem of an unknown value as an event, as "field: message", or the typed event. */
export function parseEvent(raw: unknown): { ok: true; event: FindingEvent } | { ok: false; reason: string } {
  const r = findingEventSchema.safeParse(raw);
  if (r.success) return { ok: true, event: r.data };
  const reason = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'event'}: ${i.message}`).join('; ');
  return { ok: false, reason: `malformed event: ${reason}` };
}
