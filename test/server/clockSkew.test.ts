import { DEFAULT_REVIEW_SETTINGS } from '../../src/core/events/defaultReviewSettings';
import { runClockSkew } from './clockSkew';
import { startPgCluster } from './pgCluster';
import { testServer } from './testServer';

runClockSkew('PGlite (embedded)', async () => {
  const server = await testServer({ review: DEFAULT_REVIEW_SETTINGS });
  return { server, stop: () => server.close() };
});

runClockSkew('PostgreSQL 15 (throwaway cluster)', async () => {
  const cluster = await startPgCluster();
  const server = await testServer({ databaseUrl: cluster.url, review: DEFAULT_REVIEW_SETTINGS });
  return {
    server,
    stop: async () => {
      await server.close();
      cluster.stop();
    },
  };
});
