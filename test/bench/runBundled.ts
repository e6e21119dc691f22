/**
 * Run a benchmark as the tablet runs the engine: bundled and minified by Vite (the app's bundler), then executed by
 * plain Node, not through tsx (whose per-file transform wraps every function and slows the hot loops).
 * Usage: tsx test/bench/runBundled.ts <bench entry .ts> [-- args for the bench]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: tsx test/bench/runBundled.ts <bench entry .ts> [-- args]');
  process.exit(2);
}
const outDir = mkdtempSync(join(tmpdir(), 'hp-bench-'));
try {
  await build({
    configFile: false,
    logLevel: 'warn',
    ssr: { noExternal: true, target: 'node' },
    build: { ssr: resolve(entry), outDir, emptyOutDir: true, minify: true, rollupOptions: { output: { format: 'esm', entryFileNames: 'bench.mjs' } } },
  });
  const args = rest[0] === '--' ? rest.slice(1) : rest;
  // --expose-gc: the bench measures the memory its results keep after a collection.
  const run = spawnSync(process.execPath, ['--expose-gc', join(outDir, 'bench.mjs'), ...args], { stdio: 'inherit', cwd: process.cwd() });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
