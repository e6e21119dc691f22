import { z } from 'zod';
import type { ReviewSettings } from './reviewSettings';

/** Edge validation of a hall's review settings, from the admin's PUT or a pull. Bounds keep a typo from locking review. */
export const reviewSettingsSchema = z
  .object({
    contestDays: z.number().int('whole days').min(0).max(365),
    decideDays: z.number().int('whole days').min(0).max(365),
    countPendingInProvisional: z.boolean(),
    clockToleranceMinutes: z.number().int('whole minutes').min(0).max(24 * 60),
  })
  .strict();

type Assert<T extends true> = T;
export type ReviewSettingsSchemaMatches = Assert<z.infer<typeof reviewSettingsSchema> extends ReviewSettings ? true : false>;
export type ReviewSettingsTypeMatches = Assert<ReviewSettings extends z.infer<typeof reviewSettingsSchema> ? true : false>;
