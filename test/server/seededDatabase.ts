import { constants, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../src/server/startServer';
import { cachedBuild, inputsDigest } from '../fixtures/buildCache';

/**
 * Everything the first start of a server on an empty database depends on: the migrations, the demo hall and its
 * seed, the built-in schemes (all under src/ and schemes/), and the exact PGlite (the lock file).
 */
const INPUTS = ['src', 'schemes', 'package-lock.json'];
const schemesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemes');

/**
 * A PGlite data directory of the caller's own (in a new temp dir) holding what a server's first start makes of an empty
 * database: migrated, the demo hall seeded (its accounts' passwords hashed at full cost), the built-in schemes stored.
 * The first start is made for real once per set of sources by startServer itself and shut down cleanly; every caller
 * gets a copy of that directory. Creating a PGlite database (initdb in WebAssembly) and hashing the demo passwords cost
 * about 10 s of CPU per server; opening a copy about 1.5 s.
 */
export async function seededPglite(): Promise<{ dataDir: string; remove: () => void }> {
  const template = await cachedBuild('pglite-seeded', inputsDigest('pglite seeded', INPUTS, [join('src', 'generated')]), async (dir) => {
    const server = await startServer({ port: 0, hostname: '127.0.0.1', dataDir: join(dir, 'pglite'), schemesDir, distDir: undefined, log: () => undefined });
    await server.close();
  });
  const dir = mkdtempSync(join(tmpdir(), 'hp-test-db-'));
  // A copy-on-write clone where the file system has them, else a plain copy: the template is never written to.
  cpSync(join(template, 'pglite'), join(dir, 'pglite'), { recursive: true, mode: constants.COPYFILE_FICLONE });
  return { dataDir: join(dir, 'pglite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
