import type { Queryable } from './db';
import { lockHallChanges } from './migrations';

/** What the config table holds per hall: the hall setup, scheme versions, the account list devices see, the review settings. */
export type ConfigKind = 'setup' | 'scheme' | 'accounts' | 'review';

export interface ConfigRow {
  kind: ConfigKind;
  key: string;
  body: string;
  seq: number;
}

/**
 * Store a hall's config document; a new seq (so the hall's devices pull it again) only when the body changed. True
 * when it changed. Takes the hall's write lock.
 */
export async function putConfig(tx: Queryable, hallId: string, kind: ConfigKind, key: string, body: string): Promise<boolean> {
  await lockHallChanges(tx, hallId);
  const rows = await tx.query<{ key: string }>(
    `insert into config (hall_id, kind, key, body, seq) values ($1, $2, $3, $4, nextval('change_seq'))
     on conflict (hall_id, kind, key) do update set body = excluded.body, seq = excluded.seq where config.body <> excluded.body
     returning key`,
    [hallId, kind, key, body],
  );
  return rows.length > 0;
}

/** A hall's config documents with after < seq <= upTo (all of them for after = 0). */
export async function configBetween(q: Queryable, hallId: string, after: number, upTo: number): Promise<ConfigRow[]> {
  const rows = await q.query<{ kind: ConfigKind; key: string; body: string; seq: string }>(
    'select kind, key, body, seq::text as seq from config where hall_id = $1 and seq > $2 and seq <= $3 order by config.seq',
    [hallId, after, upTo],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** The highest config seq of a hall: a cache of its parsed config is valid while this is unchanged. */
export async function configRevision(q: Queryable, hallId: string): Promise<number> {
  const rows = await q.query<{ m: string | null }>('select max(seq)::text as m from config where hall_id = $1', [hallId]);
  return Number(rows[0]?.m ?? 0);
}

/**
 * The upper end of a hall's pull (the highest committed change seq of the hall, events and config) and the hall's
 * config changed after `after` up to it, in one round trip.
 */
export async function changeHead(q: Queryable, hallId: string, after: number): Promise<{ upTo: number; config: ConfigRow[] }> {
  const rows = await q.query<{ up: string | null; kind: ConfigKind | null; key: string | null; body: string | null; seq: string | null }>(
    `with head as (select greatest((select max(seq) from events where hall_id = $1), (select max(seq) from config where hall_id = $1)) as up)
     select head.up::text as up, c.kind, c.key, c.body, c.seq::text as seq
     from head left join config c on c.hall_id = $1 and c.seq > $2 and c.seq <= head.up order by c.seq`,
    [hallId, after],
  );
  const config: ConfigRow[] = [];
  for (const r of rows) if (r.kind && r.key && r.body !== null && r.seq) config.push({ kind: r.kind, key: r.key, body: r.body, seq: Number(r.seq) });
  return { upTo: Number(rows[0]?.up ?? 0), config };
}
