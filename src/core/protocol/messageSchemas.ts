import { z } from 'zod';
import { findingEventSchema } from '../events/eventSchema';
import { hallSetupSchema } from '../model/hallSetupSchema';
import { reviewSettingsSchema } from '../events/reviewSettingsSchema';
import { ROLES } from '../access/actor';
import { MAX_PULL_EVENTS, MAX_PUSH_EVENTS } from './messages';
import type { ErrorResult, LoginRequest, LoginResult, PullRequest, PullResult, PushResult } from './messages';

/**
 * Edge validation of protocol messages. The server checks requests (a push's events stay unknown here: each is
 * checked on its own so one bad event is rejected by name without failing the rest); the device checks answers.
 */
const protocol = z.number().int().positive();

export const pushRequestSchema = z
  .object({
    type: z.literal('push'),
    protocol,
    deviceId: z.string().min(1).max(100),
    events: z.array(z.unknown()).max(MAX_PUSH_EVENTS, `at most ${MAX_PUSH_EVENTS} events in one push`),
  })
  .strict();

export const pullRequestSchema = z
  .object({
    type: z.literal('pull'),
    protocol,
    cursor: z.string().regex(/^\d{1,18}$/, 'a cursor from an earlier pull.result').nullable(),
    limit: z.number().int().min(1).max(MAX_PULL_EVENTS).optional(),
  })
  .strict();

export const loginRequestSchema = z
  .object({
    type: z.literal('login'),
    protocol,
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(200),
    deviceId: z.string().min(1).max(100),
    deviceName: z.string().max(100),
  })
  .strict();

const outcomeSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('accepted') }),
  z.object({ id: z.string(), status: z.literal('duplicate') }),
  z.object({ id: z.string(), status: z.literal('rejected'), reason: z.string(), retryable: z.boolean() }),
]);

export const pushResultSchema = z.object({ type: z.literal('push.result'), protocol, results: z.array(outcomeSchema), serverTime: z.string() });

const accountSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES as [string, ...string[]]).transform((r) => r as (typeof ROLES)[number]),
  unitIds: z.array(z.string()),
  windowIds: z.array(z.string()),
});

export const pullResultSchema = z.object({
  type: z.literal('pull.result'),
  protocol,
  cursor: z.string(),
  more: z.boolean(),
  remaining: z.number().int().nonnegative(),
  events: z.array(findingEventSchema),
  setup: hallSetupSchema.optional(),
  schemes: z.array(z.object({ id: z.string(), version: z.number().int(), data: z.unknown() })),
  accounts: z.array(accountSummarySchema).optional(),
  review: reviewSettingsSchema.optional(),
  serverTime: z.string(),
});

export const loginResultSchema = z.object({
  type: z.literal('login.result'),
  protocol,
  token: z.string(),
  tokenId: z.string(),
  expiresAt: z.string(),
  account: accountSummarySchema,
});

export const errorResultSchema = z.object({
  type: z.literal('error'),
  protocol,
  code: z.enum(['protocol', 'bad-request', 'unauthenticated', 'forbidden', 'not-found', 'too-large', 'conflict', 'rate-limited', 'server']),
  message: z.string(),
  retryAfterSeconds: z.number().optional(),
});

// Compile-time checks that schemas and message types agree: a drift fails the typecheck.
type Assert<T extends true> = T;
export type PullRequestMatches = Assert<z.infer<typeof pullRequestSchema> extends PullRequest ? true : false>;
export type LoginRequestMatches = Assert<z.infer<typeof loginRequestSchema> extends LoginRequest ? true : false>;
export type PushResultMatches = Assert<z.infer<typeof pushResultSchema> extends PushResult ? true : false>;
export type PullResultMatches = Assert<z.infer<typeof pullResultSchema> extends PullResult ? true : false>;
export type LoginResultMatches = Assert<z.infer<typeof loginResultSchema> extends LoginResult ? true : false>;
export type ErrorResultMatches = Assert<z.infer<typeof errorResultSchema> extends ErrorResult ? true : false>;
