import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Build the app as `npm run build` does (schemes compiled, PWA generated) into a fresh temporary folder. */
export async function buildApp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'hall-patrol-dist-'));
  await build({ root: resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}
