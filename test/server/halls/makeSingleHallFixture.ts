/**
 * Makes test/fixtures/single-hall/: a backup of a database written by the single-hall server (schema version 4, the
 * last before halls), through its own API, with a note of what it must still answer after the migration to halls
 * (test/server/halls/singleHallMigration.test.ts).
 * Run once with that version's code (`npx tsx test/server/halls/makeSingleHallFixture.ts`); the files are committed
 * and never remade, so the migration test always meets what the old server really wrote.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeBackupFile } from '../../../src/server/backup/writeBackupFile';
import { handOverKey } from '../actingAs';
import { fakeJpeg, uploadPhoto, viewHall } from '../backup/hallFixture';
import { quarterScenario } from '../scenario';
import { about, recorded, root, signIn, testServer } from '../testServer';

const out = join(root, 'test', 'fixtures', 'single-hall');

async function main(): Promise<void> {
  const server = await testServer();
  const url = server.url;
  const [inspector, _inspector2, chief, committee, admin] = await Promise.all([
    signIn(url, 'inspector1', 'old-tablet-1'),
    signIn(url, 'inspector2', 'old-tablet-2'),
    signIn(url, 'chief-zonghe', 'old-chief-phone'),
    signIn(url, 'committee1', 'old-committee-pc'),
    signIn(url, 'admin', 'old-admin-pc'),
  ]);
  const ok = async (r: Promise<Response>, what: string): Promise<unknown> => {
    const res = await r;
    if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const s = quarterScenario(inspector, chief, committee);
  for (const [device, events] of [[inspector, s.inspector], [chief, s.chief], [committee, s.committee]] as const) {
    const res = await device.push(events);
    if (res.results.some((r) => r.status !== 'accepted')) throw new Error(JSON.stringify(res.results));
  }
  // Evidence photos (each in two chunks, one sent by the admin for its own finding), a window finding (a ledger item, by the admin) and a unit finding, a signature, a void, a rectification.
  const photos = [await uploadPhoto(url, inspector, fakeJpeg(30_000)), await uploadPhoto(url, admin, fakeJpeg(12_000))];
  const windowFinding = recorded(admin, { schemeId: 'county-window-monthly', itemId: 'cw-complaint', staffId: undefined, windowId: 'w-12', photos: [photos[1] ?? ''] });
  const unitFinding = recorded(inspector, { schemeId: 'anshan-stationed-unit', itemId: 'wan-shouji', staffId: 's-030', photos: [photos[0] ?? ''], at: '2026-03-12T10:00:00+08:00', observedAt: '2026-03-12T10:00:00+08:00' });
  const voided = recorded(inspector, { staffId: 's-002' });
  for (const [device, events] of [
    [admin, [windowFinding]],
    [inspector, [unitFinding, voided, about(inspector, voided.findingId, { type: 'finding.voided', code: 'wrong-person' })]],
  ] as const) {
    const res = await device.push(events);
    if (res.results.some((r) => r.status !== 'accepted')) throw new Error(JSON.stringify(res.results));
  }
  // Accounts and sign-ins as an admin leaves them: one made, one disabled, a password changed, a token revoked, a key.
  await ok(admin.post('/api/admin/accounts', { username: 'inspector3', name: '巡查员 冯刚', role: 'inspector', password: 'fixture-pass-1' }), 'create account');
  const made = (await ok(admin.post('/api/admin/accounts', { username: 'chief-temp', name: '临时首席', role: 'chief', unitIds: ['u-gongan'], password: 'fixture-pass-2' }), 'create chief')) as { id: string };
  await ok(admin.post(`/api/admin/accounts/${made.id}/disable`, {}), 'disable');
  await ok(admin.post('/api/admin/accounts/acc-inspector2/password', { password: 'changed-pass-2' }), 'password');
  const key = handOverKey();
  const chiefTablet = await signIn(url, 'chief-shuiwu', 'old-tablet-1');
  const registered = (await ok(chiefTablet.post('/api/auth/keys', { publicKey: key.publicKey }), 'key')) as { keyId: string };
  await ok(fetch(`${url}/api/review/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` }, body: JSON.stringify({ contestDays: 5, decideDays: 12, countPendingInProvisional: true, clockToleranceMinutes: 10, offlineGraceHours: 10 * 366 * 24 }) }), 'review settings');
  const cursor = (await inspector.pullAll()).cursor;
  const view = await viewHall(url, photos);

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await writeBackupFile(server.db, out);
  const [file] = readdirSync(out);
  if (!file) throw new Error('no backup written');
  renameSync(join(out, file), join(out, 'backup.jsonl.gz'));
  writeFileSync(
    join(out, 'expect.json'),
    // Events and photo digests, not results: results follow the engine, which later versions may correct.
    JSON.stringify({ tokens: { inspector1: { token: inspector.token, deviceId: inspector.deviceId }, committee1: { token: committee.token, deviceId: committee.deviceId } }, cursor, keyId: registered.keyId, photos, events: view.events, photoDigests: view.photos }, null, 1),
  );
  await server.close();
}

await main();
