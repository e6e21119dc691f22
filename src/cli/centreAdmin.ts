import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CentreAdminError, addCentreAdmin } from '../server/hall/centreAdmins';
import { openStorage } from '../server/storage/openStorage';

const USAGE = `usage:
  CENTRE_PASSWORD=… npm run centre-admin -- --username <name> --name <display name> [--halls <id,id> | --all]
      add a centre administrator (中心管理员) managing those halls (default: every hall of the server), or let an
      existing one manage them too (then no password or name is needed)
  The database is the server's: DATABASE_URL, or DATA_DIR (./data) with the server stopped.`;

/** The centre-admin command (docs/halls.md). Exit 0 done, 1 refused (the reason on stderr), 2 wrong usage. */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { username: { type: 'string' }, name: { type: 'string' }, halls: { type: 'string' }, all: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!args.username) return usage('--username is needed');
  if (args.all && args.halls) return usage('give --halls or --all, not both');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const db = await openStorage({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: join(resolve(process.env.DATA_DIR ?? join(root, 'data')), 'pglite') });
  try {
    const halls = args.halls ? args.halls.split(',').map((h) => h.trim()).filter(Boolean) : 'all';
    const r = await addCentreAdmin(db, { username: args.username, name: args.name, password: process.env.CENTRE_PASSWORD, halls });
    process.stdout.write(`${r.created ? 'added' : 'updated'} centre administrator ${args.username} (${r.id}), managing ${r.halls.join(', ')}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

function usage(problem: string): number {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`centre-admin: ${e instanceof CentreAdminError || e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
