import type { Dexie } from 'dexie';

/** One table's rows as rescued. */
interface RescuedTable {
  name: string;
  rows: unknown[];
}

const RESCUE_STORE = 'tables';

/** The database that holds a rescue while the delete goes on: the app's database name with `-rescue`. */
export const rescueName = (name: string): string => `${name}-rescue`;

/**
 * Another tab deleting the tablet's database (`indexedDB.deleteDatabase`) must not take its unsynced findings with it.
 * While the app runs, a second, plain connection (the guard) holds the database. When a delete is asked for, the app's
 * own Dexie connection is closed first, so no write starts after this point (Dexie holds them until it reopens); the
 * guard then reads every table in one transaction (IndexedDB orders it after every write already started) into a
 * rescue database, committed with strict durability, and lets go. The delete happens; Dexie reopens a fresh database
 * and, before any read or write it held runs, the rescued rows are put back and the rescue database is dropped. A rescue
 * left behind by a tab killed half way is put back at the next start. An upgrade by a newer app in another tab is let
 * through (the guard closes, as Dexie does). `ownDelete` tells it when the app itself deletes the database.
 */
export function keepThroughDelete(db: Dexie, factory: IDBFactory | undefined): { ownDelete: () => void } {
  if (!factory) return { ownDelete: () => undefined };
  let guard: IDBDatabase | null = null;
  let deletingOurselves = false;

  const rescue = async (held: IDBDatabase): Promise<void> => {
    db.close({ disableAutoOpen: false });
    const names = [...held.objectStoreNames];
    const tables = await new Promise<RescuedTable[]>((resolve, reject) => {
      const tx = held.transaction(names, 'readonly');
      const out: RescuedTable[] = [];
      for (const name of names) {
        const r = tx.objectStore(name).getAll();
        r.onsuccess = () => out.push({ name, rows: r.result as unknown[] });
      }
      tx.oncomplete = () => resolve(out);
      tx.onerror = () => reject(tx.error ?? new Error('reading the tables to rescue failed'));
    });
    const side = await openRescue(factory, db.name);
    await done(side.transaction(RESCUE_STORE, 'readwrite', { durability: 'strict' }), (tx) => {
      const store = tx.objectStore(RESCUE_STORE);
      for (const t of tables) store.put(t);
    });
    side.close();
  };

  const openGuard = (): void => {
    const r = factory.open(db.name);
    r.onsuccess = () => {
      const held = r.result;
      guard = held;
      held.onversionchange = (event) => {
        guard = null;
        if (event.newVersion !== null || deletingOurselves) {
          held.close();
          return;
        }
        // Whatever happens, the guard lets go in the end: a failed rescue must not block the other tab for good.
        void rescue(held).finally(() => held.close());
      };
    };
  };

  db.on(
    'ready',
    async (vip: Dexie) => {
      await restoreRescue(vip, factory);
      if (!guard) openGuard();
    },
    true,
  );
  return {
    ownDelete: () => {
      deletingOurselves = true;
      guard?.close();
      guard = null;
    },
  };
}

/** Put back what a rescue holds (if any) into the freshly opened database, then drop the rescue database. */
async function restoreRescue(vip: Dexie, factory: IDBFactory): Promise<void> {
  const known = factory.databases ? (await factory.databases()).some((d) => d.name === rescueName(vip.name)) : true;
  if (!known) return;
  const side = await openRescue(factory, vip.name);
  const tables = await new Promise<RescuedTable[]>((resolve, reject) => {
    const r = side.transaction(RESCUE_STORE, 'readonly').objectStore(RESCUE_STORE).getAll();
    r.onsuccess = () => resolve(r.result as RescuedTable[]);
    r.onerror = () => reject(r.error ?? new Error('reading the rescued tables failed'));
  });
  side.close();
  const present = new Set(vip.tables.map((t) => t.name));
  const back = tables.filter((t) => present.has(t.name) && t.rows.length > 0);
  if (back.length) {
    await vip.transaction('rw', back.map((t) => t.name), async () => {
      for (const t of back) await vip.table(t.name).bulkPut(t.rows);
    });
  }
  await new Promise<void>((resolve) => {
    const d = factory.deleteDatabase(rescueName(vip.name));
    d.onsuccess = () => resolve();
    d.onerror = () => resolve();
    d.onblocked = () => resolve();
  });
}

function openRescue(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open(rescueName(name), 1);
    r.onupgradeneeded = () => r.result.createObjectStore(RESCUE_STORE, { keyPath: 'name' });
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('the rescue database did not open'));
  });
}

function done(tx: IDBTransaction, fill: (tx: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    fill(tx);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('writing the rescue failed'));
    tx.onabort = () => reject(tx.error ?? new Error('writing the rescue was aborted'));
  });
}
