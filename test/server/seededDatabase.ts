import { constants, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '../../src/server/auth/password';
import { DEMO_ACCOUNTS, DEMO_CENTRE_ADMIN, DEMO_PASSWORD } from '../../src/server/hall/demoAccounts';
import { startServer } from '../../src/server/startServer';
import type { Queryable } from '../../src/server/storage/db';
import { cachedBuild, inputsDigest } from '../fixtures/buildCache';

/**
 * Everything the first start of a server on an empty database depends on: the migrations, the demo hall and its
 * seed, the built-in schemes (all under src/ and schemes/), the exact PGlite (the lock file), and this file.
 */
const INPUTS = ['src', 'schemes', 'package-lock.json', join('test', 'server', 'seededDatabase.ts')];
const schemesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemes');

/**
 * The scrypt cost of the demo accounts' passwords in the seeded copy (1 MiB, about a millisecond). A hash carries its
 * own parameters and sign-in checks a password at the cost stored with it, so the copy's sign-ins take milliseconds
 * instead of a full-cost scrypt each (0.3-1.2 s of CPU on the 2-core machines; the suite signs in hundreds of times).
 * The server's own cost is untouched: the first start below seeds at full cost, every password a test sets through
 * the API is hashed at full cost, and so is the dummy hash an unknown user name is checked against.
 */
const SIGN_IN_TEST_COST = { N: 2 ** 10, r: 8, p: 1 };

/** Hash the demo accounts' password (demo1234) again at SIGN_IN_TEST_COST, where it is not at that cost yet. */
export async function cheapenDemoPasswords(db: Queryable): Promise<void> {
  for (const { id } of [...DEMO_ACCOUNTS, DEMO_CENTRE_ADMIN]) {
    const cheap = await hashPassword(DEMO_PASSWORD, SIGN_IN_TEST_COST);
    await db.query('update accounts set password_hash = $2 where id = $1 and password_hash not like $3', [id, cheap, `scrypt$${SIGN_IN_TEST_COST.N}$%`]);
  }
}

/**
 * A PGlite data directory of the caller's own (in a new temp dir) holding what a server's first start makes of an empty
 * database: migrated, the demo hall seeded, the built-in schemes stored; then the demo accounts' password (demo1234)
 * hashed again at SIGN_IN_TEST_COST. The first start is made for real once per set of sources by startServer itself
 * and shut down cleanly; every caller gets a copy of that directory. Creating a PGlite database (initdb in
 * WebAssembly) and hashing the demo passwords cost about 10 s of CPU per server; opening a copy about 1.5 s.
 */
export async function seededPglite(): Promise<{ dataDir: string; remove: () => void }> {
  const template = await cachedBuild('pglite-seeded', inputsDigest('pglite seeded', INPUTS, [join('src', 'generated')]), async (dir) => {
    const server = await startServer({ port: 0, hostname: '127.0.0.1', dataDir: join(dir, 'pglite'), schemesDir, distDir: undefined, log: () => undefined });
    try {
      await cheapenDemoPasswords(server.db);
    } finally {
      await server.close();
    }
  });
  const dir = mkdtempSync(join(tmpdir(), 'hp-test-db-'));
  // A copy-on-write clone where the file system has them, else a plain copy: the template is never written to.
  cpSync(join(template, 'pglite'), join(dir, 'pglite'), { recursive: true, mode: constants.COPYFILE_FICLONE });
  return { dataDir: join(dir, 'pglite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
