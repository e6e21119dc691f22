import { generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContestDecided, FindingContested, FindingEvent, FindingRecorded, FindingVoided } from '../../src/core/events/events';
import { canonicalEvent } from '../../src/core/access/canonicalEvent';
import type { EventOutcome } from '../../src/core/protocol/messages';
import type { RunningServer } from '../../src/server/startServer';
import { about, newId, recorded, signIn } from './testServer';
import type { Device } from './testServer';

const outcome = (r: { results: EventOutcome[] }, i = 0): string => {
  const o = r.results[i];
  if (!o) return 'none';
  return o.status === 'rejected' ? `rejected: ${o.reason}` : o.status;
};

/** An Ed25519 key pair as the tablet makes one: the raw public key in base64url, and a signer of events. */
export function handOverKey(): { publicKey: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: String(publicKey.export({ format: 'jwk' }).x), privateKey };
}

/** The event with a hand-over proof by this key. */
export function signed<E extends FindingEvent>(e: E, keyId: string, privateKey: KeyObject): E {
  return { ...e, proof: { keyId, signature: sign(null, Buffer.from(canonicalEvent(e), 'utf8'), privateKey).toString('base64url') } };
}

/**
 * No one acts as someone else (issue 9): the actor of every pushed event is the account of the token that pushed it,
 * a device id is no credential, and the one exception, a chief's act on the inspector's tablet under a hand-over,
 * needs a proof signed by a live key the chief registered for that tablet. A finding id is recorded once.
 */
export function runActingAs(name: string, start: () => Promise<{ server: RunningServer; stop: () => Promise<void> }>): void {
  describe(`acting as another account: ${name}`, { timeout: 90_000 }, () => {
    let server: RunningServer;
    let stop: () => Promise<void>;
    let inspector: Device;
    let chief: Device;
    let committee: Device;
    let admin: Device;
    const get = async (d: Device, path: string): Promise<Response> => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${d.token}` } });
    const history = async (d: Device, findingId: string): Promise<{ status: { state: string }; trail: { type: string; actorId: string }[] }> =>
      (await (await get(d, `/api/findings/${findingId}/history`)).json()) as { status: { state: string }; trail: { type: string; actorId: string }[] };
    const contested = async (): Promise<FindingRecorded> => {
      const rec = recorded(inspector);
      expect(outcome(await inspector.push([rec]))).toBe('accepted');
      expect(outcome(await chief.push([about<FindingContested>(chief, rec.findingId, { type: 'finding.contested', reason: '不服', photos: [] })]))).toBe('accepted');
      return rec;
    };
    /** The chief enrolls on the inspector's tablet: signs in there, registers a key, signs out. */
    const enroll = async (): Promise<{ keyId: string; privateKey: KeyObject }> => {
      const onTablet = await signIn(server.url, 'chief-zonghe', inspector.deviceId);
      const key = handOverKey();
      const res = await onTablet.post('/api/auth/keys', { publicKey: key.publicKey });
      expect(res.status).toBe(201);
      const { keyId } = (await res.json()) as { keyId: string };
      expect((await onTablet.post('/api/auth/logout', {})).status).toBe(200);
      return { keyId, privateKey: key.privateKey };
    };

    beforeAll(async () => {
      ({ server, stop } = await start());
      [inspector, chief, committee, admin] = await Promise.all([
        signIn(server.url, 'inspector1', 'tablet-ins'),
        signIn(server.url, 'chief-zonghe', 'phone-chief'),
        signIn(server.url, 'committee1', 'pc-committee'),
        signIn(server.url, 'admin', 'pc-admin'),
      ]);
    });
    afterAll(() => stop());

    it("a chief signed in under the committee's device id cannot decide as the committee member", async () => {
      const rec = await contested();
      const borrowed = await signIn(server.url, 'chief-zonghe', committee.deviceId);
      const forged = about<ContestDecided>(committee, rec.findingId, { type: 'contest.decided', decision: 'overturn', reason: '撤销' });
      expect(outcome(await borrowed.push([forged]))).toMatch(/its actor acc-committee1 is not acc-chief-zonghe, the account that pushed it/);
      expect((await history(committee, rec.findingId)).status.state).toBe('contested');
    });

    it("a chief under the inspector's device id cannot void the inspector's finding nor record in their name", async () => {
      const rec = recorded(inspector);
      await inspector.push([rec]);
      const borrowed = await signIn(server.url, 'chief-zonghe', inspector.deviceId);
      const voided = about<FindingVoided>(inspector, rec.findingId, { type: 'finding.voided', reason: '记错' });
      expect(outcome(await borrowed.push([voided]))).toMatch(/is not acc-chief-zonghe, the account that pushed it/);
      const elsewhere = recorded(inspector, { staffId: 's-040' });
      expect(outcome(await borrowed.push([elsewhere]))).toMatch(/is not acc-chief-zonghe/);
      expect((await history(inspector, rec.findingId)).status.state).toBe('recorded');
      expect((await get(committee, `/api/findings/${elsewhere.findingId}/history`)).status).toBe(404);
    });

    it('a signed-out or revoked sign-in cannot push', async () => {
      const tablet = await signIn(server.url, 'inspector2', 'tablet-out');
      expect(outcome(await tablet.push([recorded(tablet)]))).toBe('accepted');
      expect((await tablet.post('/api/auth/logout', {})).status).toBe(200);
      expect((await tablet.post('/api/sync/push', { type: 'push', protocol: 1, deviceId: tablet.deviceId, events: [recorded(tablet)] })).status).toBe(401);
      const lost = await signIn(server.url, 'inspector2', 'tablet-lost');
      expect((await admin.post(`/api/admin/devices/${lost.deviceId}/revoke`, {})).status).toBe(200);
      expect((await lost.post('/api/sync/push', { type: 'push', protocol: 1, deviceId: lost.deviceId, events: [recorded(lost)] })).status).toBe(401);
    });

    it("hand-over: the chief's act pushed by the inspector's tablet is accepted with a valid proof, and only then", async () => {
      const { keyId, privateKey } = await enroll();
      const rec = recorded(inspector);
      await inspector.push([rec]);
      const act = about<FindingContested>({ accountId: chief.accountId, deviceId: inspector.deviceId }, rec.findingId, { type: 'finding.contested', reason: '当时在帮群众取号', photos: [] });
      // No proof: the inspector's token cannot carry the chief's act.
      expect(outcome(await inspector.push([act]))).toMatch(/needs acc-chief-zonghe's hand-over proof/);
      // Tampered after signing: the reason changed.
      expect(outcome(await inspector.push([{ ...signed(act, keyId, privateKey), reason: '改过的理由' }]))).toMatch(/signature does not match/);
      // The key is the chief's: it proves nothing for the committee.
      const asCommittee = about<ContestDecided>({ accountId: committee.accountId, deviceId: inspector.deviceId }, rec.findingId, { type: 'contest.decided', decision: 'overturn', reason: 'x' });
      expect(outcome(await inspector.push([signed(asCommittee, keyId, privateKey)]))).toMatch(/is not a live key of acc-committee1/);
      // Registered for the inspector's tablet: useless from another device.
      const other = await signIn(server.url, 'inspector2', 'tablet-other');
      const fromOther = about<FindingContested>({ accountId: chief.accountId, deviceId: other.deviceId }, rec.findingId, { type: 'finding.contested', reason: '不服', photos: [] });
      expect(outcome(await other.push([signed(fromOther, keyId, privateKey)]))).toMatch(/is not a live key of acc-chief-zonghe on device tablet-other/);
      expect(outcome(await inspector.push([signed(act, keyId, privateKey)]))).toBe('accepted');
      const h = await history(committee, rec.findingId);
      expect(h.status.state).toBe('contested');
      expect(h.trail.map((e) => [e.type, e.actorId])).toEqual([['finding.recorded', 'acc-inspector1'], ['finding.contested', 'acc-chief-zonghe']]);
    });

    it('hand-over keys: only a chief registers one, only under a fresh sign-in; revoked with the device or the account', async () => {
      expect((await inspector.post('/api/auth/keys', { publicKey: handOverKey().publicKey })).status).toBe(403);
      const stale = await signIn(server.url, 'chief-zonghe', inspector.deviceId);
      await server.db.query(`update tokens set created_at = now() - interval '1 hour' where device_id = $1 and account_id = 'acc-chief-zonghe' and revoked_at is null`, [inspector.deviceId]);
      const late = await stale.post('/api/auth/keys', { publicKey: handOverKey().publicKey });
      expect(late.status).toBe(403);
      expect(await late.text()).toMatch(/within 10 minutes of signing in/);
      await stale.post('/api/auth/logout', {});
      const bad = await (await signIn(server.url, 'chief-zonghe', inspector.deviceId)).post('/api/auth/keys', { publicKey: 'not-a-key' });
      expect(bad.status).toBe(400);

      const { keyId, privateKey } = await enroll();
      const actOn = async (): Promise<string> => {
        const rec = recorded(inspector);
        await inspector.push([rec]);
        const act = about<FindingContested>({ accountId: chief.accountId, deviceId: inspector.deviceId }, rec.findingId, { type: 'finding.contested', reason: '不服', photos: [] });
        return outcome(await inspector.push([signed(act, keyId, privateKey)]));
      };
      expect(await actOn()).toBe('accepted');
      // The chief revokes the key (from their own phone).
      expect((await chief.post(`/api/auth/keys/${keyId}/revoke`, {})).status).toBe(200);
      expect(await actOn()).toMatch(/is not a live key/);
      // The admin revokes the tablet: every key registered for it ends too.
      const second = await enroll();
      const rec = recorded(inspector);
      await inspector.push([rec]);
      const act = about<FindingContested>({ accountId: chief.accountId, deviceId: inspector.deviceId }, rec.findingId, { type: 'finding.contested', reason: '不服', photos: [] });
      const listed = (await (await get(admin, '/api/admin/devices')).json()) as { id: string; keys: { id: string; revoked: boolean }[] }[];
      expect(listed.find((d) => d.id === inspector.deviceId)?.keys.find((k) => k.id === second.keyId)?.revoked).toBe(false);
      const revoked = (await (await admin.post(`/api/admin/devices/${inspector.deviceId}/revoke`, {})).json()) as { keys: number };
      expect(revoked.keys).toBeGreaterThanOrEqual(1);
      const again = await signIn(server.url, 'inspector1', inspector.deviceId);
      expect(outcome(await again.push([signed(act, second.keyId, second.privateKey)]))).toMatch(/is not a live key/);
      inspector = again;
    });

    it('a finding id is recorded once: a second recording (a smaller event id, another author) is refused', async () => {
      const rec = recorded(inspector, { at: '2026-03-10T10:00:00+08:00', observedAt: '2026-03-10T10:00:00+08:00' });
      expect(outcome(await inspector.push([rec]))).toBe('accepted');
      const other = await signIn(server.url, 'inspector2', 'tablet-ins2');
      const takeover: FindingRecorded = { ...recorded(other, { at: '2026-03-10T09:00:00+08:00', observedAt: '2026-03-10T09:00:00+08:00', itemId: 'play-phone' }), findingId: rec.findingId, id: ulid(Date.parse('2026-01-01T00:00:00Z')) };
      expect(takeover.id < rec.id).toBe(true);
      expect(outcome(await other.push([takeover]))).toMatch(new RegExp(`finding ${rec.findingId} is already recorded by event ${rec.id}`));
      // In one batch: the first recording of the finding stands, the second is refused.
      const fresh = recorded(other);
      const twice = { ...recorded(other), findingId: fresh.findingId };
      const r = await other.push([fresh, twice]);
      expect([outcome(r, 0), outcome(r, 1)]).toEqual(['accepted', expect.stringMatching(/already recorded/)]);
      const h = await history(committee, rec.findingId);
      expect(h.trail.map((e) => [e.type, e.actorId])).toEqual([['finding.recorded', 'acc-inspector1']]);
    });

    it('concurrent recordings of one finding id: exactly one is stored, the others refused', async () => {
      const devices = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(server.url, i % 2 ? 'inspector1' : 'inspector2', `tablet-race-${i}`)));
      const findingId = newId();
      const results = await Promise.all(devices.map((d) => d.push([{ ...recorded(d), findingId }])));
      const statuses = results.map((r) => outcome(r));
      expect(statuses.filter((s) => s === 'accepted')).toHaveLength(1);
      expect(statuses.filter((s) => s !== 'accepted').every((s) => /recorded/.test(s))).toBe(true);
      expect((await history(committee, findingId)).trail).toHaveLength(1);
    });

    it('the same event id pushed concurrently with different content: one is stored, the others are rejected, never duplicate', async () => {
      // Signed in one after another: the race under test is the pushes'. Eight parallel sign-ins of one account wait
      // for each other's password checks (at most 3 s, src/server/routes/authRoutes.ts), which a loaded machine outlasts.
      const devices: Device[] = [];
      for (let i = 0; i < 8; i++) devices.push(await signIn(server.url, 'inspector1', `tablet-same-${i}`));
      const id = newId();
      const results = await Promise.all(devices.map((d, i) => d.push([{ ...recorded(d), id, note: `版本 ${i}` }])));
      const statuses = results.map((r) => outcome(r));
      expect(statuses.filter((s) => s === 'accepted')).toHaveLength(1);
      expect(statuses.filter((s) => s !== 'accepted').every((s) => /rejected: .*(already used for a different event|recorded)/.test(s))).toBe(true);
    });
  });
}
