import { runEdgeDefenses } from './edgeDefenses';
import { startPgCluster } from './pgCluster';
import { testServer } from './testServer';

runEdgeDefenses('PGlite (embedded)', async (log) => {
  const server = await testServer({ log });
  return { server, stop: () => server.close() };
});

runEdgeDefenses('PostgreSQL 15 (throwaway cluster)', async (log) => {
  const cluster = await startPgCluster();
  const server = await testServer({ databaseUrl: cluster.url, log });
  return {
    server,
    stop: async () => {
      await server.close();
      cluster.stop();
    },
  };
});
