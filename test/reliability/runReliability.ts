/**
 * `npm run test:reliability`: the long runs of issue 9, each bounded in count and time, all on loopback.
 * - fuzz: FUZZ_COUNT hostile requests (default 5,000) against a server on PGlite and as many on a throwaway
 *   PostgreSQL 15 cluster; never a 5xx, every 4xx with a message, the database unchanged after every refusal.
 * - chaos: two tablets in headless Chromium with CHAOS_FINDINGS findings each (default 2,000, 6 with photos) sync
 *   through CHAOS_INTERRUPTIONS interruptions per database (default 60): network off, connections cut mid-request,
 *   a tab closed mid-request, the server killed with SIGKILL and restarted, PostgreSQL restarted under the server;
 *   the interruptions stop after CHAOS_MINUTES (default 30) even if fewer were made (a loaded machine restarts the
 *   server slowly): the summary counts those made.
 * - durability: DURABILITY_CYCLES times (default 50) a finding saved on the tablet's screen (every 10th with a photo),
 *   and the moment the screen says it is saved, Chromium and all its processes killed with SIGKILL; each next start
 *   checks that everything saved is still in IndexedDB (test/reliability/tabletDurability.ts).
 * CHAOS_DATABASES (default "PGlite,PostgreSQL") picks the chaos run's databases.
 * RELIABILITY_PARTS (default "fuzz,chaos,durability") picks parts; RELIABILITY_SEED reproduces a run. Prints the
 * summary table and, as its last line, one JSON object of the figures; exits 1 on any problem.
 */
import { startPgCluster } from '../server/pgCluster';
import { testServer } from '../server/testServer';
import { bundleForBrowser } from '../e2e/bundleForBrowser';
import { launchChromium } from '../e2e/launchChromium';
import { runChaosSync } from './chaosSync';
import { runKillAfterSave } from './tabletDurability';
import { fuzzTable, runFuzz } from './runFuzz';
import type { FuzzSummary } from './runFuzz';
import { summaryTable } from './summaryTable';
import type { SummaryRow } from './summaryTable';

const env = (name: string, fallback: number): number => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a whole number, not "${process.env[name] ?? ''}"`);
  return v;
};
/** CHAOS_DATABASES (default "PGlite,PostgreSQL") picks the databases of the chaos run. */
const databases = (process.env.CHAOS_DATABASES ?? 'PGlite,PostgreSQL').split(',').map((d): 'PGlite' | 'PostgreSQL' => {
  const name = d.trim();
  if (name !== 'PGlite' && name !== 'PostgreSQL') throw new Error(`CHAOS_DATABASES names PGlite and PostgreSQL only, not "${name}"`);
  return name;
});
const parts = new Set((process.env.RELIABILITY_PARTS ?? 'fuzz,chaos,durability').split(',').map((s) => s.trim()));
const seed = env('RELIABILITY_SEED', Date.now() % 2 ** 31);

async function fuzz(count: number): Promise<FuzzSummary[]> {
  const runs: FuzzSummary[] = [];
  const pglite = await testServer();
  try {
    runs.push(await runFuzz(pglite, 'PGlite', count, seed));
  } finally {
    await pglite.close();
  }
  const cluster = await startPgCluster();
  try {
    const pg = await testServer({ databaseUrl: cluster.url });
    try {
      runs.push(await runFuzz(pg, 'PostgreSQL', count, seed + 1));
    } finally {
      await pg.close();
    }
  } finally {
    cluster.stop();
  }
  return runs;
}

async function chaos(findings: number, interruptions: number): Promise<SummaryRow[]> {
  const [browser, bundle] = await Promise.all([launchChromium(), bundleForBrowser('test/e2e/harness/syncHarness.ts')]);
  const rows: SummaryRow[] = [];
  try {
    for (const database of databases) {
      const s = await runChaosSync({ database, browser, bundle, findingsPerTablet: findings, photosPerTablet: 6, interruptions, chaosMs: env('CHAOS_MINUTES', 30) * 60_000, settleMs: 5 * 60_000, seed: seed + 2, log: (l) => console.log(l) });
      console.log(`chaos ${database}: ${JSON.stringify(s)}`);
      rows.push({
        run: 'chaos sync',
        database,
        requestsTried: s.requests.tried,
        refused4xx: s.requests.refused4xx,
        server5xx: s.requests.server5xx,
        unavailable503: s.requests.unavailable503,
        interruptions: Object.values(s.interruptions).reduce((a, b) => a + b, 0),
        sent: s.sent,
        stored: s.stored,
        duplicates: s.duplicates,
        lost: s.lost,
        seconds: s.seconds,
        problems: [
          ...s.problems,
          ...(s.requests.server5xx > s.requests.unavailable503 ? [`${s.requests.server5xx - s.requests.unavailable503} answers 5xx other than 503`] : []),
          ...(Object.values(s.interruptions).reduce((a, b) => a + b, 0) < interruptions ? [`only ${Object.values(s.interruptions).reduce((a, b) => a + b, 0)} of ${interruptions} interruptions were made in time`] : []),
        ],
      });
    }
  } finally {
    await browser.close();
  }
  return rows;
}

async function main(): Promise<void> {
  const rows: SummaryRow[] = [];
  if (parts.has('fuzz')) {
    const count = env('FUZZ_COUNT', 5000);
    const runs = await fuzz(count);
    console.log(`fuzz: ${count} hostile requests per database, seed ${seed}\n${fuzzTable(runs)}\n`);
    for (const r of runs) {
      rows.push({ run: 'fuzz', database: r.database, requestsTried: r.tried, refused4xx: r.refused4xx, server5xx: r.server5xx, unavailable503: null, interruptions: null, sent: null, stored: null, duplicates: null, lost: null, seconds: r.seconds, problems: r.problems });
    }
  }
  if (parts.has('chaos')) rows.push(...(await chaos(env('CHAOS_FINDINGS', 2000), env('CHAOS_INTERRUPTIONS', 60))));
  if (parts.has('durability')) {
    const s = await runKillAfterSave({ cycles: env('DURABILITY_CYCLES', 50), photoEvery: 10, timeLimitMs: 90 * 60_000, log: (l) => console.log(l) });
    console.log(`kill after save: ${JSON.stringify(s)}`);
    rows.push({ run: 'kill after save', database: 'IndexedDB', requestsTried: null, refused4xx: null, server5xx: null, unavailable503: null, interruptions: s.cycles, sent: s.saved, stored: s.found, duplicates: s.duplicates, lost: s.lost, seconds: s.seconds, problems: s.problems });
  }
  console.log(`\nreliability, seed ${seed}\n`);
  console.log(summaryTable(rows));
  const problems = rows.flatMap((r) => r.problems.map((p) => `${r.run} (${r.database}): ${p}`));
  for (const p of problems) console.log(`problem: ${p}`);
  console.log(JSON.stringify({ seed, rows: rows.map(({ problems: p, ...r }) => ({ ...r, problems: p.length })) }));
  if (problems.length > 0) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
