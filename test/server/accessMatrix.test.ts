import { createHash } from 'node:crypto';
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
import { about, newId, recorded, signIn, testServer } from './testServer';
import type { Device } from './testServer';
import { handOverKey } from './actingAs';
import { jpeg } from './edgeDefenses';

type Scope = 'own' | 'foreign';
const USER: Record<Role, string> = { admin: 'admin', inspector: 'inspector1', chief: 'chief-zonghe', committee: 'committee1' };
const key = (r: Pick<EndpointRule, 'method' | 'path'>): string => `${r.method} ${r.path}`;

/** What a cell expects of an answer: allowed (2xx), refused (403, or 404 for another's key), or a list that leaves the foreign out. */
const allowed = (access: string, scope: Scope): boolean => access === 'all' || (access === 'scoped' && scope === 'own');

/**
 * The access matrix (src/server/access/accessMatrix.ts), every cell checked against a running server: each endpoint
 * for each role on a resource of the caller's own scope and on a foreign one, and each pushed act for each role on
 * an own and a foreign finding, plus acts whose actor or author is not the pusher.
 */
describe('the access matrix, cell by cell', { timeout: 180_000 }, () => {
  let server: RunningServer;
  const as: Record<Role, Device> = {} as Record<Role, Device>;
  let chiefShuiwu: Device;
  const fixtures = {} as {
    own: FindingRecorded;
    foreign: FindingRecorded;
    ownPhoto: string;
    foreignPhoto: string;
    shuiwuKey: string;
    zongheKey: string;
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
    for (const role of ROLES) as[role] = await signIn(server.url, USER[role], `dev-${role}`);
    chiefShuiwu = await signIn(server.url, 'chief-shuiwu', 'dev-chief-shuiwu');
    fixtures.ownPhoto = await upload(as.inspector, 'own');
    fixtures.foreignPhoto = await upload(as.inspector, 'foreign');
    fixtures.own = recorded(as.inspector, { staffId: 's-001', photos: [fixtures.ownPhoto] });
    fixtures.foreign = recorded(as.inspector, { staffId: 's-040', photos: [fixtures.foreignPhoto] });
    const sign = (f: FindingRecorded, noticeId: string): FindingEvent => about(as.inspector, f.findingId, { type: 'finding.acknowledged', noticeId, signerName: '王丽', signature: 'd'.repeat(64) });
    const r = await as.inspector.push([fixtures.own, fixtures.foreign, sign(fixtures.own, 'N-own'), sign(fixtures.foreign, 'N-foreign')]);
    expect(r.results.every((x) => x.status === 'accepted')).toBe(true);
    fixtures.shuiwuKey = await registerKey('chief-shuiwu');
    fixtures.zongheKey = await registerKey('chief-zonghe');
  }, 120_000);
  afterAll(async () => {
    await server.close();
    rmSync(backupDir, { recursive: true, force: true });
  });

  /** One request per endpoint, role and scope; the answer's status and, for lists, whether the foreign resource is in it. */
  const probe: Record<string, (role: Role, scope: Scope) => Promise<{ status: number; foreignListed?: boolean }>> = {
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
    'GET /api/admin/backups': async (role) => ({ status: (await req(as[role], 'GET', '/api/admin/backups')).status }),
    'POST /api/admin/backups': async (role) => ({ status: (await req(as[role], 'POST', '/api/admin/backups')).status }),
    'GET /api/admin/backups/:name': async (role) => {
      const { files } = (await (await req(as.admin, 'GET', '/api/admin/backups')).json()) as { files: { name: string }[] };
      const name = files[0]?.name ?? (((await (await req(as.admin, 'POST', '/api/admin/backups')).json()) as { file?: string }).file ?? 'none');
      return { status: (await req(as[role], 'GET', `/api/admin/backups/${encodeURIComponent(name.split('/').pop() ?? name)}`)).status };
    },
    'PUT /api/admin/hall': async (role) => {
      const setup = (await as.admin.pullAll()).pages[0]?.setup;
      return { status: (await req(as[role], 'PUT', '/api/admin/hall', setup)).status };
    },
  };

  it('has a row for every API route the server mounts, and a probe for every row', () => {
    const backups = createBackupService(server.db, { dir: backupDir, keep: 0, everyHours: 24 });
    const app = createApp({ db: server.db, hall: createHallState(), pulls: createPullCache(), distDir: undefined, log: () => undefined, backups });
    const mounted = new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`));
    expect([...mounted].sort()).toEqual(ENDPOINTS.map(key).sort());
    expect(Object.keys(probe).sort()).toEqual(ENDPOINTS.map(key).sort());
  });

  it('answers every endpoint cell as the table says', async () => {
    const wrong: string[] = [];
    for (const rule of ENDPOINTS) {
      for (const role of ROLES) {
        for (const scope of ['own', 'foreign'] as const) {
          const access = rule.roles ? rule.roles[role] : 'all';
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

  it("keeps the table's acts equal to the core's rule (checkEvent's MAY)", () => {
    for (const [type, roles] of Object.entries(EVENTS)) {
      for (const role of ROLES) expect(roles[role] !== 'none', `${type} ${role}`).toBe(MAY[type as FindingEvent['type']].includes(role));
    }
  });

  it('answers every pushed act as the table says: each role on an own and a foreign finding, and never as another account', async () => {
    const outcome = (r: { results: EventOutcome[] }): EventOutcome | undefined => r.results[0];
    /** A finding of unit zonghe (own) or shuiwu (foreign) brought into the state the act applies in. */
    const findingFor = async (type: FindingEvent['type'], scope: Scope, author: Device): Promise<FindingRecorded> => {
      const rec = recorded(author, { staffId: scope === 'own' ? 's-002' : 's-041' });
      expect(outcome(await author.push([rec]))?.status).toBe('accepted');
      if (type === 'contest.decided' || type === 'contest.reopened') {
        expect(outcome(await as.inspector.push([about(as.inspector, rec.findingId, { type: 'finding.contested', reason: '现场', photos: [] })]))?.status).toBe('accepted');
      }
      if (type === 'contest.reopened') {
        expect(outcome(await as.committee.push([about(as.committee, rec.findingId, { type: 'contest.decided', decision: 'uphold', reason: '维持', at: '2026-03-10T12:00:00+08:00' })]))?.status).toBe('accepted');
      }
      return rec;
    };
    const act = (type: FindingEvent['type'], d: Pick<Device, 'accountId' | 'deviceId'>, f: FindingRecorded): FindingEvent => {
      const at = '2026-03-10T13:00:00+08:00';
      switch (type) {
        case 'finding.recorded':
          return recorded(d, { staffId: f.staffId ?? 's-001', at, observedAt: at });
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
          const o = outcome(await as[role].push([act(type, as[role], f)]));
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
    console.log(`access matrix: ${cells} cells checked (${ENDPOINTS.length} endpoints and ${Object.keys(EVENTS).length} acts × ${ROLES.length} roles × own/foreign, plus acting as another)`);
  });
});
