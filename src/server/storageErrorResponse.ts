import type { Context } from 'hono';
import { errorResponse } from './httpError';
import type { StorageError } from './storage/storageErrors';

/** Bodies up to this size are read to the end before answering (see below). */
const DRAIN_LIMIT = 16 * 1024 * 1024;

/**
 * The answer to a request that failed because the storage did (database unreachable: 503 with Retry-After; disk
 * full: 507), logged in one line with the driver's words and no SQL parameters.
 *
 * A route may fail before it read the request's body (a photo chunk whose upload row could not be written); answering
 * then would leave the client still sending, and it would see a dropped connection instead of the message. So a
 * body of bounded size is read to its end first.
 */
export async function storageErrorResponse(c: Context, err: StorageError): Promise<Response> {
  const cause = err.cause instanceof Error ? err.cause.message : String(err.cause);
  console.error(`${c.req.method} ${c.req.path}: storage ${err.code}: ${cause}`);
  const length = Number(c.req.header('content-length') ?? 0);
  if (!c.req.raw.bodyUsed && length > 0 && length <= DRAIN_LIMIT) await c.req.raw.arrayBuffer().catch(() => undefined);
  return errorResponse(c, err.code, err.message, err.code === 'unavailable' ? 5 : undefined);
}
