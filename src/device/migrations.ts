import type { Dexie, Transaction } from 'dexie';
import { metaToTables } from './metaToTables';

/**
 * The device database's schema history. A version is never edited once shipped: a change is a new version with an
 * upgrade that brings old rows forward. Rows read during an upgrade are unknown data and are checked before use.
 */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    stores: {
      events: 'id, findingId, day',
      outbox: '++seq, kind',
      photos: 'hash, findingId',
      meta: 'key',
    },
  },
  {
    // v2: coverage needs "windows visited today" and the panel shows a window's recent findings, so visits get
    // their own table and event rows carry the window as an index, backfilled from the stored recordings.
    version: 2,
    stores: {
      events: 'id, findingId, day, windowId',
      visits: 'id, day, windowId',
    },
    upgrade: async (tx) => {
      await tx
        .table('events')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          const windowId = recordedWindowId(row.event);
          if (windowId !== undefined) row.windowId = windowId;
        });
    },
  },
  {
    // v3: device state leaves the `meta` table of JSON strings for typed tables, one per concept, checked when read.
    version: 3,
    stores: {
      device: 'key',
      session: 'key',
      syncState: 'key',
      rejections: 'eventId',
      hall: 'key',
      schemes: '[id+version]',
      accounts: 'id',
      reviewSettings: 'key',
      handOver: 'accountId',
    },
    upgrade: metaToTables,
  },
  {
    // v4: `meta` is gone (its rows moved in v3; Dexie lets an upgrade read a table that a later version deletes).
    version: 4,
    stores: { meta: null },
  },
  {
    // v5: the office's desk remembers how it reads each source's raw export (a column mapping per scheme and name).
    version: 5,
    stores: { ledgerMappings: '[schemeId+name], schemeId' },
  },
];

/** The latest schema version. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 1;

/** Declare the schema versions up to `upTo` (all by default) on a Dexie instance. */
export function declareSchema(db: Dexie, upTo: number = SCHEMA_VERSION): void {
  for (const m of MIGRATIONS) {
    if (m.version > upTo) break;
    const v = db.version(m.version).stores(m.stores);
    if (m.upgrade) v.upgrade(m.upgrade);
  }
}

function recordedWindowId(event: unknown): string | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const e = event as { type?: unknown; windowId?: unknown };
  return e.type === 'finding.recorded' && typeof e.windowId === 'string' ? e.windowId : undefined;
}
