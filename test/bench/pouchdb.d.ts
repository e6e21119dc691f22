/** The little of PouchDB and express-pouchdb the sync benchmark uses (the packages ship no types). */
interface BenchPouchDb {
  bulkDocs(docs: object[]): Promise<unknown[]>;
  info(): Promise<{ doc_count: number }>;
  replicate: { to(target: string): Promise<{ docs_written: number; ok: boolean }> };
}
interface BenchPouchStatic {
  new (name: string, opts?: { adapter?: string }): BenchPouchDb;
  plugin(p: unknown): BenchPouchStatic;
  defaults(opts: { adapter?: string }): BenchPouchStatic;
}
declare module 'pouchdb-browser' {
  const PouchDB: BenchPouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-core' {
  const PouchDB: BenchPouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
type BenchHandler = (req: unknown, res: unknown, next: unknown) => void;
declare module 'express-pouchdb' {
  function expressPouchDB(pouch: BenchPouchStatic, opts?: { mode?: string; inMemoryConfig?: boolean; logPath?: string }): BenchHandler;
  export default expressPouchDB;
}
declare module 'express' {
  interface BenchExpressApp {
    use(path: string, handler: BenchHandler): BenchExpressApp;
    get(path: string, handler: (req: unknown, res: { type(t: string): { send(body: string): void } }) => void): BenchExpressApp;
    listen(port: number, host: string, cb: () => void): { close(cb?: () => void): void; address(): unknown };
  }
  function express(): BenchExpressApp;
  export default express;
}
