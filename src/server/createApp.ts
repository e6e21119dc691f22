import { Hono } from 'hono';
import type { AppEnv, ServerDeps } from './appEnv';
import { errorResponse } from './httpError';
import { adminRoutes } from './routes/adminRoutes';
import { authRoutes } from './routes/authRoutes';
import { backupRoutes } from './routes/backupRoutes';
import { centreRoutes } from './routes/centreRoutes';
import { hallSetupRoutes } from './routes/hallSetupRoutes';
import { schemeRoutes } from './routes/schemeRoutes';
import { findingRoutes } from './routes/findingRoutes';
import { photoRoutes } from './routes/photoRoutes';
import { resultsRoutes } from './routes/resultsRoutes';
import { publicationRoutes } from './routes/publicationRoutes';
import { exportRoutes } from './routes/exportRoutes';
import { reviewRoutes } from './routes/reviewRoutes';
import { syncRoutes } from './routes/syncRoutes';
import { mountStatic } from './staticFiles';
import { StorageError } from './storage/storageErrors';
import { storageErrorResponse } from './storageErrorResponse';
import { secureHeaders } from 'hono/secure-headers';
import { contentSecurityPolicy } from './edge/contentSecurityPolicy';
import { edgeChecks } from './edge/edgeChecks';
import { logRefusals } from './edge/logRefusals';
import { describeError } from './log';
import { clientWentAway } from './edge/clientGone';

/** The whole server on one port: the API under /api and the built PWA everywhere else. */
export function createApp(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: undefined,
      crossOriginEmbedderPolicy: false,
      // Same-origin photos and API only; the camera is the tablet's own (getUserMedia), nothing else is used.
      permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [] },
    }),
  );
  const csp = contentSecurityPolicy(deps.distDir);
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
  });
  app.use('/api/*', logRefusals(deps.log));
  app.use('/api/*', edgeChecks);
  app.get('/api/health', (c) => c.json({ ok: true, storage: deps.db.kind }));
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/sync', syncRoutes(deps));
  app.route('/api/photos', photoRoutes(deps));
  app.route('/api/results', resultsRoutes(deps));
  app.route('/api/publications', publicationRoutes(deps));
  app.route('/api/exports', exportRoutes(deps));
  app.route('/api/admin/backups', backupRoutes(deps));
  app.route('/api/admin/hall', hallSetupRoutes(deps));
  app.route('/api/admin/schemes', schemeRoutes(deps));
  app.route('/api/admin', adminRoutes(deps));
  app.route('/api/centre', centreRoutes(deps));
  app.route('/api/review', reviewRoutes(deps));
  app.route('/api', findingRoutes(deps));
  app.all('/api/*', (c) => errorResponse(c, 'not-found', `no API route ${c.req.method} ${c.req.path}`));
  if (deps.distDir) mountStatic(app, deps.distDir);
  app.notFound((c) => errorResponse(c, 'not-found', `nothing at ${c.req.method} ${c.req.path.slice(0, 200)}`));
  app.onError((err, c) => {
    if (err instanceof StorageError) return storageErrorResponse(c, err);
    if (clientWentAway(err, c.req.raw)) {
      deps.log({ kind: 'client-gone', method: c.req.method, path: c.req.path.slice(0, 200) });
      return errorResponse(c, 'bad-request', 'the connection closed before the request arrived whole; nothing of it was stored');
    }
    deps.log({ kind: 'error', method: c.req.method, path: c.req.path.slice(0, 200), ...describeError(err) });
    return errorResponse(c, 'server', 'the server failed to handle this request; it was not stored, try again');
  });
  return app;
}
