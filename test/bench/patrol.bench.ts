/**
 * Benchmark of the patrol tablet in headless Chromium (the system's /usr/bin/chromium) with CPU throttling, on a
 * device already holding 10,000 findings:
 *  - tap-to-saved: pointer up on an item → the finding committed to IndexedDB (event + outbox row) and shown (the
 *    undo bar names it), p50/p95 over 200 taps at a human pace; beside the floor, a bare Dexie add of the same
 *    record in the same page at the same pace (also: record + outbox row in one transaction, and adds back to back);
 *  - offline cold start: a browser launched offline (service worker cached, not running) to an interactive map;
 *  - initial JavaScript (gzip) of the build.
 * Prints a summary and, as the last line, one JSON object of the figures.
 * Usage: npm run bench:patrol [-- --taps 200 --findings 10000 --throttle 4 --cold 5 --profile cold.cpuprofile]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { demoHall } from '../../src/core/model/demoHall';
import { buildApp } from '../e2e/buildApp';
import { launchPersistent } from '../e2e/launchChromium';
import { startServer } from '../../src/server/startServer';
import { gzipSize, initialJavaScript } from './initialJavaScript';
import { storedFindings } from './storedFindings';
import { prng } from './synthetic';

const { values } = parseArgs({
  options: {
    taps: { type: 'string', default: '200' },
    findings: { type: 'string', default: '10000' },
    throttle: { type: 'string', default: '4' },
    cold: { type: 'string', default: '5' },
    /** Write a JavaScript CPU profile of the first cold start here (open in Chrome DevTools). */
    profile: { type: 'string' },
  },
});
const TAPS = Number(values.taps);
const FINDINGS = Number(values.findings);
const THROTTLE = Number(values.throttle);
const COLD_RUNS = Number(values.cold);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAP = '示范政务服务大厅平面图';
const ITEM = 'kunqu-window-staff/play-phone';

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const r1 = (x: number): number => Math.round(x * 10) / 10;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function throttle(context: BrowserContext, page: Page): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return cdp;
}

/** Raw IndexedDB in the page: who recorded the latest finding (the signed-in account on this device). */
async function readIdentity(page: Page): Promise<{ actorId: string; deviceId: string }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('hall-patrol');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const last = await new Promise<{ event: { actorId: string; deviceId: string } }>((res, rej) => {
      const r = db.transaction('events').objectStore('events').openCursor(null, 'prev');
      r.onsuccess = () => res(r.result?.value as { event: { actorId: string; deviceId: string } });
      r.onerror = () => rej(r.error);
    });
    db.close();
    return { actorId: last.event.actorId, deviceId: last.event.deviceId };
  });
}

/** Raw IndexedDB in the page: insert rows in one transaction per batch. */

async function insertRows(page: Page, events: unknown[], outbox: unknown[]): Promise<void> {
  await page.evaluate(
    async ({ events, outbox }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('hall-patrol');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      await new Promise<void>((res, rej) => {
        const tx = db.transaction(['events', 'outbox'], 'readwrite');
        for (const e of events) tx.objectStore('events').put(e);
        for (const o of outbox) tx.objectStore('outbox').add(o);
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    },
    { events, outbox },
  );
}

async function waitForMap(page: Page): Promise<void> {
  await page.getByRole('group', { name: MAP }).waitFor({ timeout: 60_000 });
}

// ---- build, install online, seed ----
const dist = await buildApp();
const initial = initialJavaScript(dist);
// The sync server serves the app and the API on one origin: the first sign-in needs it once, then it is stopped.
const server = await startServer({ port: 0, hostname: '127.0.0.1', dataDir: undefined, schemesDir: join(ROOT, 'schemes'), distDir: dist });
const profile = mkdtempSync(join(tmpdir(), 'hall-patrol-bench-'));
let context = await launchPersistent(profile);
// tsx compiles this file with esbuild's keepNames, which wraps named functions inside page.evaluate bodies in a
// __name() helper the page does not have: give the page a no-op one.
await context.addInitScript('globalThis.__name = (f) => f;');
let page = context.pages()[0] ?? (await context.newPage());
await page.goto(server.url);
await page.getByLabel('用户名').fill('inspector1');
await page.getByLabel('密码').fill('demo1234');
await page.getByRole('button', { name: '登录' }).click();
await waitForMap(page);
await page.evaluate(async () => void (await navigator.serviceWorker.ready));
// One finding through the UI tells which account and device the stored findings belong to.
await page.getByRole('button', { name: /^5号窗口，/ }).click();
await page.locator(`[data-item="${ITEM}"]`).first().click();
await page.locator('.undo-bar').waitFor();
await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
const hall = demoHall();
const identity = await readIdentity(page);
const seeded = storedFindings(hall, join(ROOT, 'src', 'generated', 'schemes'), identity, FINDINGS, Date.now() - 5 * 60e3);
for (let i = 0; i < seeded.events.length; i += 2000) await insertRows(page, seeded.events.slice(i, i + 2000), seeded.outbox.slice(i, i + 2000));
await server.close();
await context.setOffline(true);
await page.reload();
await waitForMap(page);
await throttle(context, page);
// Let the background load of the year and the first scoring settle, as on a tablet that has been on for a while.
await sleep(4000);

// ---- tap to saved ----
await page.getByRole('button', { name: /^5号窗口，/ }).click();
const item = page.locator(`[data-item="${ITEM}"]`).first();
await item.waitFor();
await page.evaluate(() => {
  const w = window as unknown as { __lat: number[]; __start: number; __last: string };
  w.__lat = [];
  w.__start = NaN;
  w.__last = '';
  document.addEventListener('pointerup', (e) => void (w.__start = e.timeStamp), { capture: true });
  new MutationObserver(() => {
    const id = document.querySelector<HTMLElement>('.undo-bar')?.dataset.finding ?? '';
    if (id && id !== w.__last) {
      w.__last = id;
      w.__lat.push(performance.now() - w.__start);
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-finding'] });
});
// Human pace: a pause of 150-650 ms after each saved finding (the paced floor below waits the same).
const gapOf = prng(3);
const gaps = Array.from({ length: TAPS }, () => 150 + Math.floor(gapOf() * 500));
for (let i = 0; i < TAPS; i++) {
  await item.click();
  await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length > n, i);
  await sleep(gaps[i] ?? 300);
}
const taps = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);

// ---- the floor: a bare Dexie add of the same record, in the same page ----
// Measured twice: at the taps' pace (an add after each of the same pauses: the fair comparison, since a storage
// round trip after a pause costs more than one in a tight loop) and back to back (the best case storage allows).
await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules', 'dexie', 'dist', 'dexie.js'), 'utf8') });
const floor = await page.evaluate(async (gaps) => {
  type Row = { id: string; findingId: string; event: { id: string; findingId: string } };
  type Table = { add: (r: unknown) => Promise<unknown>; orderBy: (k: string) => { last: () => Promise<Row | undefined> } };
  type Db = { open: () => Promise<unknown>; table: (n: string) => Table; transaction: (m: string, t: string[], f: () => Promise<void>) => Promise<void>; close: () => void };
  const DexieCtor = (window as unknown as { Dexie: new (name: string) => Db }).Dexie;
  const db = new DexieCtor('hall-patrol');
  await db.open();
  const template = await db.table('events').orderBy('id').last();
  if (!template) throw new Error('no event to copy');
  const copy = (i: number, k: string): Row => {
    const id = `${template.id.slice(0, 16)}FLOOR${k}${String(i).padStart(4, '0')}`.slice(0, 26);
    return { ...template, id, findingId: `${id}F`, event: { ...template.event, id, findingId: `${id}F` } };
  };
  const timed = async (f: () => Promise<unknown>): Promise<number> => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  const out = { paced: [] as number[], pacedTx: [] as number[], tight: [] as number[] };
  for (let i = 0; i < gaps.length; i++) {
    await new Promise((r) => setTimeout(r, gaps[i] ?? 300));
    const a = copy(i, 'P');
    out.paced.push(await timed(() => db.table('events').add(a)));
    await new Promise((r) => setTimeout(r, gaps[i] ?? 300));
    const b = copy(i, 'T');
    out.pacedTx.push(
      await timed(() =>
        db.transaction('rw', ['events', 'outbox'], async () => {
          await db.table('events').add(b);
          await db.table('outbox').add({ kind: 'event', eventId: b.id, event: b.event });
        }),
      ),
    );
  }
  for (let i = 0; i < gaps.length; i++) {
    const c = copy(i, 'B');
    out.tight.push(await timed(() => db.table('events').add(c)));
  }
  db.close();
  return out;
}, gaps);
await context.close();

// ---- offline cold start ----
const cold: number[] = [];
const coldMarks: Record<string, number>[] = [];
const bootFiles = new Set<string>();
for (let i = 0; i < COLD_RUNS; i++) {
  context = await launchPersistent(profile);
  await context.setOffline(true);
  page = context.pages()[0] ?? (await context.newPage());
  const cdp = await throttle(context, page);
  const profiling = i === 0 && values.profile !== undefined;
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto(server.url);
  // Wait for the app's own mark without polling the page (a locator would keep the main thread busy meanwhile).
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        if (performance.getEntriesByName('hp:map-interactive').length > 0) return resolve();
        new PerformanceObserver((list, obs) => {
          if (list.getEntriesByName('hp:map-interactive').length > 0) {
            obs.disconnect();
            resolve();
          }
        }).observe({ type: 'mark', buffered: true });
      }),
  );
  if (profiling && values.profile) writeFileSync(values.profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  const { ms, files, marks } = await page.evaluate(() => {
    const mark = performance.getEntriesByName('hp:map-interactive')[0]?.startTime ?? NaN;
    const js = performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime <= mark && new URL(r.name).pathname.endsWith('.js'))
      .map((r) => new URL(r.name).pathname);
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]));
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { ms: mark, files: js, marks: { ...marks, responseEnd: Math.round(nav?.responseEnd ?? NaN), domInteractive: Math.round(nav?.domInteractive ?? NaN) } };
  });
  cold.push(ms);
  coldMarks.push(marks);
  for (const f of files) bootFiles.add(f);
  await context.close();
}
const bootJs = [...bootFiles].reduce((sum, f) => sum + gzipSize(dist, f), 0);
rmSync(profile, { recursive: true, force: true });
rmSync(dist, { recursive: true, force: true });

// ---- report ----
const tap = { p50: r1(pct(taps, 50)), p95: r1(pct(taps, 95)), max: r1(Math.max(...taps)) };
const stats = (xs: number[]): { p50: number; p95: number } => ({ p50: r1(pct(xs, 50)), p95: r1(pct(xs, 95)) });
const floorAdd = stats(floor.paced);
const floorTx = stats(floor.pacedTx);
const floorTight = stats(floor.tight);
const ratio = r1(tap.p95 / floorAdd.p95);
const ratioTight = r1(tap.p95 / floorTight.p95);
const coldStart = { median: Math.round(pct(cold, 50)), max: Math.round(Math.max(...cold)), runs: cold.map(Math.round) };
const initialKB = r1(initial.gzipBytes / 1024);
const bootKB = r1(bootJs / 1024);
const goals = { tapP95: tap.p95 <= 50, tapVsFloor: ratio <= 3, coldStart: coldStart.median <= 1000, initialJs: initialKB <= 150 };
const line = (ok: boolean): string => (ok ? 'met' : 'NOT met');
process.stdout.write(
  [
    `Hall Patrol on headless Chromium, CPU throttled ${THROTTLE}x, ${FINDINGS} findings stored, offline.`,
    `tap → saved and shown (${taps.length} taps): p50 ${tap.p50} ms, p95 ${tap.p95} ms, max ${tap.max} ms   [goal p95 ≤ 50 ms: ${line(goals.tapP95)}]`,
    `floor, a bare Dexie add of the same record at the same pace: p50 ${floorAdd.p50} ms, p95 ${floorAdd.p95} ms; with its outbox row in one transaction: p50 ${floorTx.p50} ms, p95 ${floorTx.p95} ms; back to back: p50 ${floorTight.p50} ms, p95 ${floorTight.p95} ms`,
    `tap p95 / floor p95 = ${ratio}x   [goal ≤ 3x: ${line(goals.tapVsFloor)}]; against the back-to-back floor: ${ratioTight}x`,
    `offline cold start to an interactive map (${cold.length} browser launches): median ${coldStart.median} ms, max ${coldStart.max} ms   [goal ≤ 1000 ms: ${line(goals.coldStart)}]`,
    `  milestones of the first cold start (ms since navigation): ${JSON.stringify(coldMarks[0] ?? {})}`,
    `initial JavaScript: ${initialKB} KB gzip in ${initial.files.length} files   [goal ≤ 150 KB: ${line(goals.initialJs)}]; all JavaScript loaded before the map is interactive: ${bootKB} KB gzip`,
    JSON.stringify({
      bench: 'patrol',
      cpuThrottle: THROTTLE,
      findingsStored: FINDINGS,
      tapToSavedMs: { ...tap, n: taps.length },
      floorDexieAddMs: floorAdd,
      floorDexieAddWithOutboxMs: floorTx,
      floorDexieAddBackToBackMs: floorTight,
      tapP95OverFloorP95: ratio,
      tapP95OverBackToBackFloorP95: ratioTight,
      offlineColdStartMs: coldStart,
      initialJsGzipKB: initialKB,
      bootJsGzipKB: bootKB,
      goals,
    }),
  ].join('\n') + '\n',
);
