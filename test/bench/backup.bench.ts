import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { monotonicFactory } from 'ulid';
import type { FindingRecorded } from '../../src/core/events/events';
import { readBackup } from '../../src/server/backup/readBackup';
import { restoreBackup } from '../../src/server/backup/restoreBackup';
import { writeBackupFile } from '../../src/server/backup/writeBackupFile';
import { loadSchemeFiles } from '../../src/server/hall/loadSchemeFiles';
import { prepareDatabase } from '../../src/server/hall/prepareDatabase';
import type { Db } from '../../src/server/storage/db';
import { insertEvents } from '../../src/server/storage/eventRepo';
import { openStorage } from '../../src/server/storage/openStorage';
import { openPglite } from '../../src/server/storage/pglite/openPglite';
import { openPostgres } from '../../src/server/storage/postgres/openPostgres';
import { appendChunk, completeUpload, createPhoto, uploadKey } from '../../src/server/storage/photoRepo';
import { startPgCluster } from '../server/pgCluster';
import { schemesDir } from '../server/testServer';

/**
 * `npm run bench:backup`: a hall's year of 100,000 findings (recorded events as the server stores them) and 200
 * evidence photos of 150 KB, on PGlite and on PostgreSQL 15: the backup (one snapshot, gzip JSON lines), its size, a
 * verify pass, and a restore into an empty store. Beside them in the same run, each store's own tool on the same
 * data as the baseline: PGlite's dumpDataDir (a tarball of its data directory), and pg_dump -Fc / pg_restore on
 * PostgreSQL. The last line printed is one JSON object.
 */
const FINDINGS = 100_000;
const PHOTOS = 200;
const PHOTO_BYTES = 150_000;
const PG_BIN = '/usr/lib/postgresql/15/bin';

const ms = (t0: number): number => Math.round(performance.now() - t0);
const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function fill(db: Db): Promise<void> {
  const schemes = loadSchemeFiles(schemesDir);
  if (!schemes.ok) throw new Error(schemes.errors.join('\n'));
  await prepareDatabase(db, schemes.schemes);
  const ulid = monotonicFactory();
  const items = ['wander', 'leave-post', 'play-phone', 'forbidden-words'];
  const start = Date.parse('2026-01-01T01:00:00Z');
  const photoHashes: string[] = [];
  for (let p = 0; p < PHOTOS; p++) {
    const bytes = randomBytes(PHOTO_BYTES);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const key = uploadKey(hash, 'acc-inspector1');
    await createPhoto(db, 'demo-hall', { hash: key, size: bytes.length, contentType: 'image/jpeg', uploadedBy: 'acc-inspector1' });
    await db.transaction((tx) => appendChunk(tx, 'demo-hall', key, 0, bytes));
    await db.transaction((tx) => completeUpload(tx, 'demo-hall', key, hash, 'image/jpeg'));
    photoHashes.push(hash);
  }
  for (let done = 0; done < FINDINGS; done += 5_000) {
    const rows = Array.from({ length: 5_000 }, (_, k) => {
      const i = done + k;
      const at = new Date(start + i * 300_000).toISOString();
      const e: FindingRecorded = {
        type: 'finding.recorded',
        id: ulid(),
        findingId: ulid(),
        at,
        actorId: 'acc-inspector1',
        deviceId: 'bench-tablet',
        schemeId: 'kunqu-window-staff',
        schemeVersion: 1,
        itemId: items[i % items.length] ?? 'wander',
        observedAt: at,
        staffId: `s-${String((i % 60) + 1).padStart(3, '0')}`,
        photos: i % 500 === 0 ? [photoHashes[(i / 500) % PHOTOS] ?? ''] : [],
        ...(i % 7 === 0 ? { note: '窗口工作人员在岗期间使用手机，经提醒后改正。' } : {}),
      };
      return { id: e.id, findingId: e.findingId, type: e.type, schemeId: e.schemeId, unitId: 'u-zonghe', windowId: null, actorId: e.actorId, deviceId: e.deviceId, at, body: JSON.stringify(e), clockOffsetMs: null };
    });
    await db.transaction((tx) => insertEvents(tx, 'demo-hall', rows));
  }
}

interface Baseline {
  tool: string;
  dumpMs: number;
  dumpMb: number;
  restoreMs: number;
}

interface StoreFigures {
  store: 'pglite' | 'postgres';
  findings: number;
  databaseMb: number;
  backupMs: number;
  backupMb: number;
  verifyMs: number;
  restoreMs: number;
  baseline: Baseline;
}

/** A store to fill, an empty one to restore into, and the store's own tool run on the source once it is closed. */
interface Bench {
  source: Db;
  target: () => Promise<Db>;
  baseline: () => Promise<Baseline>;
  stop: () => void;
}

async function pgliteBench(root: string): Promise<Bench> {
  const dir = join(root, 'pglite-source', 'pglite');
  return {
    source: await openStorage({ dataDir: dir }),
    target: () => openPglite(join(root, 'pglite-target', 'pglite')),
    async baseline() {
      const { PGlite } = await import('@electric-sql/pglite');
      const raw = await PGlite.create(dir);
      let t = performance.now();
      const dump = await raw.dumpDataDir('gzip');
      const dumpMs = ms(t);
      await raw.close();
      t = performance.now();
      const loaded = await PGlite.create({ loadDataDir: dump });
      await loaded.query('select count(*) from events');
      const restoreMs = ms(t);
      await loaded.close();
      return { tool: 'PGlite dumpDataDir(gzip) / loadDataDir', dumpMs, dumpMb: mb(dump.size), restoreMs };
    },
    stop: () => undefined,
  };
}

async function postgresBench(root: string): Promise<Bench> {
  const cluster = await startPgCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  for (const name of ['source', 'target', 'baseline']) await admin.query(`create database ${name}`);
  await admin.end();
  const url = (name: string): string => cluster.url.replace(/\/postgres$/, `/${name}`);
  // pg_dump and pg_restore run as the cluster's owner, like the cluster itself.
  const asOwner = (cmd: string, args: string[]): void => {
    if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, cmd), ...args], { stdio: 'pipe' });
    else execFileSync(join(PG_BIN, cmd), args, { stdio: 'pipe' });
  };
  return {
    source: await openStorage({ databaseUrl: url('source'), dataDir: undefined }),
    target: () => openPostgres(url('target')),
    async baseline() {
      const dir = join(root, 'pgdump');
      mkdirSync(dir, { recursive: true });
      chmodSync(root, 0o777);
      chmodSync(dir, 0o777);
      const file = join(dir, 'source.dump');
      let t = performance.now();
      asOwner('pg_dump', ['-Fc', '-f', file, url('source')]);
      const dumpMs = ms(t);
      t = performance.now();
      asOwner('pg_restore', ['-d', url('baseline'), file]);
      return { tool: 'pg_dump -Fc / pg_restore', dumpMs, dumpMb: mb(statSync(file).size), restoreMs: ms(t) };
    },
    stop: cluster.stop,
  };
}

async function measure(store: 'pglite' | 'postgres', root: string): Promise<StoreFigures> {
  const bench = store === 'pglite' ? await pgliteBench(root) : await postgresBench(root);
  try {
    const { source } = bench;
    let t = performance.now();
    await fill(source);
    console.log(`${store}: ${FINDINGS} findings and ${PHOTOS} photos stored in ${ms(t)} ms`);
    const [size] = await source.query<{ n: string }>('select pg_database_size(current_database())::text as n');
    t = performance.now();
    const summary = await writeBackupFile(source, join(root, `${store}-backups`));
    const backupMs = ms(t);
    await source.close();
    t = performance.now();
    await readBackup(summary.path);
    const verifyMs = ms(t);
    const into = await bench.target();
    t = performance.now();
    await restoreBackup(into, summary.path);
    const restoreMs = ms(t);
    const [count] = await into.query<{ n: number }>('select count(*)::int as n from events');
    await into.close();
    if (count?.n !== summary.counts.events) throw new Error(`restored ${count?.n} events of ${summary.counts.events}`);
    const baseline = await bench.baseline();
    return { store, findings: FINDINGS, databaseMb: mb(Number(size?.n ?? 0)), backupMs, backupMb: mb(summary.bytes), verifyMs, restoreMs, baseline };
  } finally {
    bench.stop();
  }
}

const root = mkdtempSync(join(tmpdir(), 'hp-bench-backup-'));
try {
  const figures: StoreFigures[] = [];
  for (const store of ['pglite', 'postgres'] as const) figures.push(await measure(store, root));
  console.log(`\nBackup and restore of ${FINDINGS.toLocaleString('en')} findings and ${PHOTOS} photos of ${PHOTO_BYTES / 1000} KB`);
  console.log('store      database   backup            verify    restore     baseline (same run)');
  for (const f of figures) {
    console.log(
      `${f.store.padEnd(9)}  ${`${f.databaseMb} MB`.padStart(8)}   ${`${f.backupMs} ms, ${f.backupMb} MB`.padEnd(16)}  ${`${f.verifyMs} ms`.padStart(8)}  ${`${f.restoreMs} ms`.padStart(9)}     ${f.baseline.tool}: ${f.baseline.dumpMs} ms, ${f.baseline.dumpMb} MB, restore ${f.baseline.restoreMs} ms`,
    );
  }
  console.log(JSON.stringify({ bench: 'backup', findings: FINDINGS, photos: PHOTOS, photoBytes: PHOTO_BYTES, figures }));
} finally {
  rmSync(root, { recursive: true, force: true });
}
