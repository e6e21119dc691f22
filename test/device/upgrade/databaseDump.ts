import type { Dexie } from 'dexie';

/** A photo's bytes in a dump: base64 text and the type, so a fixture stays JSON. */
interface DumpedBlob {
  blob: { type: string; base64: string };
}

/** Every row of every table of a device database, by table name, as readable JSON (blobs as base64). */
export interface DatabaseDump {
  /** The schema version the rows were written under. */
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

/** Read every table of an open database into a dump. */
export async function dumpDatabase(db: Dexie): Promise<DatabaseDump> {
  const tables: DatabaseDump['tables'] = {};
  for (const table of db.tables) {
    const rows = (await table.toArray()) as Record<string, unknown>[];
    tables[table.name] = await Promise.all(rows.map(dumpRow));
  }
  return { version: db.verno, tables };
}

/** Write a dump's rows into a database that is open at the dump's version (keys kept, outbox seqs included). */
export async function loadDump(db: Dexie, dump: DatabaseDump): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const [name, rows] of Object.entries(dump.tables)) await db.table(name).bulkAdd(rows.map(loadRow));
  });
}

async function dumpRow(row: Record<string, unknown>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...row };
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Blob) out[k] = { type: v.type, base64: Buffer.from(await v.arrayBuffer()).toString('base64') } satisfies DumpedBlob['blob'];
  }
  return out;
}

function loadRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  const b = row.blob as Partial<DumpedBlob['blob']> | undefined;
  if (b && typeof b.base64 === 'string') out.blob = new Blob([Buffer.from(b.base64, 'base64')], { type: b.type ?? '' });
  return out;
}
