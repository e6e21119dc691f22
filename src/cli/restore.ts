import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../server/backup/restoreBackup';
import type { Db } from '../server/storage/db';
import { openPglite } from '../server/storage/pglite/openPglite';
import { openPostgres } from '../server/storage/postgres/openPostgres';

const USAGE = `usage:
  npm run restore -- --from <backup file> --data-dir <DATA_DIR>
      restore into a fresh embedded database (DATA_DIR/pglite must not exist or be empty)
  npm run restore -- --from <backup file> --database-url <postgres://…>
      restore into an empty PostgreSQL database`;

/** The restore command (docs/operations.md). Exit 0 done, 1 failed or refused (the reason on stderr), 2 wrong usage. */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { from: { type: 'string' }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, help: { type: 'boolean', default: false } } }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!args.from) return usage('--from <backup file> is needed');
  if ((args['data-dir'] === undefined) === (args['database-url'] === undefined)) return usage('give one of --data-dir and --database-url');
  const from = resolve(args.from);

  let db: Db;
  let made: string | undefined;
  if (args['data-dir'] !== undefined) {
    const dir = join(resolve(args['data-dir']), 'pglite');
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      throw new Error(`refusing to restore: ${dir} is not empty (a database is already there). Restore into a fresh DATA_DIR, or move that one away first`);
    }
    made = dir;
    db = await openPglite(dir);
  } else {
    db = await openPostgres(args['database-url'] ?? '');
  }
  const started = Date.now();
  try {
    const { header, trailer } = await restoreBackup(db, from);
    await db.close();
    const rows = Object.entries(trailer.counts).map(([t, n]) => `${t} ${n}`).join(', ');
    process.stdout.write(`restored ${from} (made ${header.createdAt} on ${header.store}, schema ${header.schemaVersion}) in ${Date.now() - started} ms: ${rows}\n`);
    return 0;
  } catch (e) {
    await db.close().catch(() => undefined);
    // A fresh directory that the failed restore left (its empty database) is removed: it held nothing before.
    if (made) rmSync(made, { recursive: true, force: true });
    throw e;
  }
}

function usage(problem: string): number {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`restore failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
