import type { Db, Queryable } from './db';

/**
 * Schema migrations, applied in order at start. Append only: a shipped migration is never edited.
 * Every row that a device pulls takes its `seq` from one sequence, under its hall's write lock (see lockHallChanges),
 * so a pull cursor (a seq, per hall) never skips a row that commits later with a smaller seq.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'events, config, accounts, tokens, devices, photos',
    sql: `
      create sequence change_seq;
      create table events (
        seq bigint primary key,
        id text not null unique,
        finding_id text not null,
        type text not null,
        scheme_id text not null,
        unit_id text,
        window_id text,
        actor_id text not null,
        device_id text not null,
        at timestamptz not null,
        body text not null,
        received_at timestamptz not null default now()
      );
      create index events_finding on events (finding_id);
      create index events_scheme on events (scheme_id);
      create index events_unit_seq on events (unit_id, seq);
      create table config (
        kind text not null,
        key text not null,
        body text not null,
        seq bigint not null,
        primary key (kind, key)
      );
      create table accounts (
        id text primary key,
        username text not null unique,
        name text not null,
        role text not null check (role in ('admin', 'inspector', 'chief', 'committee')),
        unit_ids jsonb not null default '[]',
        window_ids jsonb not null default '[]',
        password_hash text not null,
        disabled boolean not null default false,
        created_at timestamptz not null default now()
      );
      create table devices (
        id text primary key,
        name text not null,
        first_seen_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now()
      );
      create table tokens (
        id text primary key,
        hash text not null unique,
        account_id text not null references accounts (id),
        device_id text not null references devices (id),
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz
      );
      create index tokens_device on tokens (device_id, account_id);
      create table login_failures (key text not null, at timestamptz not null default now());
      create index login_failures_key on login_failures (key, at);
      create table photos (
        hash text primary key,
        size integer not null,
        received integer not null default 0,
        complete boolean not null default false,
        content_type text not null,
        uploaded_by text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table photo_chunks (
        hash text not null references photos (hash) on delete cascade,
        start integer not null,
        data bytea not null,
        primary key (hash, start)
      );
    `,
  },
  {
    version: 2,
    name: 'drop the unit index: pulls filter by scope in the pull cache',
    sql: 'drop index if exists events_unit_seq',
  },
  {
    version: 3,
    name: 'hand-over keys; one recording per finding',
    sql: `
      create table device_keys (
        id text primary key,
        account_id text not null references accounts (id),
        device_id text not null references devices (id),
        public_key text not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );
      create index device_keys_device on device_keys (device_id);
      create unique index events_one_recording on events (finding_id) where type = 'finding.recorded'
    `,
  },
  {
    version: 4,
    name: "the pushing device's clock offset with every event",
    sql: 'alter table events add column clock_offset_ms bigint',
  },
  {
    version: 5,
    name: 'many halls: every row belongs to a hall; centre administrators; per-hall change order and write lock',
    // The single hall of a database made before halls is the one its stored setup names (roster.hall.id); every row
    // moves into it. An empty database (a first start) has no rows to move.
    sql: `
      create table halls (id text primary key, created_at timestamptz not null default now());
      insert into halls (id) select body::jsonb #>> '{roster,hall,id}' from config where kind = 'setup' and key = 'hall';

      alter table config add column hall_id text references halls (id);
      update config set hall_id = (select id from halls);
      alter table config alter column hall_id set not null;
      alter table config drop constraint config_pkey;
      alter table config add primary key (hall_id, kind, key);
      create index config_hall_seq on config (hall_id, seq);

      alter table events add column hall_id text references halls (id);
      update events set hall_id = (select id from halls);
      alter table events alter column hall_id set not null;
      alter table events drop constraint events_id_key;
      alter table events add constraint events_hall_event unique (hall_id, id);
      drop index events_one_recording;
      create unique index events_one_recording on events (hall_id, finding_id) where type = 'finding.recorded';
      drop index events_finding;
      create index events_finding on events (hall_id, finding_id);
      drop index events_scheme;
      create index events_scheme on events (hall_id, scheme_id);
      create index events_hall_seq on events (hall_id, seq);

      alter table accounts add column hall_id text references halls (id);
      update accounts set hall_id = (select id from halls);
      alter table accounts add constraint accounts_hall_or_centre check (hall_id is not null or role = 'admin');
      create table centre_halls (
        account_id text not null references accounts (id),
        hall_id text not null references halls (id),
        primary key (account_id, hall_id)
      );

      alter table tokens drop constraint tokens_device_id_fkey;
      alter table device_keys drop constraint device_keys_device_id_fkey;
      alter table devices add column hall_id text references halls (id);
      update devices set hall_id = (select id from halls);
      alter table devices alter column hall_id set not null;
      alter table devices drop constraint devices_pkey;
      alter table devices add primary key (hall_id, id);
      alter table tokens add column hall_id text;
      update tokens set hall_id = (select id from halls);
      alter table tokens alter column hall_id set not null;
      alter table tokens add constraint tokens_hall_device foreign key (hall_id, device_id) references devices (hall_id, id);
      drop index tokens_device;
      create index tokens_device on tokens (hall_id, device_id, account_id);
      alter table device_keys add column hall_id text;
      update device_keys set hall_id = (select id from halls);
      alter table device_keys alter column hall_id set not null;
      alter table device_keys add constraint device_keys_hall_device foreign key (hall_id, device_id) references devices (hall_id, id);
      drop index device_keys_device;
      create index device_keys_device on device_keys (hall_id, device_id);

      alter table photo_chunks drop constraint photo_chunks_hash_fkey;
      alter table photos add column hall_id text references halls (id);
      update photos set hall_id = (select id from halls);
      alter table photos alter column hall_id set not null;
      alter table photos drop constraint photos_pkey;
      alter table photos add primary key (hall_id, hash);
      alter table photo_chunks add column hall_id text;
      update photo_chunks set hall_id = (select id from halls);
      alter table photo_chunks alter column hall_id set not null;
      alter table photo_chunks drop constraint photo_chunks_pkey;
      alter table photo_chunks add primary key (hall_id, hash, start);
      alter table photo_chunks add constraint photo_chunks_photo foreign key (hall_id, hash) references photos (hall_id, hash) on delete cascade;

      create table scheme_uploads (
        hall_id text not null references halls (id),
        key text not null,
        file text not null,
        uploaded_by text not null,
        uploaded_at timestamptz not null default now(),
        primary key (hall_id, key)
      )
    `,
  },
  {
    version: 6,
    name: 'published periods: frozen results, append only',
    // A publication row is never changed or removed (a trigger refuses it even to a hand-written query): a later
    // decision is a new revision with a reason. Each hall publishes its own periods.
    sql: `
      create table publications (
        hall_id text not null references halls (id),
        scheme_id text not null,
        period_key text not null,
        revision integer not null check (revision >= 1),
        period_kind text not null,
        scheme_version integer not null,
        published_at timestamptz not null default now(),
        published_by text not null references accounts (id),
        reason text,
        as_of text not null,
        last_seq bigint not null,
        event_count integer not null,
        finding_count integer not null,
        digest text not null,
        results text not null,
        roster text not null,
        changes text not null,
        primary key (hall_id, scheme_id, period_key, revision),
        check ((revision = 1) = (reason is null))
      );
      create function publications_append_only() returns trigger language plpgsql as $$ begin raise exception 'publications are append only: publish a revision instead' using errcode = 'P0001'; end $$;
      create trigger publications_append_only before update or delete on publications for each row execute function publications_append_only()
    `,
  },
  {
    version: 7,
    name: 'office accounts, bound to the responsible offices whose ledger items they enter',
    sql: `
      alter table accounts drop constraint if exists accounts_role_check;
      alter table accounts add constraint accounts_role_check check (role in ('admin', 'inspector', 'chief', 'committee', 'office'));
      alter table accounts add column offices jsonb not null default '[]'
    `,
  },
];

/**
 * Every transaction that writes pullable rows (events, config) of a hall first takes that hall's write lock: its row
 * in `halls`, locked FOR NO KEY UPDATE (writers of one hall queue; another hall's writers, and inserts that merely
 * reference the hall, do not wait). Seqs are then taken from one sequence under the lock, so within a hall seq order
 * is commit order and a pull cursor never skips a row that commits later with a smaller seq.
 */
export async function lockHallChanges(tx: Queryable, hallId: string): Promise<void> {
  const rows = await tx.query<{ id: string }>('select id from halls where id = $1 for no key update', [hallId]);
  if (rows.length === 0) throw new Error(`no hall "${hallId}"`);
}
const MIGRATION_LOCK = 73010002;

/** Apply the migrations not yet applied; safe when several servers start at once (they queue on a lock). */
export async function migrate(db: Db): Promise<number[]> {
  return db.transaction((tx) => applyMigrations(tx));
}

/**
 * Within the caller's transaction, apply the migrations not yet applied, up to `upTo` (default: all). A restore
 * builds the schema of the backup's version, loads its rows, then applies the newer migrations.
 */
export async function applyMigrations(tx: Queryable, upTo = Infinity): Promise<number[]> {
  await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  await tx.query('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
  const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version) || m.version > upTo) continue;
    for (const statement of splitStatements(m.sql)) await tx.query(statement);
    await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
    applied.push(m.version);
  }
  return applied;
}

/** A migration's statements: split on ';' except inside a dollar-quoted body ($$ ... $$, a function's code). */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < sql.length; i++) {
    if (sql.startsWith('$$', i)) {
      quoted = !quoted;
      i++;
    } else if (sql[i] === ';' && !quoted) {
      out.push(sql.slice(start, i));
      start = i + 1;
    }
  }
  out.push(sql.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}
