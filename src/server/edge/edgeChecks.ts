import { createMiddleware } from 'hono/factory';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../appEnv';
import { errorResponse } from '../httpError';
import { bodyLimitOf } from './bodyLimits';
import { hasControlCharacter } from '../../core/events/controlCharacters';

/**
 * Checks every API request gets before its route: the body limit of the route (BODY_LIMITS), and no control
 * characters in the path (each segment decoded, so every path parameter is covered) or the query.
 */
export const edgeChecks = createMiddleware<AppEnv>(async (c, next) => {
  let segments: string[];
  try {
    segments = c.req.path.split('/').map((s) => decodeURIComponent(s));
  } catch {
    return errorResponse(c, 'bad-request', 'the path is not valid percent-encoding');
  }
  const bad = segments.findIndex((s) => hasControlCharacter(s));
  if (bad >= 0) return errorResponse(c, 'bad-request', `path segment ${bad} contains a control character (such as NUL), which is never stored`);
  let query: Record<string, string[]>;
  try {
    query = c.req.queries();
  } catch {
    return errorResponse(c, 'bad-request', 'the query is not valid percent-encoding');
  }
  for (const [k, vs] of Object.entries(query)) {
    if (hasControlCharacter(k) || vs.some((v) => hasControlCharacter(v))) return errorResponse(c, 'bad-request', `query parameter "${hasControlCharacter(k) ? '(its name)' : k}" contains a control character (such as NUL)`);
  }
  const limit = bodyLimitOf(c);
  return bodyLimit({
    maxSize: limit.maxBytes,
    onError: (ctx) => errorResponse(ctx, 'too-large', `${limit.what} may be at most ${limit.maxBytes} bytes`),
  })(c, next);
});
