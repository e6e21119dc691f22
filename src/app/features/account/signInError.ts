/** Which plain message a failed sign-in gets, from the sync layer's failure code (read by shape: that code loads lazily). */
export function signInError(err: unknown): 'wrongPassword' | 'offline' | 'rateLimited' | 'notChief' | 'failed' {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const message = err instanceof Error ? err.message : '';
  if (code === 'signed-out') return 'wrongPassword';
  if (code === 'offline' || code === 'timeout') return 'offline';
  if (code === 'rate-limited') return 'rateLimited';
  if (/is not a chief/.test(message)) return 'notChief';
  return 'failed';
}

/** For a rate-limited sign-in, whole minutes to wait as the server said (at least 1); 0 otherwise. */
export function signInWaitMinutes(err: unknown): number {
  const ms = typeof err === 'object' && err !== null && 'retryAfterMs' in err ? Number((err as { retryAfterMs: unknown }).retryAfterMs) : 0;
  return Number.isFinite(ms) && ms > 0 ? Math.max(1, Math.ceil(ms / 60_000)) : 0;
}
