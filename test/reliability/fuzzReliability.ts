/**
 * `npm run test:reliability`: the long fuzz run of issue 9 (Deliver 3). FUZZ_COUNT hostile requests (default 5,000)
 * against a server on embedded PGlite and as many against one on a throwaway PostgreSQL 15 cluster, all on loopback,
 * one at a time; every answer must be a 4xx with a message or a 2xx, never a 5xx, and the database unchanged after
 * every refusal. Prints the summary table and, as its last line, one JSON object of the figures; exits 1 on any
 * problem. FUZZ_SEED reproduces a run.
 */
import { startPgCluster } from '../server/pgCluster';
import { testServer } from '../server/testServer';
import { fuzzTable, runFuzz } from './runFuzz';
import type { FuzzSummary } from './runFuzz';

const count = Number(process.env.FUZZ_COUNT ?? 5000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

async function main(): Promise<void> {
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
  console.log(`fuzz: ${count} hostile requests per database, seed ${seed}\n`);
  console.log(fuzzTable(runs));
  for (const r of runs) for (const p of r.problems) console.log(`problem (${r.database}): ${p}`);
  const total = (k: 'tried' | 'refused4xx' | 'server5xx' | 'withoutMessage' | 'changedWhenRefused'): number => runs.reduce((a, r) => a + r[k], 0);
  console.log(JSON.stringify({ seed, perDatabase: count, tried: total('tried'), refused4xx: total('refused4xx'), server5xx: total('server5xx'), withoutMessage: total('withoutMessage'), changedWhenRefused: total('changedWhenRefused'), seconds: runs.map((r) => r.seconds) }));
  if (runs.some((r) => r.problems.length > 0)) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
