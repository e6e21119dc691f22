import { afterAll, describe, expect, it } from 'vitest';
import { fuzzTable, runFuzz } from '../reliability/runFuzz';
import type { FuzzSummary } from '../reliability/runFuzz';
import { startPgCluster } from './pgCluster';
import { testServer } from './testServer';

/**
 * Hostile requests against every endpoint, a short run for the normal suite (the 10,000-request run is
 * `npm run test:reliability`): never a 5xx, every 4xx with a message, the database unchanged after every refusal.
 */
describe('fuzzing the server with hostile requests', () => {
  const runs: FuzzSummary[] = [];
  const seed = 20260309;
  afterAll(() => console.log(fuzzTable(runs)));

  it('PGlite: 250 hostile requests', async () => {
    const server = await testServer();
    try {
      const s = await runFuzz(server, 'PGlite', 250, seed);
      runs.push(s);
      expect(s.problems).toEqual([]);
      expect(s.tried).toBeGreaterThan(200);
    } finally {
      await server.close();
    }
  });

  it('PostgreSQL: 250 hostile requests', async () => {
    const cluster = await startPgCluster();
    const server = await testServer({ databaseUrl: cluster.url });
    try {
      const s = await runFuzz(server, 'PostgreSQL', 250, seed + 1);
      runs.push(s);
      expect(s.problems).toEqual([]);
    } finally {
      await server.close();
      cluster.stop();
    }
  });
});
