import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'vite';
import type { Rollup } from 'vite';
import { cachedBuild, inputsDigest } from '../fixtures/buildCache';

/**
 * What a browser entry can import: the sources and the test code beside it (src/generated is made from schemes/ and
 * src/), and the exact dependencies.
 */
const INPUTS = ['src', 'schemes', 'test', 'package.json', 'package-lock.json'];

/**
 * Bundle a browser entry (TypeScript, relative to the repository) into one ES module string with Vite, for a test page
 * to load. Made once for the current sources and shared by every test file that asks (see buildCache).
 */
export async function bundleForBrowser(entry: string): Promise<string> {
  const digest = inputsDigest(`bundle ${entry}`, INPUTS, [join('src', 'generated')]);
  const dir = await cachedBuild(`bundle-${entry.replace(/[^A-Za-z0-9]+/g, '_')}`, digest, async (outDir) => {
    writeFileSync(join(outDir, 'bundle.js'), await bundle(entry));
  });
  return readFileSync(join(dir, 'bundle.js'), 'utf8');
}

async function bundle(entry: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
    // PouchDB extends Node's EventEmitter; in the browser it gets the npm `events` package instead of the builtin.
    resolve: { alias: { events: createRequire(import.meta.url).resolve('events/') } },
    build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'bundle' } },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((c): c is Rollup.OutputChunk => c.type === 'chunk');
  if (!chunk) throw new Error(`bundling ${entry} produced no code`);
  return chunk.code;
}
