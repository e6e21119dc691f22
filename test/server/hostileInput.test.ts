import { runHostileInput } from './hostileInput';
import { startPgCluster } from './pgCluster';
import { testServer } from './testServer';

runHostileInput('PGlite (embedded)', async () => {
  const server = await testServer();
  return { server, stop: () => server.close() };
});

runHostileInput('PostgreSQL 15 (throwaway cluster)', async () => {
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
