import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { cachedBuild, inputsDigest } from '../fixtures/buildCache';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Everything `npm run build` reads: the sources (src/generated is made by the build from schemes/ and src/, which are
 * here), the schemes, the public assets, the page, the build's configuration, the exact dependencies, and this file.
 */
const INPUTS = ['src', 'schemes', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', join('test', 'e2e', 'buildApp.ts')];

/**
 * The app as `npm run build` makes it (schemes compiled, PWA generated), in a fresh temporary folder of the caller's
 * (delete it when done). The build itself is made once for the current sources and shared by every test file that
 * asks (see buildCache): a test run builds the app once, not once per browser test file.
 */
export async function buildApp(): Promise<string> {
  const built = await cachedBuild('app', inputsDigest('vite build', INPUTS, [join('src', 'generated')]), async (outDir) => {
    await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  });
  const outDir = mkdtempSync(join(tmpdir(), 'hall-patrol-dist-'));
  cpSync(built, outDir, { recursive: true });
  return outDir;
}
