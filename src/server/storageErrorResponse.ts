import type { Context } from 'hono';
import { errorResponse } from './httpError';
import type { StorageError } from './storage/storageErrors';

/**
 * The answer to a request that failed because the storage did (database unreachable: 503 with Retry-After; disk
 * full: 507), logged in one line with the driver's words and no SQL parameters.
 */
export function storageErrorResponse(c: Context, err: StorageError): Response {
  const cause = err.cause instanceof Error ? err.cause.message : String(err.cause);
  console.error(`${c.req.method} ${c.req.path}: storage ${err.code}: ${cause}`);
  return errorResponse(c, err.code, err.message, err.code === 'unavailable' ? 5 : undefined);
}
