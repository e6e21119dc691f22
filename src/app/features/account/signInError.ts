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
