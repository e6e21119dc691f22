import fc from 'fast-check';
import type { Db } from '../../src/server/storage/db';

/** The signed-in callers and known ids a fuzz run aims at (made by fuzzFixtures). */
export interface FuzzTargets {
  tokens: Record<'admin' | 'inspector' | 'chief' | 'committee' | 'forged' | 'expired' | 'revoked', string>;
  devices: Record<'admin' | 'inspector' | 'chief' | 'committee', string>;
  accounts: Record<'admin' | 'inspector' | 'chief' | 'committee', string>;
  findingId: string;
  noticeId: string;
  photo: string;
}

/** One hostile request: which endpoint family it aims at, and the request itself. */
export interface HostileRequest {
  family: string;
  method: string;
  path: string;
  token: keyof FuzzTargets['tokens'] | null;
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

const CALENDAR = ['2026-02-30T10:00:00+08:00', '2026-13-01T10:00:00Z', '2026-03-10T24:00:00+08:00', '2026-03-10T10:00:60+08:00', '2026-03-10T10:00:00+20:00', '2026-02-29T00:00:00Z', '0000-00-00T00:00:00Z'];
const NASTY = ['\u0000', 'a\u0000b', '\u0007bell', 'del\u007f', '\u001b[31m', '\ud800', '%00', '../../etc/passwd', "' or 1=1 --", '"; drop table events; --', '<script>alert(1)</script>', '${7*7}', '\u202e', '😀', ''];

/** Strings a hostile client sends: control characters, lone surrogates, injections, off-calendar dates, huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY, ...CALENDAR) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('01ARZ3NDEKTSV4RRFFQ69G5FAV', '01KFUNKNOWN000000000000000', 'acc-admin', 'acc-inspector1', 'device-x', 'kunqu-window-staff') },
);

/** Any JSON-ish value of the wrong type, out of range, or oversized. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 31, null, true, false) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, fc.anything({ maxDepth: 1 }), { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 3000 }, (_, i) => i)) },
);

const token = fc.constantFrom<keyof FuzzTargets['tokens'] | null>('admin', 'inspector', 'chief', 'committee', 'forged', 'expired', 'revoked', null);
/** Percent-encoded, or the bytes of a lone surrogate (not UTF-8 at all) where encodeURIComponent refuses one. */
const encode = (s: string): string => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};
const pathPart = fc.oneof(hostileString.map((s) => encode(s).slice(0, 2000)), fc.constantFrom('%zz', '%', '%00', '%0a', '..', '%2e%2e', '%E0%A4%A'));

/** Replace or drop one or two fields of a valid body with hostile values. */
function mutate(base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...Object.keys(base), 'extra'];
  return fc.array(fc.tuple(fc.constantFrom(...keys), hostileValue, fc.boolean()), { minLength: 1, maxLength: 2 }).map((edits) => {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v, drop] of edits) {
      if (drop && k !== 'extra') delete out[k];
      else out[k] = v;
    }
    return out;
  });
}

const json = (family: string, method: string, path: string, t: HostileRequest['token'], body: unknown): HostileRequest => ({
  family,
  method,
  path,
  token: t,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body) ?? 'null',
});

/** Every endpoint's hostile requests, aimed at these targets. */
export function hostileRequests(t: FuzzTargets): fc.Arbitrary<HostileRequest> {
  const at = '2026-03-10T10:00:00+08:00';
  const recording = { type: 'finding.recorded', id: '01KFUZZ0000000000000000001', findingId: '01KFUZZ0000000000000000002', at, actorId: t.accounts.inspector, deviceId: t.devices.inspector, schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: 'wander', observedAt: at, staffId: 's-001', photos: [] };
  const contest = { type: 'finding.contested', id: '01KFUZZ0000000000000000003', findingId: t.findingId, at, actorId: t.accounts.chief, deviceId: t.devices.chief, reason: '不服', photos: [] };
  const decision = { type: 'contest.decided', id: '01KFUZZ0000000000000000004', findingId: t.findingId, at, actorId: t.accounts.committee, deviceId: t.devices.committee, decision: 'overturn', reason: '撤销' };
  const ack = { type: 'finding.acknowledged', id: '01KFUZZ0000000000000000005', findingId: t.findingId, at, actorId: t.accounts.inspector, deviceId: t.devices.inspector, noticeId: t.noticeId, signerName: '王丽', signature: 'd'.repeat(64) };
  const events = fc.oneof(mutate(recording), mutate(contest), mutate(decision), mutate(ack), fc.constant({ ...decision, proof: { keyId: '01KFUZZKEY0000000000000000', signature: 'A'.repeat(86) } }));
  /** Events whose actor or device is not the pusher's: borrowed device ids, other accounts. */
  const impostor = fc.tuple(fc.constantFrom(recording, contest, decision, ack), fc.constantFrom(...Object.values(t.accounts)), fc.constantFrom(...Object.values(t.devices))).map(([e, actorId, deviceId]) => ({ ...e, actorId, deviceId }));
  const pushEnvelope = { type: 'push', protocol: 1, deviceId: t.devices.inspector, events: [recording] };
  const login = { type: 'login', protocol: 1, username: 'inspector1', password: 'not-the-password', deviceId: 'fuzz-device', deviceName: 'fuzz' };
  const account = { username: 'fuzz-user', name: '某人', role: 'chief', unitIds: ['u-zonghe'], windowIds: [], password: 'longenough' };
  const review = { contestDays: 7, decideDays: 10, countPendingInProvisional: true, clockToleranceMinutes: 10, offlineGraceHours: 48 };
  const jpegHead = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
  return fc.oneof(
    mutate(login).map((b) => json('login', 'POST', '/api/auth/login', null, b)),
    fc.tuple(token, fc.array(fc.oneof(events, impostor), { minLength: 1, maxLength: 3 })).map(([k, es]) => json('push', 'POST', '/api/sync/push', k, { ...pushEnvelope, deviceId: k && k in t.devices ? t.devices[k as keyof FuzzTargets['devices']] : t.devices.inspector, events: es })),
    fc.tuple(token, mutate(pushEnvelope)).map(([k, b]) => json('push envelope', 'POST', '/api/sync/push', k, b)),
    fc.tuple(token, fc.constantFrom(...Object.values(t.devices), 'device-borrowed')).map(([k, d]) => json('push borrowed device', 'POST', '/api/sync/push', k, { ...pushEnvelope, deviceId: d, events: [{ ...recording, deviceId: d }] })),
    fc.tuple(token, fc.integer({ min: 1001, max: 1500 })).map(([k, n]) => json('push oversized', 'POST', '/api/sync/push', k, { ...pushEnvelope, events: Array.from({ length: n }, () => recording) })),
    fc.tuple(token, mutate({ type: 'pull', protocol: 1, cursor: null, limit: 100 })).map(([k, b]) => json('pull', 'POST', '/api/sync/pull', k, b)),
    fc.tuple(token, fc.oneof(pathPart, fc.constant(t.photo)), fc.record({ offset: fc.oneof(fc.constantFrom('0', '-1', '99999999999', 'abc', ''), fc.nat(100).map(String)), length: fc.oneof(fc.constantFrom('0', '999999999', '20000000', 'x'), fc.nat(50).map(String)), type: fc.constantFrom('image/jpeg', 'image/png', 'text/html', 'application/json', '') }), fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 32 }).map((b) => new Uint8Array([...jpegHead, ...b])))).map(([k, hash, h, bytes]) => ({
      family: 'photo upload',
      method: 'PATCH',
      path: `/api/photos/${hash}`,
      token: k,
      headers: { 'content-type': h.type, 'upload-offset': h.offset, 'upload-length': h.length },
      body: bytes,
    })),
    fc.tuple(token, fc.oneof(pathPart, fc.constant(t.photo)), fc.boolean()).map(([k, p, st]) => ({ family: 'photo read', method: 'GET', path: `/api/photos/${p}${st ? '/status' : ''}`, token: k, headers: {}, body: null })),
    fc.tuple(token, fc.record({ scheme: fc.oneof(fc.constant('kunqu-window-staff'), hostileString), period: fc.oneof(fc.constantFrom('2026-03', '2026-Q1', '2026', '2026-13', '2026-Q5', '0000'), hostileString), view: fc.oneof(fc.constantFrom('final', 'provisional'), hostileString), asOf: fc.oneof(fc.constantFrom(...CALENDAR), hostileString) }, { requiredKeys: ['scheme', 'period'] })).map(([k, q]) => ({
      family: 'results',
      method: 'GET',
      path: `/api/results?${new URLSearchParams(Object.entries(q).map(([a, b]) => [a, b.slice(0, 3000)])).toString()}`,
      token: k,
      headers: {},
      body: null,
    })),
    fc.tuple(token, mutate({ scheme: 'kunqu-window-staff', period: '2026-01', revises: 1, reason: '复核后更正' })).map(([k, b]) => json('publish', 'POST', '/api/publications', k, b)),
    fc.tuple(token, fc.oneof(fc.constant('kunqu-window-staff'), pathPart), fc.oneof(fc.constantFrom('2026-01', '2026-13', '2026-Q1'), pathPart), fc.oneof(fc.constantFrom('1', '0', '-1', '99999999', 'x'), pathPart), fc.boolean()).map(([k, sc, pe, rev, verify]) => ({
      family: 'publication read',
      method: 'GET',
      path: `/api/publications/${sc}/${pe}/${rev}${verify ? '/verify' : ''}`,
      token: k,
      headers: {},
      body: null,
    })),
    fc.tuple(token, fc.constantFrom('/api/publications', '/api/publications/periods', '/api/exports/results.xlsx', '/api/exports/results.csv'), fc.record({ scheme: fc.oneof(fc.constantFrom('kunqu-window-staff', 'genhe-department'), hostileString), period: fc.oneof(fc.constantFrom('2026-01', '2026-Q1', '2026', '2026-13'), hostileString), revision: fc.oneof(fc.constantFrom('1', '0', '2', 'x'), hostileString), subject: fc.oneof(fc.constantFrom('staff', 'unit', 'nobody'), hostileString), lang: fc.oneof(fc.constantFrom('zh-CN', 'en', 'fr'), hostileString) }, { requiredKeys: [] })).map(([k, path, q]) => ({
      family: 'publications and exports',
      method: 'GET',
      path: `${path}?${new URLSearchParams(Object.entries(q).map(([a, b]) => [a, b.slice(0, 3000)])).toString()}`,
      token: k,
      headers: {},
      body: null,
    })),
    fc.tuple(token, fc.oneof(pathPart, fc.constant(t.findingId)), fc.oneof(fc.constant(''), hostileString.map((s) => `?asOf=${encode(s.slice(0, 2000))}`))).map(([k, id, q]) => ({ family: 'history', method: 'GET', path: `/api/findings/${id}/history${q}`, token: k, headers: {}, body: null })),
    fc.tuple(token, fc.oneof(pathPart, fc.constant(t.noticeId))).map(([k, id]) => ({ family: 'notice', method: 'GET', path: `/api/notices/${id}`, token: k, headers: {}, body: null })),
    fc.tuple(token, fc.oneof(fc.constant(''), hostileString.map((s) => `?all=${encode(s.slice(0, 200))}&asOf=${encode(s.slice(0, 200))}`))).map(([k, q]) => ({ family: 'queue', method: 'GET', path: `/api/review/queue${q}`, token: k, headers: {}, body: null })),
    fc.tuple(token, mutate(review)).map(([k, b]) => json('review settings', 'PUT', '/api/review/settings', k, b)),
    fc.tuple(token, mutate(account)).map(([k, b]) => json('admin account', 'POST', '/api/admin/accounts', k, b)),
    fc.tuple(token, pathPart, fc.constantFrom('password', 'disable', 'enable'), mutate({ password: 'longenough' })).map(([k, id, verb, b]) => json('admin account change', 'POST', `/api/admin/accounts/${id}/${verb}`, k, b)),
    fc.tuple(token, pathPart, fc.constantFrom('devices', 'tokens', 'keys')).map(([k, id, what]) => json('admin revoke', 'POST', `/api/admin/${what}/${id}/revoke`, k, {})),
    fc.tuple(token, hostileValue).map(([k, b]) => json('admin hall', 'PUT', '/api/admin/hall', k, b)),
    fc.tuple(token, mutate({ publicKey: 'A'.repeat(43) })).map(([k, b]) => json('hand-over key', 'POST', '/api/auth/keys', k, b)),
    fc.tuple(token, mutate({ name: '示范政务服务大厅', timeZone: 'Asia/Shanghai', opening: { morning: ['08:30', '11:30'], afternoon: ['13:00', '17:00'] }, closed: { weekdays: [], dates: [] } })).map(([k, b]) => json('hall settings', 'PUT', '/api/admin/hall/settings', k, b)),
    fc.tuple(token, fc.constantFrom('floor', 'roster'), hostileValue).map(([k, part, b]) => json(`hall ${part}`, 'PUT', `/api/admin/hall/${part}`, k, b)),
    fc.tuple(token, fc.constantFrom('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/plain', ''), fc.oneof(fc.uint8Array({ maxLength: 200 }), hostileString.map((x) => new Uint8Array(Buffer.from(`单位,姓名,身份,窗口号\n${x}`)))), fc.constantFrom('0', '1', 'x')).map(([k, type, body, apply]) => ({
      family: 'roster import',
      method: 'POST',
      path: `/api/admin/hall/roster/import?apply=${apply}`,
      token: k,
      headers: { 'content-type': type },
      body,
    })),
    fc.tuple(token, hostileString, fc.oneof(fc.constant('upload.yaml'), hostileString)).map(([k, text, file]) => ({ family: 'scheme upload', method: 'POST', path: `/api/admin/schemes?file=${encode(file.slice(0, 200))}`, token: k, headers: { 'content-type': 'text/yaml' }, body: text.slice(0, 100_000) })),
    fc.tuple(token, mutate({ schemes: [{ id: 'kunqu-window-staff', version: 1, subject: 'staff' }] })).map(([k, b]) => json('scheme schedule', 'PUT', '/api/admin/schemes/schedule', k, b)),
    fc.tuple(token, fc.record({ scheme: fc.oneof(fc.constant('kunqu-window-staff'), hostileString), version: fc.oneof(fc.constantFrom('1', '2', '0', '-1', '99999999'), hostileString), period: fc.oneof(fc.constantFrom('2026-03', '2026-13'), hostileString) })).map(([k, q]) => ({
      family: 'what-if',
      method: 'GET',
      path: `/api/admin/schemes/what-if?${new URLSearchParams(Object.entries(q).map(([a, v]) => [a, v.slice(0, 2000)])).toString()}`,
      token: k,
      headers: {},
      body: null,
    })),
    fc.tuple(token, pathPart).map(([k, key]) => ({ family: 'scheme version', method: 'GET', path: `/api/admin/schemes/${key}`, token: k, headers: {}, body: null })),
    fc.tuple(token, pathPart, mutate({ unitIds: ['u-zonghe'], windowIds: [] })).map(([k, id, b]) => json('account scope', 'PUT', `/api/admin/accounts/${id}/scope`, k, b)),
    fc.tuple(token, mutate({ id: 'fuzz-hall', name: '某大厅', timeZone: 'Asia/Shanghai', admin: { username: 'fuzz-admin', name: '某人', password: 'longenough' } })).map(([k, b]) => json('centre hall', 'POST', '/api/centre/halls', k, b)),
    fc.tuple(token, mutate({ hallId: 'demo-hall' })).map(([k, b]) => json('switch hall', 'POST', '/api/auth/hall', k, b)),
    fc.tuple(token, pathPart).map(([k, id]) => json('hand-over key revoke', 'POST', `/api/auth/keys/${id}/revoke`, k, {})),
    fc.tuple(token, fc.constantFrom('/api/sync/push', '/api/auth/login', '/api/admin/accounts', '/api/review/settings'), fc.oneof(fc.string({ maxLength: 100 }), fc.constantFrom('{', '[]', '{"type":', 'null', '"x"', '\u0000'))).map(([k, path, body]) => ({
      family: 'not JSON',
      method: path === '/api/review/settings' ? 'PUT' : 'POST',
      path,
      token: k,
      headers: { 'content-type': 'application/json' },
      body,
    })),
    fc.tuple(token, fc.array(pathPart, { minLength: 1, maxLength: 3 }), fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE')).map(([k, parts, method]) => ({ family: 'unknown path', method, path: `/api/${parts.join('/')}`, token: k, headers: {}, body: null })),
  );
}

/**
 * A fingerprint of everything the server keeps that a refused request must not change: events, config, accounts,
 * sign-ins (revocation), devices, hand-over keys, photos, halls and who manages them, uploaded schemes. Not the sign-in throttle's own counts: counting refused
 * sign-ins is its job.
 */
export async function databaseFingerprint(db: Db): Promise<string> {
  const rows = await db.query<{ f: string }>(`select concat_ws('|',
    (select count(*) || ':' || coalesce(md5(string_agg(id || body || coalesce(clock_offset_ms::text, ''), ',' order by seq)), '') from events),
    (select md5(string_agg(kind || key || body || seq, ',' order by kind, key)) from config),
    (select md5(string_agg(id || username || name || role || unit_ids::text || window_ids::text || password_hash || disabled::text, ',' order by id)) from accounts),
    (select count(*) || ':' || coalesce(md5(string_agg(id || coalesce(revoked_at::text, ''), ',' order by id)), '') from tokens),
    (select md5(string_agg(id || name, ',' order by id)) from devices),
    (select count(*) || ':' || coalesce(md5(string_agg(id || coalesce(revoked_at::text, ''), ',' order by id)), '') from device_keys),
    (select count(*) || ':' || coalesce(md5(string_agg(hash || size || received || complete::text, ',' order by hash)), '') from photos),
    (select count(*) from photo_chunks),
    (select string_agg(id, ',' order by id) from halls),
    (select count(*) || ':' || coalesce(string_agg(account_id || hall_id, ',' order by account_id, hall_id), '') from centre_halls),
    (select count(*) from scheme_uploads)) as f`);
  return rows[0]?.f ?? '';
}
