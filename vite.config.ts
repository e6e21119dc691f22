import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * The tablet ships schemes as pre-validated JSON (src/generated/schemes, git-ignored). `npm run build` compiles them
 * first; this makes sure they also exist for `vite dev` or a bare `vite build` on a fresh clone. It runs the same CLI
 * in a child process, so the config does not bundle the scheme parser.
 */
function schemesPlugin(): Plugin {
  return {
    name: 'hall-patrol:schemes',
    buildStart() {
      if (existsSync(join(root, 'src', 'generated', 'schemes'))) return;
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/buildSchemes.ts'], { cwd: root, stdio: 'inherit' });
      if (r.status !== 0) this.error('the scheme files are not valid (see above)');
    },
  };
}

export default defineConfig({
  plugins: [
    schemesPlugin(),
    react(),
    VitePWA({
      // The app shows its own "new version — reload" prompt (src/app/pwa/ReloadPrompt.tsx) and registers the worker.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: '大厅巡查',
        short_name: '大厅巡查',
        description: '政务服务大厅窗口巡查：离线记录、照片证据、即时得分',
        lang: 'zh-CN',
        dir: 'ltr',
        display: 'standalone',
        orientation: 'any',
        start_url: '.',
        scope: '.',
        background_color: '#f3f5f7',
        theme_color: '#0e5e5a',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the patrol can need offline, lazy chunks included (photo compressor, schemes, scoring worker).
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // Schemes are big JSON modules: JSON.parse of a string is much faster to start than a JS object literal.
  json: { stringify: true },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/bench/**', 'node_modules/**'],
    environment: 'node',
    // Server and browser tests start real PostgreSQL, PGlite and Chromium: on a 2-core CI machine running test files
    // in parallel, a start-up can take well over vitest's default 10 s.
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
