import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token: 32 random bytes, base64url. Only its SHA-256 is stored, so a database leak leaks no token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** How long a device's sign-in lasts: long enough for weeks offline between syncs. */
export const TOKEN_DAYS = 30;
