import type { Queryable } from './db';
import { CHANGE_LOCK } from './migrations';

/** What the config table holds: the hall setup, scheme versions, and the account list devices see. */
export type ConfigKind = 'setup' | 'scheme' | 'accounts';

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
