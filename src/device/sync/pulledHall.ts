import './zodWithoutEval';
import { accountSummarySchema } from '../../core/access/account';
import type { AccountSummary } from '../../core/access/account';
import { DEFAULT_REVIEW_SETTINGS } from '../../core/events/defaultReviewSettings';
import { reviewSettingsSchema } from '../../core/events/reviewSettings';
import type { ReviewSettings } from '../../core/events/reviewSettings';
import { hallSetupSchema } from '../../core/model/hallSetup';
import type { HallSetup } from '../../core/model/hallSetup';
import { schemeFromData } from '../../core/scheme/parseScheme';
import type { Scheme } from '../../core/scheme/parseScheme';
import type { PatrolDb } from '../patrolDb';

/**
 * What the pulls brought besides events, read back and checked with the core's own schemas (a stored row is unknown
 * data: it may come from an older version). Loaded on demand, with the validation it needs, after the first screen.
 */
export interface PulledHall {
  /** The hall's accounts (names, roles, a chief's units and windows). */
  accounts: AccountSummary[];
  /** The hall's review settings (the defaults until a pull brought them). */
  review: ReviewSettings;
}

/** The pulled accounts and review settings; a row that does not check is left out (and the defaults stand). */
export async function readPulledHall(db: PatrolDb): Promise<PulledHall> {
  const [accounts, review] = await Promise.all([db.accounts.toArray(), db.reviewSettings.get('review')]);
  const settings = reviewSettingsSchema.safeParse(review?.settings);
  const checked = (accounts as unknown[]).flatMap((a) => {
    const r = accountSummarySchema.safeParse(a);
    return r.success ? [r.data] : [];
  });
  return { accounts: checked, review: settings.success ? settings.data : DEFAULT_REVIEW_SETTINGS };
}

/** The pulled hall (roster, layout, schemes in force) and every pulled scheme version that checks, or null before the first pull. */
export async function readPulledSetup(db: PatrolDb): Promise<{ setup: HallSetup; schemes: Scheme[] } | null> {
  const [row, schemes] = await Promise.all([db.hall.get('hall'), db.schemes.toArray()]);
  const setup = hallSetupSchema.safeParse(row?.setup);
  if (!setup.success) return null;
  const checked = schemes.flatMap((s) => {
    const r = schemeFromData(s.data, `pulled scheme ${s.id}@${s.version}`);
    return r.ok && r.scheme.id === s.id && r.scheme.version === s.version ? [r.scheme] : [];
  });
  return { setup: setup.data, schemes: checked };
}
