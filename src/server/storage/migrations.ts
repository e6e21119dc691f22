import type { Db, Queryable } from './db';

/**
 * Schema migrations, applied in order at start. Append only: a shipped migration is never edited.
 * Every row that a device pulls takes its `seq` from one sequence, under the change lock (see CHANGE_LOCK), so a
 * pull cursor (a seq) never skips a row that commits later with a smaller seq.
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
];

/** Advisory lock key taken by every transaction that writes pullable rows (events, config). */
export const CHANGE_LOCK = 73010001;
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
    for (const statement of m.sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
    await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
    applied.push(m.version);
  }
  return applied;
}
