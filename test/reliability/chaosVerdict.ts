import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { FindingEvent } from '../../src/core/events/events';
import type { PeriodScores } from '../../src/core/scoring/results';
import type { RunningServer } from '../../src/server/startServer';
import { signIn } from '../server/testServer';
import type { ChaosTablet } from './chaosTablet';

/** What the server and the tablets hold after the chaos, against what the tablets recorded. */
export interface ChaosVerdict {
  /** Events the tablets recorded (each tablet's own, read from its IndexedDB). */
  sent: number;
  /** Of those, how many the server holds. */
  stored: number;
  /** Events held more than once by the server, plus findings recorded by more than one event. */
  duplicates: number;
  /** Recorded on a tablet, not on the server. */
  lost: number;
  /** Events on the server that no tablet recorded. */
  unknown: number;
  photosSent: number;
  /** Photos the server holds complete, their bytes hashing to their name. */
  photosStored: number;
  /** Per tablet: it holds every event either tablet recorded. */
  tabletsHoldAll: boolean[];
  /** The server's results, both tablets' and those of a server that got the same events without interruption are equal. */
  resultsEqual: boolean;
  problems: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Let the tablets sync (bounded by `settleMs`) until each has pushed everything, uploaded every photo and pulled the
 * other's findings, then judge. The "uninterrupted run" is a fresh in-memory server that receives the same events,
 * pushed by the same devices and accounts, in one go.
 */
export async function checkConvergence(o: {
  tablets: ChaosTablet[];
  accounts: readonly { username: string; accountId: string }[];
  serverUrl: () => string;
  /** A fresh server for the uninterrupted run of the same events. */
  reference: RunningServer;
  period: string;
  settleMs: number;
  expectedPerTablet: number;
  log: (line: string) => void;
}): Promise<ChaosVerdict> {
  const problems: string[] = [];
  const own = async (t: ChaosTablet): Promise<FindingEvent[]> => (await t.events()).filter((e) => e.deviceId === t.deviceId);
  const until = Date.now() + o.settleMs;
  let settled = false;
  for (let round = 0; round < 1000 && Date.now() < until && !settled; round++) {
    const outcomes = [];
    for (const t of o.tablets) outcomes.push(await t.syncNow());
    const sentIds = new Set((await Promise.all(o.tablets.map(own))).flat().map((e) => e.id));
    const views = await Promise.all(o.tablets.map(async (t) => ({ outbox: await t.outboxSize(), held: new Set((await t.events()).map((e) => e.id)) })));
    settled = outcomes.every((x) => x === 'synced') && views.every((v) => v.outbox === 0 && [...sentIds].every((id) => v.held.has(id)));
    if (!settled) await sleep(300);
  }
  o.log(`settled: ${settled} after ${Math.round((o.settleMs - (until - Date.now())) / 1000)} s`);
  if (!settled) problems.push(`the tablets did not finish syncing within ${Math.round(o.settleMs / 1000)} s after the chaos`);

  const recorded = await Promise.all(o.tablets.map(own));
  recorded.forEach((events, i) => {
    const n = events.filter((e) => e.type === 'finding.recorded').length;
    if (n !== o.expectedPerTablet) problems.push(`tablet ${o.tablets[i]?.name ?? i} holds ${n} of the ${o.expectedPerTablet} findings it recorded`);
  });
  const sent = recorded.flat();
  const sentIds = new Set(sent.map((e) => e.id));

  const url = o.serverUrl();
  const committee = await signIn(url, 'committee1', 'pc-chaos-verdict');
  const onServer = (await committee.pullAll()).events;
  const serverIds = new Set(onServer.map((e) => e.id));
  const recordings = new Map<string, number>();
  for (const e of onServer) if (e.type === 'finding.recorded') recordings.set(e.findingId, (recordings.get(e.findingId) ?? 0) + 1);
  const duplicates = onServer.length - serverIds.size + [...recordings.values()].reduce((s, n) => s + n - 1, 0);
  const stored = [...sentIds].filter((id) => serverIds.has(id)).length;
  const unknown = [...serverIds].filter((id) => !sentIds.has(id)).length;
  const sentBodies = new Map(sent.map((e) => [e.id, JSON.stringify(e)]));
  const altered = onServer.filter((e) => sentBodies.has(e.id) && !isDeepStrictEqual(JSON.parse(sentBodies.get(e.id) ?? 'null'), e)).length;
  if (altered) problems.push(`${altered} events on the server differ from what the tablet recorded`);
  if (duplicates) problems.push(`the server holds ${duplicates} duplicates`);
  if (unknown) problems.push(`the server holds ${unknown} events no tablet recorded`);
  if (stored < sentIds.size) problems.push(`${sentIds.size - stored} recorded events are not on the server`);

  const hashes = [...new Set(sent.flatMap((e) => (e.type === 'finding.recorded' ? e.photos : [])))];
  let photosStored = 0;
  for (const h of hashes) {
    const res = await fetch(`${url}/api/photos/${h}`, { headers: { authorization: `Bearer ${committee.token}` } });
    if (res.ok && createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex') === h) photosStored++;
  }
  if (photosStored < hashes.length) problems.push(`${hashes.length - photosStored} of ${hashes.length} photos are not complete on the server`);

  const tabletsHoldAll = await Promise.all(
    o.tablets.map(async (t) => {
      const held = new Set((await t.events()).map((e) => e.id));
      return [...sentIds].every((id) => held.has(id));
    }),
  );
  tabletsHoldAll.forEach((ok, i) => {
    if (!ok) problems.push(`tablet ${o.tablets[i]?.name ?? i} does not hold every recorded event`);
  });

  const asOf = '2026-12-01T00:00:00Z';
  const query = `scheme=kunqu-window-staff&period=${o.period}&asOf=${encodeURIComponent(asOf)}`;
  /** The server's scores, without the report of which scheme version scored them (the tablets' results have none). */
  const results = async (base: string, token: string): Promise<PeriodScores> => {
    const { versions: _versions, ...scores } = (await (await fetch(`${base}/api/results?${query}`, { headers: { authorization: `Bearer ${token}` } })).json()) as PeriodScores & { versions: unknown };
    return scores;
  };
  const reference = await uninterrupted(o.reference, o.tablets, recorded, o.accounts, (base, token) => results(base, token));
  const views = [await results(url, committee.token), ...(await Promise.all(o.tablets.map((t) => t.results(o.period, asOf))))];
  const resultsEqual = views.every((v) => isDeepStrictEqual(v, reference));
  if (!resultsEqual) problems.push('the results after the chaos differ from those of the uninterrupted run');
  const findings = reference.subjects.reduce((s, x) => s + x.findingCount, 0);
  o.log(`verdict: ${sent.length} sent, ${stored} stored, ${duplicates} duplicates, ${sentIds.size - stored} lost; ${photosStored}/${hashes.length} photos; ${findings} findings scored`);
  return { sent: sentIds.size, stored, duplicates, lost: sentIds.size - stored, unknown, photosSent: hashes.length, photosStored, tabletsHoldAll, resultsEqual, problems };
}

/** The same events pushed to a fresh server (`server`) in one go by the same devices and accounts; its final results. */
async function uninterrupted(
  server: RunningServer,
  tablets: readonly ChaosTablet[],
  recorded: readonly FindingEvent[][],
  accounts: readonly { username: string }[],
  results: (base: string, token: string) => Promise<PeriodScores>,
): Promise<PeriodScores> {
  for (const [i, t] of tablets.entries()) {
    const device = await signIn(server.url, accounts[i]?.username ?? '', t.deviceId);
    const events = [...(recorded[i] ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (let k = 0; k < events.length; k += 500) {
      const r = await device.push(events.slice(k, k + 500));
      const refused = r.results.filter((x) => x.status !== 'accepted');
      if (refused.length) throw new Error(`the uninterrupted run refused ${refused.length} events: ${JSON.stringify(refused[0])}`);
    }
  }
  const committee = await signIn(server.url, 'committee1', 'pc-reference');
  return results(server.url, committee.token);
}
