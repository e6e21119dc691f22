import './zodWithoutEval';
import type { z } from 'zod';
import { errorResultSchema, loginResultSchema, pullResultSchema, pushResultSchema } from '../../core/protocol/messages';
import { PROTOCOL_VERSION } from '../../core/protocol/version';
import type { FindingEvent } from '../../core/events/events';
import type { LoginRequest, LoginResult, PullRequest, PullResult, PushRequest, PushResult } from '../../core/protocol/messages';
import type { SyncErrorCode } from './syncState';

/** A request that failed as a whole, classified for retry and for the person. */
export class SyncFailure extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly retryAfterMs?: number,
    /** The problems the server sent as data with a refusal (e.g. `choose-hall` for a centre administrator's sign-in). */
    readonly problems: readonly ({ kind: string } & Record<string, unknown>)[] = [],
  ) {
    super(message);
  }
}

export interface SyncApiOptions {
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  token: () => string | null;
}

/** The protocol's HTTP calls with a timeout each; answers are checked before use (the network is an edge). */
export function syncApi(o: SyncApiOptions) {
  async function call(path: string, init: RequestInit): Promise<unknown> {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), o.timeoutMs);
    const token = o.token();
    let res: Response;
    try {
      res = await o.fetch(`${o.baseUrl}${path}`, {
        ...init,
        signal: ctrl.signal,
        headers: { ...(init.headers as Record<string, string>), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    } catch (e) {
      throw ctrl.signal.aborted
        ? new SyncFailure('timeout', `the server did not answer within ${Math.round(o.timeoutMs / 1000)} s`)
        : new SyncFailure('offline', `cannot reach the server (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      clearTimeout(timer);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new SyncFailure(res.ok ? 'protocol' : 'server', `the server answered ${res.status} without a readable body`);
    }
    if (res.ok) return body;
    const err = errorResultSchema.safeParse(body);
    const message = err.success ? err.data.message : `HTTP ${res.status}`;
    if (res.status === 401) throw new SyncFailure('signed-out', message);
    if (res.status === 429) throw new SyncFailure('rate-limited', message, (err.success ? (err.data.retryAfterSeconds ?? 60) : 60) * 1000);
    if (res.status === 400 || res.status === 403 || res.status === 413) throw new SyncFailure('protocol', message, undefined, err.success ? (err.data.problems ?? []) : []);
    throw new SyncFailure('server', message);
  }
  const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const check = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
    const r = schema.safeParse(value);
    if (!r.success) throw new SyncFailure('protocol', `the server's ${what} answer is not what this app understands: ${r.error.issues[0]?.message ?? ''}`);
    return r.data;
  };
  return {
    /** Sign in; `hallId` names the hall (a centre administrator must, an account of a hall may leave it out). */
    async login(username: string, password: string, deviceId: string, deviceName: string, hallId?: string): Promise<LoginResult> {
      const req: LoginRequest = { type: 'login', protocol: PROTOCOL_VERSION, username, password, deviceId, deviceName, ...(hallId ? { hallId } : {}) };
      return check(loginResultSchema, await call('/api/auth/login', json(req)), 'sign-in');
    },
    /** End this sign-in on the server (the token stops working at once). */
    async logout(): Promise<void> {
      await call('/api/auth/logout', json({}));
    },
    /** Register a hand-over key for this device under the (fresh) sign-in; the server's key id. */
    async registerKey(publicKey: string): Promise<string> {
      const r = (await call('/api/auth/keys', json({ publicKey }))) as { keyId?: unknown };
      if (typeof r.keyId !== 'string') throw new SyncFailure('protocol', 'the server did not name the registered key');
      return r.keyId;
    },
    /** Push events; `deviceTime` is this device's clock now, so the server can keep how far it is off. */
    async push(deviceId: string, events: readonly FindingEvent[], deviceTime?: string): Promise<PushResult> {
      return check(pushResultSchema, await call('/api/sync/push', json({ type: 'push', protocol: PROTOCOL_VERSION, deviceId, events: [...events], deviceTime } satisfies PushRequest)), 'push');
    },
    async pull(cursor: string | null, limit: number): Promise<PullResult> {
      return check(pullResultSchema, await call('/api/sync/pull', json({ type: 'pull', protocol: PROTOCOL_VERSION, cursor, limit } satisfies PullRequest)), 'pull') as PullResult;
    },
    async photoStatus(hash: string): Promise<{ received: number; complete: boolean }> {
      const r = (await call(`/api/photos/${hash}/status`, { method: 'GET' })) as { received?: unknown; complete?: unknown };
      return { received: typeof r.received === 'number' ? r.received : 0, complete: r.complete === true };
    },
    async photoChunk(hash: string, offset: number, total: number, type: string, chunk: Blob): Promise<{ received: number; complete: boolean }> {
      const r = (await call(`/api/photos/${hash}`, {
        method: 'PATCH',
        headers: { 'content-type': type, 'upload-offset': String(offset), 'upload-length': String(total) },
        body: chunk,
      })) as { received?: unknown; complete?: unknown };
      return { received: typeof r.received === 'number' ? r.received : offset, complete: r.complete === true };
    },
  };
}

export type SyncApi = ReturnType<typeof syncApi>;
