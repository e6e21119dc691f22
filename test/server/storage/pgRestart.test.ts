import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResult, PushResult } from '../../../src/core/protocol/messages';
import { startPgCluster } from '../pgCluster';
import type { PgCluster } from '../pgCluster';
import { serverProcess } from '../serverProcess';
import type { ServerProcess } from '../serverProcess';
import { recorded, signIn } from '../testServer';
import type { Device } from '../testServer';

/** What one request ended as: an HTTP status, or 'hung' when it got no answer within the time limit. */
type Outcome = { status: number; body: unknown } | { status: 'hung' | 'network' };

const REQUEST_LIMIT_MS = 20_000;

async function send(url: string, device: Device, path: string, body: unknown): Promise<Outcome> {
  try {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
    });
    return { status: res.status, body: await res.json() };
  } catch (e) {
    return { status: e instanceof Error && e.name === 'TimeoutError' ? 'hung' : 'network' };
  }
}

/** A tablet pushing batches of findings back to back until stopped, keeping what each answer said. */
function startPusher(url: string, device: Device) {
  const acked = new Set<string>();
  const outcomes: Outcome[] = [];
  let stop = false;
  const done = (async () => {
    const until = Date.now() + 150_000;
    for (let n = 0; !stop && n < 5_000 && Date.now() < until; n++) {
      const batch = Array.from({ length: 10 }, () => recorded(device));
      const out = await send(url, device, '/api/sync/push', { type: 'push', protocol: 1, deviceId: device.deviceId, events: batch });
      outcomes.push(out);
      if (out.status === 200) for (const r of (out.body as PushResult).results) if (r.status === 'accepted' || r.status === 'duplicate') acked.add(r.id);
      // While the database is down the answers come at once; do not spin.
      if (out.status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    acked,
    outcomes,
    /** Resolves once `n` more pushes were acknowledged after this call (bounded in time). */
    async successes(n: number): Promise<void> {
      const from = outcomes.length;
      const until = Date.now() + 60_000;
      while (outcomes.slice(from).filter((o) => o.status === 200).length < n) {
        if (Date.now() > until) throw new Error(`no ${n} acknowledged pushes within 60 s: ${JSON.stringify(outcomes.slice(-3))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    /** Resolves once `n` more 503 answers came after this call. */
    async refusals(n: number): Promise<void> {
      const from = outcomes.length;
      const until = Date.now() + 30_000;
      while (outcomes.slice(from).filter((o) => o.status === 503).length < n) {
        if (Date.now() > until) throw new Error(`no ${n} answers 503 within 30 s: ${JSON.stringify(outcomes.slice(-3))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop(): Promise<void> {
      stop = true;
      await done;
    },
  };
}

describe('a server process while its PostgreSQL restarts or drops connections', () => {
  let cluster: PgCluster;
  let server: ServerProcess;
  let exited: number | null | undefined;
  beforeAll(async () => {
    // synchronous_commit on: an acknowledged commit is in the WAL even when PostgreSQL is stopped as by a crash.
    cluster = await startPgCluster({ synchronousCommit: true });
    server = await serverProcess({ DATABASE_URL: cluster.url });
    server.proc.once('exit', (code) => {
      exited = code;
    });
  });
  afterAll(async () => {
    await server?.stop();
    cluster?.stop();
  });

  it('answers 503 while PostgreSQL is down, takes pushes again after it restarts, and loses nothing acknowledged', async () => {
    const tablet = await signIn(server.url, 'inspector1', 'tablet-restart');
    const pusher = startPusher(server.url, tablet);
    await pusher.successes(5);
    cluster.halt('fast'); // an orderly restart: PostgreSQL ends every connection
    await pusher.refusals(3);
    cluster.resume();
    await pusher.successes(5);
    cluster.halt('immediate'); // as a crash: no goodbye on the connections
    await pusher.refusals(3);
    cluster.resume();
    await pusher.successes(5);
    await pusher.stop();

    expect(exited).toBeUndefined();
    const statuses = new Set(pusher.outcomes.map((o) => o.status));
    // Every request was answered, either stored or refused as unavailable: no hang, no 500, no dropped connection.
    expect([...statuses].sort()).toEqual([200, 503]);
    const refused = pusher.outcomes.filter((o): o is { status: number; body: ErrorResult } => o.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(6);
    for (const r of refused) {
      expect(r.body.code).toBe('unavailable');
      expect(r.body.message).toMatch(/database cannot be reached right now/);
    }
    const everything = await (await signIn(server.url, 'committee1', 'pc-restart')).pullAll();
    const stored = new Set(everything.events.map((e) => e.id));
    const lost = [...pusher.acked].filter((id) => !stored.has(id));
    expect(pusher.acked.size).toBeGreaterThanOrEqual(150);
    expect(lost).toEqual([]);
  });

  it('survives backends terminated mid-request (pg_terminate_backend) and keeps every acknowledged push', async () => {
    const tablet = await signIn(server.url, 'inspector2', 'tablet-terminate');
    const reader = await signIn(server.url, 'committee1', 'pc-terminate');
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    const pusher = startPusher(server.url, tablet);
    const pulls: Outcome[] = [];
    let terminated = 0;
    try {
      for (let round = 0; round < 20; round++) {
        // A pull of everything and the pusher's push are in flight while every server connection is cut.
        const pull = send(server.url, reader, '/api/sync/pull', { type: 'pull', protocol: 1, cursor: null, limit: 2000 });
        await new Promise((r) => setTimeout(r, 5 + ((round * 7) % 40)));
        // Cut once the server holds a connection again (the previous cut may have left it none yet), bounded.
        const others = "from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid() and datname = current_database()";
        for (let wait = 0; wait < 250; wait++) {
          if ((await admin.query<{ n: number }>(`select count(*)::int as n ${others}`)).rows[0]?.n) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        const r = await admin.query<{ ok: boolean }>(`select pg_terminate_backend(pid) as ok ${others}`);
        terminated += r.rows.length;
        pulls.push(await pull);
      }
      await pusher.successes(5);
    } finally {
      await pusher.stop();
      await admin.end();
    }
    expect(exited).toBeUndefined();
    expect(terminated).toBeGreaterThanOrEqual(20);
    const all = [...pusher.outcomes, ...pulls];
    expect(all.filter((o) => o.status !== 200 && o.status !== 503)).toEqual([]);
    // The connections came back: every request after the last cut is answered.
    const after = await reader.pullAll();
    const stored = new Set(after.events.map((e) => e.id));
    expect([...pusher.acked].filter((id) => !stored.has(id))).toEqual([]);
  });
});
