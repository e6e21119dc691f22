import type { Context } from 'hono';
import { MAX_PHOTO_CHUNK_BYTES } from '../routes/photoLimits';

/** The largest request body each route takes; everything else gets DEFAULT_BODY_BYTES (a sign-in, a setting, an account). */
export const BODY_LIMITS: { method: string; path: RegExp; maxBytes: number; what: string }[] = [
  { method: 'POST', path: /^\/api\/sync\/push$/, maxBytes: 8 * 1024 * 1024, what: 'a push (send smaller batches)' },
  { method: 'PATCH', path: /^\/api\/photos\/[^/]+$/, maxBytes: MAX_PHOTO_CHUNK_BYTES, what: 'a photo chunk' },
  { method: 'PUT', path: /^\/api\/admin\/hall(\/floor|\/roster)?$/, maxBytes: 4 * 1024 * 1024, what: 'a hall setup' },
  { method: 'POST', path: /^\/api\/admin\/hall\/roster\/import$/, maxBytes: 4 * 1024 * 1024, what: 'a roster file' },
  { method: 'POST', path: /^\/api\/admin\/schemes$/, maxBytes: 1024 * 1024, what: 'a scheme file' },
];

export const DEFAULT_BODY_BYTES = 64 * 1024;

/** The body limit of this request and what to call it in the refusal. */
export function bodyLimitOf(c: Context): { maxBytes: number; what: string } {
  const hit = BODY_LIMITS.find((l) => l.method === c.req.method && l.path.test(c.req.path));
  return hit ?? { maxBytes: DEFAULT_BODY_BYTES, what: 'this request' };
}
