import { z } from 'zod';
import { findingInputsSchema } from '../scheme/inputsSchema';
import { instantSchema } from '../time/instantSchema';

/**
 * Review state after folding a finding's events (src/core/events).
 * recorded/acknowledged/upheld/amended count; contested is pending; overturned/voided count for nothing.
 */
export const reviewStateSchema = z.enum(['recorded', 'acknowledged', 'contested', 'upheld', 'amended', 'overturned', 'voided']);
export type ReviewState = z.infer<typeof reviewStateSchema>;

/** A committee amendment: another item and/or other inputs replace the original. */
export const amendmentSchema = z.object({ itemId: z.string().min(1).max(100).optional(), inputs: findingInputsSchema.optional() }).strict();
export type Amendment = z.infer<typeof amendmentSchema>;

/** One observed act against one item, with its review state: what the engine scores. */
export const findingSchema = z
  .object({
    id: z.string().min(1),
    itemId: z.string().min(1),
    /** When the act was observed (ISO 8601 with offset or Z). */
    at: instantSchema,
    /** Who and where. The item's subject decides who is charged; placement derives window -> unit -> chief. */
    staffId: z.string().optional(),
    windowId: z.string().optional(),
    unitId: z.string().optional(),
    inputs: findingInputsSchema.optional(),
    state: reviewStateSchema,
    amended: amendmentSchema.optional(),
    /** When the follow-up (限期整改) was completed; absent = not yet. */
    rectifiedAt: instantSchema.optional(),
  })
  .strict();
export type Finding = z.infer<typeof findingSchema>;

export const findingsSchema = z.array(findingSchema);
