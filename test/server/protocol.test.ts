import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingAcknowledged, FindingContested, ContestDecided } from '../../src/core/events/events';
import type { RunningServer } from '../../src/server/startServer';
import { about, recorded, signIn, testServer } from './testServer';
import type { Device } from './testServer';

describe('sync protocol', () => {
  let server: RunningServer;
  let tablet: Device;
  let chief: Device;
  let committee: Device;
  beforeAll(async () => {
    server = await testServer();
    [tablet, chief, committee] = await Promise.all([
      signIn(server.url, 'inspector1', 'tablet-a'),
      signIn(server.url, 'chief-zonghe', 'phone-chief'),
      signIn(server.url, 'committee1', 'pc-committee'),
    ]);
  });
  afterAll(() => server.close());

  it('stores the same batch sent twice exactly once and answers "duplicate" the second time', async () => {
    const batch = [recorded(tablet), recorded(tablet, { itemId: 'leave-post', staffId: 's-002' })];
    const first = await tablet.push(batch);
    expect(first.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const again = await tablet.push(batch);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const { events } = await committee.pullAll();
    expect(events.filter((e) => batch.some((b) => b.id === e.id))).toHaveLength(2);
  });

  it('accepts a finding and its review events in any order within a batch', async () => {
    const rec = recorded(tablet);
    const ack = about<FindingAcknowledged>(tablet, rec.findingId, { type: 'finding.acknowledged', noticeId: 'n-1', signerName: '王丽', signature: 'b'.repeat(64) });
    const res = await tablet.push([ack, rec]);
    expect(res.results).toEqual([{ id: ack.id, status: 'accepted' }, { id: rec.id, status: 'accepted' }]);
  });

  it('holds a review event whose finding has not arrived as retryable, and takes it once the finding is there', async () => {
    const rec = recorded(tablet);
    const contest = about<FindingContested>(chief, rec.findingId, { type: 'finding.contested', reason: '当时在帮群众取号', photos: [] });
    const early = await chief.push([contest]);
    expect(early.results[0]).toMatchObject({ status: 'rejected', retryable: true });
    expect(early.results[0]?.status === 'rejected' && early.results[0].reason).toContain(rec.findingId);
    await tablet.push([rec]);
    expect((await chief.push([contest])).results[0]).toEqual({ id: contest.id, status: 'accepted' });
  });

  it('rejects bad events by name and stores the good ones of the same batch', async () => {
    const good = recorded(tablet);
    const unknownItem = recorded(tablet, { itemId: 'no-such-item' });
    const outOfRange = recorded(tablet, { itemId: 'late', inputs: { quantity: 0 } });
    const notInRoster = recorded(tablet, { staffId: 's-999' });
    const malformed = { ...recorded(tablet), at: 'yesterday' };
    const otherDevice = recorded({ ...tablet, deviceId: 'tablet-z' });
    const res = await tablet.push([good, unknownItem, outOfRange, notInRoster, malformed, otherDevice]);
    const [g, ...bad] = res.results;
    expect(g).toEqual({ id: good.id, status: 'accepted' });
    const reasons = bad.map((r) => (r.status === 'rejected' ? `${r.retryable ? 'retry' : 'final'}: ${r.reason}` : r.status));
    expect(reasons[0]).toMatch(/^final: event \w+ \(finding.recorded\): item "no-such-item" is not in scheme kunqu-window-staff v1/);
    expect(reasons[1]).toMatch(/inputs.quantity of item "late" is below the minimum 1/);
    expect(reasons[2]).toMatch(/staff "s-999" is not in the roster/);
    expect(reasons[3]).toMatch(/at: an ISO 8601 instant/);
    expect(reasons[4]).toMatch(/deviceId "tablet-z" is not the device pushing/);
    const { events } = await committee.pullAll();
    const ids = new Set(events.map((e) => e.id));
    expect(ids.has(good.id)).toBe(true);
    expect([unknownItem, outOfRange, notInRoster, otherDevice].some((e) => ids.has(e.id))).toBe(false);
  });

  it('checks role and scope on the server', async () => {
    const rec = recorded(tablet, { staffId: 's-030' });
    await tablet.push([rec]);
    const chiefRecords = await chief.push([recorded(chief)]);
    expect(chiefRecords.results[0]?.status === 'rejected' && chiefRecords.results[0].reason).toMatch(/a chief may not finding recorded/);
    const inspectorDecides = await tablet.push([about<ContestDecided>(tablet, rec.findingId, { type: 'contest.decided', decision: 'uphold', reason: 'x' })]);
    expect(inspectorDecides.results[0]?.status === 'rejected' && inspectorDecides.results[0].reason).toMatch(/an? inspector may not contest decided/);
    const otherUnit = await chief.push([about<FindingContested>(chief, rec.findingId, { type: 'finding.contested', reason: '不服', photos: [] })]);
    expect(otherUnit.results[0]?.status === 'rejected' && otherUnit.results[0].reason).toMatch(/outside the scope of acc-chief-zonghe/);
    const decideUncontested = await committee.push([about<ContestDecided>(committee, rec.findingId, { type: 'contest.decided', decision: 'uphold', reason: '维持' })]);
    expect(decideUncontested.results[0]?.status === 'rejected' && decideUncontested.results[0].reason).toMatch(/does not apply to a finding that is recorded/);
    const list = await fetch(`${server.url}/api/admin/devices`, { headers: { authorization: `Bearer ${chief.token}` } });
    expect(list.status).toBe(403);
  });

  it('lets a chief pull only the findings of their own units', async () => {
    const mine = recorded(tablet, { staffId: 's-001' });
    const theirs = recorded(tablet, { staffId: 's-040' });
    await tablet.push([mine, theirs]);
    const ids = new Set((await chief.pullAll()).events.map((e) => e.id));
    expect(ids.has(mine.id)).toBe(true);
    expect(ids.has(theirs.id)).toBe(false);
  });

  it('pulls in pages with a cursor, and sends the hall, schemes and accounts on the first pull only', async () => {
    const fresh = await signIn(server.url, 'inspector2', 'tablet-b');
    const first = await fresh.pullAll();
    expect(first.pages[0]?.setup?.roster.staff.length).toBe(60);
    expect(first.pages[0]?.schemes.map((s) => s.id)).toContain('kunqu-window-staff');
    expect(first.pages[0]?.accounts?.map((a) => a.id)).toContain('acc-chief-zonghe');
    const more = Array.from({ length: 1200 }, (_, i) => recorded(tablet, { staffId: `s-${String((i % 60) + 1).padStart(3, '0')}` }));
    await tablet.push(more.slice(0, 600));
    await tablet.push(more.slice(600));
    // A device is not sent back its own events.
    expect((await tablet.pullAll(first.cursor)).events).toEqual([]);
    const next = await fresh.pullAll(first.cursor);
    expect(next.pages.length).toBeGreaterThan(2);
    expect(next.pages[0]?.remaining).toBeGreaterThanOrEqual(1200 - 500);
    expect(next.pages[0]?.setup).toBeUndefined();
    expect(new Set(next.events.map((e) => e.id))).toEqual(new Set(more.map((e) => e.id)));
  });

  it('resumes an interrupted photo upload and verifies the bytes against the hash', async () => {
    const bytes = createHash('sha512').update('photo').digest();
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), ...Array.from({ length: 40 }, () => bytes)]);
    const hash = createHash('sha256').update(photo).digest('hex');
    const patch = (offset: number, chunk: Buffer, length = photo.length): Promise<Response> =>
      fetch(`${server.url}/api/photos/${hash}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${tablet.token}`, 'content-type': 'image/jpeg', 'upload-offset': String(offset), 'upload-length': String(length) },
        body: new Uint8Array(chunk),
      });
    const status = async (): Promise<{ received: number; complete: boolean }> =>
      (await fetch(`${server.url}/api/photos/${hash}/status`, { headers: { authorization: `Bearer ${tablet.token}` } })).json() as Promise<{ received: number; complete: boolean }>;
    expect((await patch(0, photo.subarray(0, 1000))).status).toBe(200);
    // The connection dropped here; the device asks where to resume.
    expect(await status()).toMatchObject({ received: 1000, complete: false });
    const wrongOffset = await patch(0, photo.subarray(0, 1000));
    expect(wrongOffset.status).toBe(409);
    expect(wrongOffset.headers.get('upload-offset')).toBe('1000');
    expect((await patch(1000, photo.subarray(1000))).status).toBe(200);
    expect(await status()).toMatchObject({ received: photo.length, complete: true });
    const got = await fetch(`${server.url}/api/photos/${hash}`, { headers: { authorization: `Bearer ${tablet.token}` } });
    expect(Buffer.from(await got.arrayBuffer()).equals(photo)).toBe(true);

    const liar = 'c'.repeat(64);
    const bad = await fetch(`${server.url}/api/photos/${liar}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${tablet.token}`, 'content-type': 'image/jpeg', 'upload-offset': '0', 'upload-length': '3' },
      body: Buffer.from([0xff, 0xd8, 0xff]),
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/hash to [0-9a-f]{64}, not c+; the upload was discarded/);
    const huge = await patch(0, photo.subarray(0, 10), 50 * 1024 * 1024);
    expect(huge.status).toBe(413);
  });

  it('refuses expired or revoked sign-ins and unknown protocol versions', async () => {
    const lost = await signIn(server.url, 'inspector1', 'tablet-lost');
    const admin = await signIn(server.url, 'admin', 'pc-admin');
    expect((await lost.post('/api/sync/pull', { type: 'pull', protocol: 1, cursor: null })).status).toBe(200);
    expect((await admin.post('/api/admin/devices/tablet-lost/revoke', {})).status).toBe(200);
    const after = await lost.post('/api/sync/pull', { type: 'pull', protocol: 1, cursor: null });
    expect(after.status).toBe(401);
    expect(await after.text()).toMatch(/expired or was revoked/);
    const v2 = await tablet.post('/api/sync/pull', { type: 'pull', protocol: 2, cursor: null });
    expect(v2.status).toBe(400);
    expect(await v2.text()).toMatch(/protocol 2 is not spoken here/);
  });

  it('rate-limits failed sign-ins per user name', async () => {
    const attempt = (): Promise<Response> =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'login', protocol: 1, username: 'committee1', password: 'wrong', deviceId: 'd', deviceName: 'd' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('sync across a server restart', () => {
  it('keeps what was stored, and the next batch and pull carry on from the same cursor', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-restart-'));
    try {
      let server = await testServer({ dataDir: dir });
      let tablet = await signIn(server.url, 'inspector1', 'tablet-r');
      const reader = await signIn(server.url, 'inspector2', 'tablet-s');
      const batch1 = [recorded(tablet), recorded(tablet)];
      expect((await tablet.push(batch1)).results.every((r) => r.status === 'accepted')).toBe(true);
      const { cursor } = await reader.pullAll();
      await server.close();

      server = await testServer({ dataDir: dir });
      const url = server.url;
      // The token survives the restart: the device does not sign in again.
      tablet = { ...tablet, post: (path, body) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tablet.token}` }, body: JSON.stringify(body) }) };
      const batch2 = [recorded(tablet)];
      const again = await tablet.post('/api/sync/push', { type: 'push', protocol: 1, deviceId: 'tablet-r', events: [...batch1, ...batch2] });
      expect(((await again.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'accepted']);
      const readerAfter = await signIn(url, 'inspector2', 'tablet-s');
      const next = await readerAfter.pullAll(cursor);
      expect(next.events.map((e) => e.id)).toEqual([batch2[0]?.id]);
      await server.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
