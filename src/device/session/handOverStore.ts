import type { AccountSummary } from '../../core/access/account';
import type { PatrolDb } from '../patrolDb';
import { isAccountSummary, isLocalSecret } from '../rowChecks';
import type { HandOverRow } from '../rows';
import { checkSecret, makeSecret } from './localSecret';
import type { LocalSecret } from './localSecret';

/** A chief enrolled on this tablet for hand-over: signed in here once online (so the server accepts their acts from it) and chose a PIN. */
export interface EnrolledChief {
  account: AccountSummary;
  pin: LocalSecret;
}

/** The chiefs enrolled on this device (checked when read: a stored row is unknown data). */
export async function enrolledChiefs(db: PatrolDb): Promise<EnrolledChief[]> {
  const rows = (await db.handOver.toArray()) as unknown[];
  return rows.flatMap((r) => {
    const row = r as Partial<HandOverRow>;
    return isAccountSummary(row.account) && isLocalSecret(row.pin) ? [{ account: row.account, pin: row.pin }] : [];
  });
}

/** Enroll (or re-enroll) a chief with a new PIN; the PIN is kept only as a salted PBKDF2 verifier. */
export async function enrollChief(db: PatrolDb, account: AccountSummary, pin: string): Promise<void> {
  await db.handOver.put({ accountId: account.id, account, pin: await makeSecret(pin) });
}

/** The chief whose PIN this is, checked offline, or null. */
export async function unlockChief(db: PatrolDb, chiefId: string, pin: string): Promise<AccountSummary | null> {
  const c = (await enrolledChiefs(db)).find((x) => x.account.id === chiefId);
  return c && (await checkSecret(pin, c.pin)) ? c.account : null;
}

/** Remember a verifier of the signed-in account's password with its session, so the locked tablet unlocks offline. */
export async function rememberUnlock(db: PatrolDb, password: string): Promise<void> {
  const unlock = await makeSecret(password);
  await db.transaction('rw', db.session, async () => {
    const session = await db.session.get('session');
    if (session) await db.session.put({ ...session, unlock });
  });
}

/** Whether `password` unlocks the device's own session (false when no verifier was kept). */
export async function checkUnlock(db: PatrolDb, password: string): Promise<boolean> {
  const unlock: unknown = (await db.session.get('session'))?.unlock;
  return isLocalSecret(unlock) && checkSecret(password, unlock);
}
