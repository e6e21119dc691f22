import type { FindingEvent } from '../../core/events/events';
import type { Queryable } from './db';
import { storedEvent } from './eventRepo';

/** A stored event with where it is charged and when the server received it (the audit trail shows both clocks). */
export interface ArrivedEvent {
  event: FindingEvent;
  /** ISO instant the server stored it. */
  receivedAt: string;
  unitId: string | null;
  windowId: string | null;
  /** The server's clock minus the pushing device's at the push (ms); null when the push did not say. */
  clockOffsetMs: number | null;
}

interface Row {
  body: string;
  received_at: string | Date;
  unit_id: string | null;
  window_id: string | null;
  clock_offset_ms: string | null;
}

const toArrived = (r: Row): ArrivedEvent => ({
  event: storedEvent(r.body),
  // pg returns a Date, PGlite a Date too; normalise to ISO either way.
  receivedAt: new Date(r.received_at).toISOString(),
  unitId: r.unit_id,
  windowId: r.window_id,
  clockOffsetMs: r.clock_offset_ms === null ? null : Number(r.clock_offset_ms),
});

/** Every stored event of one finding, with its arrival. */
export async function arrivedEventsOf(q: Queryable, hallId: string, findingId: string): Promise<ArrivedEvent[]> {
  const rows = await q.query<Row>('select body, received_at, unit_id, window_id, clock_offset_ms::text as clock_offset_ms from events where hall_id = $1 and finding_id = $2 order by seq', [hallId, findingId]);
  return rows.map(toArrived);
}

/** Every stored event of the findings that were ever contested: the committee's queue is folded from them. */
export async function eventsOfContestedFindings(q: Queryable, hallId: string): Promise<ArrivedEvent[]> {
  const rows = await q.query<Row>(
    `select body, received_at, unit_id, window_id, clock_offset_ms::text as clock_offset_ms from events
     where hall_id = $1 and finding_id in (select finding_id from events where hall_id = $1 and type = 'finding.contested')
     order by seq`,
    [hallId],
  );
  return rows.map(toArrived);
}

/** Every stored event of the findings signed under a notice number (a notice covers the findings of one visit). */
export async function eventsOfNotice(q: Queryable, hallId: string, noticeId: string): Promise<ArrivedEvent[]> {
  const rows = await q.query<Row>(
    `select body, received_at, unit_id, window_id, clock_offset_ms::text as clock_offset_ms from events
     where hall_id = $1 and finding_id in (select finding_id from events where hall_id = $1 and type = 'finding.acknowledged' and (body::jsonb ->> 'noticeId') = $2)
     order by seq`,
    [hallId, noticeId],
  );
  return rows.map(toArrived);
}

/** Whether a notice number is used in another hall than `hallId` (naming it answers 403, not 404). */
export async function noticeElsewhere(q: Queryable, hallId: string, noticeId: string): Promise<boolean> {
  const rows = await q.query<{ n: number }>(
    `select 1 as n from events where hall_id <> $1 and type = 'finding.acknowledged' and (body::jsonb ->> 'noticeId') = $2 limit 1`,
    [hallId, noticeId],
  );
  return rows.length > 0;
}

/**
 * Where the findings that name a photo are charged (evidence, counter-evidence or a signature: any event of the
 * finding whose body holds the hash), and who uploaded it. The hash is 64 hex digits, checked by the route, so a
 * text match on the stored body finds exactly the events that name it.
 */
export async function photoCharges(q: Queryable, hallId: string, hash: string): Promise<{ uploadedBy: string | null; charged: { unitId: string | null; windowId: string | null }[] }> {
  const [uploads, charged] = await Promise.all([
    q.query<{ uploaded_by: string | null }>('select uploaded_by from photos where hall_id = $1 and hash = $2', [hallId, hash]),
    q.query<{ unit_id: string | null; window_id: string | null }>(
      `select unit_id, window_id from events
       where hall_id = $1 and type = 'finding.recorded' and finding_id in (select finding_id from events where hall_id = $1 and position($2 in body) > 0)`,
      [hallId, hash],
    ),
  ]);
  return { uploadedBy: uploads[0]?.uploaded_by ?? null, charged: charged.map((r) => ({ unitId: r.unit_id, windowId: r.window_id })) };
}

/** The units of the findings already signed under these notice numbers (a notice covers one unit's findings). */
export async function noticeUnits(q: Queryable, hallId: string, noticeIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (noticeIds.length === 0) return out;
  const rows = await q.query<{ notice_id: string; unit_id: string | null }>(
    `select a.body::jsonb ->> 'noticeId' as notice_id, r.unit_id from events a
     join events r on r.hall_id = a.hall_id and r.finding_id = a.finding_id and r.type = 'finding.recorded'
     where a.hall_id = $1 and a.type = 'finding.acknowledged' and (a.body::jsonb ->> 'noticeId') = any($2::text[])`,
    [hallId, [...noticeIds]],
  );
  for (const r of rows) {
    const set = out.get(r.notice_id) ?? new Set<string>();
    set.add(r.unit_id ?? '');
    out.set(r.notice_id, set);
  }
  return out;
}
