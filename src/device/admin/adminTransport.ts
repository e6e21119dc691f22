import '../sync/zodWithoutEval';
import type { z } from 'zod';
import { errorCodeSchema, errorResultSchema } from '../../core/protocol/messages';
import type { ErrorCode } from '../../core/protocol/messages';

/** A problem the server sent as data beside its words (docs/admin-api.md): a kind and the kind's fields. */
export type ServerProblem = { kind: string } & Record<string, unknown>;

/** A request of the admin's that failed: the server's code (worded by the app), its own plain words, its problems. */
export class AdminFailure extends Error {
  constructor(
    readonly code: ErrorCode | 'offline',
    message: string,
    readonly problems: readonly ServerProblem[] = [],
  ) {
    super(message);
  }
}

export interface AdminApiOptions {
  baseUrl: string;
  /** The signed-in admin's token (null: signed out). */
  token: () => Promise<string | null>;
  fetch?: typeof fetch;
}

/** The admin's requests under a token: JSON or raw bodies, refusals as AdminFailure, answers checked by schema. */
export function adminTransport(o: AdminApiOptions) {
  const doFetch = o.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  /** One request; a refusal (any status but 2xx) becomes an AdminFailure with the server's code, words and problems. */
  async function send(method: string, path: string, body?: { type: string; data: BodyInit }): Promise<Response> {
    const token = await o.token();
    if (!token) throw new AdminFailure('unauthenticated', 'not signed in');
    let res: Response;
    try {
      res = await doFetch(`${o.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': body.type } : {}) },
        ...(body ? { body: body.data } : {}),
      });
    } catch (e) {
      throw new AdminFailure('offline', e instanceof Error ? e.message : String(e));
    }
    if (res.ok) return res;
    let value: unknown = null;
    try {
      value = JSON.parse(await res.text()) as unknown;
    } catch {
      // Not the protocol's error answer: worded by its status below.
    }
    const err = errorResultSchema.safeParse(value);
    if (err.success) throw new AdminFailure(err.data.code, err.data.message, (err.data.problems ?? []) as ServerProblem[]);
    const code = errorCodeSchema.safeParse(res.status === 403 ? 'forbidden' : res.status === 404 ? 'not-found' : 'server');
    throw new AdminFailure(code.success ? code.data : 'server', `HTTP ${res.status}`);
  }
  /** A JSON request and its JSON answer (unchecked: every caller checks it with its schema). */
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await send(method, path, body === undefined ? undefined : { type: 'application/json', data: JSON.stringify(body) });
    const text = await res.text();
    try {
      return text ? (JSON.parse(text) as unknown) : null;
    } catch {
      throw new AdminFailure('protocol', `HTTP ${res.status}: the answer is not JSON`);
    }
  }
  const checked = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
    const r = schema.safeParse(value);
    if (!r.success) throw new AdminFailure('protocol', `${what}: ${r.error.issues[0]?.message ?? 'unexpected answer'}`);
    return r.data;
  };
  return { send, call, checked };
}
