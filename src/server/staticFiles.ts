import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './appEnv';

/**
 * Serve the built PWA from distDir; any other GET that is not /api falls back to index.html so client-side routes
 * load. The service worker and index.html are revalidated on every load so an update reaches the tablets.
 */
export function mountStatic(app: Hono<AppEnv>, distDir: string): void {
  const root = relative(process.cwd(), distDir) || '.';
  const fresh = (path: string): boolean => /(^|\/)(index\.html|sw\.js|registerSW\.js|manifest\.webmanifest)$/.test(path);
  app.use(
    '*',
    serveStatic({
      root,
      onFound: (path, c) => {
        c.header('cache-control', fresh(path) ? 'no-cache' : /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
      },
    }),
  );
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/') || !existsSync(join(distDir, 'index.html'))) return next();
    return serveStatic({ root, path: 'index.html', onFound: (_p, ctx) => ctx.header('cache-control', 'no-cache') })(c, next);
  });
}
