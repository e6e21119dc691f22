import type { FindingEvent } from '../../core/events/events';
import type { Queryable } from './db';
import { lockHallChanges } from './migrations';

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
 * Insert a hall's events exactly once: a row that meets a stored one (the same id, or a second recording of the same
 * finding, in this hall) is left out, never an error, so the caller can judge it against what is stored. Takes the
 * hall's write lock so seq order is commit order within the hall. Returns the ids inserted by this call.
 */
export async function insertEvents(tx: Queryable, hallId: string, rows: readonly EventRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  await lockHallChanges(tx, hallId);
  const col = <K extends keyof EventRow>(k: K): EventRow[K][] => rows.map((r) => r[k]);
  const inserted = await tx.query<{ id: string }>(
    `insert into events (seq, hall_id, id, finding_id, type, scheme_id, unit_id, window_id, actor_id, device_id, at, body, clock_offset_ms)
     select nextval('change_seq'), $12, t.* from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::bigint[])
       as t(id, finding_id, type, scheme_id, unit_id, window_id, actor_id, device_id, at, body, clock_offset_ms)
     on conflict do nothing
     returning id`,
    [col('id'), col('findingId'), col('type'), col('schemeId'), col('unitId'), col('windowId'), col('actorId'), col('deviceId'), col('at'), col('body'), col('clockOffsetMs'), hallId],
  );
  return new Set(inserted.map((r) => r.id));
}

/** The stored JSON of those ids that exist in the hall. */
export async function bodiesOf(q: Queryable, hallId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: string; body: string }>('select id, body from events where hall_id = $1 and id = any($2::text[])', [hallId, [...ids]]);
  return new Map(rows.map((r) => [r.id, r.body]));
}

/** Every stored event of these findings of the hall. */
export async function eventsOfFindings(q: Queryable, hallId: string, findingIds: readonly string[]): Promise<FindingEvent[]> {
  if (findingIds.length === 0) return [];
  const rows = await q.query<{ body: string }>('select body from events where hall_id = $1 and finding_id = any($2::text[])', [hallId, [...findingIds]]);
  return rows.map((r) => storedEvent(r.body));
}

/** The highest committed change seq of a hall (events and config); the upper end of its pulls. */
export async function maxChangeSeq(q: Queryable, hallId: string): Promise<number> {
  const rows = await q.query<{ m: string | null }>(
    'select greatest((select max(seq) from events where hall_id = $1), (select max(seq) from config where hall_id = $1))::text as m',
    [hallId],
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

/** Every event of the hall with after < seq <= upTo, in seq order. */
export async function eventsBetween(q: Queryable, hallId: string, after: number, upTo: number): Promise<PullRow[]> {
  const rows = await q.query<{ seq: string; device_id: string; unit_id: string | null; window_id: string | null; body: string }>(
    'select seq::text as seq, device_id, unit_id, window_id, body from events where hall_id = $1 and seq > $2 and seq <= $3 order by events.seq',
    [hallId, after, upTo],
  );
  return rows.map((r) => ({ seq: Number(r.seq), deviceId: r.device_id, unitId: r.unit_id, windowId: r.window_id, body: r.body }));
}

/** Every stored event of the hall's findings recorded under this scheme id (any version), for final results. */
export async function eventsOfScheme(q: Queryable, hallId: string, schemeId: string): Promise<FindingEvent[]> {
  const rows = await q.query<{ body: string }>('select body from events where hall_id = $1 and scheme_id = $2 order by seq', [hallId, schemeId]);
  return rows.map((r) => storedEvent(r.body));
}

/** Which of these finding ids are stored in another hall than `hallId` (naming one is refused: 403, or a rejected event). */
export async function findingsElsewhere(q: Queryable, hallId: string, findingIds: readonly string[]): Promise<Set<string>> {
  if (findingIds.length === 0) return new Set();
  const rows = await q.query<{ finding_id: string }>('select distinct finding_id from events where finding_id = any($1::text[]) and hall_id <> $2', [[...findingIds], hallId]);
  return new Set(rows.map((r) => r.finding_id));
}

/** How many recorded findings of the hall name each person, window and unit (a roster change must not orphan them). */
export async function rosterUsage(q: Queryable, hallId: string): Promise<{ staff: Map<string, number>; windows: Map<string, number>; units: Map<string, number> }> {
  const rows = await q.query<{ staff_id: string | null; window_id: string | null; unit_id: string | null; n: number }>(
    `select body::jsonb ->> 'staffId' as staff_id, window_id, unit_id, count(*)::int as n from events
     where hall_id = $1 and type = 'finding.recorded' group by 1, 2, 3`,
    [hallId],
  );
  const add = (m: Map<string, number>, k: string | null, n: number): void => {
    if (k) m.set(k, (m.get(k) ?? 0) + n);
  };
  const out = { staff: new Map<string, number>(), windows: new Map<string, number>(), units: new Map<string, number>() };
  for (const r of rows) {
    add(out.staff, r.staff_id, r.n);
    add(out.windows, r.window_id, r.n);
    add(out.units, r.unit_id, r.n);
  }
  return out;
}

/** The hall's stored events of a scheme id up to a change seq, each with its seq. */
export async function eventsOfSchemeUpTo(q: Queryable, hallId: string, schemeId: string, upTo: number): Promise<{ events: FindingEvent[]; seqs: number[] }> {
  const rows = await q.query<{ seq: string; body: string }>('select seq::text as seq, body from events where hall_id = $1 and scheme_id = $2 and seq <= $3 order by seq', [hallId, schemeId, upTo]);
  return { events: rows.map((r) => storedEvent(r.body)), seqs: rows.map((r) => Number(r.seq)) };
}
