import '../sync/zodWithoutEval';
import { z } from 'zod';
import { ROLES } from '../../core/access/roles';
import { reviewSettingsSchema } from '../../core/events/reviewSettings';
import type { ReviewSettings } from '../../core/events/reviewSettings';
import { hallSetupSchema } from '../../core/model/hallSetup';
import type { HallSetup } from '../../core/model/hallSetup';
import { periodKindSchema, subjectKindSchema } from '../../core/scheme/schemeSchema';
import { adminTransport } from './adminTransport';
import type { AdminApiOptions } from './adminTransport';
import { rosterFileCalls } from './rosterFileCalls';
import { schemeCalls } from './schemeCalls';
import { centreCalls } from './centreCalls';

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
  /** A centre administrator who manages this hall (managed at the centre, read-only here). */
  centre: z.boolean().default(false),
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

/**
 * The admin's calls to the server (docs/admin.md, docs/admin-api.md): accounts, devices, the hall setup, review
 * settings, the roster file, schemes, and a centre administrator's halls. Every answer is checked before use; a
 * refusal becomes an AdminFailure with the server's code, words and problems.
 */
export function adminApi(o: AdminApiOptions) {
  const { call, checked } = adminTransport(o);
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
    /** Bind a chief to units and windows of the roster (replacing the old binding). */
    async setScope(id: string, scope: { unitIds: readonly string[]; windowIds: readonly string[] }): Promise<void> {
      await call('PUT', `/api/admin/accounts/${enc(id)}/scope`, scope);
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
    ...rosterFileCalls(o),
    ...schemeCalls(o),
    ...centreCalls(o),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
