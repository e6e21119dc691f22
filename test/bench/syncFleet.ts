import { monotonicFactory } from 'ulid';
import type { FindingRecorded } from '../../src/core/events/events';
import type { LoginResult, PushResult } from '../../src/core/protocol/messages';

/** What one phase of a fleet run measured. */
export interface FleetFigures {
  phase: string;
  devices: number;
  cycles: number;
  spreadMs: number;
  eventsPushed: number;
  eventsPulled: number;
  requests: number;
  errors: number;
  firstError: string | null;
  wallMs: number;
  eventsPerSecond: number;
  pulledPerSecond: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const ulid = monotonicFactory();

/** One phase: every device runs `cycles` sync cycles, starting within `spreadMs`, pausing 0.5-1.5 × spreadMs between. */
export interface FleetPhase {
  name: string;
  cycles: number;
  spreadMs: number;
}

/**
 * `devices` simulated tablets sync against one server at the same time. Each signs in (before the clock starts),
 * then, phase by phase, runs its sync cycles, spread as tablets' timers spread them. A cycle pushes `perCycle` new
 * findings and pulls everything new (other tablets' findings) page by page. Every HTTP request's latency is
 * recorded; an error is any non-2xx answer, a failed request, or an event not accepted.
 */
export async function runFleet(url: string, opts: { devices: number; perCycle: number; phases: FleetPhase[]; random: () => number }): Promise<FleetFigures[]> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let pushed = 0;
  let pulled = 0;
  let cycleNo = 0;
  const fail = (what: string): void => {
    errors++;
    firstError ??= what;
  };
  const timed = async (path: string, token: string, body: unknown): Promise<string | null> => {
    const t0 = performance.now();
    try {
      const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      const text = await res.text();
      latencies.push(performance.now() - t0);
      if (!res.ok) {
        fail(`${path} ${res.status}: ${text.slice(0, 200)}`);
        return null;
      }
      return text;
    } catch (e) {
      latencies.push(performance.now() - t0);
      fail(`${path}: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  };

  // Sign in (scrypt, deliberately slow) a few at a time, before measuring.
  const sessions: { deviceId: string; token: string; accountId: string; cursor: string | null }[] = [];
  for (let i = 0; i < opts.devices; i += 8) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(8, opts.devices - i) }, async (_, k) => {
        const deviceId = `fleet-${i + k}`;
        const res = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'login', protocol: 1, username: (i + k) % 2 ? 'inspector1' : 'inspector2', password: 'demo1234', deviceId, deviceName: deviceId }),
        });
        if (!res.ok) throw new Error(`fleet sign-in ${deviceId}: ${res.status} ${await res.text()}`);
        const login = (await res.json()) as LoginResult;
        return { deviceId, token: login.token, accountId: login.account.id, cursor: null as string | null };
      }),
    );
    sessions.push(...batch);
  }
  const pullAll = async (s: (typeof sessions)[number], count: boolean): Promise<void> => {
    for (;;) {
      const text = await timed('/api/sync/pull', s.token, { type: 'pull', protocol: 1, cursor: s.cursor, limit: 1000 });
      if (text === null) return;
      // The fleet runs beside the server on the same two cores: read the page's head and count events by their
      // opening key instead of parsing ~0.5 MB of JSON per page (every stored event starts with {"id":").
      const head = /"cursor":"(\d+)","more":(true|false)/.exec(text.slice(0, 200));
      if (!head?.[1]) {
        fail(`pull: unreadable answer ${text.slice(0, 120)}`);
        return;
      }
      if (count) for (let at = text.indexOf('{"id":"'); at !== -1; at = text.indexOf('{"id":"', at + 7)) pulled++;
      s.cursor = head[1];
      if (head[2] !== 'true') return;
    }
  };
  // First pull (hall, schemes) before the clock starts, as a tablet does right after signing in.
  for (let i = 0; i < sessions.length; i += 20) await Promise.all(sessions.slice(i, i + 20).map((s) => pullAll(s, false)));
  latencies.length = 0;

  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const figures: FleetFigures[] = [];
  for (const phase of opts.phases) {
    latencies.length = 0;
    errors = 0;
    firstError = null;
    pushed = 0;
    pulled = 0;
    const base = cycleNo;
    cycleNo += phase.cycles;
    const t0 = performance.now();
    await Promise.all(
      sessions.map(async (s, d) => {
        await sleep(opts.random() * phase.spreadMs);
        for (let c = 0; c < phase.cycles; c++) {
          const at = Date.parse('2026-03-02T01:00:00Z') + (d * 100 + base + c) * 60_000;
          const events: FindingRecorded[] = Array.from({ length: opts.perCycle }, (_, k) => ({
            type: 'finding.recorded', id: ulid(at + k), findingId: ulid(at + k), at: new Date(at + k).toISOString(), actorId: s.accountId, deviceId: s.deviceId,
            schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: 'wander', observedAt: new Date(at + k).toISOString(), staffId: `s-${String(((d + k) % 60) + 1).padStart(3, '0')}`, photos: [],
          }));
          const text = await timed('/api/sync/push', s.token, { type: 'push', protocol: 1, deviceId: s.deviceId, events });
          if (text !== null) {
            const res = JSON.parse(text) as PushResult;
            const ok = res.results.filter((r) => r.status === 'accepted').length;
            pushed += ok;
            if (ok !== events.length) fail(`push: ${events.length - ok} not accepted: ${JSON.stringify(res.results.find((r) => r.status !== 'accepted'))}`);
          }
          await pullAll(s, true);
          if (c < phase.cycles - 1) await sleep((0.5 + opts.random()) * phase.spreadMs);
        }
      }),
    );
    const wallMs = performance.now() - t0;
    const sorted = [...latencies].sort((a, b) => a - b);
    const pct = (p: number): number => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) * 10) / 10;
    figures.push({
      phase: phase.name,
      devices: opts.devices,
      cycles: phase.cycles,
      spreadMs: phase.spreadMs,
      eventsPushed: pushed,
      eventsPulled: pulled,
      requests: latencies.length,
      errors,
      firstError,
      wallMs: Math.round(wallMs),
      eventsPerSecond: Math.round(pushed / (wallMs / 1000)),
      pulledPerSecond: Math.round(pulled / (wallMs / 1000)),
      requestsPerSecond: Math.round(latencies.length / (wallMs / 1000)),
      p50Ms: pct(0.5),
      p99Ms: pct(0.99),
      maxMs: Math.round((sorted[sorted.length - 1] ?? 0) * 10) / 10,
    });
  }
  return figures;
}
