import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src/core/access/account';
import type { ContestDecided, FindingContested, FindingRecorded } from '../../src/core/events/events';
import type { EventOutcome } from '../../src/core/protocol/messages';
import type { PublicationsAnswer } from '../../src/core/publish/publication';
import type { RunningServer } from '../../src/server/startServer';
import { about, DEMO_HALL_ID, recorded, signIn, testServer } from './testServer';
import { hallB, HALL_B_PASSWORD } from './halls/hallB';
import type { Device } from './testServer';

const outcome = (r: { results: EventOutcome[] }): string => {
  const o = r.results[0];
  return !o ? 'none' : o.status === 'rejected' ? `rejected: ${o.reason}` : o.status;
};

/**
 * The office role on a running server: an account bound to 综合办公室 enters the ledger items of its office (000:
 * 被服务对象投诉, 请假 days) with a source reference, as the same finding.recorded events as a patrol, checked by the
 * same core; everything else it sends is refused by name. Its entries are contested and decided like any finding.
 */
describe('the office role on the server', () => {
  let server: RunningServer;
  let office: Device;
  let admin: Device;
  let chief: Device;
  let committee: Device;
  let inspector: Device;
  const post = (d: Device, path: string, body: unknown): Promise<Response> => d.post(path, body);
  /** A 投诉 entered on 2 April about 20 March, from the complaints ledger. */
  const complaint = (over: Partial<FindingRecorded> = {}): FindingRecorded =>
    recorded(office, { itemId: 'complaint', staffId: 's-001', at: '2026-04-02T09:00:00+08:00', observedAt: '2026-03-20T12:00:00+08:00', sourceRef: '12345-2026-03-3017', ...over });

  beforeAll(async () => {
    server = await testServer();
    [office, admin, chief, committee, inspector] = await Promise.all([
      signIn(server.url, 'office-zonghe', 'laptop-office'),
      signIn(server.url, 'admin', 'dev-admin'),
      signIn(server.url, 'chief-zonghe', 'dev-chief'),
      signIn(server.url, 'committee1', 'dev-committee'),
      signIn(server.url, 'inspector1', 'dev-inspector'),
    ]);
  });
  afterAll(() => server.close());

  it('names the account’s offices at sign-in and in the accounts devices pull', async () => {
    const me = (await (await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${office.token}` } })).json()) as { account: AccountSummary };
    expect(me.account).toMatchObject({ role: 'office', offices: ['综合办公室'] });
    const accounts = (await office.pullAll()).pages.flatMap((p) => p.accounts ?? []);
    expect(accounts.find((a) => a.id === office.accountId)?.offices).toEqual(['综合办公室']);
  });

  it('records a ledger item of its office, with its source reference', async () => {
    const e = complaint();
    expect(outcome(await office.push([e]))).toBe('accepted');
    const days = recorded(office, { itemId: 'leave-days', staffId: 's-002', inputs: { quantity: 3 }, at: '2026-04-02T09:00:00+08:00', observedAt: '2026-03-31T12:00:00+08:00', sourceRef: '考勤月报 第1页' });
    expect(outcome(await office.push([days]))).toBe('accepted');
    const pulled = await committee.pullAll();
    expect(pulled.events.find((x) => x.id === e.id)).toEqual(e);
  });

  it('refuses, by name, what an office may not record', async () => {
    expect(outcome(await office.push([complaint({ sourceRef: undefined })]))).toMatch(/rejected: .*item "complaint" is entered from a ledger: name its source/);
    expect(outcome(await office.push([complaint({ itemId: 'no-receipt' })]))).toMatch(/rejected: .*ledger item of 业务管理室; acc-office-zonghe enters the ledger items of 综合办公室/);
    expect(outcome(await office.push([complaint({ itemId: 'wander' })]))).toMatch(/rejected: .*"wander" is a patrol item; an office records only ledger items/);
    expect(outcome(await office.push([complaint({ itemId: 'leave-days', inputs: { quantity: -2 } })]))).toMatch(/rejected: .*inputs.quantity of item "leave-days" is below the minimum 0/);
    expect(outcome(await office.push([complaint({ staffId: 's-999' })]))).toMatch(/rejected: .*staff "s-999" is not in the roster/);
    expect(outcome(await office.push([complaint({ observedAt: '2026-04-05T09:00:00+08:00' })]))).toMatch(/rejected: .*after it was recorded/);
  });

  it('an entry is contested by the chief and decided by the committee like a patrol finding, with its audit trail', async () => {
    const e = complaint({ staffId: 's-003' });
    expect(outcome(await office.push([e]))).toBe('accepted');
    const contest = about<FindingContested>(chief, e.findingId, { type: 'finding.contested', at: '2026-04-03T09:00:00+08:00', reason: '该投诉经核实不属实', photos: [] });
    expect(outcome(await chief.push([contest]))).toBe('accepted');
    const decided = about<ContestDecided>(committee, e.findingId, { type: 'contest.decided', at: '2026-04-04T09:00:00+08:00', decision: 'overturn', reason: '核实不属实' });
    expect(outcome(await committee.push([decided]))).toBe('accepted');
    const h = (await (await fetch(`${server.url}/api/findings/${e.findingId}/history`, { headers: { authorization: `Bearer ${office.token}` } })).json()) as { trail: { event: { type: string; actorId: string } }[] };
    expect(h.trail.map((t) => [t.event.type, t.event.actorId])).toEqual([
      ['finding.recorded', 'acc-office-zonghe'],
      ['finding.contested', 'acc-chief-zonghe'],
      ['contest.decided', 'acc-committee1'],
    ]);
    // An office takes no review act: it may not decide, sign or contest.
    const own = complaint({ staffId: 's-004' });
    await office.push([own]);
    expect(outcome(await office.push([about(office, own.findingId, { type: 'finding.contested', at: '2026-04-03T10:00:00+08:00', reason: '试', photos: [] })]))).toMatch(/rejected: .*an office may not finding contested/);
  });

  it('the admin binds an office account to offices that own ledger items, and only an office', async () => {
    const create = (body: Record<string, unknown>): Promise<Response> => post(admin, '/api/admin/accounts', { name: '业务管理室 陈', password: 'demo1234', ...body });
    const made = await create({ username: 'office-yewu', role: 'office', offices: ['业务管理室'] });
    expect(made.status).toBe(201);
    const yewu = await signIn(server.url, 'office-yewu', 'laptop-yewu');
    expect(outcome(await yewu.push([recorded(yewu, { itemId: 'no-receipt', staffId: 's-001', sourceRef: '办件抽查 3月' })]))).toBe('accepted');
    const refused = async (body: Record<string, unknown>): Promise<string> => {
      const r = await create(body);
      expect(r.status).toBe(400);
      return ((await r.json()) as { error: string; message?: string }).message ?? '';
    };
    expect(await refused({ username: 'office-none', role: 'office' })).toMatch(/at least one office/);
    expect(await refused({ username: 'office-bad', role: 'office', offices: ['宣传科'] })).toMatch(/"宣传科" owns no ledger item/);
    expect(await refused({ username: 'inspector-office', role: 'inspector', offices: ['综合办公室'] })).toMatch(/only an office is bound to offices/);
  });

  it('refuses an office’s entry into a published month by name; a late patrol finding is taken and shows as a pending change', async () => {
    // February, before and after the committee publishes it (the publications of the hall: migration 6).
    const feb = (over: Partial<FindingRecorded> = {}): FindingRecorded =>
      complaint({ staffId: 's-005', at: '2026-03-02T09:00:00+08:00', observedAt: '2026-02-20T12:00:00+08:00', sourceRef: '12345-2026-02-0815', ...over });
    expect(outcome(await office.push([feb()]))).toBe('accepted');
    expect((await post(committee, '/api/publications', { scheme: 'kunqu-window-staff', period: '2026-02' })).status).toBe(201);
    expect(outcome(await office.push([feb({ sourceRef: '12345-2026-02-0816' })]))).toMatch(/rejected: .*period 2026-02 of scheme kunqu-window-staff is published; it is revised with a reason, not added to/);
    // Only the published month: March of the same scheme still takes the office's entries, and another scheme's February too.
    expect(outcome(await office.push([complaint({ staffId: 's-005', sourceRef: '12345-2026-03-0901' })]))).toBe('accepted');
    // A tablet offline at month end syncs a February finding after publication: taken, and listed as what a revision would change.
    const late = recorded(inspector, { itemId: 'wander', staffId: 's-006', at: '2026-02-27T15:00:00+08:00', observedAt: '2026-02-27T15:00:00+08:00' });
    expect(outcome(await inspector.push([late]))).toBe('accepted');
    const r = await fetch(`${server.url}/api/publications?scheme=kunqu-window-staff&period=2026-02`, { headers: { authorization: `Bearer ${committee.token}` } });
    const answer = (await r.json()) as PublicationsAnswer;
    expect(answer.revisions.map((x) => x.revision)).toEqual([1]);
    expect(answer.pending?.laterEvents).toBe(1);
    const change = answer.pending?.changes.find((c) => c.subjectId === 's-006');
    expect(change?.kind).toBe('changed');
    if (change?.kind === 'changed') expect(change.after.total).toBeLessThan(change.before.total);
    // The office's refused entry left nothing behind: s-005 stands as published.
    expect(answer.pending?.changes.some((c) => c.subjectId === 's-005')).toBe(false);
  });

  it('an office belongs to its hall: another hall’s office entries are not its to see or act on, nor its publications', async () => {
    // Run after February is published in the demo hall: hall B's office enters B's February (hallB), each hall publishes its own.
    const b = await hallB(server, await signIn(server.url, 'centre', 'dev-centre'));
    const login = (hallId: string): Promise<Response> =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'login', protocol: 1, username: 'office-b', password: HALL_B_PASSWORD, deviceId: 'laptop-b2', deviceName: 'laptop-b2', hallId }),
      });
    expect((await login(DEMO_HALL_ID)).status).toBe(403);
    expect(outcome(await office.push([about(office, b.ledger.findingId, { type: 'finding.voided', reason: '记错', at: '2026-03-03T09:00:00+08:00' })]))).toMatch(/rejected: .*belongs to another hall/);
    expect((await fetch(`${server.url}/api/findings/${b.ledger.findingId}/history`, { headers: { authorization: `Bearer ${office.token}` } })).status).toBe(403);
    const ours = (await office.pullAll()).events;
    expect(ours.some((e) => e.findingId === b.ledger.findingId)).toBe(false);
    // (A device's pull leaves out what it pushed itself: B's committee reads B's hall.)
    const theirs = (await b.committee.pullAll()).events;
    expect(theirs.some((e) => e.findingId === b.ledger.findingId)).toBe(true);
    expect(theirs.some((e) => e.actorId === office.accountId)).toBe(false);
    // B's office voids its own entry in its hall, like the demo office in its own.
    expect(outcome(await b.office.push([about(b.office, b.ledger.findingId, { type: 'finding.voided', reason: '重复记录', at: '2026-03-03T09:00:00+08:00' })]))).toBe('accepted');
  });
});
