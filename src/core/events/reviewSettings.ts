/**
 * A hall's rules for reviewing findings (docs/review.md). Stored on the server as config, edited by the admin, and
 * shipped to every device in pull, so the tablet refuses what the server would refuse.
 * No seed fixes these numbers (001 第十六条 only says the committee re-reviews), so the defaults are placeholders a
 * hall is expected to set.
 */
export interface ReviewSettings {
  /**
   * A finding may be contested through the end of the Nth calendar day after the day it was recorded, in the hall's
   * time zone (0: only on that day). Judged by the contest's own time (its `at`), so a contest made offline in time
   * stays in time however late it syncs.
   */
  contestDays: number;
  /**
   * The committee should decide through the end of the Mth calendar day after the day of the contest (or reopen).
   * Later decisions are accepted and shown as overdue.
   */
  decideDays: number;
  /** Whether provisional totals count points still pending a contest. Final results never count them. */
  countPendingInProvisional: boolean;
  /** How far (minutes) an event's time may be ahead of the checking clock before it is refused as a wrong clock. */
  clockToleranceMinutes: number;
}

/** The settings a hall has until its admin sets its own. */
export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  contestDays: 7,
  decideDays: 10,
  countPendingInProvisional: true,
  clockToleranceMinutes: 10,
};
