import type { FindingEvent } from '../events/events';
import type { HallSetup } from '../model/hallSetup';
import type { ReviewSettings } from '../events/reviewSettings';
import type { Role } from '../access/actor';

/**
 * The sync protocol (docs/sync.md). Every message carries `protocol`; a server answers a version it does not speak
 * with an `error` of code `protocol`. Messages are JSON over HTTP POST; photos travel separately (docs/sync.md).
 */
export const PROTOCOL_VERSION = 1;

/** The device sends events from its outbox. */
export interface PushRequest {
  /** Discriminator. */
  type: 'push';
  /** Protocol version the device speaks. */
  protocol: number;
  /** The device pushing; must be the device the token was issued to. Every event's deviceId must equal it. */
  deviceId: string;
  /** The events, oldest first, at most MAX_PUSH_EVENTS. Typed unknown on the wire: the server checks each one. */
  events: FindingEvent[];
}

/** What happened to one pushed event. */
export type EventOutcome =
  | {
      /** The event id (ULID). */
      id: string;
      /** Stored now, exactly once. The device may delete it from its outbox. */
      status: 'accepted';
    }
  | {
      /** The event id (ULID). */
      id: string;
      /** The server already had an identical event (a retry). The device may delete it from its outbox. */
      status: 'duplicate';
    }
  | {
      /** The event id (ULID), or `#<index>` when the element had no readable id. */
      id: string;
      /** Not stored. */
      status: 'rejected';
      /** Plain words naming the event and the problem, for the person who recorded it. */
      reason: string;
      /** True when the same event may be accepted later (its finding has not arrived yet): keep it and retry. */
      retryable: boolean;
    };

/** The server's answer to a push: one outcome per event, in the order sent. */
export interface PushResult {
  /** Discriminator. */
  type: 'push.result';
  /** Protocol version of the answer. */
  protocol: number;
  /** One outcome per pushed event, same order. Accepted events of one push were stored in one transaction. */
  results: EventOutcome[];
  /** The server's clock (ISO), so a device can show how far its own clock is off. */
  serverTime: string;
}

/** The device asks for everything new since its cursor. */
export interface PullRequest {
  /** Discriminator. */
  type: 'pull';
  /** Protocol version the device speaks. */
  protocol: number;
  /** Opaque position from the last pull.result; null for a first pull. */
  cursor: string | null;
  /** Most events in one page (1..MAX_PULL_EVENTS); the server may send fewer. */
  limit?: number | undefined;
}

/** A scheme version in force at the hall, as stored on the server. */
export interface SchemeDoc {
  /** Scheme id. */
  id: string;
  /** Scheme version; findings name the version they were recorded under. */
  version: number;
  /** The scheme data, to be checked on arrival with checkSchemeData. */
  data: unknown;
}

/** Who an account is, for names on screen and for the tablet's own role checks. */
export interface AccountSummary {
  /** Account id; events name it as actorId. */
  id: string;
  /** Display name. */
  name: string;
  /** The account's role. */
  role: Role;
  /** For a chief: the units they answer for. */
  unitIds: string[];
  /** For a chief: extra windows they answer for. */
  windowIds: string[];
}

/** One page of changes after the cursor. */
export interface PullResult {
  /** Discriminator. */
  type: 'pull.result';
  /** Protocol version of the answer. */
  protocol: number;
  /** Position after this page; send it in the next pull. Store it in the same transaction as the page's data. */
  cursor: string;
  /** True when more pages may follow at once: pull again with the new cursor (the last page may come back empty). */
  more: boolean;
  /** At most this many events still to come after this page (an upper bound, for a progress bar). */
  remaining: number;
  /** Events (other devices' findings and review events) the caller's role and scope may see, in server order. */
  events: FindingEvent[];
  /** The hall (roster, layout, schemes in force, opening hours) when it changed within this page, else absent. */
  setup?: HallSetup | undefined;
  /** Scheme versions added or changed within this page. */
  schemes: SchemeDoc[];
  /** The hall's accounts when they changed within this page, else absent. */
  accounts?: AccountSummary[] | undefined;
  /** The hall's review settings (deadlines, pending in provisional totals) when they changed within this page, else absent. */
  review?: ReviewSettings | undefined;
  /** The server's clock (ISO). */
  serverTime: string;
}

/** A device signs in once, online; the token then lets it sync until it expires or is revoked. */
export interface LoginRequest {
  /** Discriminator. */
  type: 'login';
  /** Protocol version the device speaks. */
  protocol: number;
  /** The account's user name. */
  username: string;
  /** The account's password (sent over the hall's HTTPS; never stored). */
  password: string;
  /** The device's own stable id (generated once per device). */
  deviceId: string;
  /** A name to recognise the device by in the admin's device list. */
  deviceName: string;
}

/** A successful sign-in. */
export interface LoginResult {
  /** Discriminator. */
  type: 'login.result';
  /** Protocol version of the answer. */
  protocol: number;
  /** Bearer token for Authorization headers; shown once, stored hashed on the server. */
  token: string;
  /** Id of the token, for revoking it. */
  tokenId: string;
  /** When the token stops working (ISO); the device signs in again then. */
  expiresAt: string;
  /** The account signed in. */
  account: AccountSummary;
}

/** Why a request failed as a whole (per-event problems are push outcomes, not errors). */
export type ErrorCode = 'protocol' | 'bad-request' | 'unauthenticated' | 'forbidden' | 'not-found' | 'too-large' | 'conflict' | 'rate-limited' | 'server';

/** A request that failed as a whole. */
export interface ErrorResult {
  /** Discriminator. */
  type: 'error';
  /** Protocol version of the answer. */
  protocol: number;
  /** Machine-readable reason, for the device to decide whether to retry and how to word it. */
  code: ErrorCode;
  /** Plain words naming the problem. */
  message: string;
  /** For rate-limited: seconds to wait before trying again. */
  retryAfterSeconds?: number | undefined;
}

/** Every message of the protocol. */
export type SyncMessage = PushRequest | PushResult | PullRequest | PullResult | LoginRequest | LoginResult | ErrorResult;

/** Most events in one push. */
export const MAX_PUSH_EVENTS = 1000;
/** Most events in one pull page. */
export const MAX_PULL_EVENTS = 2000;
/** Largest photo the server takes, in bytes. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
