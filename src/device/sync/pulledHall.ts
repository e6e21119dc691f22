import { DEFAULT_REVIEW_SETTINGS } from '../../core/events/defaultReviewSettings';
import type { ReviewSettings } from '../../core/events/reviewSettings';
import type { AccountSummary } from '../../core/access/account';
import type { PatrolDb } from '../patrolDb';

/** What the last pulls brought besides events: the hall's accounts (names, roles) and review settings. */
export interface PulledHall {
  accounts: AccountSummary[];
  review: ReviewSettings;
}

const parse = (v: string | undefined): unknown => {
  if (v === undefined) return undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
};

/** Read the pulled accounts and review settings (checked: stored values may come from an older version). */
export async function readPulledHall(db: PatrolDb): Promise<PulledHall> {
  const [a, r] = await db.meta.bulkGet(['sync.accounts', 'sync.review']);
  const accounts = parse(a?.value);
  const review = parse(r?.value) as Partial<ReviewSettings> | undefined;
  const list = Array.isArray(accounts)
    ? accounts.filter((x): x is AccountSummary => typeof x === 'object' && x !== null && typeof (x as AccountSummary).id === 'string' && typeof (x as AccountSummary).name === 'string')
    : [];
  const settings: ReviewSettings = { ...DEFAULT_REVIEW_SETTINGS };
  if (review && typeof review === 'object') {
    if (typeof review.contestDays === 'number') settings.contestDays = review.contestDays;
    if (typeof review.decideDays === 'number') settings.decideDays = review.decideDays;
    if (typeof review.countPendingInProvisional === 'boolean') settings.countPendingInProvisional = review.countPendingInProvisional;
    if (typeof review.clockToleranceMinutes === 'number') settings.clockToleranceMinutes = review.clockToleranceMinutes;
    if (typeof review.offlineGraceHours === 'number') settings.offlineGraceHours = review.offlineGraceHours;
  }
  return { accounts: list, review: settings };
}
