import { commitWrite } from '../../../src/device/commitWrite';
import { patrolDbSyncStore } from '../../../src/device/sync/patrolDbSyncStore';
import { testDb } from '../testDb';
import { memorySyncStore } from './memorySyncStore';
import { syncStoreContract } from './syncStoreContract';

syncStoreContract('IndexedDB (Dexie, fake-indexeddb)', () => {
  const db = testDb();
  return {
    store: patrolDbSyncStore(db, 'Asia/Shanghai'),
    add: async (event, photos = []) => {
      await commitWrite(db, [event], photos.map((p) => ({ ...p, bytes: p.blob.size, width: 0, height: 0 })), 'Asia/Shanghai');
    },
    eventIds: async () => (await db.events.toCollection().primaryKeys()).map(String),
  };
});

syncStoreContract('memory (the tests’ store)', () => {
  const store = memorySyncStore();
  return {
    store,
    add: async (event, photos = []) => {
      store.add(event);
      for (const p of photos) store.addPhoto(p);
    },
    eventIds: async () => [...[...store.outbox.values()].flatMap((r) => (r.kind === 'event' ? [r.event.id] : [])), ...store.pulled.map((e) => e.id)],
  };
});
