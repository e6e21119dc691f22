import { createHash } from 'node:crypto';
import { request } from 'node:http';
import fc from 'fast-check';
import type { RunningServer } from '../../src/server/startServer';
import { tokenHash } from '../../src/server/auth/tokens';
import { about, DEMO_HALL_ID, recorded, signIn } from '../server/testServer';
import { databaseFingerprint, hostileRequests } from './hostileRequests';
import type { FuzzTargets, HostileRequest } from './hostileRequests';

/** What a fuzz run found, per database. */
export interface FuzzSummary {
  database: string;
  seed: number;
  tried: number;
  accepted2xx: number;
  refused4xx: number;
  server5xx: number;
  /** 4xx answers without a message naming the problem. */
  withoutMessage: number;
  /** Refused requests (4xx, or a push whose every event was rejected) after which the database fingerprint changed. */
  changedWhenRefused: number;
  seconds: number;
  families: Record<string, { tried: number; refused: number; failed: number }>;
  /** The first problems, each with the request that caused it. */
  problems: string[];
}

/** Sign in every role, record a finding with a photo and a notice, and make forged, expired and revoked tokens. */
export async function fuzzFixtures(server: RunningServer): Promise<FuzzTargets> {
  const [admin, inspector, chief, committee] = await Promise.all([
    signIn(server.url, 'admin', 'fuzz-admin'),
    signIn(server.url, 'inspector1', 'fuzz-inspector'),
    signIn(server.url, 'chief-zonghe', 'fuzz-chief'),
    signIn(server.url, 'committee1', 'fuzz-committee'),
  ]);
  const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('fuzz evidence')]);
  const photo = createHash('sha256').update(bytes).digest('hex');
  await fetch(`${server.url}/api/photos/${photo}`, { method: 'PATCH', headers: { authorization: `Bearer ${inspector.token}`, 'content-type': 'image/jpeg', 'upload-offset': '0', 'upload-length': String(bytes.length) }, body: new Uint8Array(bytes) });
  const rec = recorded(inspector, { staffId: 's-001', photos: [photo] });
  await inspector.push([rec, about(inspector, rec.findingId, { type: 'finding.acknowledged', noticeId: 'N-fuzz', signerName: '王丽', signature: 'd'.repeat(64) })]);
  const revoked = await signIn(server.url, 'inspector2', 'fuzz-revoked');
  await revoked.post('/api/auth/logout', {});
  const expired = 'E'.repeat(43);
  await server.db.query(`insert into tokens (id, hash, hall_id, account_id, device_id, expires_at) values ('fuzz-expired', $1, $2, 'acc-inspector2', 'fuzz-revoked', now() - interval '1 day')`, [tokenHash(expired), DEMO_HALL_ID]);
  return {
    tokens: { admin: admin.token, inspector: inspector.token, chief: chief.token, committee: committee.token, forged: 'F'.repeat(43), expired, revoked: revoked.token },
    devices: { admin: admin.deviceId, inspector: inspector.deviceId, chief: chief.deviceId, committee: committee.deviceId },
    accounts: { admin: admin.accountId, inspector: inspector.accountId, chief: chief.accountId, committee: committee.accountId },
    findingId: rec.findingId,
    noticeId: 'N-fuzz',
    photo,
  };
}

/**
 * One request on a fresh connection (no keep-alive: a reused socket the server just closed would look like a failure
 * of the server), the path sent exactly as generated. null when Node refuses to send it; 599 when no answer came.
 */
function send(base: string, r: HostileRequest, headers: Record<string, string>): Promise<{ status: number; text: string } | null> {
  const u = new URL(base);
  const body = r.body === null ? undefined : typeof r.body === 'string' ? Buffer.from(r.body) : Buffer.from(r.body);
  return new Promise((resolve) => {
    let req: ReturnType<typeof request>;
    try {
      req = request({ host: u.hostname, port: u.port, method: r.method, path: r.path, agent: false, headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => resolve({ status: 599, text: `the answer broke off: ${e.message}` }));
      });
    } catch {
      return resolve(null);
    }
    req.on('error', (e) => resolve({ status: 599, text: `no answer: ${e.message}` }));
    req.end(body);
  });
}

const describe = (r: HostileRequest): string => `${r.method} ${r.path.slice(0, 120)} as ${r.token ?? 'nobody'} (${r.family}) body ${typeof r.body === 'string' ? r.body.slice(0, 160) : r.body ? `${r.body.length} bytes` : '-'}`;

/**
 * Send `count` hostile requests (fast-check, reproducible by seed) one after another to a server on loopback, and
 * judge each: never a 5xx, every 4xx with a message, and the database unchanged after every refusal.
 */
export async function runFuzz(server: RunningServer, database: string, count: number, seed: number): Promise<FuzzSummary> {
  const targets = await fuzzFixtures(server);
  const requests = fc.sample(hostileRequests(targets), { numRuns: count, seed });
  const s: FuzzSummary = { database, seed, tried: 0, accepted2xx: 0, refused4xx: 0, server5xx: 0, withoutMessage: 0, changedWhenRefused: 0, seconds: 0, families: {}, problems: [] };
  const started = Date.now();
  let before = await databaseFingerprint(server.db);
  for (const r of requests) {
    const fam = (s.families[r.family] ??= { tried: 0, refused: 0, failed: 0 });
    const headers: Record<string, string> = { ...r.headers };
    if (r.token) headers.authorization = `Bearer ${targets.tokens[r.token]}`;
    const answer = await send(server.url, r, headers);
    // A request the client itself cannot send (an invalid path or header) never reaches the server: not counted.
    if (answer === null) continue;
    const { status, text } = answer;
    s.tried++;
    fam.tried++;
    let refused = status >= 400 && status < 500;
    if (status >= 500) {
      s.server5xx++;
      fam.failed++;
      if (s.problems.length < 20) s.problems.push(`${status} for ${describe(r)}: ${text.slice(0, 200)}`);
    } else if (refused) {
      s.refused4xx++;
      fam.refused++;
      let message: unknown;
      try {
        message = (JSON.parse(text) as { message?: unknown }).message;
      } catch {
        message = undefined;
      }
      if (typeof message !== 'string' || message.length === 0) {
        s.withoutMessage++;
        if (s.problems.length < 20) s.problems.push(`${status} without a message for ${describe(r)}`);
      }
    } else {
      s.accepted2xx++;
      if (r.family.startsWith('push')) {
        try {
          const results = (JSON.parse(text) as { results?: { status: string }[] }).results ?? [];
          refused = results.every((x) => x.status === 'rejected');
        } catch {
          refused = false;
        }
      }
    }
    const after = await databaseFingerprint(server.db);
    if (refused && after !== before) {
      s.changedWhenRefused++;
      fam.failed++;
      if (s.problems.length < 20) s.problems.push(`the database changed after a refused ${describe(r)} (${status})`);
    }
    before = after;
  }
  s.seconds = Math.round((Date.now() - started) / 100) / 10;
  return s;
}

/** The summary as a table: one row per database and a total, then the families of the first database. */
export function fuzzTable(runs: readonly FuzzSummary[]): string {
  const cols = ['database', 'requests tried', '2xx', '4xx', '5xx', '4xx without message', 'changed when refused', 'seconds'];
  const rows = runs.map((r) => [r.database, r.tried, r.accepted2xx, r.refused4xx, r.server5xx, r.withoutMessage, r.changedWhenRefused, r.seconds].map(String));
  const sum = (k: keyof FuzzSummary): string => String(runs.reduce((a, r) => a + Number(r[k]), 0));
  rows.push(['total', sum('tried'), sum('accepted2xx'), sum('refused4xx'), sum('server5xx'), sum('withoutMessage'), sum('changedWhenRefused'), sum('seconds')]);
  const width = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(width[i] ?? 0) : c.padStart(width[i] ?? 0))).join(' | ')} |`;
  const families = Object.entries(runs[0]?.families ?? {})
    .sort((a, b) => b[1].tried - a[1].tried)
    .map(([f, v]) => `${f}: ${v.tried} (${v.refused} refused, ${v.failed} failed)`)
    .join('; ');
  return [line(cols), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line), '', `families (${runs[0]?.database ?? ''}): ${families}`].join('\n');
}
