import type { AccountSummary } from '../../core/access/account';
import type { PatrolDb } from '../patrolDb';
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

const CHIEFS = 'handover.chiefs';
const UNLOCK = 'session.unlock';

function isSecret(v: unknown): v is LocalSecret {
  const s = v as LocalSecret;
  return typeof v === 'object' && v !== null && typeof s.salt === 'string' && typeof s.hash === 'string' && typeof s.iterations === 'number';
}

/** The chiefs enrolled on this device (checked: a stored value is unknown data). */
export async function enrolledChiefs(db: PatrolDb): Promise<EnrolledChief[]> {
  const v = (await db.meta.get(CHIEFS))?.value;
  let list: unknown = [];
  try {
    list = v ? (JSON.parse(v) as unknown) : [];
  } catch {
    list = [];
  }
  if (!Array.isArray(list)) return [];
  return list
    .filter((c): c is EnrolledChief => typeof c === 'object' && c !== null && isSecret((c as EnrolledChief).pin) && typeof (c as EnrolledChief).account?.id === 'string')
    .map((c) => (c.key === undefined || isSealedHandOverKey(c.key) ? c : { account: c.account, pin: c.pin }));
}

/** Enroll (or re-enroll) a chief with a new PIN and their sealed hand-over key; the PIN is kept only as a salted PBKDF2 verifier. */
export async function enrollChief(db: PatrolDb, account: AccountSummary, pin: string, key: SealedHandOverKey): Promise<void> {
  const secret = await makeSecret(pin);
  const others = (await enrolledChiefs(db)).filter((c) => c.account.id !== account.id);
  await db.meta.put({ key: CHIEFS, value: JSON.stringify([...others, { account, pin: secret, key }]) });
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

/** Remember a verifier of the signed-in account's password, so the locked session can be unlocked offline. */
export async function rememberUnlock(db: PatrolDb, password: string): Promise<void> {
  await db.meta.put({ key: UNLOCK, value: JSON.stringify(await makeSecret(password)) });
}

/** Whether `password` unlocks the device's own session (false when no verifier was kept). */
export async function checkUnlock(db: PatrolDb, password: string): Promise<boolean> {
  const v = (await db.meta.get(UNLOCK))?.value;
  if (!v) return false;
  let s: unknown;
  try {
    s = JSON.parse(v) as unknown;
  } catch {
    return false;
  }
  return isSecret(s) && checkSecret(password, s);
}
