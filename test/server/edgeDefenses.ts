import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingAcknowledged, FindingContested } from '../../src/core/events/events';
import type { EventOutcome } from '../../src/core/protocol/messages';
import type { LogEntry } from '../../src/server/log';
import type { RunningServer } from '../../src/server/startServer';
import { about, recorded, signIn } from './testServer';
import type { Device } from './testServer';

const outcome = (r: { results: EventOutcome[] }, i = 0): string => {
  const o = r.results[i];
  if (!o) return 'none';
  return o.status === 'rejected' ? `rejected: ${o.reason}` : o.status;
};

/** A JPEG's first bytes and then some: what the server checks of a photo is its magic numbers and its hash. */
export const jpeg = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(text)]);

/** A sign-in from a given loopback source address (127.0.0.x), to tell sources apart on one machine. */
function loginFrom(url: string, localAddress: string, username: string, password: string): Promise<{ status: number; body: { message?: string; retryAfterSeconds?: number } }> {
  const u = new URL(`${url}/api/auth/login`);
  const body = JSON.stringify({ type: 'login', protocol: 1, username, password, deviceId: `d-${localAddress}`, deviceName: 'd' });
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { message?: string; retryAfterSeconds?: number } }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The High and Medium defects of issue 9 at the server's edge: photos, notices, sign-in limits, admin, limits, headers, logs. */
export function runEdgeDefenses(name: string, start: (log: (e: LogEntry) => void) => Promise<{ server: RunningServer; stop: () => Promise<void> }>): void {
  describe(`edge defenses: ${name}`, { timeout: 90_000 }, () => {
    let server: RunningServer;
    let stop: () => Promise<void>;
    let inspector: Device;
    let chief: Device;
    let admin: Device;
    const logs: LogEntry[] = [];
    const call = (d: Device, method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Response> =>
      fetch(`${server.url}${path}`, { method, body: init.body ?? null, headers: { authorization: `Bearer ${d.token}`, ...init.headers } });
    const upload = (d: Device, bytes: Buffer, length = bytes.length, hash = createHash('sha256').update(bytes).digest('hex')): Promise<Response> =>
      call(d, 'PATCH', `/api/photos/${hash}`, { body: new Uint8Array(bytes), headers: { 'content-type': 'image/jpeg', 'upload-offset': '0', 'upload-length': String(length) } });

    beforeAll(async () => {
      ({ server, stop } = await start((e) => logs.push(e)));
      [inspector, chief, admin] = await Promise.all([signIn(server.url, 'inspector1', 'tablet-e'), signIn(server.url, 'chief-zonghe', 'phone-e'), signIn(server.url, 'admin', 'pc-e')]);
    });
    afterAll(() => stop());

    it("a chief cannot read another unit's photo by naming its hash in a contest of their own finding", async () => {
      const bytes = jpeg(`税务局 evidence ${Math.random()}`);
      const hash = createHash('sha256').update(bytes).digest('hex');
      expect((await upload(inspector, bytes)).status).toBe(200);
      await inspector.push([recorded(inspector, { staffId: 's-040', photos: [hash] })]);
      const own = recorded(inspector, { staffId: 's-001' });
      await inspector.push([own]);
      const contest = about<FindingContested>(chief, own.findingId, { type: 'finding.contested', reason: '不服', photos: [hash] });
      expect(outcome(await chief.push([contest]))).toMatch(/photo [0-9a-f]{64} was uploaded by another account/);
      expect((await call(chief, 'GET', `/api/photos/${hash}`)).status).toBe(403);
    });

    it("an unfinished upload is its uploader's: squatting a hash does not stop the photo's owner", async () => {
      const bytes = jpeg(`evidence to squat ${Math.random()}`);
      const hash = createHash('sha256').update(bytes).digest('hex');
      expect((await upload(chief, bytes.subarray(0, 5), 999_999, hash)).status).toBe(200);
      expect(await (await call(inspector, 'GET', `/api/photos/${hash}/status`)).json()).toMatchObject({ received: 0, complete: false });
      expect(await (await upload(inspector, bytes)).json()).toMatchObject({ complete: true });
      expect((await call(inspector, 'GET', `/api/photos/${hash}`)).status).toBe(200);
    });

    it('photo bytes must be a JPEG, PNG or WebP; unfinished uploads are bounded in number and age', async () => {
      const text = Buffer.from('#!/bin/sh\necho this is no photo\n');
      const r = await upload(inspector, text);
      expect(r.status).toBe(400);
      expect(await r.text()).toMatch(/not a JPEG, PNG or WebP/);
      const uploader = await signIn(server.url, 'inspector2', 'tablet-many');
      const starts: number[] = [];
      for (let i = 0; i < 21; i++) starts.push((await upload(uploader, jpeg(`part ${i}`).subarray(0, 6), 1000, createHash('sha256').update(`h${i}`).digest('hex'))).status);
      expect(starts.slice(0, 20).every((s) => s === 200)).toBe(true);
      expect(starts[20]).toBe(429);
      await server.db.query(`update photos set updated_at = now() - interval '3 days' where uploaded_by = 'acc-inspector2' and not complete`);
      expect((await upload(uploader, jpeg('after cleanup').subarray(0, 6), 1000, createHash('sha256').update('h-late').digest('hex'))).status).toBe(200);
      const left = await server.db.query<{ n: number }>(`select count(*)::int as n from photos where uploaded_by = 'acc-inspector2' and not complete`);
      expect(left[0]?.n).toBe(1);
    });

    it("a notice number of one unit's findings cannot be reused for another unit's", async () => {
      const mine = recorded(inspector, { staffId: 's-001' });
      const theirs = recorded(inspector, { staffId: 's-040' });
      await inspector.push([mine, theirs]);
      const sign = (findingId: string): FindingAcknowledged => about<FindingAcknowledged>(inspector, findingId, { type: 'finding.acknowledged', noticeId: 'N-shared', signerName: '王丽', signature: 'd'.repeat(64) });
      expect(outcome(await inspector.push([sign(mine.findingId)]))).toBe('accepted');
      expect(outcome(await inspector.push([sign(theirs.findingId)]))).toMatch(/notice N-shared already covers findings of unit u-zonghe/);
      expect((await call(chief, 'GET', '/api/notices/N-shared')).status).toBe(200);
    });

    it('sign-in: parallel guesses cannot pass the limit, the owner elsewhere is not locked out, and the wait is said', async () => {
      const tries = await Promise.all(Array.from({ length: 30 }, () => loginFrom(server.url, '127.0.0.1', 'committee1', 'wrong-password')));
      expect(tries.filter((t) => t.status === 401)).toHaveLength(5);
      const blocked = tries.find((t) => t.status === 429);
      expect(blocked?.body.message).toMatch(/wait \d+ seconds/);
      expect(blocked?.body.retryAfterSeconds).toBeGreaterThan(0);
      expect((await loginFrom(server.url, '127.0.0.2', 'committee1', 'demo1234')).status).toBe(200);
      expect((await loginFrom(server.url, '127.0.0.1', 'committee1', 'demo1234')).status).toBe(429);
    });

    it('an admin cannot disable their own account; a disabled account can be enabled again; admin actions are logged', async () => {
      const me = await call(admin, 'POST', '/api/admin/accounts/acc-admin/disable');
      expect(me.status).toBe(409);
      expect((await call(admin, 'POST', '/api/admin/accounts/acc-inspector2/disable')).status).toBe(200);
      await expect(signIn(server.url, 'inspector2', 'tablet-x')).rejects.toThrow(/401/);
      expect((await call(admin, 'POST', '/api/admin/accounts/acc-inspector2/enable')).status).toBe(200);
      expect((await signIn(server.url, 'inspector2', 'tablet-x')).accountId).toBe('acc-inspector2');
      expect(logs.filter((l) => l.kind === 'admin').map((l) => [l.action, l.by, l.target])).toEqual(
        expect.arrayContaining([
          ['account.disable', 'acc-admin', 'acc-inspector2'],
          ['account.enable', 'acc-admin', 'acc-inspector2'],
        ]),
      );
      expect(logs.find((l) => l.kind === 'refused' && l.path === '/api/admin/accounts/acc-admin/disable')).toMatchObject({ status: 409, account: 'acc-admin', code: 'conflict' });
      expect(logs.some((l) => l.kind === 'refused-event' && typeof l.reason === 'string' && /uploaded by another account/.test(l.reason))).toBe(true);
    });

    it('bodies are limited on every route, control characters in paths, queries and bodies are a 400 naming the place', async () => {
      const huge = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'login', protocol: 1, username: 'x'.repeat(200_000), password: 'p', deviceId: 'd', deviceName: 'd' }) });
      expect(huge.status).toBe(413);
      expect(await huge.text()).toMatch(/at most 65536 bytes/);
      const nulPath = await call(chief, 'GET', '/api/notices/N%00x');
      expect(nulPath.status).toBe(400);
      expect(await nulPath.text()).toMatch(/path segment 3 contains a control character/);
      const nulQuery = await call(chief, 'GET', '/api/results?scheme=kunqu-window-staff&period=2026-03%00');
      expect(nulQuery.status).toBe(400);
      expect(((await nulQuery.json()) as { message: string }).message).toMatch(/query parameter "period" contains a control character/);
      const nulBody = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'login', protocol: 1, username: 'a\u0000b', password: 'p', deviceId: 'd', deviceName: 'd' }) });
      expect(nulBody.status).toBe(400);
      expect(await nulBody.text()).toMatch(/username: contains a control character/);
      const nulAccount = await call(admin, 'POST', '/api/admin/accounts', { body: JSON.stringify({ username: 'nul1', name: '某\u0000人', role: 'inspector', password: 'longenough' }), headers: { 'content-type': 'application/json' } });
      expect(nulAccount.status).toBe(400);
      expect(await nulAccount.text()).toMatch(/name: contains a control character/);
    });

    it('answers carry security headers', async () => {
      const r = await fetch(`${server.url}/api/health`);
      expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(r.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    });
  });
}
