import type { AccountSummary } from '../core/access/account';
import { ROLES } from '../core/access/roles';
import type { LocalSecret } from './session/localSecret';

/**
 * Checks of rows read back from IndexedDB, for what the first screen reads before anything else loads (the session,
 * the device): an older version or a damaged store may hold anything. Written by hand because the tablet's first
 * load carries no validation library; the pulled hall is checked with the core's schemas when it is read
 * (sync/pulledHall.ts), which load later.
 */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** A PBKDF2 verifier (salt, hash, iterations). */
export function isLocalSecret(v: unknown): v is LocalSecret {
  return isRecord(v) && isString(v.salt) && isString(v.hash) && typeof v.iterations === 'number';
}

/** An account's summary (id, name, role, units, windows, and an office's offices). */
export function isAccountSummary(v: unknown): v is AccountSummary {
  return (
    isRecord(v) &&
    isString(v.id) &&
    isString(v.name) &&
    (ROLES as readonly unknown[]).includes(v.role) &&
    isStrings(v.unitIds) &&
    isStrings(v.windowIds) &&
    (v.offices === undefined || isStrings(v.offices))
  );
}

/** A stored sign-in: token, its id and expiry, the account. */
export function isSignIn(v: unknown): v is { token: string; tokenId: string; expiresAt: string; account: AccountSummary } {
  return isRecord(v) && isString(v.token) && isString(v.tokenId) && isString(v.expiresAt) && isAccountSummary(v.account);
}
