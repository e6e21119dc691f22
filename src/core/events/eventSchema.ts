import { z } from 'zod';
import type { FindingEvent } from './events';

/** Edge validation of an event received over sync or read back from storage: the shape of src/core/events/events.ts. */
const ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID (26 characters of Crockford base32)');
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO 8601 instant with offset, e.g. 2026-03-05T09:10:00+08:00');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lower-case hex');
const text = (max: number) => z.string().max(max);
const ref = z.string().min(1).max(100);

const inputs = z
  .object({
    amount: z.number().finite().optional(),
    level: z.string().max(100).optional(),
    quantity: z.number().finite().optional(),
    errors: z.number().finite().nonnegative().optional(),
    total: z.number().finite().nonnegative().optional(),
  })
  .strict();

const base = {
  id: ulid,
  at: instant,
  actorId: ref,
  deviceId: ref,
  findingId: ulid,
};

export const findingEventSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...base,
      type: z.literal('finding.recorded'),
      schemeId: ref,
      schemeVersion: z.number().int().positive(),
      itemId: ref,
      observedAt: instant,
      windowId: ref.optional(),
      staffId: ref.optional(),
      unitId: ref.optional(),
      inputs: inputs.optional(),
      note: text(2000).optional(),
      photos: z.array(sha256).max(20),
    })
    .strict(),
  z.object({ ...base, type: z.literal('finding.voided'), reason: text(2000).min(1) }).strict(),
  z
    .object({ ...base, type: z.literal('finding.acknowledged'), noticeId: ref, signerName: text(100).min(1), signature: sha256, signerId: ref.optional() })
    .strict(),
  z.object({ ...base, type: z.literal('finding.contested'), reason: text(2000).min(1), photos: z.array(sha256).max(20) }).strict(),
  z
    .object({
      ...base,
      type: z.literal('contest.decided'),
      decision: z.enum(['uphold', 'overturn', 'amend']),
      reason: text(2000).min(1),
      amended: z.object({ itemId: ref.optional(), inputs: inputs.optional() }).strict().optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('contest.reopened'), reason: text(2000).min(1) }).strict(),
  z.object({ ...base, type: z.literal('finding.rectified'), note: text(2000).optional() }).strict(),
]);

/** Every problem of an unknown value as an event, as "field: message", or the typed event. */
export function parseEvent(raw: unknown): { ok: true; event: FindingEvent } | { ok: false; reason: string } {
  const r = findingEventSchema.safeParse(raw);
  if (r.success) return { ok: true, event: r.data };
  const reason = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'event'}: ${i.message}`).join('; ');
  return { ok: false, reason: `malformed event: ${reason}` };
}

// Compile-time checks that the schema and the event types agree both ways: a drift fails the typecheck.
type Assert<T extends true> = T;
export type EventSchemaMatches = Assert<z.infer<typeof findingEventSchema> extends FindingEvent ? true : false>;
export type EventTypesMatch = Assert<FindingEvent extends z.infer<typeof findingEventSchema> ? true : false>;
