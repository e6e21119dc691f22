import type { Queryable } from './db';
import { CHANGE_LOCK } from './migrations';

/** What the config table holds: the hall setup, scheme versions, the account list devices see, the review settings. */
export type ConfigKind = 'setup' | 'scheme' | 'accounts' | 'review';

export interface ConfigRow {
  kind: ConfigKind;
  key: string;
  body: string;
  seq: number;
}

/** Store a config document; a new seq (so devices pull it again) only when the body changed. True when it changed. */
export async function putConfig(tx: Queryable, kind: ConfigKind, key: string, body: string): Promise<boolean> {
  await tx.query('select pg_advisory_xact_lock($1)', [CHANGE_LOCK]);
  const rows = await tx.query<{ key: string }>(
    `insert into config (kind, key, body, seq) values ($1, $2, $3, nextval('change_seq'))
     on conflict (kind, key) do update set body = excluded.body, seq = excluded.seq where config.body <> excluded.body
     returning key`,
    [kind, key, body],
  );
  return rows.length > 0;
}

/** Config documents with after < seq <= upTo (all of them for after = 0). */
export async function configBetween(q: Queryable, after: number, upTo: number): Promise<ConfigRow[]> {
  const rows = await q.query<{ kind: ConfigKind; key: string; body: string; seq: string }>(
    'select kind, key, body, seq::text as seq from config where seq > $1 and seq <= $2 order by config.seq',
    [after, upTo],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** The highest config seq: a cache of parsed config is valid while this is unchanged. */
export async function configRevision(q: Queryable): Promise<number> {
  const rows = await q.query<{ m: string | null }>('select max(seq)::text as m from config');
  return Number(rows[0]?.m ?? 0);
}

/**
 * The upper end of a pull (the highest committed change seq, events and config) and the config changed after
 * `after` up to it, in one round trip.
 */
export async function changeHead(q: Queryable, after: number): Promise<{ upTo: number; config: ConfigRow[] }> {
  const rows = await q.query<{ up: string | null; kind: ConfigKind | null; key: string | null; body: string | null; seq: string | null }>(
    `with head as (select greatest((select max(seq) from events), (select max(seq) from config)) as up)
     select head.up::text as up, c.kind, c.key, c.body, c.seq::text as seq
     from head left join config c on c.seq > $1 and c.seq <= head.up order by c.seq`,
    [after],
  );
  const config: ConfigRow[] = [];
  for (const r of rows) if (r.kind && r.key && r.body !== null && r.seq) config.push({ kind: r.kind, key: r.key, body: r.body, seq: Number(r.seq) });
  return { upTo: Number(rows[0]?.up ?? 0), config };
}
