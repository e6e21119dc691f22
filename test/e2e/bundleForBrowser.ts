import { createRequire } from 'node:module';
import { build } from 'vite';
import type { Rollup } from 'vite';

/** Bundle a browser entry (TypeScript) into one ES module string with Vite, for a test page to load. */
export async function bundleForBrowser(entry: string): Promise<string> {
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
