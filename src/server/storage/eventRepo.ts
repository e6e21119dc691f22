import type { FindingEvent } from '../../core/events/events';
import type { Queryable } from './db';
import { CHANGE_LOCK } from './migrations';

/** One event as stored: its exact JSON plus the columns pulls, scopes and results filter on. */
export interface EventRow {
  id: string;
  findingId: string;
  type: string;
  schemeId: string;
  unitId: string | null;
  windowId: string | null;
  actorId: string;
  deviceId: string;
  at: string;
  /** JSON.stringify of the checked event: what a pull sends back, byte for byte. */
  body: string;
  /** The server's clock minus the pushing device's clock when it pushed (ms), or null when the push did not say. */
  clockOffsetMs: number | null;
}

/**
 * Read back an event this server stored. Only checked events are ever written (pushEvents), so the stored JSON is
 * trusted here rather than checked again on every read.
 */
export function storedEvent(body: string): FindingEvent {
  return JSON.parse(body) as FindingEvent;
}

/**
 * Insert events exactly once: a row that meets a stored one (the same id, or a second recording of the same finding)
 * is left out, never an error, so the caller can judge it against what is stored. Takes the change lock so seq order
 * is commit order. Returns the ids inserted by this call.
 */
export async function insertEvents(tx: Queryable, rows: readonly EventRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  await tx.query('select pg_advisory_xact_lock($1)', [CHANGE_LOCK]);
  const col = <K extends keyof EventRow>(k: K): EventRow[K][] => rows.map((r) => r[k]);
  const inserted = await tx.query<{ id: string }>(
    `insert into events (seq, id, finding_id, type, scheme_id, unit_id, window_id, actor_id, device_id, at, body, clock_offset_ms)
     select nextval('change_seq'), t.* from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::bigint[])
       as t(id, finding_id, type, scheme_id, unit_id, window_id, actor_id, device_id, at, body, clock_offset_ms)
     on conflict do nothing
     returning id`,
    [col('id'), col('findingId'), col('type'), col('schemeId'), col('unitId'), col('windowId'), col('actorId'), col('deviceId'), col('at'), col('body'), col('clockOffsetMs')],
  );
  return new Set(inserted.map((r) => r.id));
}

/** The stored JSON of those ids that exist. */
export async function bodiesOf(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: string; body: string }>('select id, body from events where id = any($1::text[])', [[...ids]]);
  return new Map(rows.map((r) => [r.id, r.body]));
}

/** Every stored event of these findings. */
export async function eventsOfFindings(q: Queryable, findingIds: readonly string[]): Promise<FindingEvent[]> {
  if (findingIds.length === 0) return [];
  const rows = await q.query<{ body: string }>('select body from events where finding_id = any($1::text[])', [[...findingIds]]);
  return rows.map((r) => storedEvent(r.body));
}

/** The highest committed change seq (events and config); the upper end of a pull. */
export async function maxChangeSeq(q: Queryable): Promise<number> {
  const rows = await q.query<{ m: string | null }>(
    'select greatest((select max(seq) from events), (select max(seq) from config))::text as m',
  );
  return Number(rows[0]?.m ?? 0);
}

/** An event as a pull needs it: where it sits in the change order, who may see it, and its JSON. */
export interface PullRow {
  seq: number;
  deviceId: string;
  unitId: string | null;
  windowId: string | null;
  body: string;
}

/** Every event with after < seq <= upTo, in seq order. */
export async function eventsBetween(q: Queryable, after: number, upTo: number): Promise<PullRow[]> {
  const rows = await q.query<{ seq: string; device_id: string; unit_id: string | null; window_id: string | null; body: string }>(
    'select seq::text as seq, device_id, unit_id, window_id, body from events where seq > $1 and seq <= $2 order by events.seq',
    [after, upTo],
  );
  return rows.map((r) => ({ seq: Number(r.seq), deviceId: r.device_id, unitId: r.unit_id, windowId: r.window_id, body: r.body }));
}

/** Every stored event of findings recorded under this scheme id (any version), for final results. */
export async function eventsOfScheme(q: Queryable, schemeId: string): Promise<FindingEvent[]> {
  const rows = await q.query<{ body: string }>('select body from events where scheme_id = $1 order by seq', [schemeId]);
  return rows.map((r) => storedEvent(r.body));
}
