import PouchDB from 'pouchdb-browser';

/**
 * The peer in the sync benchmark, in the browser: PouchDB (IndexedDB) replicating the same records to
 * express-pouchdb. Exposed on window for the benchmark to drive.
 */
const api = {
  async fill(docs: { _id: string }[]): Promise<number> {
    const db = new PouchDB('bench-local');
    for (let i = 0; i < docs.length; i += 1000) await db.bulkDocs(docs.slice(i, i + 1000));
    return (await db.info()).doc_count;
  },
  async replicate(remote: string): Promise<{ ms: number; written: number }> {
    const db = new PouchDB('bench-local');
    const t0 = performance.now();
    const r = await db.replicate.to(remote);
    return { ms: performance.now() - t0, written: r.docs_written };
  },
};

declare global {
  interface Window {
    pouch: typeof api;
  }
}
window.pouch = api;
