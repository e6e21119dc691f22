import type { Queryable } from './db';

/** The halls this server serves, by id (their setup lives in config; docs/halls.md). */
export async function hallIds(q: Queryable): Promise<string[]> {
  return (await q.query<{ id: string }>('select id from halls order by id')).map((r) => r.id);
}

/** Add a hall; false when the id is taken. */
export async function insertHall(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('insert into halls (id) values ($1) on conflict do nothing returning id', [id])).length > 0;
}

/** Whether a hall of this id exists. */
export async function hallExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('select id from halls where id = $1', [id])).length > 0;
}
