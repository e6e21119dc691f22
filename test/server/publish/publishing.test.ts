import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFromEvents } from '../../../src/core/events/findingsFromEvents';
import { scorePeriod } from '../../../src/core/scoring/scorePeriod';
import type { FindingEvent } from '../../../src/core/events/events';
import { eventsDigest } from '../../../src/core/publish/eventsDigest';
import { restingEvents } from '../../../src/core/publish/restingEvents';
import type { ResultChange } from '../../../src/core/publish/resultChanges';
import { checkSchemeData } from '../../../src/core/scheme/parseScheme';
import type { PeriodResults } from '../../../src/core/scoring/results';
import { parsePeriod, periodRange } from '../../../src/core/time/period';
import type { RunningServer } from '../../../src/server/startServer';
import { quarterScenario } from '../scenario';
import { about, signIn, testServer } from '../testServer';
import type { Device } from '../testServer';

const SCHEME = 'kunqu-window-staff';

interface Revision {
  revision: number;
  digest: string;
  asOf: string;
  reason: string | null;
  eventCount: number;
  /** The frozen results, with the version rule's report of which scheme version scored them. */
  results: PeriodResults & { versions: { scoredBy: number; rule: string } };
  changes: ResultChange[];
}

describe('publishing a month', () => {
  let server: RunningServer;
  let inspector: Device;
  let chief: Device;
  let committee: Device;
  let openContest: string;

  const call = async (device: Device, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const r = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${device.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  };

  /** What the tablet would compute from everything pulled, for the published instant: the engine's own numbers. */
  const tabletView = async (key: string, asOf: string): Promise<{ results: PeriodResults; digest: string; events: FindingEvent[] }> => {
    const reader = await signIn(server.url, 'committee1', `reader-${Math.random()}`);
    const pulled = await reader.pullAll();
    const doc = pulled.pages[0]?.schemes.find((s) => s.id === SCHEME);
    const scheme = checkSchemeData(doc?.data, 'pulled');
    const setup = pulled.pages[0]?.setup;
    const period = parsePeriod(key);
    if (!scheme.ok || !setup || !period) throw new Error('the pull did not carry the scheme and hall');
    const resting = restingEvents(pulled.events, SCHEME, periodRange(period, setup.roster.hall.timeZone).endMs);
    return { results: scorePeriod(scheme.scheme, setup.roster, findingsFromEvents(pulled.events, SCHEME), period, { countPending: false, asOf }), digest: eventsDigest(resting), events: resting };
  };

  beforeAll(async () => {
    server = await testServer();
    [inspector, chief, committee] = await Promise.all([
      signIn(server.url, 'inspector1', 'tablet-a'),
      signIn(server.url, 'chief-zonghe', 'phone-chief'),
      signIn(server.url, 'committee1', 'pc-committee'),
    ]);
    const s = quarterScenario(inspector, chief, committee);
    for (const [device, events] of [[inspector, s.inspector], [chief, s.chief], [committee, s.committee]] as const) {
      const res = await device.push(events);
      expect(res.results.filter((r) => r.status !== 'accepted')).toEqual([]);
    }
    // A March contest the committee has not decided yet: deciding it after publication is "a later decision".
    const decided = new Set(s.committee.map((e) => e.findingId));
    const open = s.chief.find((e) => e.type === 'finding.contested' && !decided.has(e.findingId) && s.inspector.some((r) => r.type === 'finding.recorded' && r.findingId === e.findingId && r.observedAt.startsWith('2026-02')));
    if (!open) throw new Error('the scenario has no open March contest');
    openContest = open.findingId;
  });
  afterAll(() => server.close());

  it('freezes the final results with the digest of the events they rest on, equal to the engine on the tablet', async () => {
    const res = await call(committee, 'POST', '/api/publications', { scheme: SCHEME, period: '2026-02' });
    expect(res.status).toBe(201);
    const p = res.json as unknown as Revision;
    expect(p.revision).toBe(1);
    expect(p.reason).toBeNull();
    const tablet = await tabletView('2026-02', p.asOf);
    // The numbers and lines are the tablet's; the server adds which version scored them (the one version held, in force).
    const { versions, ...frozen } = p.results;
    expect(frozen).toEqual(JSON.parse(JSON.stringify(tablet.results)));
    expect(versions.scoredBy).toBe(tablet.results.schemeVersion);
    expect(p.digest).toBe(tablet.digest);
    expect(p.eventCount).toBe(tablet.events.length);
    // April's findings cannot move March: they are not in the set the results rest on.
    expect(tablet.events.every((e) => e.type !== 'finding.recorded' || e.observedAt < '2026-03')).toBe(true);
    expect(p.results.subjects.find((s) => s.subject === 'staff' && s.findingCount > 0)).toBeDefined();
  });

  it('refuses to publish a month twice, a month not over, a revision without a reason, and anyone but the committee', async () => {
    const again = await call(committee, 'POST', '/api/publications', { scheme: SCHEME, period: '2026-02' });
    expect(again.status).toBe(409);
    expect(again.json.message).toMatch(/already published \(revision 1.*publish a revision with revises: 1 and a reason/);
    const open = await call(committee, 'POST', '/api/publications', { scheme: SCHEME, period: '2099-01' });
    expect(open.status).toBe(409);
    expect(open.json.message).toMatch(/2099-01 is not over yet/);
    const noReason = await call(committee, 'POST', '/api/publications', { scheme: SCHEME, period: '2026-02', revises: 1 });
    expect(noReason.status).toBe(400);
    expect(noReason.json.message).toMatch(/needs a reason/);
    const nothingToRevise = await call(committee, 'POST', '/api/publications', { scheme: SCHEME, period: '2026-01', revises: 1, reason: '更正' });
    expect(nothingToRevise.status).toBe(400);
    expect((await call(chief, 'POST', '/api/publications', { scheme: SCHEME, period: '2026-01' })).status).toBe(403);
    expect((await call(inspector, 'POST', '/api/publications', { scheme: SCHEME, period: '2026-01' })).status).toBe(403);
    const bad = await call(committee, 'POST', '/api/publications', { scheme: SCHEME, period: '2026-13' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/period "2026-13"/);
    const unknown = await call(committee, 'POST', '/api/publications', { scheme: 'nope', period: '2026-01' });
    expect(unknown.status).toBe(404);
    const extra = await call(committee, 'POST', '/api/publications', { scheme: SCHEME, period: '2026-01', results: { forged: true } });
    expect(extra.status).toBe(400);
    // Nothing of it was stored.
    const list = await call(committee, 'GET', `/api/publications?scheme=${SCHEME}&period=2026-01`);
    expect(list.json.revisions).toEqual([]);
  });

  it('lets a chief check the digest later, and says when the stored events no longer match', async () => {
    const ok = await call(chief, 'GET', `/api/publications/${SCHEME}/2026-02/1/verify`);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ matches: true, resultsMatch: true });
    expect(ok.json.recomputed).toBe(ok.json.digest);
    expect((await call(inspector, 'GET', `/api/publications/${SCHEME}/2026-02/1/verify`)).status).toBe(403);
    expect((await call(chief, 'GET', `/api/publications/${SCHEME}/2026-02/9/verify`)).status).toBe(404);
  });

  it('shows a chief only their own subjects of a revision', async () => {
    const mine = await call(chief, 'GET', `/api/publications/${SCHEME}/2026-02/1`);
    const all = await call(committee, 'GET', `/api/publications/${SCHEME}/2026-02/1`);
    const m = (mine.json as unknown as Revision).results.subjects;
    const a = (all.json as unknown as Revision).results.subjects;
    expect(m.length).toBeGreaterThan(0);
    expect(m.length).toBeLessThan(a.length);
    expect(m.every((s) => s.unitId === 'u-zonghe')).toBe(true);
    expect(mine.json.roster).toBeUndefined();
  });

  it('keeps a published month as it was when a later decision changes it, until a revision with a reason lists the change', async () => {
    const decide = await committee.push([about(committee, openContest, { type: 'contest.decided', at: '2026-04-02T10:00:00+08:00', decision: 'uphold', reason: '复核后维持' })]);
    expect(decide.results.map((r) => r.status)).toEqual(['accepted']);
    const state = await call(committee, 'GET', `/api/publications?scheme=${SCHEME}&period=2026-02`);
    const pending = state.json.pending as { changes: ResultChange[]; laterEvents: number };
    expect(pending.laterEvents).toBe(1);
    expect(pending.changes.length).toBeGreaterThan(0);
    // Revision 1 is untouched.
    const first = (await call(committee, 'GET', `/api/publications/${SCHEME}/2026-02/1`)).json as unknown as Revision;
    expect((await call(chief, 'GET', `/api/publications/${SCHEME}/2026-02/1/verify`)).json).toMatchObject({ matches: true, resultsMatch: true });

    const stale = await call(committee, 'POST', '/api/publications', { scheme: SCHEME, period: '2026-02', revises: 2, reason: '复核' });
    expect(stale.status).toBe(409);
    const revised = await call(committee, 'POST', '/api/publications', { scheme: SCHEME, period: '2026-02', revises: 1, reason: '申诉复核后维持一条扣分' });
    expect(revised.status).toBe(201);
    const second = revised.json as unknown as Revision;
    expect(second.revision).toBe(2);
    expect(second.reason).toBe('申诉复核后维持一条扣分');
    expect(second.changes).toEqual(pending.changes);
    expect(second.digest).not.toBe(first.digest);
    const tablet = await tabletView('2026-02', second.asOf);
    const { versions: _versions, ...secondFrozen } = second.results;
    expect(secondFrozen).toEqual(JSON.parse(JSON.stringify(tablet.results)));
    expect(second.digest).toBe(tablet.digest);
    expect(second.changes.some((c) => c.kind === 'changed' && c.parts.includes('total') && c.before.total !== c.after.total)).toBe(true);

    const nothing = await call(committee, 'POST', '/api/publications', { scheme: SCHEME, period: '2026-02', revises: 2, reason: '再发一次' });
    expect(nothing.status).toBe(409);
    expect(nothing.json.message).toMatch(/nothing changed since revision 2/);
    const list = await call(chief, 'GET', `/api/publications?scheme=${SCHEME}&period=2026-02`);
    expect((list.json.revisions as Revision[]).map((r) => r.revision)).toEqual([1, 2]);
    expect((list.json.pending as { changes: unknown[] }).changes).toEqual([]);
    const periods = await call(committee, 'GET', `/api/publications/periods?scheme=${SCHEME}`);
    expect((periods.json.periods as { periodKey: string; revision: number }[]).map((p) => [p.periodKey, p.revision])).toEqual([['2026-02', 2]]);
  });

  it('cannot be edited even by hand in the database, and a changed event is caught by the digest', async () => {
    await expect(server.db.query("update publications set digest = 'x' where scheme_id = $1", [SCHEME])).rejects.toThrow(/append only/);
    await expect(server.db.query('delete from publications where scheme_id = $1', [SCHEME])).rejects.toThrow(/append only/);
    const rows = await server.db.query<{ id: string; body: string }>(
      "select id, body from events where scheme_id = $1 and type = 'finding.recorded' and body like '%2026-02-0%' order by seq limit 1",
      [SCHEME],
    );
    const row = rows[0];
    if (!row) throw new Error('no March recording');
    await server.db.query('update events set body = $2 where id = $1', [row.id, row.body.replace('"itemId":"', '"itemId":"x')]);
    const v = await call(chief, 'GET', `/api/publications/${SCHEME}/2026-02/2/verify`);
    expect(v.json.matches).toBe(false);
    expect(v.json.recomputed).not.toBe(v.json.digest);
  });
});
