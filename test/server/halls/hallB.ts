import { createHash } from 'node:crypto';
import { demoHall } from '../../../src/core/model/demoHall';
import type { FindingRecorded } from '../../../src/core/events/events';
import type { RunningServer } from '../../../src/server/startServer';
import { putConfig } from '../../../src/server/storage/configRepo';
import { handOverKey } from '../actingAs';
import { jpeg } from '../edgeDefenses';
import { about, recorded, signIn } from '../testServer';
import type { Device } from '../testServer';

export const HALL_B = 'hall-b';
export const HALL_B_PASSWORD = 'hall-b-pass';

/** A second hall on a server and what it holds: every kind of resource another hall could try to name. */
export interface HallB {
  admin: Device;
  inspector: Device;
  chief: Device;
  committee: Device;
  /** Hall B's office account (综合办公室 of B). */
  office: Device;
  finding: FindingRecorded;
  /** An entry of B's office: a 投诉 about February, from its complaints ledger. */
  ledger: FindingRecorded;
  /** A finding of hall B that is contested (for the committee's queue). */
  contested: FindingRecorded;
  /** Named by B's finding. */
  photo: string;
  /** Another photo of B, and its bytes (the same bytes sent in another hall are that hall's own photo). */
  photo2: string;
  photoBytes: Buffer;
  notice: string;
  inspectorAccount: string;
  keyId: string;
  tokenId: string;
  /** A scheme only hall B holds. */
  scheme: string;
}

const call = (url: string, d: Device, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${d.token}`, ...(body !== undefined && !(body instanceof Uint8Array) ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? null : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body),
  });

async function ok(r: Promise<Response>, what: string): Promise<Response> {
  const res = await r;
  if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return res;
}

/**
 * Make hall B through the API as a centre administrator would (a hall and its admin), then as its admin (the demo's
 * floor and roster under B's id, accounts), and fill it: a finding with a photo and a notice, a contested finding, a
 * chief's hand-over key, and a scheme only B holds (stored as an upload would store it).
 */
export async function hallB(server: RunningServer, centre: Device): Promise<HallB> {
  const url = server.url;
  await ok(call(url, centre, 'POST', '/api/centre/halls', { id: HALL_B, name: '城关镇便民服务中心', timeZone: 'Asia/Shanghai', admin: { username: 'admin-b', name: '管理员 B', password: HALL_B_PASSWORD } }), 'create hall B');
  const admin = await signIn(url, 'admin-b', 'dev-admin-b', { password: HALL_B_PASSWORD });
  const setup = demoHall();
  setup.roster.hall = { id: HALL_B, name: '城关镇便民服务中心', timeZone: 'Asia/Shanghai' };
  // Marked as hall B's, so that a read of the wrong hall would show: window numbers from 101, the units' names.
  for (const w of setup.roster.windows) w.number = String(Number(w.number) + 100);
  for (const u of setup.roster.units) u.name = `乙馆${u.name}`;
  await ok(call(url, admin, 'PUT', '/api/admin/hall', setup), 'hall B setup');
  for (const a of [
    { username: 'inspector-b', name: '巡查员 B', role: 'inspector' },
    { username: 'chief-b', name: '首席代表 B', role: 'chief', unitIds: ['u-zonghe'] },
    { username: 'committee-b', name: '考核小组 B', role: 'committee' },
    { username: 'office-b', name: '综合办公室 B', role: 'office', offices: ['综合办公室'] },
  ]) {
    await ok(call(url, admin, 'POST', '/api/admin/accounts', { ...a, password: HALL_B_PASSWORD }), `hall B account ${a.username}`);
  }
  const inspector = await signIn(url, 'inspector-b', 'dev-inspector-b', { password: HALL_B_PASSWORD });
  const chief = await signIn(url, 'chief-b', 'dev-chief-b', { password: HALL_B_PASSWORD });
  const committee = await signIn(url, 'committee-b', 'dev-committee-b', { password: HALL_B_PASSWORD });
  const office = await signIn(url, 'office-b', 'laptop-office-b', { password: HALL_B_PASSWORD });
  // A contest's review settings that differ from the demo hall's, so a read of the wrong hall would show.
  await ok(call(url, admin, 'PUT', '/api/review/settings', { contestDays: 3, decideDays: 9, countPendingInProvisional: false, clockToleranceMinutes: 10, offlineGraceHours: 10 * 366 * 24 }), 'hall B review');

  const upload = async (bytes: Buffer): Promise<string> => {
    const hash = createHash('sha256').update(bytes).digest('hex');
    await ok(call(url, inspector, 'PATCH', `/api/photos/${hash}`, new Uint8Array(bytes), { 'content-type': 'image/jpeg', 'upload-offset': '0', 'upload-length': String(bytes.length) }), 'hall B photo');
    return hash;
  };
  const photo = await upload(jpeg(`hall B evidence ${Math.random()}`));
  const photoBytes = jpeg(`hall B second photo ${Math.random()}`);
  const photo2 = await upload(photoBytes);
  const finding = recorded(inspector, { staffId: 's-001', photos: [photo] });
  const contested = recorded(inspector, { staffId: 's-002' });
  const notice = 'N-hall-b';
  const pushed = await inspector.push([
    finding,
    contested,
    about(inspector, finding.findingId, { type: 'finding.acknowledged', noticeId: notice, signerName: '王丽', signature: 'd'.repeat(64) }),
    about(inspector, contested.findingId, { type: 'finding.contested', reason: '不服', photos: [] }),
  ]);
  if (!pushed.results.every((r) => r.status === 'accepted')) throw new Error(`hall B push: ${JSON.stringify(pushed.results)}`);
  const ledger = recorded(office, { itemId: 'complaint', staffId: 's-001', at: '2026-03-02T09:00:00+08:00', observedAt: '2026-02-20T12:00:00+08:00', sourceRef: 'B 投诉台账 第1页' });
  const entered = await office.push([ledger]);
  if (entered.results[0]?.status !== 'accepted') throw new Error(`hall B office entry: ${JSON.stringify(entered.results)}`);

  const keyDevice = await signIn(url, 'chief-b', 'dev-chief-b-keys', { password: HALL_B_PASSWORD });
  const keyId = ((await (await ok(call(url, keyDevice, 'POST', '/api/auth/keys', { publicKey: handOverKey().publicKey }), 'hall B key')).json()) as { keyId: string }).keyId;
  const me = (await (await ok(call(url, inspector, 'GET', '/api/auth/me'), 'hall B me')).json()) as { tokenId: string; account: { id: string } };

  const kunqu = (await server.db.query<{ body: string }>("select body from config where hall_id = $1 and kind = 'scheme' and key = 'kunqu-window-staff@1'", [HALL_B]))[0]?.body ?? '{}';
  const scheme = 'hall-b-only';
  await server.db.transaction((tx) => putConfig(tx, HALL_B, 'scheme', `${scheme}@1`, JSON.stringify({ ...(JSON.parse(kunqu) as object), id: scheme })));
  return { admin, inspector, chief, committee, office, finding, ledger, contested, photo, photo2, photoBytes, notice, inspectorAccount: me.account.id, keyId, tokenId: me.tokenId, scheme };
}
