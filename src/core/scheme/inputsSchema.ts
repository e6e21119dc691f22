import { z } from 'zod';

/** What was entered for the item's rule. Only the fields the rule asks for are read (scheme/ruleInputs.ts). */
export const findingInputsSchema = z
  .object({
    /** range rule: the amount chosen within [min, max]. */
    amount: z.number().finite().optional(),
    /** levels rule: the level id. */
    level: z.string().max(100).optional(),
    /** tiers / perUnit / allowance / ratio (percent) / score: the measured quantity. */
    quantity: z.number().finite().optional(),
    /** errorRate: errors found in the period. */
    errors: z.number().finite().nonnegative().optional(),
    /** errorRate: work done in the period. */
    total: z.number().finite().nonnegative().optional(),
  })
  .strict();

export type FindingInputs = z.infer<typeof findingInputsSchema>;
