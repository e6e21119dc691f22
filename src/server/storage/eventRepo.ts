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
}

/** A chief's pull scope; undefined = the whole hall. */
export interface EventScope {
  unitIds: string[];
  windowIds: string[];
}

/**
 * Read back an event this server stored. Only checked events are ever written (pushEvents), so the stored JSON is
 * trusted here rather than checked again on every read.
 */
export function storedEvent(body: string): FindingEvent {
  return JSON.parse(body) as FindingEvent;
}

/**
 * Insert events exactly once: an id already present is left alone (a retry racing its first attempt). Takes the
 * change lock so seq order is commit order. Returns the ids inserted by this call.
 */
export async function insertEvents(tx: Queryable, rows: readonly EventRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  await tx.query('select pg_advisory_xact_lock($1)', [CHANGE_LOCK]);
  const col = <K extends keyof EventRow>(k: K): EventRow[K][] => rows.map((r) => r[k]);
  const inserted = await tx.query<{ id: string }>(
    `insert into events (seq, id, finding_id, type, scheme_id, unit_id, window_id, actor_id, device_id, at, body)
     select nextval('change_seq'), t.* from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])
       as t(id, finding_id, type, scheme_id, unit_id, window_id, actor_id, device_id, at, body)
     on conflict (id) do nothing
     returning id`,
    [col('id'), col('findingId'), col('type'), col('schemeId'), col('unitId'), col('windowId'), col('actorId'), col('deviceId'), col('at'), col('body')],
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

/** Which events a pull sends: within a chief's scope, and not the pulling device's own (it has them already). */
export interface PullFilter {
  scope?: EventScope | undefined;
  notDevice?: string | undefined;
}

function filterSql(f: PullFilter, params: unknown[]): string {
  let sql = '';
  if (f.scope) {
    params.push(f.scope.unitIds, f.scope.windowIds);
    sql += ` and (unit_id = any($${params.length - 1}::text[]) or window_id = any($${params.length}::text[]))`;
  }
  if (f.notDevice !== undefined) {
    params.push(f.notDevice);
    sql += ` and device_id <> $${params.length}`;
  }
  return sql;
}

/**
 * One page for a pull, aggregated in the database: the events' JSON already joined with commas, how many, and the
 * last seq. One row instead of `limit` rows keeps large pulls cheap, most of all on PGlite.
 */
export async function eventsPage(q: Queryable, after: number, upTo: number, limit: number, filter: PullFilter = {}): Promise<{ joined: string; count: number; lastSeq: number }> {
  const params: unknown[] = [after, upTo, limit];
  const where = filterSql(filter, params);
  const rows = await q.query<{ joined: string | null; n: string; last: string | null }>(
    `select string_agg(body, ',' order by seq) as joined, count(*)::text as n, max(seq)::text as last
     from (select seq, body from events where seq > $1 and seq <= $2${where} order by events.seq limit $3) page`,
    params,
  );
  const r = rows[0];
  return { joined: r?.joined ?? '', count: Number(r?.n ?? 0), lastSeq: Number(r?.last ?? after) };
}

/** How many events that pass the filter have after < seq <= upTo (for progress). */
export async function countEventsAfter(q: Queryable, after: number, upTo: number, filter: PullFilter = {}): Promise<number> {
  const params: unknown[] = [after, upTo];
  const where = filterSql(filter, params);
  const rows = await q.query<{ n: string }>(`select count(*)::text as n from events where seq > $1 and seq <= $2${where}`, params);
  return Number(rows[0]?.n ?? 0);
}

/** Every stored event of findings recorded under this scheme id (any version), for final results. */
export async function eventsOfScheme(q: Queryable, schemeId: string): Promise<FindingEvent[]> {
  const rows = await q.query<{ body: string }>('select body from events where scheme_id = $1 order by seq', [schemeId]);
  return rows.map((r) => storedEvent(r.body));
}
