import { z } from 'zod';
import { accountSummarySchema } from '../access/account';
import { findingEventSchema } from '../events/events';
import { reviewSettingsSchema } from '../events/reviewSettings';
import { hallSetupSchema } from '../model/hallSetup';
import { MAX_PULL_EVENTS, MAX_PUSH_EVENTS } from './limits';
import { instantSchema } from '../time/instantSchema';

/**
 * The sync protocol (docs/sync.md): one definition per message, from which both the TypeScript types and the
 * validation come. The server checks requests; the device checks answers (the network is an edge both ways).
 * Messages are JSON over HTTP POST; photos travel separately.
 */
const protocol = z.number().int().positive();

/** The device sends events from its outbox. */
export const pushRequestSchema = z
  .object({
    /** Discriminator. */
    type: z.literal('push'),
    /** Protocol version the device speaks. */
    protocol,
    /** The device pushing; must be the device the token was issued to. Every event's deviceId must equal it. */
    deviceId: z.string().min(1).max(100),
    /**
     * The events, oldest first, at most MAX_PUSH_EVENTS. Unknown on the wire: the server checks each one on its own
     * (parseEvent, checkEvent), so one bad event is rejected by name without failing the rest.
     */
    events: z.array(z.unknown()).max(MAX_PUSH_EVENTS, `at most ${MAX_PUSH_EVENTS} events in one push`),
    /**
     * The device's clock when it sent the push (optional: older devices omit it). The server keeps the offset to its
     * own clock with every event of the push and flags it in the audit trail beyond the hall's clock tolerance.
     */
    deviceTime: instantSchema.optional(),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** What happened to one pushed event. */
export const eventOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    /** The event id (ULID). */
    id: z.string(),
    /** Stored now, exactly once. The device may delete it from its outbox. */
    status: z.literal('accepted'),
  }),
  z.object({
    /** The event id (ULID). */
    id: z.string(),
    /** The server already had an identical event (a retry). The device may delete it from its outbox. */
    status: z.literal('duplicate'),
  }),
  z.object({
    /** The event id (ULID), or `#<index>` when the element had no readable id. */
    id: z.string(),
    /** Not stored. */
    status: z.literal('rejected'),
    /** Plain words naming the event and the problem, for the person who recorded it. */
    reason: z.string(),
    /** True when the same event may be accepted later (its finding has not arrived yet): keep it and retry. */
    retryable: z.boolean(),
  }),
]);
export type EventOutcome = z.infer<typeof eventOutcomeSchema>;

/** The server's answer to a push: one outcome per event, in the order sent. */
export const pushResultSchema = z.object({
  /** Discriminator. */
  type: z.literal('push.result'),
  /** Protocol version of the answer. */
  protocol,
  /** One outcome per pushed event, same order. Accepted events of one push were stored in one transaction. */
  results: z.array(eventOutcomeSchema),
  /** The server's clock (ISO), so a device can show how far its own clock is off. */
  serverTime: z.string(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

/** The device asks for everything new since its cursor. */
export const pullRequestSchema = z
  .object({
    /** Discriminator. */
    type: z.literal('pull'),
    /** Protocol version the device speaks. */
    protocol,
    /** Opaque position from the last pull.result; null for a first pull. */
    cursor: z.string().regex(/^\d{1,18}$/, 'a cursor from an earlier pull.result').nullable(),
    /** Most events in one page (1..MAX_PULL_EVENTS); the server may send fewer. */
    limit: z.number().int().min(1).max(MAX_PULL_EVENTS).optional(),
  })
  .strict();
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** A scheme version in force at the hall, as stored on the server. */
export const schemeDocSchema = z.object({
  /** Scheme id. */
  id: z.string(),
  /** Scheme version; findings name the version they were recorded under. */
  version: z.number().int(),
  /** The scheme data, to be checked on arrival with checkSchemeData. */
  data: z.unknown(),
});

/** One page of changes after the cursor. */
export const pullResultSchema = z.object({
  /** Discriminator. */
  type: z.literal('pull.result'),
  /** Protocol version of the answer. */
  protocol,
  /** Position after this page; send it in the next pull. Store it in the same transaction as the page's data. */
  cursor: z.string(),
  /** True when more pages may follow at once: pull again with the new cursor (the last page may come back empty). */
  more: z.boolean(),
  /** At most this many events still to come after this page (an upper bound, for a progress bar). */
  remaining: z.number().int().nonnegative(),
  /** Events (other devices' findings and review events) the caller's role and scope may see, in server order. */
  events: z.array(findingEventSchema),
  /** The hall (roster, layout, schemes in force, opening hours) when it changed within this page, else absent. */
  setup: hallSetupSchema.optional(),
  /** Scheme versions added or changed within this page. */
  schemes: z.array(schemeDocSchema),
  /** The hall's accounts when they changed within this page, else absent. */
  accounts: z.array(accountSummarySchema).optional(),
  /** The hall's review settings (deadlines, pending in provisional totals) when they changed within this page, else absent. */
  review: reviewSettingsSchema.optional(),
  /** The server's clock (ISO). */
  serverTime: z.string(),
});
export type PullResult = z.infer<typeof pullResultSchema>;

/** A device signs in once, online; the token then lets it sync until it expires or is revoked. */
export const loginRequestSchema = z
  .object({
    /** Discriminator. */
    type: z.literal('login'),
    /** Protocol version the device speaks. */
    protocol,
    /** The account's user name. */
    username: z.string().min(1).max(100),
    /** The account's password (sent over the hall's HTTPS; never stored). */
    password: z.string().min(1).max(200),
    /** The device's own stable id (generated once per device). */
    deviceId: z.string().min(1).max(100),
    /** A name to recognise the device by in the admin's device list. */
    deviceName: z.string().max(100),
    /**
     * The hall to sign in to (docs/halls.md). An account of a hall may omit it (its own hall); a centre administrator
     * names one of the halls they manage. The token is for that hall only.
     */
    hallId: z.string().min(1).max(100).optional(),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** A successful sign-in. */
export const loginResultSchema = z.object({
  /** Discriminator. */
  type: z.literal('login.result'),
  /** Protocol version of the answer. */
  protocol,
  /** Bearer token for Authorization headers; shown once, stored hashed on the server. */
  token: z.string(),
  /** Id of the token, for revoking it. */
  tokenId: z.string(),
  /** When the token stops working (ISO); the device signs in again then. */
  expiresAt: z.string(),
  /** The account signed in. */
  account: accountSummarySchema,
  /** The hall the token is for (absent from servers before halls). */
  hall: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type LoginResult = z.infer<typeof loginResultSchema>;

/**
 * Why a request failed as a whole (per-event problems are push outcomes, not errors). `unavailable`: the database
 * cannot be reached for now (503; the request was not completed, send it again); `storage-full`: the server's disk is
 * full (507; nothing was stored, the device keeps its outbox).
 */
export const errorCodeSchema = z.enum([
  'protocol',
  'bad-request',
  'unauthenticated',
  'forbidden',
  'not-found',
  'too-large',
  'conflict',
  'rate-limited',
  'unavailable',
  'storage-full',
  'server',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** A request that failed as a whole. */
export const errorResultSchema = z.object({
  /** Discriminator. */
  type: z.literal('error'),
  /** Protocol version of the answer. */
  protocol,
  /** Machine-readable reason, for the device to decide whether to retry and how to word it. */
  code: errorCodeSchema,
  /** Plain words naming the problem. */
  message: z.string(),
  /** For rate-limited: seconds to wait before trying again. */
  retryAfterSeconds: z.number().optional(),
  /**
   * The problems as data, where the core decided them (a hall setup's, a roster file's rows, a scheme file's, a
   * schedule's), so a screen can word and place each one (docs/admin-api.md).
   */
  problems: z.array(z.object({ kind: z.string() }).loose()).optional(),
});
export type ErrorResult = z.infer<typeof errorResultSchema>;
