import { z } from 'zod';

/**
 * A hall's rules for reviewing findings (docs/review.md). Stored on the server as config, edited by the admin, and
 * shipped to every device in pull, so the tablet refuses what the server would refuse. One definition for the type
 * and for validation (the admin's PUT, a pull, an IndexedDB read); the bounds keep a typo from locking review.
 * No seed fixes these numbers (001 第十六条 only says the committee re-reviews), so the defaults are placeholders a
 * hall is expected to set.
 */
export const reviewSettingsSchema = z
  .object({
    /**
     * A finding may be contested through the end of the Nth calendar day after the day it was recorded, in the hall's
     * time zone (0: only on that day). Judged by the contest's own time (its `at`), so a contest made offline in time
     * stays in time however late it syncs.
     */
    contestDays: z.number().int('whole days').min(0).max(365),
    /**
     * The committee should decide through the end of the Mth calendar day after the day of the contest (or reopen).
     * Later decisions are accepted and shown as overdue.
     */
    decideDays: z.number().int('whole days').min(0).max(365),
    /** Whether provisional totals count points still pending a contest. Final results never count them. */
    countPendingInProvisional: z.boolean(),
    /** How far (minutes) an event's time may be ahead of the checking clock before it is refused as a wrong clock. */
    clockToleranceMinutes: z.number().int('whole minutes').min(0).max(24 * 60),
    /**
     * A contest must reach the server at most this many hours after the contest period ended (judged by the server's
     * clock at arrival, which no device can set): a tablet offline over the deadline has this long to sync, and a
     * tablet whose clock was set back gains at most this much (docs/review.md, "Which clock"). Absent in settings
     * stored before it existed: 48.
     */
    offlineGraceHours: z.number().int('whole hours').min(0).max(10 * 366 * 24).default(48),
  })
  .strict();

export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;
