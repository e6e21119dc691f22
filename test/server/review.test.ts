import { runReviewRules } from './reviewRules';
import { startPgCluster } from './pgCluster';
import { testServer } from './testServer';

runReviewRules('PGlite (embedded)', async () => {
  const server = await testServer();
  return { server, stop: () => server.close() };
});

runReviewRules('PostgreSQL 15 (throwaway cluster)', async () => {
  const cluster = await startPgCluster();
  const server = await testServer({ databaseUrl: cluster.url });
  return {
    server,
    stop: async () => {
      await server.close();
      cluster.stop();
    },
  };
});
