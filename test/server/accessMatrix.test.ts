import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/access/roles';
import { ROLES } from '../../src/core/access/roles';
import { MAY } from '../../src/core/access/acts';
import type { FindingEvent, FindingRecorded } from '../../src/core/events/events';
import type { EventOutcome } from '../../src/core/protocol/messages';
import { ENDPOINTS, EVENTS } from '../../src/server/access/accessMatrix';
import type { EndpointRule } from '../../src/server/access/accessMatrix';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackupService } from '../../src/server/backup/backupService';
import { createApp } from '../../src/server/createApp';
import { createHallState } from '../../src/server/hall/hallState';
import type { RunningServer } from '../../src/server/startServer';
import { createPullCache } from '../../src/server/sync/pullCache';
import { about, DEMO_HALL_ID, newId, recorded, schemesDir, signIn, testServer } from './testServer';
import type { Device } from './testServer';
import { handOverKey } from './actingAs';
import { jpeg } from './edgeDefenses';
import { demoHall } from '../../src/core/model/demoHall';
import { addCentreAdmin } from '../../src/server/hall/centreAdmins';
import { hallB, type HallB } from './halls/hallB';
import { readFileSync } from 'node:fs';

type Scope = 'own' | 'foreign';
/** The roles, and a centre administrator (an admin of no hall, here signed in to the demo hall). */
type Caller = Role | 'centre';
const CALLERS: readonly Caller[] = [...ROLES, 'centre'];
const USER: Record<Caller, string> = { admin: 'admin', inspector: 'inspector1', chief: 'chief-zonghe', committee: 'committee1', office: 'office-zonghe', centre: 'centre' };
/**
 * A recording by this device's account. An office's own scope is the ledger items of its office (the demo office is
 * 综合办公室: 被服务对象投诉), its foreign scope another office's (业务管理室: 未出具收件凭证); every recording names its source.
 * An office's entry is about February: the fixture publishes March, and a published month refuses an office's entries.
 */
const recordedAs = (d: Pick<Device, 'accountId' | 'deviceId'>, scope: Scope, over: Partial<FindingRecorded> = {}): FindingRecorded =>
  recorded(d, d.accountId === 'acc-office-zonghe' ? { itemId: scope === 'own' ? 'complaint' : 'no-receipt', sourceRef: '投诉台账 第3页', ...over, observedAt: '2026-02-20T12:00:00+08:00' } : over);
const key = (r: Pick<EndpointRule, 'method' | 'path'>): string => `${r.method} ${r.path}`;

/** What a cell expects of an answer: allowed (2xx), refused (403, or 404 for another's key), or a list that leaves the foreign out. */
const allowed = (access: string, scope: Scope): boolean => access === 'all' || (access === 'scoped' && scope === 'own');
/** A caller's access to a row: a centre administrator is an admin in its token's hall; `centre` rows are theirs only. */
const accessOf = (rule: EndpointRule, caller: Caller): string => {
  if (!rule.roles) return 'all';
  if (rule.hall === 'centre' && caller !== 'centre') return 'none';
  return rule.roles[caller === 'centre' ? 'admin' : caller];
};

/**
 * The access matrix (src/server/access/accessMatrix.ts), every cell checked against a running server: each endpoint
 * for each role on a resource of the caller's own scope and on a foreign one, and each pushed act for each role on
 * an own and a foreign finding, plus acts whose actor or author is not the pusher.
 */
describe('the access matrix, cell by cell', { timeout: 900_000 }, () => {
  let server: RunningServer;
  const as: Record<Caller, Device> = {} as Record<Caller, Device>;
  /** Another hall on the same server, with its own accounts, finding, photo, notice, device, key, sign-in and scheme. */
  let b: HallB;
  /** A centre administrator of every hall (the only one who may take backups once a hall exists that `centre` does not manage). */
  let operator: Device;
  let chiefShuiwu: Device;
  const fixtures = {} as {
    own: FindingRecorded;
    foreign: FindingRecorded;
    ownPhoto: string;
    foreignPhoto: string;
    shuiwuKey: string;
    zongheKey: string;
    ownName: string;
    foreignName: string;
  };
  let cells = 0;
  let backupDir = '';

  const req = (d: Device | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { ...(d ? { authorization: `Bearer ${d.token}` } : {}), ...(body !== undefined && !(body instanceof Uint8Array) ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? null : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body),
    });
  const upload = async (d: Device, text: string): Promise<string> => {
    const bytes = jpeg(text);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const r = await req(d, 'PATCH', `/api/photos/${hash}`, new Uint8Array(bytes), { 'content-type': 'image/jpeg', 'upload-offset': '0', 'upload-length': String(bytes.length) });
    expect(r.status).toBe(200);
    return hash;
  };
  const registerKey = async (username: string): Promise<string> => {
    const d = await signIn(server.url, username, `tablet-keys-${username}`);
    const r = await req(d, 'POST', '/api/auth/keys', { publicKey: handOverKey().publicKey });
    return ((await r.json()) as { keyId: string }).keyId;
  };

  beforeAll(async () => {
    // A server that makes backups (on demand only), so the backup routes are there to probe.
    backupDir = mkdtempSync(join(tmpdir(), 'hp-matrix-backups-'));
    server = await testServer({ backup: { dir: backupDir, keep: 0, everyHours: 24 } });
    for (const caller of CALLERS) as[caller] = await signIn(server.url, USER[caller], `dev-${caller}`);
    chiefShuiwu = await signIn(server.url, 'chief-shuiwu', 'dev-chief-shuiwu');
    fixtures.ownPhoto = await upload(as.inspector, 'own');
    fixtures.foreignPhoto = await upload(as.inspector, 'foreign');
    fixtures.own = recorded(as.inspector, { staffId: 's-001', photos: [fixtures.ownPhoto] });
    fixtures.foreign = recorded(as.inspector, { staffId: 's-040', photos: [fixtures.foreignPhoto] });
    const sign = (f: FindingRecorded, noticeId: string): FindingEvent => about(as.inspector, f.findingId, { type: 'finding.acknowledged', noticeId, signerName: '王丽', signature: 'd'.repeat(64) });
    const r = await as.inspector.push([fixtures.own, fixtures.foreign, sign(fixtures.own, 'N-own'), sign(fixtures.foreign, 'N-foreign')]);
    expect(r.results.every((x) => x.status === 'accepted')).toBe(true);
    // A published March, then one more finding on each side, so the period's pending changes name both subjects.
    expect((await as.committee.post('/api/publications', { scheme: 'kunqu-window-staff', period: '2026-03' })).status).toBe(201);
    const later = [recorded(as.inspector, { staffId: 's-001' }), recorded(as.inspector, { staffId: 's-040' })];
    expect((await as.inspector.push(later)).results.every((x) => x.status === 'accepted')).toBe(true);
    const roster = (await as.admin.pullAll()).pages[0]?.setup?.roster;
    fixtures.ownName = roster?.staff.find((x) => x.id === 's-001')?.name ?? 's-001';
    fixtures.foreignName = roster?.staff.find((x) => x.id === 's-040')?.name ?? 's-040';
    fixtures.shuiwuKey = await registerKey('chief-shuiwu');
    fixtures.zongheKey = await registerKey('chief-zonghe');
    b = await hallB(server, as.centre);
    // A hall `centre` does not manage: made by an operator who manages every hall.
    await addCentreAdmin(server.db, { username: 'operator', name: '运维 中心管理员', password: 'operator-pass', halls: 'all' });
    operator = await signIn(server.url, 'operator', 'dev-operator', { hallId: DEMO_HALL_ID, password: 'operator-pass' });
    const c = await req(operator, 'POST', '/api/centre/halls', { id: 'hall-c', name: '东城便民服务中心', timeZone: 'Asia/Shanghai', admin: { username: 'admin-c', name: '管理员 C', password: 'hall-c-pass' } });
    expect(c.status).toBe(201);
  }, 600_000);
  afterAll(async () => {
    await server.close();
    rmSync(backupDir, { recursive: true, force: true });
  });

  /** One request per endpoint, role and scope; the answer's status and, for lists, whether the foreign resource is in it. */
  const probe: Record<string, (role: Caller, scope: Scope) => Promise<{ status: number; foreignListed?: boolean }>> = {
    'GET /api/health': async () => ({ status: (await req(null, 'GET', '/api/health')).status }),
    'POST /api/auth/login': async () => ({ status: (await req(null, 'POST', '/api/auth/login', { type: 'login', protocol: 1, username: 'inspector2', password: 'demo1234', deviceId: 'dev-login', deviceName: 'd' })).status }),
    'POST /api/auth/logout': async (role) => ({ status: (await req(await signIn(server.url, USER[role], `dev-out-${role}`), 'POST', '/api/auth/logout', {})).status }),
    'GET /api/auth/me': async (role) => ({ status: (await req(as[role], 'GET', '/api/auth/me')).status }),
    'POST /api/auth/keys': async (role) => ({ status: (await req(await signIn(server.url, USER[role], `dev-key-${role}`), 'POST', '/api/auth/keys', { publicKey: handOverKey().publicKey })).status }),
    'POST /api/auth/keys/:keyId/revoke': async (role, scope) => {
      // Only a chief owns keys: another role's "own" key does not exist, so its own cell is the chief's.
      const keyId = scope === 'own' ? (role === 'chief' ? fixtures.zongheKey : null) : fixtures.shuiwuKey;
      return keyId ? { status: (await req(as[role], 'POST', `/api/auth/keys/${keyId}/revoke`, {})).status } : { status: 200 };
    },
    'POST /api/sync/pull': async (role) => {
      const pulled = await as[role].pullAll();
      const ids = new Set(pulled.events.map((e) => e.findingId));
      expect(ids.has(fixtures.own.findingId) || role === 'inspector').toBe(true);
      return { status: 200, foreignListed: role === 'inspector' ? true : ids.has(fixtures.foreign.findingId) };
    },
    'POST /api/sync/push': async (role) => ({ status: (await req(as[role], 'POST', '/api/sync/push', { type: 'push', protocol: 1, deviceId: as[role].deviceId, events: [] })).status }),
    'GET /api/photos/:hash/status': async (role) => ({ status: (await req(as[role], 'GET', `/api/photos/${fixtures.ownPhoto}/status`)).status }),
    'PATCH /api/photos/:hash': async (role) => {
      const bytes = jpeg(`upload by ${role} ${newId()}`);
      const hash = createHash('sha256').update(bytes).digest('hex');
      return { status: (await req(as[role], 'PATCH', `/api/photos/${hash}`, new Uint8Array(bytes), { 'content-type': 'image/jpeg', 'upload-offset': '0', 'upload-length': String(bytes.length) })).status };
    },
    'GET /api/photos/:hash': async (role, scope) => ({ status: (await req(as[role], 'GET', `/api/photos/${scope === 'own' ? fixtures.ownPhoto : fixtures.foreignPhoto}`)).status }),
    'GET /api/results': async (role) => {
      const r = await req(as[role], 'GET', '/api/results?scheme=kunqu-window-staff&period=2026-03');
      const subjects = r.ok ? ((await r.json()) as { subjects: { subjectId: string }[] }).subjects.map((s) => s.subjectId) : [];
      expect(subjects).toContain('s-001');
      return { status: r.status, foreignListed: subjects.includes('s-040') };
    },
    'GET /api/results/explanation': async (role, scope) => ({
      status: (await req(as[role], 'GET', `/api/results/explanation?scheme=kunqu-window-staff&period=2026-03&subject=staff&subjectId=${scope === 'own' ? 's-001' : 's-040'}`)).status,
    }),
    'GET /api/publications': async (role) => {
      const r = await req(as[role], 'GET', '/api/publications?scheme=kunqu-window-staff&period=2026-03');
      const changed = r.ok ? ((await r.json()) as { pending: { changes: { subjectId: string }[] } }).pending.changes.map((c) => c.subjectId) : [];
      if (r.ok) expect(changed).toContain('s-001');
      return { status: r.status, foreignListed: changed.includes('s-040') };
    },
    'GET /api/publications/periods': async (role) => ({ status: (await req(as[role], 'GET', '/api/publications/periods?scheme=kunqu-window-staff')).status }),
    'GET /api/publications/:scheme/:period/:revision': async (role) => {
      const r = await req(as[role], 'GET', '/api/publications/kunqu-window-staff/2026-03/1');
      const subjects = r.ok ? ((await r.json()) as { results: { subjects: { subjectId: string }[] } }).results.subjects.map((s) => s.subjectId) : [];
      if (r.ok) expect(subjects).toContain('s-001');
      return { status: r.status, foreignListed: subjects.includes('s-040') };
    },
    'GET /api/publications/:scheme/:period/:revision/verify': async (role) => ({ status: (await req(as[role], 'GET', '/api/publications/kunqu-window-staff/2026-03/1/verify')).status }),
    'POST /api/publications': async (role, scope) => ({ status: (await req(as[role], 'POST', '/api/publications', { scheme: 'kunqu-window-staff', period: scope === 'own' ? '2025-01' : '2025-02' })).status }),
    'GET /api/exports/results.xlsx': async (role) => {
      const r = await req(as[role], 'GET', '/api/exports/results.xlsx?scheme=kunqu-window-staff&period=2026-03');
      if (!r.ok) return { status: r.status, foreignListed: false };
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await r.arrayBuffer());
      const names = new Set<string>();
      wb.getWorksheet('工作人员')?.eachRow((row) => row.eachCell((c) => void names.add(String(c.value))));
      expect(names.has(fixtures.ownName)).toBe(true);
      return { status: r.status, foreignListed: names.has(fixtures.foreignName) };
    },
    'GET /api/exports/results.csv': async (role) => {
      const r = await req(as[role], 'GET', '/api/exports/results.csv?scheme=kunqu-window-staff&period=2026-03&subject=staff');
      const names = r.ok ? (await r.text()).split('\r\n').map((l) => l.split(',')[1]) : [];
      if (r.ok) expect(names).toContain(fixtures.ownName);
      return { status: r.status, foreignListed: names.includes(fixtures.foreignName) };
    },
    'GET /api/findings/:id/history': async (role, scope) => ({ status: (await req(as[role], 'GET', `/api/findings/${(scope === 'own' ? fixtures.own : fixtures.foreign).findingId}/history`)).status }),
    'GET /api/notices/:noticeId': async (role, scope) => ({ status: (await req(as[role], 'GET', `/api/notices/${scope === 'own' ? 'N-own' : 'N-foreign'}`)).status }),
    'GET /api/review/settings': async (role) => ({ status: (await req(as[role], 'GET', '/api/review/settings')).status }),
    'PUT /api/review/settings': async (role) => {
      const current = await (await req(as.admin, 'GET', '/api/review/settings')).json();
      return { status: (await req(as[role], 'PUT', '/api/review/settings', current)).status };
    },
    'GET /api/review/queue': async (role) => ({ status: (await req(as[role], 'GET', '/api/review/queue')).status }),
    'GET /api/admin/accounts': async (role) => ({ status: (await req(as[role], 'GET', '/api/admin/accounts')).status }),
    'POST /api/admin/accounts': async (role, scope) => ({ status: (await req(as[role], 'POST', '/api/admin/accounts', { username: `made-by-${role}-${scope}`, name: 'X', role: 'inspector', password: 'longenough' })).status }),
    'POST /api/admin/accounts/:id/password': async (role) => ({ status: (await req(as[role], 'POST', '/api/admin/accounts/acc-inspector2/password', { password: 'demo1234' })).status }),
    'POST /api/admin/accounts/:id/disable': async (role) => ({ status: (await req(as[role], 'POST', '/api/admin/accounts/acc-inspector2/disable', {})).status }),
    'POST /api/admin/accounts/:id/enable': async (role) => ({ status: (await req(as[role], 'POST', '/api/admin/accounts/acc-inspector2/enable', {})).status }),
    'GET /api/admin/devices': async (role) => ({ status: (await req(as[role], 'GET', '/api/admin/devices')).status }),
    'POST /api/admin/devices/:id/revoke': async (role) => ({ status: (await req(as[role], 'POST', '/api/admin/devices/dev-login/revoke', {})).status }),
    'POST /api/admin/keys/:id/revoke': async (role) => ({ status: (await req(as[role], 'POST', `/api/admin/keys/${newId()}/revoke`, {})).status }),
    'POST /api/admin/tokens/:id/revoke': async (role) => ({ status: (await req(as[role], 'POST', `/api/admin/tokens/${newId()}/revoke`, {})).status }),
    // A backup holds every hall: the centre administrator's cells are the operator's (who manages every hall).
    'GET /api/admin/backups': async (role) => ({ status: (await req(role === 'centre' ? await operatorOfAll() : as[role], 'GET', '/api/admin/backups')).status }),
    'POST /api/admin/backups': async (role) => ({ status: (await req(role === 'centre' ? await operatorOfAll() : as[role], 'POST', '/api/admin/backups')).status }),
    'GET /api/admin/backups/:name': async (role) => {
      const name = await backupName();
      return { status: (await req(role === 'centre' ? operator : as[role], 'GET', `/api/admin/backups/${name}`)).status };
    },
    'GET /api/admin/hall': async (role) => ({ status: (await req(as[role], 'GET', '/api/admin/hall')).status }),
    'PUT /api/admin/hall': async (role) => {
      const setup = (await as.admin.pullAll()).pages[0]?.setup;
      return { status: (await req(as[role], 'PUT', '/api/admin/hall', setup)).status };
    },
    'PUT /api/admin/accounts/:id/scope': async (role) => ({ status: (await req(as[role], 'PUT', '/api/admin/accounts/acc-chief-shuiwu/scope', { unitIds: ['u-shuiwu'], windowIds: [] })).status }),
    'POST /api/auth/hall': async (role) => ({ status: (await req(as[role], 'POST', '/api/auth/hall', { hallId: 'hall-b' })).status }),
    'GET /api/admin/hall/settings': async (role) => ({ status: (await req(as[role], 'GET', '/api/admin/hall/settings')).status }),
    'PUT /api/admin/hall/settings': async (role) => ({ status: (await req(as[role], 'PUT', '/api/admin/hall/settings', await (await req(as.admin, 'GET', '/api/admin/hall/settings')).json())).status }),
    'GET /api/admin/hall/floor': async (role) => ({ status: (await req(as[role], 'GET', '/api/admin/hall/floor')).status }),
    'PUT /api/admin/hall/floor': async (role) => {
      const { layout, windows } = (await (await req(as.admin, 'GET', '/api/admin/hall/floor')).json()) as { layout: unknown; windows: unknown };
      return { status: (await req(as[role], 'PUT', '/api/admin/hall/floor', { layout, windows })).status };
    },
    'GET /api/admin/hall/roster': async (role) => ({ status: (await req(as[role], 'GET', '/api/admin/hall/roster')).status }),
    'PUT /api/admin/hall/roster': async (role) => {
      const { units, staff, chiefs } = (await (await req(as.admin, 'GET', '/api/admin/hall/roster')).json()) as { units: unknown; staff: unknown; chiefs: unknown };
      return { status: (await req(as[role], 'PUT', '/api/admin/hall/roster', { units, staff, chiefs })).status };
    },
    'GET /api/admin/hall/roster/template': async (role) => ({ status: (await req(as[role], 'GET', '/api/admin/hall/roster/template?format=csv')).status }),
    'POST /api/admin/hall/roster/import': async (role) => ({ status: (await req(as[role], 'POST', '/api/admin/hall/roster/import', await rosterCsv(as.admin), { 'content-type': 'text/csv' })).status }),
    'GET /api/admin/schemes': async (role) => ({ status: (await req(as[role], 'GET', '/api/admin/schemes')).status }),
    'POST /api/admin/schemes': async (role, scope) => ({ status: (await req(as[role], 'POST', '/api/admin/schemes?file=upload.yaml', schemeFile(`up-${role}-${scope}`), { 'content-type': 'text/yaml' })).status }),
    'PUT /api/admin/schemes/schedule': async (role) => ({ status: (await req(as[role], 'PUT', '/api/admin/schemes/schedule', { schemes: demoHall().schemes })).status }),
    'GET /api/admin/schemes/what-if': async (role) => ({ status: (await req(as[role], 'GET', '/api/admin/schemes/what-if?scheme=kunqu-window-staff&version=1&period=2026-03')).status }),
    'GET /api/admin/schemes/:key': async (role) => ({ status: (await req(as[role], 'GET', '/api/admin/schemes/kunqu-window-staff@1')).status }),
    'GET /api/centre/halls': async (role) => ({ status: (await req(as[role], 'GET', '/api/centre/halls')).status }),
    'POST /api/centre/halls': async (role, scope) => ({
      status: (await req(as[role], 'POST', '/api/centre/halls', { id: `made-${role}-${scope}`, name: '新大厅', timeZone: 'Asia/Shanghai', admin: { username: `admin-${role}-${scope}`, name: '管理员', password: 'longenough' } })).status,
    }),
  };

  /** The hall's roster as a CSV roster file (what a re-import of an unchanged roster sends). */
  const rosterCsv = async (admin: Device): Promise<Uint8Array> => {
    const r = (await (await req(admin, 'GET', '/api/admin/hall/roster')).json()) as { units: { id: string; name: string }[]; staff: { name: string; unitId: string; windowId?: string }[]; chiefs: { name: string; unitId: string }[]; windows: { id: string; number: string }[] };
    const unit = (id: string): string => r.units.find((u) => u.id === id)?.name ?? id;
    const lines = ['单位,姓名,身份,窗口号', ...r.staff.map((p) => `${unit(p.unitId)},${p.name},工作人员,${r.windows.find((w) => w.id === p.windowId)?.number ?? ''}`), ...r.chiefs.map((p) => `${unit(p.unitId)},${p.name},首席代表,`)];
    return new Uint8Array(Buffer.from(lines.join('\n')));
  };
  /** A valid scheme file (the kunqu scheme under another id). */
  const schemeFile = (id: string): Uint8Array => new Uint8Array(Buffer.from(readFileSync(join(schemesDir, '000-kunqu.yaml'), 'utf8').replace(/^id: kunqu-window-staff$/m, `id: ${id}`)));
  const bSetup = async (): Promise<string> => JSON.stringify(((await (await req(b.admin, 'GET', '/api/admin/hall')).json()) as { setup: unknown }).setup);
  const bHeld = async (): Promise<string[]> => ((await (await req(b.admin, 'GET', '/api/admin/schemes')).json()) as { held: { id: string }[] }).held.map((h) => h.id);

  /** The operator, managing every hall made so far (the probes open halls as they go). */
  const operatorOfAll = async (): Promise<Device> => {
    await addCentreAdmin(server.db, { username: 'operator', halls: 'all' });
    return operator;
  };
  const backupName = async (): Promise<string> => {
    const { files } = (await (await req(await operatorOfAll(), 'GET', '/api/admin/backups')).json()) as { files: { name: string }[] };
    const name = files[0]?.name ?? (((await (await req(operator, 'POST', '/api/admin/backups')).json()) as { file?: string }).file ?? 'none');
    return encodeURIComponent(name.split('/').pop() ?? name);
  };

  /** The hall the caller may not sign in to: hall B for the demo hall's accounts, hall C for `centre` (who manages B). */
  const notTheirs = (caller: Caller): string => (caller === 'centre' ? 'hall-c' : 'hall-b');
  const bAccounts = async (): Promise<string[]> => ((await (await req(b.admin, 'GET', '/api/admin/accounts')).json()) as { id: string; username: string }[]).map((a) => a.username);
  const bReview = async (): Promise<unknown> => (await req(b.admin, 'GET', '/api/review/settings')).json();
  const pushAbout = async (caller: Caller, event: FindingEvent): Promise<{ status: number }> => {
    const r = await as[caller].push([event]);
    const o = r.results[0];
    // A pushed event naming another hall's finding is refused by name, whatever the role.
    return { status: o?.status === 'rejected' && /another hall/.test(o.reason) ? 403 : o?.status === 'rejected' ? 400 : 200 };
  };

  /**
   * The hall axis: one request per endpoint and caller (signed in to the demo hall) naming hall B's resource. A named
   * resource must answer 403; a list must leave hall B's out, and a change must leave hall B as it was
   * (`foreignListed`: hall B's data showed, or changed).
   */
  const hallProbe: Record<string, (caller: Caller) => Promise<{ status: number; foreignListed?: boolean }>> = {
    'GET /api/health': async () => ({ status: (await req(null, 'GET', '/api/health')).status, foreignListed: false }),
    'POST /api/auth/login': async (caller) => ({
      status: (await req(null, 'POST', '/api/auth/login', { type: 'login', protocol: 1, username: USER[caller], password: 'demo1234', deviceId: 'dev-login-b', deviceName: 'd', hallId: notTheirs(caller) })).status,
    }),
    'POST /api/auth/logout': async (caller) => {
      const r = await req(await signIn(server.url, USER[caller], `dev-out-b-${caller}`), 'POST', '/api/auth/logout', {});
      return { status: r.status, foreignListed: (await req(b.inspector, 'GET', '/api/auth/me')).status !== 200 };
    },
    'GET /api/auth/me': async (caller) => {
      const r = await req(as[caller], 'GET', '/api/auth/me');
      return { status: r.status, foreignListed: ((await r.json()) as { hallId: string }).hallId !== DEMO_HALL_ID };
    },
    'POST /api/auth/hall': async (caller) => ({ status: (await req(as[caller], 'POST', '/api/auth/hall', { hallId: notTheirs(caller) })).status }),
    'POST /api/auth/keys': async (caller) => {
      const r = await req(await signIn(server.url, USER[caller], `dev-key-b-${caller}`), 'POST', '/api/auth/keys', { publicKey: handOverKey().publicKey });
      const keyId = r.ok ? ((await r.json()) as { keyId: string }).keyId : 'none';
      const bKeys = ((await (await req(b.admin, 'GET', '/api/admin/devices')).json()) as { keys: { id: string }[] }[]).flatMap((d) => d.keys.map((k) => k.id));
      return { status: r.status, foreignListed: bKeys.includes(keyId) };
    },
    'POST /api/auth/keys/:keyId/revoke': async (caller) => ({ status: (await req(as[caller], 'POST', `/api/auth/keys/${b.keyId}/revoke`, {})).status }),
    'POST /api/sync/push': async (caller) => pushAbout(caller, about(as[caller], b.finding.findingId, { type: 'finding.contested', reason: '不服', photos: [], at: '2026-03-10T13:00:00+08:00' })),
    'POST /api/sync/pull': async (caller) => {
      const pulled = await as[caller].pullAll();
      return { status: 200, foreignListed: pulled.events.some((e) => e.findingId === b.finding.findingId) || pulled.pages.some((p) => p.setup?.roster.hall.id === 'hall-b') };
    },
    'GET /api/photos/:hash/status': async (caller) => {
      const r = await req(as[caller], 'GET', `/api/photos/${b.photo}/status`);
      return { status: r.status, foreignListed: ((await r.json()) as { complete: boolean }).complete };
    },
    'PATCH /api/photos/:hash': async (caller) => {
      // The same bytes sent in the demo hall are the demo hall's own photo: hall B's stays B's uploader's.
      const r = await req(as[caller], 'PATCH', `/api/photos/${b.photo2}`, new Uint8Array(b.photoBytes), { 'content-type': 'image/jpeg', 'upload-offset': '0', 'upload-length': String(b.photoBytes.length) });
      const [row] = await server.db.query<{ uploaded_by: string }>("select uploaded_by from photos where hall_id = 'hall-b' and hash = $1", [b.photo2]);
      return { status: r.status, foreignListed: row?.uploaded_by !== b.inspector.accountId };
    },
    'GET /api/photos/:hash': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/photos/${b.photo}`)).status }),
    'GET /api/results': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/results?scheme=${b.scheme}&period=2026-03`)).status }),
    'GET /api/results/explanation': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/results/explanation?scheme=${b.scheme}&period=2026-03&subject=staff&subjectId=s-001`)).status }),
    // Publications and exports of hall B's own scheme are refused by name; hall B's periods of a shared scheme are
    // never the demo hall's (checked after the loop: B sees none of the demo hall's publications).
    'GET /api/publications': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/publications?scheme=${b.scheme}&period=2026-03`)).status }),
    'GET /api/publications/periods': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/publications/periods?scheme=${b.scheme}`)).status }),
    'GET /api/publications/:scheme/:period/:revision': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/publications/${b.scheme}/2026-03/1`)).status }),
    'GET /api/publications/:scheme/:period/:revision/verify': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/publications/${b.scheme}/2026-03/1/verify`)).status }),
    'POST /api/publications': async (caller) => {
      const r = await req(as[caller], 'POST', '/api/publications', { scheme: b.scheme, period: '2026-02' });
      const [row] = await server.db.query<{ n: number }>("select count(*)::int as n from publications where hall_id = 'hall-b'");
      return { status: r.status, foreignListed: (row?.n ?? 0) > 0 };
    },
    'GET /api/exports/results.xlsx': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/exports/results.xlsx?scheme=${b.scheme}&period=2026-03`)).status }),
    'GET /api/exports/results.csv': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/exports/results.csv?scheme=${b.scheme}&period=2026-03`)).status }),
    'GET /api/findings/:id/history': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/findings/${b.finding.findingId}/history`)).status }),
    'GET /api/notices/:noticeId': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/notices/${b.notice}`)).status }),
    'GET /api/review/settings': async (caller) => {
      const r = await req(as[caller], 'GET', '/api/review/settings');
      return { status: r.status, foreignListed: ((await r.json()) as { contestDays: number }).contestDays === 3 };
    },
    'PUT /api/review/settings': async (caller) => {
      const before = JSON.stringify(await bReview());
      const r = await req(as[caller], 'PUT', '/api/review/settings', { contestDays: 4, decideDays: 10, countPendingInProvisional: true, clockToleranceMinutes: 10, offlineGraceHours: 10 * 366 * 24 });
      const changed = JSON.stringify(await bReview()) !== before;
      await req(as.admin, 'PUT', '/api/review/settings', await (await req(as.committee, 'GET', '/api/review/settings')).json());
      return { status: r.status, foreignListed: changed };
    },
    'GET /api/review/queue': async (caller) => {
      const r = await req(as[caller], 'GET', '/api/review/queue?all=1');
      const items = r.ok ? ((await r.json()) as { items: { findingId: string }[] }).items : [];
      return { status: r.status, foreignListed: items.some((i) => i.findingId === b.contested.findingId) };
    },
    'GET /api/admin/accounts': async (caller) => {
      const r = await req(as[caller], 'GET', '/api/admin/accounts');
      const list = r.ok ? ((await r.json()) as { username: string }[]).map((a) => a.username) : [];
      return { status: r.status, foreignListed: list.includes('inspector-b') || list.includes('admin-b') };
    },
    'POST /api/admin/accounts': async (caller) => {
      const username = `made-b-${caller}`;
      const r = await req(as[caller], 'POST', '/api/admin/accounts', { username, name: 'X', role: 'inspector', password: 'longenough' });
      return { status: r.status, foreignListed: (await bAccounts()).includes(username) };
    },
    'POST /api/admin/accounts/:id/password': async (caller) => ({ status: (await req(as[caller], 'POST', `/api/admin/accounts/${b.inspectorAccount}/password`, { password: 'longenough' })).status }),
    'POST /api/admin/accounts/:id/disable': async (caller) => ({ status: (await req(as[caller], 'POST', `/api/admin/accounts/${b.inspectorAccount}/disable`, {})).status }),
    'POST /api/admin/accounts/:id/enable': async (caller) => ({ status: (await req(as[caller], 'POST', `/api/admin/accounts/${b.inspectorAccount}/enable`, {})).status }),
    'PUT /api/admin/accounts/:id/scope': async (caller) => ({ status: (await req(as[caller], 'PUT', `/api/admin/accounts/${b.chief.accountId}/scope`, { unitIds: ['u-shuiwu'], windowIds: [] })).status }),
    'GET /api/admin/devices': async (caller) => {
      const r = await req(as[caller], 'GET', '/api/admin/devices');
      const ids = r.ok ? ((await r.json()) as { id: string }[]).map((d) => d.id) : [];
      return { status: r.status, foreignListed: ids.includes(b.inspector.deviceId) };
    },
    'POST /api/admin/devices/:id/revoke': async (caller) => ({ status: (await req(as[caller], 'POST', `/api/admin/devices/${b.inspector.deviceId}/revoke`, {})).status }),
    'POST /api/admin/keys/:id/revoke': async (caller) => ({ status: (await req(as[caller], 'POST', `/api/admin/keys/${b.keyId}/revoke`, {})).status }),
    'POST /api/admin/tokens/:id/revoke': async (caller) => ({ status: (await req(as[caller], 'POST', `/api/admin/tokens/${b.tokenId}/revoke`, {})).status }),
    'GET /api/admin/hall': async (caller) => {
      const r = await req(as[caller], 'GET', '/api/admin/hall');
      return { status: r.status, foreignListed: r.ok && ((await r.json()) as { setup: { roster: { hall: { id: string } } } }).setup.roster.hall.id !== DEMO_HALL_ID };
    },
    'PUT /api/admin/hall': async (caller) => {
      const setup = demoHall();
      setup.roster.hall = { id: 'hall-b', name: '被改的大厅', timeZone: 'Asia/Shanghai' };
      return { status: (await req(as[caller], 'PUT', '/api/admin/hall', setup)).status };
    },
    'GET /api/admin/hall/settings': async (caller) => {
      const r = await req(as[caller], 'GET', '/api/admin/hall/settings');
      return { status: r.status, foreignListed: r.ok && ((await r.json()) as { name: string }).name !== '示范政务服务大厅' };
    },
    'PUT /api/admin/hall/settings': async (caller) => {
      const before = await bSetup();
      const r = await req(as[caller], 'PUT', '/api/admin/hall/settings', { name: '示范政务服务大厅', timeZone: 'Asia/Shanghai', opening: { morning: ['08:30', '11:30'], afternoon: ['13:00', '17:00'] }, closed: { weekdays: [7], dates: [] } });
      return { status: r.status, foreignListed: (await bSetup()) !== before };
    },
    'GET /api/admin/hall/floor': async (caller) => {
      const r = await req(as[caller], 'GET', '/api/admin/hall/floor');
      return { status: r.status, foreignListed: r.ok && ((await r.json()) as { windows: { number: string }[] }).windows.some((w) => w.number === '101') };
    },
    'PUT /api/admin/hall/floor': async (caller) => {
      const before = await bSetup();
      const { layout, roster } = demoHall();
      const r = await req(as[caller], 'PUT', '/api/admin/hall/floor', { layout, windows: roster.windows });
      return { status: r.status, foreignListed: (await bSetup()) !== before };
    },
    'GET /api/admin/hall/roster': async (caller) => {
      const r = await req(as[caller], 'GET', '/api/admin/hall/roster');
      return { status: r.status, foreignListed: r.ok && JSON.stringify(await r.json()).includes('乙馆') };
    },
    'PUT /api/admin/hall/roster': async (caller) => {
      const before = await bSetup();
      const { units, staff, chiefs } = demoHall().roster;
      const r = await req(as[caller], 'PUT', '/api/admin/hall/roster', { units, staff, chiefs });
      return { status: r.status, foreignListed: (await bSetup()) !== before };
    },
    'GET /api/admin/hall/roster/template': async (caller) => {
      const r = await req(as[caller], 'GET', '/api/admin/hall/roster/template?format=csv');
      return { status: r.status, foreignListed: (await r.text()).includes('乙馆') };
    },
    'POST /api/admin/hall/roster/import': async (caller) => {
      const before = await bSetup();
      const r = await req(as[caller], 'POST', '/api/admin/hall/roster/import?apply=1', await rosterCsv(as.admin), { 'content-type': 'text/csv' });
      return { status: r.status, foreignListed: (await bSetup()) !== before };
    },
    'GET /api/admin/schemes': async (caller) => {
      const r = await req(as[caller], 'GET', '/api/admin/schemes');
      return { status: r.status, foreignListed: r.ok && ((await r.json()) as { held: { id: string }[] }).held.some((h) => h.id === b.scheme) };
    },
    'POST /api/admin/schemes': async (caller) => {
      const id = `up-b-${caller}`;
      const r = await req(as[caller], 'POST', '/api/admin/schemes?file=upload.yaml', schemeFile(id), { 'content-type': 'text/yaml' });
      return { status: r.status, foreignListed: (await bHeld()).includes(id) };
    },
    'PUT /api/admin/schemes/schedule': async (caller) => ({ status: (await req(as[caller], 'PUT', '/api/admin/schemes/schedule', { schemes: [...demoHall().schemes.filter((a) => a.subject !== 'staff'), { id: b.scheme, version: 1, subject: 'staff' }] })).status }),
    'GET /api/admin/schemes/what-if': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/admin/schemes/what-if?scheme=${b.scheme}&version=1&period=2026-03`)).status }),
    'GET /api/admin/schemes/:key': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/admin/schemes/${b.scheme}@1`)).status }),
    'GET /api/centre/halls': async (caller) => {
      const r = await req(as[caller], 'GET', '/api/centre/halls');
      const ids = r.ok ? ((await r.json()) as { halls: { id: string }[] }).halls.map((h) => h.id) : [];
      return { status: r.status, foreignListed: ids.includes(notTheirs(caller)) };
    },
    'POST /api/centre/halls': async (caller) => {
      // Making a hall gives no hold on another: the maker still does not manage hall C.
      const r = await req(as[caller], 'POST', '/api/centre/halls', { id: `made-b-${caller}`, name: '新大厅', timeZone: 'Asia/Shanghai', admin: { username: `admin-made-b-${caller}`, name: '管理员', password: 'longenough' } });
      const me = (await (await req(as[caller], 'GET', '/api/auth/me')).json()) as { centre: { halls: string[] } | null };
      return { status: r.status, foreignListed: Boolean(me.centre?.halls.includes(notTheirs(caller))) };
    },
    // `centre` does not manage hall C, so a backup (which holds it) is not theirs to make or read.
    'GET /api/admin/backups': async (caller) => ({ status: (await req(as[caller], 'GET', '/api/admin/backups')).status }),
    'POST /api/admin/backups': async (caller) => ({ status: (await req(as[caller], 'POST', '/api/admin/backups')).status }),
    'GET /api/admin/backups/:name': async (caller) => ({ status: (await req(as[caller], 'GET', `/api/admin/backups/${await backupName()}`)).status }),
  };

  it('has a row for every API route the server mounts, and a probe for every row', () => {
    const backups = createBackupService(server.db, { dir: backupDir, keep: 0, everyHours: 24 });
    const app = createApp({ db: server.db, hall: createHallState(), pulls: createPullCache(), distDir: undefined, log: () => undefined, backups });
    const mounted = new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`));
    expect([...mounted].sort()).toEqual(ENDPOINTS.map(key).sort());
    expect(Object.keys(probe).sort()).toEqual(ENDPOINTS.map(key).sort());
    expect(Object.keys(hallProbe).sort()).toEqual(ENDPOINTS.map(key).sort());
  });

  it('answers every endpoint cell as the table says', async () => {
    const wrong: string[] = [];
    for (const rule of ENDPOINTS) {
      for (const role of CALLERS) {
        for (const scope of ['own', 'foreign'] as const) {
          const access = accessOf(rule, role);
          const got = await (probe[key(rule)] ?? (() => Promise.reject(new Error(`no probe for ${key(rule)}`))))(role, scope);
          cells++;
          const ok = got.status >= 200 && got.status < 300;
          const listing = got.foreignListed !== undefined;
          const expected = listing ? (scope === 'foreign' ? allowed(access, 'foreign') : allowed(access, 'own')) : allowed(access, scope);
          const actual = listing ? ok && (scope === 'own' || got.foreignListed) : ok;
          const refusedRight = ok || got.status === 403 || (rule.path.includes('keys/:keyId') && got.status === 404);
          if (expected !== actual || !refusedRight) wrong.push(`${key(rule)} as ${role} on ${scope}: ${access}, got ${got.status}${listing ? ` (foreign listed: ${got.foreignListed})` : ''}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers every endpoint naming another hall with 403, and lists or changes nothing of another hall', async () => {
    const wrong: string[] = [];
    for (const rule of ENDPOINTS) {
      for (const caller of CALLERS) {
        const got = await (hallProbe[key(rule)] ?? (() => Promise.reject(new Error(`no hall probe for ${key(rule)}`))))(caller);
        cells++;
        const refused = got.foreignListed === undefined ? got.status === 403 : !got.foreignListed && got.status < 500;
        if (!refused) wrong.push(`${key(rule)} as ${caller} on another hall: got ${got.status}${got.foreignListed !== undefined ? ` (another hall's data showed or changed: ${got.foreignListed})` : ''}`);
      }
    }
    expect(wrong).toEqual([]);
    // Hall B is as it was: its accounts, finding and photo are still B's and B's admin still signs in.
    // (Its list also shows the centre administrators who manage it: `centre`, who made it, and the operator.)
    expect((await bAccounts()).sort()).toEqual(['admin-b', 'centre', 'chief-b', 'committee-b', 'inspector-b', 'office-b', 'operator']);
    expect((await req(b.committee, 'GET', `/api/findings/${b.finding.findingId}/history`)).status).toBe(200);
    expect((await req(b.committee, 'GET', `/api/photos/${b.photo}`)).status).toBe(200);
    // The demo hall published March of kunqu-window-staff, a scheme hall B holds too: B's March is unpublished.
    const bMarch = await req(b.committee, 'GET', '/api/publications?scheme=kunqu-window-staff&period=2026-03');
    expect(bMarch.status).toBe(200);
    expect(((await bMarch.json()) as { revisions: unknown[] }).revisions).toEqual([]);
    expect((await req(b.committee, 'GET', '/api/publications/kunqu-window-staff/2026-03/1')).status).toBe(404);
  });

  it("keeps the table's acts equal to the core's rule (checkEvent's MAY)", () => {
    for (const [type, roles] of Object.entries(EVENTS)) {
      for (const role of ROLES) expect(roles[role] !== 'none', `${type} ${role}`).toBe(MAY[type as FindingEvent['type']].includes(role));
    }
  });

  it('answers every pushed act as the table says: each role on an own and a foreign finding, and never as another account', async () => {
    const outcome = (r: { results: EventOutcome[] }): EventOutcome | undefined => r.results[0];
    /** A finding of unit zonghe (own) or shuiwu (foreign) brought into the state the act applies in. */
    const findingFor = async (type: FindingEvent['type'], scope: Scope, author: Device): Promise<FindingRecorded> => {
      const rec = recordedAs(author, 'own', { staffId: scope === 'own' ? 's-002' : 's-041' });
      expect(outcome(await author.push([rec]))?.status).toBe('accepted');
      if (type === 'contest.decided' || type === 'contest.reopened') {
        expect(outcome(await as.inspector.push([about(as.inspector, rec.findingId, { type: 'finding.contested', reason: '现场', photos: [] })]))?.status).toBe('accepted');
      }
      if (type === 'contest.reopened') {
        expect(outcome(await as.committee.push([about(as.committee, rec.findingId, { type: 'contest.decided', decision: 'uphold', reason: '维持', at: '2026-03-10T12:00:00+08:00' })]))?.status).toBe('accepted');
      }
      return rec;
    };
    const act = (type: FindingEvent['type'], d: Pick<Device, 'accountId' | 'deviceId'>, f: FindingRecorded, scope: Scope = 'own'): FindingEvent => {
      const at = '2026-03-10T13:00:00+08:00';
      switch (type) {
        case 'finding.recorded':
          return recordedAs(d, scope, { staffId: f.staffId ?? 's-001', at, observedAt: at });
        case 'finding.voided':
          return about(d, f.findingId, { type, reason: '记错', at });
        case 'finding.acknowledged':
          return about(d, f.findingId, { type, noticeId: `N-${newId()}`, signerName: '王丽', signature: 'e'.repeat(64), at });
        case 'finding.contested':
          return about(d, f.findingId, { type, reason: '不服', photos: [], at });
        case 'contest.decided':
          return about(d, f.findingId, { type, decision: 'overturn', reason: '撤销', at });
        case 'contest.reopened':
          return about(d, f.findingId, { type, reason: '再议', at });
        case 'finding.rectified':
          return about(d, f.findingId, { type, at });
      }
    };
    const wrong: string[] = [];
    for (const [type, roles] of Object.entries(EVENTS) as [FindingEvent['type'], Record<Role, string>][]) {
      for (const role of ROLES) {
        for (const scope of ['own', 'foreign'] as const) {
          // A void is the author's: the finding is the pusher's own when the pusher may record, else the inspector's.
          const author = type === 'finding.voided' && EVENTS['finding.recorded'][role] !== 'none' ? as[role] : as.inspector;
          const f = await findingFor(type, scope, author);
          const o = outcome(await as[role].push([act(type, as[role], f, scope)]));
          cells++;
          if ((o?.status === 'accepted') !== allowed(roles[role], scope)) wrong.push(`${type} by ${role} on ${scope}: ${roles[role]}, got ${o?.status === 'rejected' ? o.reason : o?.status}`);
        }
        // Never as another account: the same act naming another actor is refused, whoever pushes it.
        const other = role === 'committee' ? as.inspector : as.committee;
        const f = await findingFor(type, 'own', as.inspector);
        const o = outcome(await as[role].push([act(type, { accountId: other.accountId, deviceId: as[role].deviceId }, f)]));
        cells++;
        if (o?.status === 'accepted') wrong.push(`${type} pushed by ${role} as ${other.accountId}: accepted`);
      }
    }
    // Another hall's finding: every act by every caller is refused by name (a device syncs its token's hall only).
    for (const type of Object.keys(EVENTS) as FindingEvent['type'][]) {
      for (const caller of CALLERS) {
        const e = act(type, as[caller], b.finding);
        const o = outcome(await as[caller].push([type === 'finding.recorded' ? { ...e, findingId: b.finding.findingId } : e]));
        cells++;
        if (o?.status !== 'rejected' || !/another hall/.test(o.reason)) wrong.push(`${type} by ${caller} on hall B's finding: ${o?.status === 'rejected' ? o.reason : o?.status}`);
      }
    }
    // Only the author voids: another inspector's void of inspector1's finding is refused.
    const theirs = await findingFor('finding.voided', 'own', as.inspector);
    const inspector2 = await signIn(server.url, 'inspector2', 'dev-inspector2');
    const o = outcome(await inspector2.push([act('finding.voided', inspector2, theirs)]));
    cells++;
    if (o?.status === 'accepted') wrong.push('a void by another inspector: accepted');
    // A recording placed outside the pusher's scope: the chief of shuiwu on a finding of zonghe is covered above
    // (chief foreign cells); a chief's recording is refused whatever its placement.
    expect(wrong).toEqual([]);
    expect(chiefShuiwu.accountId).toBe('acc-chief-shuiwu');
    console.log(`access matrix: ${cells} cells checked (${ENDPOINTS.length} endpoints and ${Object.keys(EVENTS).length} acts × ${ROLES.length} roles and a centre administrator × own/foreign resource and own/foreign hall, plus acting as another)`);
  });
});
