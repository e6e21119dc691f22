import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ErrorResult } from '../core/protocol/messages';
import { PROTOCOL_VERSION } from '../core/protocol/version';
import { controlCharacterAt } from './edge/controlCharacters';
import { clientWentAway } from './edge/clientGone';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  protocol: 400,
  'bad-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'too-large': 413,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
  'storage-full': 507,
  server: 500,
};

/** A request that failed as a whole: the protocol's error message with the matching HTTP status. */
export function errorResponse(c: Context, code: ErrorCode, message: string, retryAfterSeconds?: number): Response {
  const body: ErrorResult = { type: 'error', protocol: PROTOCOL_VERSION, code, message };
  if (retryAfterSeconds !== undefined) {
    body.retryAfterSeconds = retryAfterSeconds;
    c.header('Retry-After', String(retryAfterSeconds));
  }
  return c.json(body, STATUS[code]);
}

/** A refusal with the core's problems as data beside their words (nothing was changed). */
export function problemsResponse(c: Context, code: 'bad-request' | 'conflict', message: string, problems: readonly object[]): Response {
  const body: ErrorResult = { type: 'error', protocol: PROTOCOL_VERSION, code, message, problems: problems.map((p) => ({ kind: 'unknown', ...p })) };
  return c.json(body, STATUS[code]);
}

/**
 * Read a JSON body; a refusal (already answered) when it is not JSON or, unless `perItem` (a push, whose events are
 * each refused on their own), when a string in it holds NUL or another control character: named by its field.
 */
export async function readJson(c: Context, opts: { perItem?: boolean } = {}): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  let value: unknown;
  try {
    value = await c.req.json<unknown>();
  } catch (e) {
    // A client that hung up mid-body is no bad request: the app's error handler logs it as gone.
    if (clientWentAway(e, c.req.raw)) throw e;
    return { ok: false, response: errorResponse(c, 'bad-request', 'the request body is not valid JSON') };
  }
  const at = opts.perItem ? null : controlCharacterAt(value);
  if (at) return { ok: false, response: errorResponse(c, 'bad-request', `${at}: contains a control character (such as NUL), which is never stored`) };
  return { ok: true, value };
}

/** zod issues as one line: "field: message; field: message". */
export function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : 'body'}: ${i.message}`).join('; ');
}
