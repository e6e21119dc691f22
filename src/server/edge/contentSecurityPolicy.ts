import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Content-Security-Policy the built PWA runs under: its own origin only, plus the hashes of index.html's inline
 * scripts (read from the build, so an edit of index.html cannot silently break the app), blob: for photos and the
 * scoring worker, inline style attributes (React's style props), no frames, no plugins.
 */
export function contentSecurityPolicy(distDir: string | undefined): string {
  const index = distDir ? join(distDir, 'index.html') : undefined;
  const html = index && existsSync(index) ? readFileSync(index, 'utf8') : '';
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
