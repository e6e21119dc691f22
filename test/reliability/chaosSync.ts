import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startPgCluster } from '../server/pgCluster';
import { testServer } from '../server/testServer';
import type { PgCluster } from '../server/pgCluster';
import { ChaosTablet } from './chaosTablet';
import type { RequestCounts } from './chaosTablet';
import { checkConvergence } from './chaosVerdict';
import type { ChaosVerdict } from './chaosVerdict';
import { killableServer } from './killableServer';
import { startLoopbackProxy } from './loopbackProxy';

/** The kinds of interruption: the hall Wi-Fi, the person closing the tab, the office PC, its database. */
export type InterruptionKind = 'network-off' | 'connections-cut' | 'tab-closed' | 'server-killed' | 'postgres-restarted';

export interface ChaosOptions {
  database: 'PGlite' | 'PostgreSQL';
  browser: Browser;
  /** The bundled sync harness (test/e2e/harness/syncHarness.ts). */
  bundle: string;
  findingsPerTablet: number;
  /** Findings recorded with a photo of their own, per tablet (600 KiB each, uploaded in chunks). */
  photosPerTablet: number;
  /** Interruptions to make (the run stops making them at `chaosMs`). */
  interruptions: number;
  /** The longest the interruptions may take, then the longest the tablets may take to catch up. */
  chaosMs: number;
  settleMs: number;
  seed: number;
  log?: (line: string) => void;
}

/** What one chaos run did and found. */
export interface ChaosSummary extends ChaosVerdict {
  database: string;
  requests: RequestCounts;
  interruptions: Record<InterruptionKind, number>;
  /** Interruptions made while a request of a tablet was in flight. */
  midRequest: number;
  seconds: number;
}

const PERIOD = '2026-03';
const ACCOUNTS = [
  { name: 'a', username: 'inspector1', accountId: 'acc-inspector1' },
  { name: 'b', username: 'inspector2', accountId: 'acc-inspector2' },
] as const;

/** A small seeded generator (mulberry32): the same seed makes the same sequence of interruptions. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Two tablets record their findings in waves and sync over and over while the run cuts their network, closes a tab
 * mid-request, kills the server with SIGKILL and starts it again, and (on PostgreSQL) restarts the database under the
 * server. Then everything heals and the tablets sync until they are done; the verdict compares the server and both
 * tablets with what the tablets recorded and with an uninterrupted run of the same events. Loopback only; every loop
 * is bounded in count and time.
 */
export async function runChaosSync(o: ChaosOptions): Promise<ChaosSummary> {
  const started = Date.now();
  const log = o.log ?? (() => undefined);
  const random = seeded(o.seed);
  const dir = mkdtempSync(join(tmpdir(), 'hp-chaos-'));
  let cluster: PgCluster | undefined;
  if (o.database === 'PostgreSQL') cluster = await startPgCluster({ synchronousCommit: true });
  const server = killableServer(cluster ? { DATABASE_URL: cluster.url } : { DATA_DIR: join(dir, 'data') }, join(dir, 'server.log'));
  const proxy = await startLoopbackProxy(null);
  // The reference server (the uninterrupted run) starts now, beside the chaos, to be ready for the verdict.
  const reference = testServer();
  reference.catch(() => undefined);
  const tablets: ChaosTablet[] = [];
  const interruptions: Record<InterruptionKind, number> = { 'network-off': 0, 'connections-cut': 0, 'tab-closed': 0, 'server-killed': 0, 'postgres-restarted': 0 };
  let midRequest = 0;
  try {
    const [port, ...opened] = await Promise.all([server.start(), ...ACCOUNTS.map((a) => ChaosTablet.create(o.browser, proxy.url, a.name, o.bundle))]);
    tablets.push(...opened);
    proxy.setUpstream(port);
    await Promise.all(tablets.map((t, i) => t.signIn(ACCOUNTS[i]?.username ?? '')));

    // Each tablet records its findings in waves while it syncs; the photos come with the first waves.
    const waves = 8;
    const chaosUntil = Date.now() + o.chaosMs;
    let chaosOver = false;
    let recordedAll = 0;
    const loops = tablets.map(async (t, i) => {
      const account = ACCOUNTS[i]?.accountId ?? '';
      const plain = o.findingsPerTablet - photoFindings(o.photosPerTablet, i);
      let wave = 0;
      let photo = 0;
      for (let round = 0; round < 100_000 && !chaosOver; round++) {
        if (wave < waves) {
          // Hall time: day `wave + 2` of March, tablet b in the afternoon.
          const at = `2026-03-${String(wave + 2).padStart(2, '0')}T${i === 0 ? '09' : '14'}:00:00+08:00`;
          const n = Math.floor(plain / waves) + (wave < plain % waves ? 1 : 0);
          await t.fill(n, account, at);
          if (photo < o.photosPerTablet) await t.recordWithPhoto(photoSize(photo++, i), account, at.replace(/T\d\d/, 'T11'));
          wave++;
          if (wave === waves) recordedAll++;
        }
        const outcome = await t.syncNow();
        if (outcome !== 'synced') await sleep(150 + random() * 300);
        else await sleep(50);
      }
      if (wave < waves || photo < o.photosPerTablet) throw new Error(`tablet ${t.name} had not recorded every wave when the chaos ended: make chaosMs longer`);
    });

    const kinds: InterruptionKind[] = ['network-off', 'connections-cut', 'tab-closed', 'server-killed', ...(cluster ? (['postgres-restarted'] as const) : [])];
    let round: InterruptionKind[] = [];
    for (let n = 0; n < o.interruptions && Date.now() < chaosUntil; n++) {
      await sleep(200 + random() * 1200);
      // Every kind once per round, in a seeded order: a short run meets each kind too.
      if (n % kinds.length === 0) round = shuffle(kinds, random);
      const kind = round[n % kinds.length] ?? 'network-off';
      const tablet = tablets[Math.floor(random() * tablets.length)] ?? tablets[0];
      if (!tablet) break;
      // Aim at a request in flight: wait for one (bounded), as the faults of a hall meet a tablet mid-sync.
      for (let w = 0; w < 100 && tablets.every((t) => t.inFlight === 0); w++) await sleep(20);
      if (tablets.some((t) => t.inFlight > 0)) midRequest++;
      log(`${o.database}: interruption ${n + 1} ${kind}${kind === 'tab-closed' || kind === 'network-off' ? ` (tablet ${tablet.name})` : ''}`);
      if (kind === 'network-off') {
        await tablet.ctx.setOffline(true);
        await sleep(300 + random() * 1500);
        await tablet.ctx.setOffline(false);
      } else if (kind === 'connections-cut') {
        proxy.cutAll();
      } else if (kind === 'tab-closed') {
        for (let w = 0; w < 100 && tablet.inFlight === 0; w++) await sleep(20);
        await tablet.close();
      } else if (kind === 'server-killed') {
        proxy.setUpstream(null);
        await server.kill();
        proxy.cutAll();
        await sleep(random() * 1000);
        const t = Date.now();
        proxy.setUpstream(await server.start());
        log(`${o.database}: the server is back after ${((Date.now() - t) / 1000).toFixed(1)} s`);
      } else if (cluster) {
        cluster.halt(random() < 0.5 ? 'fast' : 'immediate');
        await sleep(300 + random() * 1500);
        cluster.resume();
      }
      interruptions[kind]++;
    }
    // Every wave is recorded before the chaos ends (bounded), so the tablets' last work also meets the faults.
    for (let w = 0; w < 6000 && recordedAll < tablets.length; w++) await sleep(20);
    chaosOver = true;
    await Promise.all(loops);
    const verdict = await checkConvergence({ tablets, accounts: ACCOUNTS, serverUrl: () => `http://127.0.0.1:${server.port()}`, reference: await reference, period: PERIOD, settleMs: o.settleMs, expectedPerTablet: o.findingsPerTablet, log });
    verdict.problems.push(...server.errors().slice(0, 5).map((e) => `the server logged an error: ${e}`));
    const requests: RequestCounts = { tried: 0, ok2xx: 0, refused4xx: 0, server5xx: 0, unavailable503: 0, noAnswer: 0 };
    for (const t of tablets) for (const k of Object.keys(requests) as (keyof RequestCounts)[]) requests[k] += t.counts[k];
    return { database: o.database, requests, interruptions, midRequest, seconds: Math.round((Date.now() - started) / 100) / 10, ...verdict };
  } finally {
    await Promise.all(tablets.map((t) => t.ctx.close().catch(() => undefined)));
    await proxy.close();
    await server.stop();
    await (await reference.catch(() => null))?.close();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A copy of `items` in a random order (Fisher–Yates). */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The size of the recording that carries photo `k` of tablet `i`: odd sizes for tablet a, even for b, so every photo differs. */
function photoSize(k: number, i: number): number {
  return 2 * k + 1 + i;
}

/** How many findings the photo recordings of tablet `i` make in all. */
export function photoFindings(photos: number, i: number): number {
  let n = 0;
  for (let k = 0; k < photos; k++) n += photoSize(k, i);
  return n;
}
