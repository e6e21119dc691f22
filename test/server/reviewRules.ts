import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/core/events/auditTrail';
import type { ContestDecided, ContestReopened, FindingAcknowledged, FindingContested, FindingRecorded } from '../../src/core/events/events';
import type { ReviewStatus } from '../../src/core/events/reviewStatus';
import type { EventOutcome } from '../../src/core/protocol/messages';
import { demoHall } from '../../src/core/model/demoHall';
import { hashPassword } from '../../src/server/auth/password';
import { publishAccounts } from '../../src/server/hall/publishAccounts';
import { insertAccount } from '../../src/server/storage/accountRepo';
import { DEMO_HALL_ID } from './testServer';
import type { RunningServer } from '../../src/server/startServer';
import { about, recorded, REPLAY_REVIEW, signIn } from './testServer';
import type { Device } from './testServer';

type History = { findingId: string; status: ReviewStatus; trail: (AuditEntry & { receivedAt: string | null })[] };

const outcome = (r: { results: EventOutcome[] }): string => {
  const o = r.results[0];
  if (!o) return 'none';
  return o.status === 'rejected' ? `rejected: ${o.reason}` : o.status;
};

/**
 * The server's review rules, end to end through push, pull and the review routes. Run against every storage
 * (PGlite and PostgreSQL), like the storage contract.
 */
export function runReviewRules(name: string, start: () => Promise<{ server: RunningServer; stop: () => Promise<void> }>): void {
  describe(`review rules on the server: ${name}`, () => {
    let server: RunningServer;
    let stop: () => Promise<void>;
    let inspector: Device;
    let chief: Device;
    let otherChief: Device;
    let committee: Device;
    let committee2: Device;
    let admin: Device;
    const get = (d: Device, path: string): Promise<Response> => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${d.token}` } });
    const put = (d: Device, path: string, body: unknown): Promise<Response> =>
      fetch(`${server.url}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` }, body: JSON.stringify(body) });
    const history = async (d: Device, findingId: string): Promise<History> => (await (await get(d, `/api/findings/${findingId}/history`)).json()) as History;
    /** A finding of 综合受理窗口 (chief-zonghe's unit) on 3/10, contested on 3/11 by the chief. */
    const contestedFinding = async (staffId = 's-001'): Promise<FindingRecorded> => {
      const rec = recorded(inspector, { at: '2026-03-10T10:00:00+08:00', observedAt: '2026-03-10T10:00:00+08:00', staffId });
      expect(outcome(await inspector.push([rec]))).toBe('accepted');
      const c = about<FindingContested>(chief, rec.findingId, { type: 'finding.contested', at: '2026-03-11T09:00:00+08:00', reason: '当时在帮群众取号', photos: [] });
      expect(outcome(await chief.push([c]))).toBe('accepted');
      return rec;
    };
    const decide = (d: Device, findingId: string, decision: ContestDecided['decision'], at: string): ContestDecided =>
      about<ContestDecided>(d, findingId, { type: 'contest.decided', at, decision, reason: '复核' });

    beforeAll(async () => {
      ({ server, stop } = await start());
      const hash = await hashPassword('demo1234');
      await server.db.transaction(async (tx) => {
        await insertAccount(tx, { id: 'acc-committee2', username: 'committee2', name: '考核小组 钱红', role: 'committee', unitIds: [], windowIds: [], passwordHash: hash, hallId: DEMO_HALL_ID });
        await insertAccount(tx, { id: 'acc-chief-w30', username: 'chief-w30', name: '首席代表 (30号窗口)', role: 'chief', unitIds: [], windowIds: ['w-30'], passwordHash: hash, hallId: DEMO_HALL_ID });
        await insertAccount(tx, { id: 'acc-inspector9', username: 'inspector9', name: '巡查员 冯九', role: 'inspector', unitIds: [], windowIds: [], passwordHash: hash, hallId: DEMO_HALL_ID });
        await publishAccounts(tx, DEMO_HALL_ID);
      });
      [inspector, chief, otherChief, committee, committee2, admin] = await Promise.all([
        signIn(server.url, 'inspector1', 'tablet-a'),
        signIn(server.url, 'chief-zonghe', 'phone-zonghe'),
        signIn(server.url, 'chief-shuiwu', 'phone-shuiwu'),
        signIn(server.url, 'committee1', 'pc-committee1'),
        signIn(server.url, 'committee2', 'pc-committee2'),
        signIn(server.url, 'admin', 'pc-admin'),
      ]);
    });
    afterAll(() => stop());

    it('a chief acts, and reads history and notices, only for findings of their own units', async () => {
      const rec = recorded(inspector);
      await inspector.push([rec]);
      const contest = about<FindingContested>(otherChief, rec.findingId, { type: 'finding.contested', reason: '不服', photos: [] });
      expect(outcome(await otherChief.push([contest]))).toMatch(/^rejected: .*charged to unit u-zonghe \(window w-\d+\), outside the scope of acc-chief-shuiwu/);
      const ack = about<FindingAcknowledged>(otherChief, rec.findingId, { type: 'finding.acknowledged', noticeId: 'N-x', signerName: '某人', signature: 'e'.repeat(64) });
      expect(outcome(await otherChief.push([ack]))).toMatch(/outside the scope/);
      expect((await get(otherChief, `/api/findings/${rec.findingId}/history`)).status).toBe(403);
      expect((await get(chief, `/api/findings/${rec.findingId}/history`)).status).toBe(200);
      const mine = about<FindingAcknowledged>(chief, rec.findingId, { type: 'finding.acknowledged', noticeId: 'N-scope', signerName: '王丽', signature: 'e'.repeat(64) });
      expect(outcome(await chief.push([mine]))).toBe('accepted');
      expect((await get(otherChief, '/api/notices/N-scope')).status).toBe(403);
      expect((await get(chief, '/api/notices/N-scope')).status).toBe(200);
      expect((await fetch(`${server.url}/api/findings/${rec.findingId}/history`)).status).toBe(401);
      // The review routes are mounted beside the others and leave unknown paths to the API's 404.
      expect((await fetch(`${server.url}/api/no-such-route`)).status).toBe(404);
    });

    it('an inspector may not decide a contest, nor a chief', async () => {
      const rec = await contestedFinding();
      expect(outcome(await inspector.push([decide(inspector, rec.findingId, 'overturn', '2026-03-12T09:00:00+08:00')]))).toMatch(/an? inspector may not contest decided/);
      expect(outcome(await chief.push([decide(chief, rec.findingId, 'overturn', '2026-03-12T09:00:00+08:00')]))).toMatch(/a chief may not contest decided/);
    });

    it("the finding's author may not decide on it, even after becoming a committee member", async () => {
      const author = await signIn(server.url, 'inspector9', 'tablet-9');
      const rec = recorded(author);
      expect(outcome(await author.push([rec]))).toBe('accepted');
      await chief.push([about<FindingContested>(chief, rec.findingId, { type: 'finding.contested', reason: '不服', photos: [] })]);
      await server.db.query(`update accounts set role = 'committee' where id = 'acc-inspector9'`);
      const promoted = await signIn(server.url, 'inspector9', 'pc-9');
      expect(outcome(await promoted.push([decide(promoted, rec.findingId, 'overturn', '2026-03-12T09:00:00+08:00')]))).toMatch(
        /acc-inspector9 recorded this finding and may not decide a contest on it/,
      );
      expect(outcome(await committee.push([decide(committee, rec.findingId, 'uphold', '2026-03-12T09:00:00+08:00')]))).toBe('accepted');
      const reopen = about<ContestReopened>(promoted, rec.findingId, { type: 'contest.reopened', at: '2026-03-13T09:00:00+08:00', reason: '再议' });
      expect(outcome(await promoted.push([reopen]))).toMatch(/may not reopen a contest on it/);
    });

    it('a decided contest is not decided again without a reopen; only a committee member reopens', async () => {
      const rec = await contestedFinding();
      expect(outcome(await committee.push([decide(committee, rec.findingId, 'uphold', '2026-03-12T09:00:00+08:00')]))).toBe('accepted');
      expect(outcome(await committee2.push([decide(committee2, rec.findingId, 'overturn', '2026-03-13T09:00:00+08:00')]))).toMatch(/already decided \(upheld\)/);
      const reopenBy = (d: Device): ContestReopened => about<ContestReopened>(d, rec.findingId, { type: 'contest.reopened', at: '2026-03-14T09:00:00+08:00', reason: '新证据' });
      expect(outcome(await chief.push([reopenBy(chief)]))).toMatch(/a chief may not contest reopened/);
      expect(outcome(await inspector.push([reopenBy(inspector)]))).toMatch(/an? inspector may not contest reopened/);
      expect(outcome(await admin.push([reopenBy(admin)]))).toMatch(/an? admin may not contest reopened/);
      expect(outcome(await committee2.push([reopenBy(committee2)]))).toBe('accepted');
      expect(outcome(await committee2.push([decide(committee2, rec.findingId, 'overturn', '2026-03-15T09:00:00+08:00')]))).toBe('accepted');
      const h = await history(chief, rec.findingId);
      expect(h.status.state).toBe('overturned');
      expect(h.trail.map((e) => [e.type, e.actorId, e.applied])).toEqual([
        ['finding.recorded', 'acc-inspector1', true],
        ['finding.contested', 'acc-chief-zonghe', true],
        ['contest.decided', 'acc-committee1', true],
        ['contest.reopened', 'acc-committee2', true],
        ['contest.decided', 'acc-committee2', true],
      ]);
      expect(h.trail.every((e) => e.receivedAt !== null && e.deviceId.length > 0)).toBe(true);
    });

    it('a contest after the deadline is refused, also of an acknowledged finding; within it an acknowledged finding is contested', async () => {
      const rec = recorded(inspector, { at: '2026-03-10T10:00:00+08:00', observedAt: '2026-03-10T10:00:00+08:00' });
      const ack = about<FindingAcknowledged>(inspector, rec.findingId, { type: 'finding.acknowledged', at: '2026-03-10T10:10:00+08:00', noticeId: 'N-late', signerName: '王丽', signature: 'f'.repeat(64) });
      await inspector.push([rec, ack]);
      const late = about<FindingContested>(chief, rec.findingId, { type: 'finding.contested', at: '2026-03-18T08:00:00+08:00', reason: '不服', photos: [] });
      expect(outcome(await chief.push([late]))).toMatch(/the contest period ended with 2026-03-17/);
      const inTime = about<FindingContested>(chief, rec.findingId, { type: 'finding.contested', at: '2026-03-17T20:00:00+08:00', reason: '不服', photos: [] });
      expect(outcome(await chief.push([inTime]))).toBe('accepted');
      expect((await history(inspector, rec.findingId)).status).toMatchObject({ state: 'contested', acknowledged: { noticeId: 'N-late' }, pending: true });
    });

    it('two committee members deciding offline: the first made wins on the server and on both devices, whichever syncs first', async () => {
      // The later decision syncs first and is applied; the earlier one arrives and takes over.
      const a = await contestedFinding();
      const early = decide(committee, a.findingId, 'overturn', '2026-03-12T09:00:00+08:00');
      const lateOne = decide(committee2, a.findingId, 'uphold', '2026-03-12T10:00:00+08:00');
      expect(outcome(await committee2.push([lateOne]))).toBe('accepted');
      expect(outcome(await committee.push([early]))).toBe('accepted');
      const seen = await Promise.all([committee, committee2, chief, inspector].map((d) => history(d, a.findingId)));
      for (const h of seen) {
        expect(h.status.state).toBe('overturned');
        expect(h.status.decision).toMatchObject({ eventId: early.id, actorId: 'acc-committee1' });
        expect(h.trail.find((e) => e.eventId === lateOne.id)).toMatchObject({ applied: false, ignored: { kind: 'state', act: 'contest.decided', state: 'overturned', by: expect.objectContaining({ id: early.id, type: 'contest.decided' }) } });
      }
      // The earlier decision syncs first: the later one is refused at the door, naming the winner.
      const b = await contestedFinding();
      const first = decide(committee, b.findingId, 'uphold', '2026-03-12T09:00:00+08:00');
      const second = decide(committee2, b.findingId, 'overturn', '2026-03-12T10:00:00+08:00');
      expect(outcome(await committee.push([first]))).toBe('accepted');
      expect(outcome(await committee2.push([second]))).toMatch(new RegExp(`already decided \\(upheld\\) by contest.decided ${first.id}`));
      // Both devices fold what they hold plus what they pull to the same outcome.
      const pulled = (await committee2.pullAll()).events.filter((e) => e.findingId === b.findingId);
      expect(pulled.map((e) => e.id)).toContain(first.id);
    });

    it('an event from a device clock running ahead is held as retryable', async () => {
      const rec = recorded(inspector);
      await inspector.push([rec]);
      const ahead = about<FindingContested>(chief, rec.findingId, { type: 'finding.contested', at: new Date(Date.now() + 3 * 3600_000).toISOString(), reason: '不服', photos: [] });
      const r = (await chief.push([ahead])).results[0];
      expect(r).toMatchObject({ status: 'rejected', retryable: true, reason: expect.stringMatching(/ahead of the clock here/) });
    });

    it('review settings: admin-only PUT, validated, served in pull, and enforced', async () => {
      expect(await (await get(chief, '/api/review/settings')).json()).toEqual({ contestDays: 7, decideDays: 10, countPendingInProvisional: true, clockToleranceMinutes: 10, offlineGraceHours: REPLAY_REVIEW.offlineGraceHours });
      expect((await put(committee, '/api/review/settings', { contestDays: 3, decideDays: 5, countPendingInProvisional: false, clockToleranceMinutes: 5, offlineGraceHours: REPLAY_REVIEW.offlineGraceHours })).status).toBe(403);
      const bad = await put(admin, '/api/review/settings', { contestDays: -1, decideDays: 1.5, countPendingInProvisional: 'no', clockToleranceMinutes: 5, offlineGraceHours: REPLAY_REVIEW.offlineGraceHours });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toMatch(/contestDays: .*decideDays: whole days.*countPendingInProvisional/);
      const cursor = (await inspector.pullAll()).cursor;
      const next = { contestDays: 3, decideDays: 5, countPendingInProvisional: false, clockToleranceMinutes: 5, offlineGraceHours: REPLAY_REVIEW.offlineGraceHours };
      expect(await (await put(admin, '/api/review/settings', next)).json()).toEqual({ changed: true, settings: next });
      const pulled = await inspector.pullAll(cursor);
      expect(pulled.pages[0]?.review).toEqual(next);
      expect((await signIn(server.url, 'inspector2', 'tablet-fresh').then((d) => d.pullAll())).pages[0]?.review).toEqual(next);
      // A contest on day 5 was in time under 7 days; under 3 it is refused.
      const rec = recorded(inspector, { at: '2026-03-10T10:00:00+08:00', observedAt: '2026-03-10T10:00:00+08:00' });
      await inspector.push([rec]);
      const day5 = about<FindingContested>(chief, rec.findingId, { type: 'finding.contested', at: '2026-03-15T09:00:00+08:00', reason: '不服', photos: [] });
      expect(outcome(await chief.push([day5]))).toMatch(/ended with 2026-03-13 \(3 days/);
      await put(admin, '/api/review/settings', { contestDays: 7, decideDays: 10, countPendingInProvisional: true, clockToleranceMinutes: 10, offlineGraceHours: REPLAY_REVIEW.offlineGraceHours });
    });

    it("the committee's queue: contests with finding, evidence, reason and history, overdue first; committee and admin only", async () => {
      // Staff with no other findings, so their pending points show in the results test below.
      const overdue = await contestedFinding('s-013');
      const recent = recorded(inspector, { at: '2026-03-20T10:00:00+08:00', observedAt: '2026-03-20T10:00:00+08:00', staffId: 's-014' });
      await inspector.push([recent]);
      await chief.push([about<FindingContested>(chief, recent.findingId, { type: 'finding.contested', at: '2026-03-20T11:00:00+08:00', reason: '设备故障', photos: ['a'.repeat(64)] })]);
      expect((await get(chief, '/api/review/queue')).status).toBe(403);
      expect((await get(inspector, '/api/review/queue')).status).toBe(403);
      const asOf = encodeURIComponent('2026-03-25T12:00:00+08:00');
      const q = (await (await get(committee, `/api/review/queue?asOf=${asOf}`)).json()) as { items: { findingId: string; status: ReviewStatus; recorded: FindingRecorded; item: { name: string } | null; trail: AuditEntry[] }[] };
      const ids = q.items.map((i) => i.findingId);
      expect(ids.indexOf(overdue.findingId)).toBeLessThan(ids.indexOf(recent.findingId));
      const first = q.items[0];
      expect(first?.status.contested?.overdue).toBe(true);
      const r = q.items.find((i) => i.findingId === recent.findingId);
      expect(r).toMatchObject({ status: { pending: true, contested: { overdue: false, reason: '设备故障', photos: ['a'.repeat(64)], decideBy: { lastDay: '2026-03-30' } } }, recorded: { itemId: 'wander' }, item: { name: expect.any(String) } });
      expect(r?.trail.map((e) => e.type)).toEqual(['finding.recorded', 'finding.contested']);
      expect(q.items.every((i) => i.status.pending)).toBe(true);
      const all = (await (await get(admin, `/api/review/queue?all=1&asOf=${asOf}`)).json()) as { items: { status: ReviewStatus }[] };
      expect(all.items.some((i) => !i.status.pending)).toBe(true);
    });

    it('results: final never counts pending points; provisional counts them only if the hall says so', async () => {
      const score = async (view: string): Promise<{ pending: string | null; total: number }> => {
        const r = await get(committee, `/api/results?scheme=kunqu-window-staff&period=2026-Q1&view=${view}&asOf=2026-12-31T00:00:00Z`);
        const body = (await r.json()) as { subjects: { subject: string; total: number }[] };
        return { pending: r.headers.get('x-count-pending'), total: body.subjects.filter((s) => s.subject === 'staff').reduce((a, s) => a + s.total, 0) };
      };
      const final = await score('final');
      const provisional = await score('provisional');
      expect(final.pending).toBe('0');
      expect(provisional.pending).toBe('1');
      expect(provisional.total).toBeLessThan(final.total);
      await put(admin, '/api/review/settings', { contestDays: 7, decideDays: 10, countPendingInProvisional: false, clockToleranceMinutes: 10, offlineGraceHours: REPLAY_REVIEW.offlineGraceHours });
      expect(await score('provisional')).toEqual(final);
      await put(admin, '/api/review/settings', { contestDays: 7, decideDays: 10, countPendingInProvisional: true, clockToleranceMinutes: 10, offlineGraceHours: REPLAY_REVIEW.offlineGraceHours });
    });

    it("a chief fetches a photo only if a finding in their scope names it (or they uploaded it); others fetch any", async () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from(`evidence ${Math.random()}`)]);
      const hash = createHash('sha256').update(bytes).digest('hex');
      const upload = await fetch(`${server.url}/api/photos/${hash}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${inspector.token}`, 'content-type': 'image/jpeg', 'upload-offset': '0', 'upload-length': String(bytes.length) },
        body: bytes,
      });
      expect(upload.status).toBe(200);
      // Before any finding names it, no chief may fetch it; the committee may.
      expect((await get(chief, `/api/photos/${hash}`)).status).toBe(403);
      expect((await get(committee, `/api/photos/${hash}`)).status).toBe(200);
      const rec = recorded(inspector, { staffId: 's-001', photos: [hash] });
      expect(outcome(await inspector.push([rec]))).toBe('accepted');
      const mine = await get(chief, `/api/photos/${hash}`);
      expect(mine.status).toBe(200);
      expect(Buffer.from(await mine.arrayBuffer()).equals(bytes)).toBe(true);
      expect((await get(otherChief, `/api/photos/${hash}`)).status).toBe(403);
      expect((await get(committee, `/api/photos/${hash}`)).status).toBe(200);
      expect((await get(inspector, `/api/photos/${hash}`)).status).toBe(200);
    });

    it("results for a chief: their units' subjects, or only their bound windows and those windows' staff", async () => {
      const subjects = async (d: Device): Promise<string[]> => {
        const r = await get(d, '/api/results?scheme=kunqu-window-staff&period=2026-03');
        return ((await r.json()) as { subjects: { subject: string; subjectId: string; unitId: string }[] }).subjects.map((s) => `${s.subject}:${s.subjectId}:${s.unitId}`);
      };
      const w30 = await signIn(server.url, 'chief-w30', 'phone-w30');
      // The staff table and the unit table of scheme kunqu: a window-only chief answers for that window's staff.
      const atW30 = demoHall().roster.staff.filter((s) => s.windowId === 'w-30').map((s) => `staff:${s.id}:${s.unitId}`);
      expect(atW30.length).toBeGreaterThan(0);
      expect((await subjects(w30)).sort()).toEqual(atW30.sort());
      const zonghe = await subjects(chief);
      expect(zonghe.length).toBeGreaterThan(0);
      expect(zonghe.every((s) => s.endsWith(':u-zonghe'))).toBe(true);
    });

    it('serves the violation notice of a visit', async () => {
      const a = recorded(inspector, { staffId: 's-001' });
      const b = recorded(inspector, { staffId: 's-001', itemId: 'play-phone' });
      const sign = (findingId: string): FindingAcknowledged =>
        about<FindingAcknowledged>(inspector, findingId, { type: 'finding.acknowledged', noticeId: 'N-visit', signerName: '王丽', signature: 'd'.repeat(64), signerId: 'c-zonghe' });
      expect((await inspector.push([a, b, sign(a.findingId), sign(b.findingId)])).results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
      const n = (await (await get(chief, '/api/notices/N-visit')).json()) as { lines: { staff: { id: string }; inspector: { name: string } }[]; signer: { capacity: string }; unit: { id: string } };
      expect(n.lines).toHaveLength(2);
      expect(n).toMatchObject({ unit: { id: 'u-zonghe' }, signer: { capacity: 'chief' } });
      expect(n.lines[0]).toMatchObject({ staff: { id: 's-001' }, inspector: { name: '巡查员 周明' } });
      expect((await get(chief, '/api/notices/N-none')).status).toBe(404);
    });
  });
}
