import type { ReviewSettings } from './reviewSettings';

/** The settings a hall has until its admin sets its own. */
export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  contestDays: 7,
  decideDays: 10,
  countPendingInProvisional: true,
  clockToleranceMinutes: 10,
  offlineGraceHours: 48,
};
