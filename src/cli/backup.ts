import { createWriteStream } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { BackupSummary } from '../server/backup/backupFormat';
import { readBackup } from '../server/backup/readBackup';
import { writeBackupFile } from '../server/backup/writeBackupFile';
import { openPglite } from '../server/storage/pglite/openPglite';
import { openPostgres } from '../server/storage/postgres/openPostgres';
import type { Db } from '../server/storage/db';

const USAGE = `usage:
  npm run backup -- --url <http://server:port> --hall <hall id> [--user centre] [--to <folder>]
      ask the running server for a backup (it writes it into its BACKUP_DIR); --to also downloads a copy.
      A backup holds every hall: the user is a centre administrator of every hall, signing in to one of them (--hall).
      The password is read from HALL_PATROL_PASSWORD, else asked for.
  npm run backup -- --database-url <postgres://…> --to <folder>
      back up a PostgreSQL database directly (one snapshot; servers may keep running)
  npm run backup -- --data-dir <DATA_DIR> --to <folder>
      back up the embedded database of a stopped server
  npm run backup -- --verify <file>
      check a backup file (checksum, counts) and print what it holds`;

/** The backup command (docs/operations.md). Exit 0 done, 1 failed (the reason on stderr), 2 wrong usage. */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        user: { type: 'string', default: 'centre' },
        hall: { type: 'string' },
        to: { type: 'string' },
        'database-url': { type: 'string' },
        'data-dir': { type: 'string' },
        verify: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const modes = [args.url, args['database-url'], args['data-dir'], args.verify].filter((m) => m !== undefined);
  if (modes.length !== 1) return usage('give exactly one of --url, --database-url, --data-dir, --verify');

  if (args.verify) {
    const { header, trailer } = await readBackup(resolve(args.verify));
    print(`${args.verify}: a complete backup, checksum verified`, { ...header, counts: trailer.counts, sha256: trailer.sha256 });
    return 0;
  }
  if (args.url) {
    if (!args.hall) return usage('--hall <hall id> is needed with --url (the hall the centre administrator signs in to)');
    return fromServer(args.url.replace(/\/+$/, ''), args.user, args.hall, args.to);
  }
  if (!args.to) return usage('--to <folder> is needed with --database-url and --data-dir');
  const db: Db = args['database-url'] ? await openPostgres(args['database-url']) : await openPglite(join(resolve(args['data-dir'] ?? ''), 'pglite'));
  try {
    const summary = await writeBackupFile(db, resolve(args.to));
    print(`backup written to ${summary.path}`, summary);
  } finally {
    await db.close();
  }
  return 0;
}

/** Sign in as a centre administrator, have the server make a backup, and optionally download it (verified) into `to`. */
async function fromServer(url: string, user: string, hallId: string, to: string | undefined): Promise<number> {
  const password = process.env.HALL_PATROL_PASSWORD ?? (await ask(`password for ${user}: `));
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'login', protocol: 1, username: user, password, deviceId: 'backup-command', deviceName: 'backup command', hallId }),
  });
  if (!login.ok) throw new Error(`sign-in as ${user} failed: ${await messageOf(login)}`);
  const { token } = (await login.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  try {
    const made = await fetch(`${url}/api/admin/backups`, { method: 'POST', headers: auth });
    if (!made.ok) throw new Error(`the server did not make the backup: ${await messageOf(made)}`);
    const summary = (await made.json()) as BackupSummary;
    print(`the server wrote the backup to ${summary.path}`, summary);
    if (to) {
      const name = summary.path.split(/[\\/]/).pop() ?? '';
      const res = await fetch(`${url}/api/admin/backups/${encodeURIComponent(name)}`, { headers: auth });
      if (!res.ok || !res.body) throw new Error(`downloading ${name} failed: ${await messageOf(res)}`);
      const dir = resolve(to);
      await mkdir(dir, { recursive: true });
      const temp = join(dir, `.${name}.partial`);
      try {
        await pipeline(Readable.fromWeb(res.body as WebReadableStream), createWriteStream(temp, { flags: 'wx' }));
        await readBackup(temp);
        await rename(temp, join(dir, name));
      } catch (e) {
        await unlink(temp).catch(() => undefined);
        throw e;
      }
      process.stdout.write(`copied and verified: ${join(dir, name)}\n`);
    }
  } finally {
    await fetch(`${url}/api/auth/logout`, { method: 'POST', headers: auth }).catch(() => undefined);
  }
  return 0;
}

async function messageOf(res: Response): Promise<string> {
  const text = await res.text();
  try {
    return `${res.status} ${(JSON.parse(text) as { message?: string }).message ?? text}`;
  } catch {
    return `${res.status} ${text}`;
  }
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

function print(title: string, what: object): void {
  process.stdout.write(`${title}\n${JSON.stringify(what, null, 2)}\n`);
}

function usage(problem: string): number {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`backup failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
