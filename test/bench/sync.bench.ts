import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import type { Browser, Page } from 'playwright-core';
import { bundleForBrowser } from '../e2e/bundleForBrowser';
import { launchChromium } from '../e2e/launchChromium';
import { startPgCluster } from '../server/pgCluster';
import { serverProcess } from '../server/serverProcess';
import { runFleet } from './syncFleet';
import type { FleetFigures } from './syncFleet';

/**
 * `npm run bench:sync`. (1) In headless Chromium, 10,000 findings go from the tablet's outbox (the app's Dexie
 * database) to the server over loopback until all are acknowledged, and the same 10,000 records are replicated by
 * PouchDB (pouchdb-browser, IndexedDB) to express-pouchdb (memory adapter) from the same browser. (2) 200 simulated
 * tablets sync at once against the server on PGlite and on PostgreSQL. The last line printed is one JSON object.
 */
const N = 10_000;
/**
 * The fleet: 200 tablets on sync timers of ~10 s (six times the client's default 60 s), 10 new findings per cycle,
 * each pulling every other tablet's findings; then a reconnect storm: all 200 sync once within one second.
 * The goal (p99 < 300 ms, no errors) is judged on the timer phase; the storm shows where the server saturates.
 */
const FLEET = {
  devices: 200,
  perCycle: 10,
  phases: [
    { name: 'timers', cycles: 3, spreadMs: 10_000 },
    { name: 'storm', cycles: 1, spreadMs: 1_000 },
  ],
};

/** A seeded generator, so runs spread their load the same way. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function pageAt(browser: Browser, origin: string, file: string, code: string, global: string): Promise<Page> {
  const ctx = await browser.newContext({ timezoneId: 'Asia/Shanghai' });
  await ctx.route(`${origin}/${file}.html`, (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><script type="module" src="/${file}.js"></script>` }));
  await ctx.route(`${origin}/${file}.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: code }));
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`${file} page: ${e.message}`));
  await page.goto(`${origin}/${file}.html`);
  await page.waitForFunction((g) => g in window, global, { timeout: 10_000 });
  return page;
}

async function ours(browser: Browser, code: string): Promise<{ ms: number; acknowledged: number; records: { _id: string }[]; serverPeakMiB: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'hp-bench-'));
  const server = await serverProcess({ DATA_DIR: dir });
  try {
    const page = await pageAt(browser, server.url, 'harness', code, 'hp');
    await page.evaluate(() => window.hp.setup('bench', 'bench-tablet', 1000));
    await page.evaluate(() => window.hp.signIn('inspector1', 'demo1234'));
    await page.evaluate(() => window.hp.syncNow());
    const queued = await page.evaluate((n) => window.hp.fill(n, 'acc-inspector1', '2026-03-02T01:00:00Z'), N);
    if (queued !== N) throw new Error(`outbox holds ${queued}, expected ${N}`);
    const run = await page.evaluate(async () => {
      const t0 = performance.now();
      const outcome = await window.hp.syncNow();
      return { ms: performance.now() - t0, outcome, left: await window.hp.outboxSize() };
    });
    if (run.outcome !== 'synced' || run.left !== 0) throw new Error(`sync ended ${run.outcome} with ${run.left} left in the outbox`);
    const events = await page.evaluate(() => window.hp.events());
    return { ms: run.ms, acknowledged: N - run.left, records: events.map((e) => ({ _id: e.id, ...e })), serverPeakMiB: server.peakMiB() };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function peer(browser: Browser, code: string, records: { _id: string }[]): Promise<{ ms: number; written: number }> {
  const P = PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(mapreduce).plugin(replication).defaults({ adapter: 'memory' });
  const app = express();
  app.use('/', expressPouchDB(P, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  const srv = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(srv.address() as { port: number }).port}`;
  try {
    await fetch(`${origin}/bench`, { method: 'PUT' });
    const page = await pageAt(browser, origin, 'pouch', code, 'pouch');
    const local = await page.evaluate((docs) => window.pouch.fill(docs), records);
    if (local !== records.length) throw new Error(`local PouchDB holds ${local}`);
    const r = await page.evaluate((remote) => window.pouch.replicate(remote), `${origin}/bench`);
    const info = (await (await fetch(`${origin}/bench`)).json()) as { doc_count: number };
    if (info.doc_count !== records.length) throw new Error(`express-pouchdb holds ${info.doc_count} of ${records.length}`);
    return r;
  } finally {
    await new Promise<void>((resolve) => srv.close(() => resolve()));
  }
}

type FleetRun = { timers: FleetFigures; storm: FleetFigures; serverPeakMiB: number };

async function fleetOn(storage: 'pglite' | 'postgres'): Promise<FleetRun> {
  const dir = mkdtempSync(join(tmpdir(), 'hp-fleet-'));
  const cluster = storage === 'postgres' ? await startPgCluster() : undefined;
  const server = await serverProcess(cluster ? { DATABASE_URL: cluster.url } : { DATA_DIR: dir });
  try {
    const [timers, storm] = await runFleet(server.url, { ...FLEET, random: mulberry32(7) });
    if (!timers || !storm) throw new Error('the fleet ran no phase');
    return { timers, storm, serverPeakMiB: Math.round(server.peakMiB()) };
  } finally {
    await server.stop();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--fleet-only')) {
    console.log(JSON.stringify({ pglite: await fleetOn('pglite'), postgres: await fleetOn('postgres') }));
    return;
  }
  const [browser, harness, pouch] = await Promise.all([
    launchChromium(),
    bundleForBrowser('test/e2e/harness/syncHarness.ts'),
    bundleForBrowser('test/bench/pouchHarness.ts'),
  ]);
  let mine: Awaited<ReturnType<typeof ours>>;
  let theirs: { ms: number; written: number };
  try {
    mine = await ours(browser, harness);
    theirs = await peer(browser, pouch, mine.records);
  } finally {
    await browser.close();
  }
  const pglite = await fleetOn('pglite');
  const postgres = await fleetOn('postgres');
  const ratio = Math.round((theirs.ms / mine.ms) * 100) / 100;
  const line = (name: string, f: FleetFigures): string =>
    `    ${name.padEnd(10)} ${f.eventsPushed} pushed + ${f.eventsPulled} pulled events, ${f.requests} requests in ${(f.wallMs / 1000).toFixed(1)} s: ` +
    `${f.eventsPerSecond} pushed/s, ${f.pulledPerSecond} pulled/s, ${f.requestsPerSecond} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms, errors ${f.errors}` +
    (f.firstError ? `\n      first error: ${f.firstError}` : '');
  const goals = {
    fasterThanPeer3x: ratio >= 3,
    fleetP99Under300msZeroErrors: [pglite, postgres].every((f) => f.timers.p99Ms < 300 && f.timers.errors === 0),
  };
  console.log(`Sync benchmark (headless Chromium ${browser.version()}, loopback)`);
  console.log(`  ${N} findings, outbox -> server (PGlite) until acknowledged: ${Math.round(mine.ms)} ms (${Math.round(N / (mine.ms / 1000))} findings/s)`);
  console.log(`  same ${N} records, PouchDB -> express-pouchdb replication: ${Math.round(theirs.ms)} ms (${Math.round(N / (theirs.ms / 1000))} docs/s)`);
  console.log(`  ratio (PouchDB time / ours): ${ratio}x  [goal >= 3x: ${goals.fasterThanPeer3x ? 'met' : 'NOT met'}]`);
  console.log(`${FLEET.devices} tablets syncing at once, ${FLEET.perCycle} new findings + a pull of everyone else's per cycle:`);
  for (const [name, f] of [['PGlite', pglite], ['PostgreSQL', postgres]] as const) {
    console.log(`  ${name} (server peak memory ${f.serverPeakMiB} MiB):`);
    console.log(line('timers', f.timers) + `  [3 cycles, ~10 s apart]`);
    console.log(line('storm', f.storm) + `  [all 200 within 1 s]`);
  }
  console.log(`  [goal p99 < 300 ms with 0 errors: ${goals.fleetP99Under300msZeroErrors ? 'met' : 'NOT met'}]`);
  console.log(
    JSON.stringify({
      outbox10k: { ms: Math.round(mine.ms), acknowledged: mine.acknowledged, serverPeakMiB: Math.round(mine.serverPeakMiB) },
      pouchdb10k: { ms: Math.round(theirs.ms), written: theirs.written },
      ratio,
      fleet: { pglite, postgres },
      goals,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
