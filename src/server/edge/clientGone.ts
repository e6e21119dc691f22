/**
 * Whether a request failed because its client hung up before the body arrived (a tablet whose Wi-Fi dropped
 * mid-upload): Node ends the body stream with "aborted" (ECONNRESET), and the request's signal is aborted. Nothing
 * of such a request is stored and no one reads the answer, so it is not a server failure.
 */
export function clientWentAway(err: unknown, req: Request): boolean {
  if (req.signal.aborted) return true;
  const e = err as { message?: unknown; code?: unknown } | null;
  return typeof e === 'object' && e !== null && e.code === 'ECONNRESET' && e.message === 'aborted';
}
