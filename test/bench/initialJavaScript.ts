import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip size (level 9) of a file of the build. */
export function gzipSize(distDir: string, path: string): number {
  return gzipSync(readFileSync(join(distDir, path.replace(/^\//, ''))), { level: 9 }).length;
}

/**
 * The JavaScript a first load must download before anything runs: the entry script of index.html and every module
 * it preloads (its static imports). Lazy chunks (schemes, photo compressor, scoring worker, other views) are not.
 */
export function initialJavaScript(distDir: string): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1] ?? ''),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? ''),
  ].filter(Boolean);
  return { files, gzipBytes: files.reduce((s, f) => s + gzipSize(distDir, f), 0) };
}
