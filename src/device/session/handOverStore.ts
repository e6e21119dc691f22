import type { AccountSummary } from '../../core/access/account';
import type { PatrolDb } from '../patrolDb';
import { isAccountSummary, isLocalSecret } from '../rowChecks';
import type { HandOverRow } from '../rows';
import { checkSecret, makeSecret } from './localSecret';
import type { LocalSecret } from './localSecret';
import { isSealedHandOverKey, unsealHandOverKey } from './handOverKey';
import type { EventSigner, SealedHandOverKey } from './handOverKey';

/**
 * A chief enrolled on this tablet for hand-over: signed in here once online, registered a hand-over key and chose a
 * PIN. `key` is absent for chiefs enrolled before hand-over keys: they must enroll again before acting.
 */
export interface EnrolledChief {
  account: AccountSummary;
  pin: LocalSecret;
  key?: SealedHandOverKey;
}

/** The chief acting in hand-over, with the signer that proves their acts to the server. */
export interface HandOverChief extends AccountSummary {
  sign: EventSigner;
}

/** The chiefs enrolled on this device (checked when read: a stored row is unknown data). */
export async function enrolledChiefs(db: PatrolDb): Promise<EnrolledChief[]> {
  const rows = (await db.handOver.toArray()) as unknown[];
  return rows.flatMap((r) => {
    const row = r as Partial<HandOverRow>;
    if (!isAccountSummary(row.account) || !isLocalSecret(row.pin)) return [];
    return [isSealedHandOverKey(row.key) ? { account: row.account, pin: row.pin, key: row.key } : { account: row.account, pin: row.pin }];
  });
}

/** Enroll (or re-enroll) a chief with a new PIN and their sealed hand-over key; the PIN is kept only as a salted PBKDF2 verifier. */
export async function enrollChief(db: PatrolDb, account: AccountSummary, pin: string, key: SealedHandOverKey): Promise<void> {
  await db.handOver.put({ accountId: account.id, account, pin: await makeSecret(pin), key });
}

/**
 * The chief whose PIN this is, checked offline, with their signer; null for a wrong PIN, 'enroll-again' for a chief
 * enrolled before hand-over keys (the server would refuse their acts).
 */
export async function unlockChief(db: PatrolDb, chiefId: string, pin: string): Promise<HandOverChief | 'enroll-again' | null> {
  const c = (await enrolledChiefs(db)).find((x) => x.account.id === chiefId);
  if (!c || !(await checkSecret(pin, c.pin))) return null;
  if (!c.key) return 'enroll-again';
  const sign = await unsealHandOverKey(c.key, pin);
  return sign ? { ...c.account, sign } : null;
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
