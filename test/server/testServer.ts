import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monotonicFactory } from 'ulid';
import type { FindingEvent, FindingRecorded } from '../../src/core/events/events';
import type { LoginResult, PullResult, PushResult } from '../../src/core/protocol/messages';
import { startServer } from '../../src/server/startServer';
import type { RunningServer } from '../../src/server/startServer';
import type { Logger } from '../../src/server/log';
import type { BackupSettings } from '../../src/server/backup/backupService';
import { DEFAULT_REVIEW_SETTINGS } from '../../src/core/events/defaultReviewSettings';
import type { ReviewSettings } from '../../src/core/events/reviewSettings';
import { putConfig } from '../../src/server/storage/configRepo';
import { cheapenDemoPasswords, seededPglite } from './seededDatabase';

/** The hall `npm start` seeds on an empty database (src/core/model/demoHall.ts). */
export const DEMO_HALL_ID = 'demo-hall';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const schemesDir = join(root, 'schemes');

/** Tests keep refusals quiet (they provoke thousands) and print failures, which no test should provoke. */
const printErrors: Logger = (e) => {
  if (e.kind === 'error') console.error(JSON.stringify(e));
};

/**
 * The review settings of test servers: the defaults, except that late contests are taken. Server tests replay acts
 * of March 2026 whenever they run, so every contest reaches the server long after its deadline; the bound on late
 * arrival (offlineGraceHours) is tested on its own in clockSkew.ts.
 */
export const REPLAY_REVIEW: ReviewSettings = { ...DEFAULT_REVIEW_SETTINGS, offlineGraceHours: 10 * 366 * 24 };

/**
 * A server on a free port: unless a data dir or a PostgreSQL URL is given, PGlite on a private copy of a freshly
 * seeded database (see seededPglite; removed by close()); REPLAY_REVIEW unless `review`. The demo accounts' password
 * is stored at a low scrypt cost (on PostgreSQL: hashed again once the server seeded it), so that signing in does not
 * cost a full scrypt each time (see cheapenDemoPasswords).
 */
export async function testServer(opts: { dataDir?: string; databaseUrl?: string; log?: Logger; review?: ReviewSettings; backup?: BackupSettings } = {}): Promise<RunningServer> {
  const fresh = opts.dataDir === undefined && opts.databaseUrl === undefined ? await seededPglite() : undefined;
  let server: RunningServer;
  try {
    server = await startServer({ port: 0, hostname: '127.0.0.1', dataDir: fresh?.dataDir ?? opts.dataDir, databaseUrl: opts.databaseUrl, schemesDir, distDir: undefined, log: opts.log ?? printErrors, backup: opts.backup });
  } catch (e) {
    fresh?.remove();
    throw e;
  }
  if (opts.databaseUrl !== undefined) await cheapenDemoPasswords(server.db);
  const review = opts.review ?? REPLAY_REVIEW;
  await server.db.transaction((tx) => putConfig(tx, DEMO_HALL_ID, 'review', 'hall', JSON.stringify(review)));
  if (!fresh) return server;
  const close = server.close;
  return {
    ...server,
    close: async () => {
      try {
        await close();
      } finally {
        fresh.remove();
      }
    },
  };
}

/** A signed-in device talking to a server, with typed helpers for the protocol. */
export interface Device {
  deviceId: string;
  accountId: string;
  token: string;
  post: (path: string, body: unknown) => Promise<Response>;
  push: (events: readonly unknown[]) => Promise<PushResult>;
  pullAll: (cursor?: string | null) => Promise<{ events: FindingEvent[]; cursor: string; pages: PullResult[] }>;
}

/**
 * Sign in as a demo account (password demo1234, unless given) on a device; a centre administrator (the demo's
 * `centre`) names a hall (default: the demo hall).
 */
export async function signIn(url: string, username: string, deviceId: string, opts: { hallId?: string; password?: string } = {}): Promise<Device> {
  const hallId = opts.hallId ?? (username === 'centre' ? DEMO_HALL_ID : undefined);
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'login', protocol: 1, username, password: opts.password ?? 'demo1234', deviceId, deviceName: deviceId, ...(hallId ? { hallId } : {}) }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const login = (await res.json()) as LoginResult;
  const post = (path: string, body: unknown): Promise<Response> =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` }, body: JSON.stringify(body) });
  return {
    deviceId,
    accountId: login.account.id,
    token: login.token,
    post,
    async push(events) {
      const r = await post('/api/sync/push', { type: 'push', protocol: 1, deviceId, events });
      if (!r.ok) throw new Error(`push: ${r.status} ${await r.text()}`);
      return (await r.json()) as PushResult;
    },
    async pullAll(cursor = null) {
      const pages: PullResult[] = [];
      const events: FindingEvent[] = [];
      let at = cursor;
      for (;;) {
        const r = await post('/api/sync/pull', { type: 'pull', protocol: 1, cursor: at, limit: 500 });
        if (!r.ok) throw new Error(`pull: ${r.status} ${await r.text()}`);
        const page = (await r.json()) as PullResult;
        pages.push(page);
        events.push(...page.events);
        at = page.cursor;
        if (!page.more) return { events, cursor: page.cursor, pages };
      }
    },
  };
}

const nextId = monotonicFactory();

/** A new ULID (monotonic within the process, so ids sort in creation order). */
export function newId(at = Date.parse('2026-03-10T02:00:00Z')): string {
  return nextId(at);
}

/** A recording of 玩手机-like fixed item 串岗 (kunqu wander) against a staff member, by the device's account. */
export function recorded(device: Pick<Device, 'deviceId' | 'accountId'>, over: Partial<FindingRecorded> = {}): FindingRecorded {
  const at = over.at ?? '2026-03-10T10:00:00+08:00';
  return {
    type: 'finding.recorded',
    id: newId(Date.parse(at)),
    findingId: newId(Date.parse(at)),
    at,
    actorId: device.accountId,
    deviceId: device.deviceId,
    schemeId: 'kunqu-window-staff',
    schemeVersion: 1,
    itemId: 'wander',
    observedAt: at,
    staffId: 's-001',
    photos: [],
    ...over,
  };
}

/** An event without the fields `about` fills in (distributed over the union, so each type keeps its own fields). */
export type EventRest<E extends FindingEvent> = E extends FindingEvent ? Omit<E, 'id' | 'at' | 'actorId' | 'deviceId' | 'findingId'> & { at?: string } : never;

/** A later event about a finding, by the device's account. */
export function about<E extends FindingEvent = FindingEvent>(device: Pick<Device, 'deviceId' | 'accountId'>, findingId: string, rest: EventRest<E>): E {
  const at = rest.at ?? '2026-03-10T11:00:00+08:00';
  return { id: newId(Date.parse(at)), at, actorId: device.accountId, deviceId: device.deviceId, findingId, ...rest } as unknown as E;
}
