import '../sync/zodWithoutEval';
import { z } from 'zod';
import { ROLES } from '../../core/access/roles';
import { reviewSettingsSchema } from '../../core/events/reviewSettings';
import type { ReviewSettings } from '../../core/events/reviewSettings';
import { hallSetupSchema } from '../../core/model/hallSetup';
import type { HallSetup } from '../../core/model/hallSetup';
import { periodKindSchema, subjectKindSchema } from '../../core/scheme/schemeSchema';
import { errorCodeSchema, errorResultSchema } from '../../core/protocol/messages';
import type { ErrorCode } from '../../core/protocol/messages';

/** A request of the admin's that failed: the server's code (worded by the app) and its own plain words. */
export class AdminFailure extends Error {
  constructor(
    readonly code: ErrorCode | 'offline',
    message: string,
  ) {
    super(message);
  }
}

const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  unitIds: z.array(z.string()),
  windowIds: z.array(z.string()),
  /** An office account's responsible offices (absent from a server before the office role). */
  offices: z.array(z.string()).default([]),
  disabled: z.boolean(),
});
/** An account as the admin sees it (never a password hash). */
export type AdminAccount = z.infer<typeof accountSchema>;

const deviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  lastSeenAt: z.string(),
  tokens: z.array(z.object({ id: z.string(), accountId: z.string(), expiresAt: z.string(), revoked: z.boolean() })),
  keys: z.array(z.object({ id: z.string(), accountId: z.string(), revoked: z.boolean() }).loose()),
});
/** A device that signed in to the hall, with its sign-ins and hand-over keys. */
export type AdminDevice = z.infer<typeof deviceSchema>;

const adminHallSchema = z.object({
  setup: hallSetupSchema,
  schemes: z.array(z.object({ id: z.string(), version: z.number(), title: z.string(), period: periodKindSchema, subjects: z.array(subjectKindSchema) })).default([]),
});
/** GET /api/admin/hall: the setup and a summary of each held scheme version. */
export type AdminHall = z.infer<typeof adminHallSchema>;
/** A scheme version the hall holds. */
export type HeldScheme = AdminHall['schemes'][number];

/** What the admin fills in to create an account. */
export interface NewAccount {
  username: string;
  name: string;
  role: (typeof ROLES)[number];
  unitIds: string[];
  windowIds: string[];
  /** An office account's responsible offices (the `office` of ledger items); none for other roles. */
  offices: string[];
  password: string;
}

export interface AdminApiOptions {
  baseUrl: string;
  /** The signed-in admin's token (null: signed out). */
  token: () => Promise<string | null>;
  fetch?: typeof fetch;
}

/**
 * The admin's calls to the server (docs/admin.md): accounts, devices, the hall setup, review settings. Every answer
 * is checked before use; a refusal becomes an AdminFailure with the server's code and words.
 */
export function adminApi(o: AdminApiOptions) {
  const doFetch = o.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const token = await o.token();
    if (!token) throw new AdminFailure('unauthenticated', 'not signed in');
    let res: Response;
    try {
      res = await doFetch(`${o.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new AdminFailure('offline', e instanceof Error ? e.message : String(e));
    }
    const text = await res.text();
    let value: unknown;
    try {
      value = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      throw new AdminFailure(res.ok ? 'protocol' : 'server', `HTTP ${res.status}: the answer is not JSON`);
    }
    if (res.ok) return value;
    const err = errorResultSchema.safeParse(value);
    if (err.success) throw new AdminFailure(err.data.code, err.data.message);
    const code = errorCodeSchema.safeParse(res.status === 403 ? 'forbidden' : res.status === 404 ? 'not-found' : 'server');
    throw new AdminFailure(code.success ? code.data : 'server', `HTTP ${res.status}`);
  }
  const checked = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
    const r = schema.safeParse(value);
    if (!r.success) throw new AdminFailure('protocol', `${what}: ${r.error.issues[0]?.message ?? 'unexpected answer'}`);
    return r.data;
  };
  const enc = encodeURIComponent;
  return {
    async accounts(): Promise<AdminAccount[]> {
      return checked(z.array(accountSchema), await call('GET', '/api/admin/accounts'), 'accounts');
    },
    async createAccount(a: NewAccount): Promise<{ id: string }> {
      return checked(z.object({ id: z.string() }).loose(), await call('POST', '/api/admin/accounts', a), 'new account');
    },
    async setPassword(id: string, password: string): Promise<void> {
      await call('POST', `/api/admin/accounts/${enc(id)}/password`, { password });
    },
    async setDisabled(id: string, disabled: boolean): Promise<void> {
      await call('POST', `/api/admin/accounts/${enc(id)}/${disabled ? 'disable' : 'enable'}`, {});
    },
    async devices(): Promise<AdminDevice[]> {
      return checked(z.array(deviceSchema), await call('GET', '/api/admin/devices'), 'devices');
    },
    /** End every sign-in and hand-over key of a device (a lost tablet); how many sign-ins and keys ended. */
    async revokeDevice(id: string): Promise<{ revoked: number; keys: number }> {
      return checked(z.object({ revoked: z.number(), keys: z.number() }), await call('POST', `/api/admin/devices/${enc(id)}/revoke`, {}), 'revoke');
    },
    /** The hall setup as the server holds it, and the scheme versions the hall holds. */
    async hall(): Promise<AdminHall> {
      return checked(adminHallSchema, await call('GET', '/api/admin/hall'), 'hall');
    },
    /** Replace the hall setup (checked by the server first); whether anything changed. */
    async saveHall(setup: HallSetup): Promise<boolean> {
      return checked(z.object({ changed: z.boolean() }), await call('PUT', '/api/admin/hall', setup), 'hall').changed;
    },
    async reviewSettings(): Promise<ReviewSettings> {
      return checked(reviewSettingsSchema, await call('GET', '/api/review/settings'), 'review settings');
    },
    async saveReviewSettings(s: ReviewSettings): Promise<void> {
      await call('PUT', '/api/review/settings', s);
    },
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
