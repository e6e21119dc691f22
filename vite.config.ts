import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * The tablet ships schemes as pre-validated JSON (src/generated/schemes, git-ignored), and trusts them as checked
 * schemes. Every build, dev start and test run makes sure they were compiled from the current scheme files by the
 * current format code: a digest of those inputs is kept beside the JSON, and a different digest (a fresh clone, an
 * edited scheme, a changed format) compiles them again with the same CLI in a child process (so the config does not
 * bundle the scheme parser). JSON left over from an older format would otherwise reach the tablet unchecked.
 */
function schemesPlugin(): Plugin {
  const outDir = join(root, 'src', 'generated', 'schemes');
  const stamp = join(root, 'src', 'generated', 'schemes.inputs');
  return {
    name: 'hall-patrol:schemes',
    buildStart() {
      const digest = schemeInputsDigest();
      if (existsSync(outDir) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/buildSchemes.ts'], { cwd: root, stdio: 'inherit' });
      if (r.status !== 0) this.error('the scheme files are not valid (see above)');
      writeFileSync(stamp, digest);
    },
  };
}

/** SHA-256 over the scheme files and the code that parses and compiles them. */
function schemeInputsDigest(): string {
  const files = [
    ...readdirSync(join(root, 'schemes')).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => join('schemes', f)),
    ...readdirSync(join(root, 'src', 'core', 'scheme')).filter((f) => f.endsWith('.ts')).map((f) => join('src', 'core', 'scheme', f)),
    ...readdirSync(join(root, 'src', 'server', 'schemes')).filter((f) => f.endsWith('.ts')).map((f) => join('src', 'server', 'schemes', f)),
    join('src', 'cli', 'compileSchemes.ts'),
  ].sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');
  return hash.digest('hex');
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
    hookTimeout: 300_000,
    testTimeout: 300_000,
  },
});
