import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingRecorded } from '../../../src/core/events/events';
import type { HallSetup } from '../../../src/core/model/hallSetup';
import type { RunningServer } from '../../../src/server/startServer';
import { recorded, schemesDir, signIn, testServer } from '../testServer';
import type { Device } from '../testServer';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx roster file with these rows under the template's header. */
async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(['单位', '姓名', '身份', '窗口号']);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * The admin API of a hall in service (docs/admin-api.md): every change checked as if hostile and all or nothing, with
 * the core's problems as data — settings, floor map, roster and its file import, accounts, scheme upload, schedule,
 * versioned results and the what-if.
 */
describe('setting a hall up through the admin API', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let admin: Device;
  let inspector: Device;
  beforeAll(async () => {
    server = await testServer();
    admin = await signIn(server.url, 'admin', 'setup-pc');
    inspector = await signIn(server.url, 'inspector1', 'setup-tablet');
  }, 300_000);
  afterAll(() => server.close());

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin.token}`, ...(body !== undefined && !(body instanceof Uint8Array) && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? null : body instanceof Uint8Array ? new Uint8Array(body) : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const setup = async (): Promise<HallSetup> => ((await (await call('GET', '/api/admin/hall')).json()) as { setup: HallSetup }).setup;
  const refusal = async (r: Response): Promise<{ status: number; message: string; problems: { kind: string }[] }> => {
    const b = (await r.json()) as { message: string; problems?: { kind: string }[] };
    return { status: r.status, message: b.message, problems: b.problems ?? [] };
  };

  it('changes the settings, and refuses a time zone that does not exist or hours out of order, changing nothing', async () => {
    const before = await setup();
    const bad = await refusal(await call('PUT', '/api/admin/hall/settings', { name: '示范大厅', timeZone: 'Asia/Atlantis', opening: before.opening, closed: { weekdays: [], dates: [] } }));
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/timeZone: an IANA time zone/);
    const hours = await refusal(await call('PUT', '/api/admin/hall/settings', { name: '示范大厅', timeZone: 'Asia/Shanghai', opening: { morning: ['11:30', '08:30'], afternoon: ['13:00', '17:00'] }, closed: { weekdays: [], dates: [] } }));
    expect(hours.problems).toEqual([{ kind: 'opening-hours', part: 'morning', from: '11:30', to: '08:30' }]);
    expect(await setup()).toEqual(before);
    const ok = await call('PUT', '/api/admin/hall/settings', { name: '示范政务服务大厅', timeZone: 'Asia/Shanghai', opening: before.opening, closed: { weekdays: [6, 7], dates: ['2026-10-01'] } });
    expect(ok.status).toBe(200);
    expect((await setup()).closed).toEqual({ weekdays: [6, 7], dates: ['2026-10-01'] });
    // The tablets pull the change.
    expect((await inspector.pullAll()).pages.find((p) => p.setup)?.setup?.closed).toEqual({ weekdays: [6, 7], dates: ['2026-10-01'] });
  });

  it('refuses a floor map with two windows numbered alike, or a window removed that findings name', async () => {
    const floor = (await (await call('GET', '/api/admin/hall/floor')).json()) as { layout: HallSetup['layout']; windows: HallSetup['roster']['windows'] };
    const twice = structuredClone(floor.windows);
    if (twice[1] && twice[0]) twice[1].number = twice[0].number;
    const r = await refusal(await call('PUT', '/api/admin/hall/floor', { layout: floor.layout, windows: twice }));
    expect(r.status).toBe(400);
    expect(r.problems).toContainEqual({ kind: 'window-number-repeated', number: '1', windowIds: ['w-01', 'w-02'] });
    expect((await inspector.push([recorded(inspector, { staffId: undefined, windowId: 'w-40', schemeId: 'county-window-monthly', itemId: 'cw-complaint' })])).results[0]?.status).toBe('accepted');
    // Its staff moved off it first (they have no findings), so only the window's own findings hold it.
    const roster = (await (await call('GET', '/api/admin/hall/roster')).json()) as HallSetup['roster'];
    const unseated = roster.staff.map(({ windowId, ...s }) => (windowId === 'w-40' ? s : { ...s, windowId }));
    expect((await call('PUT', '/api/admin/hall/roster', { units: roster.units, staff: unseated, chiefs: roster.chiefs })).status).toBe(200);
    const without = await refusal(await call('PUT', '/api/admin/hall/floor', { layout: { ...floor.layout, tiles: floor.layout.tiles.filter((t) => t.windowId !== 'w-40') }, windows: floor.windows.filter((w) => w.id !== 'w-40') }));
    expect(without.status).toBe(409);
    expect(without.problems.map((p) => p.kind)).toContain('window-removed');
    // Renumbering is fine and said.
    const renumbered = floor.windows.map((w) => (w.id === 'w-40' ? { ...w, number: '40A' } : w));
    const ok = (await (await call('PUT', '/api/admin/hall/floor', { layout: floor.layout, windows: renumbered })).json()) as { effects: { kind: string }[] };
    expect(ok.effects).toContainEqual({ kind: 'window-renumbered', windowId: 'w-40', from: '40', to: '40A', findings: 1 });
  });

  it('imports a roster from .xlsx all or nothing: a bad row is refused by its row number, a good file is previewed then saved', async () => {
    const before = await setup();
    const bad = await refusal(await call('POST', '/api/admin/hall/roster/import?apply=1', await xlsx([['综合受理窗口', '新人甲', '工作人员', '1'], ['没有的单位', '新人乙', '工作人员', ''], ['税务局', '新人丙', '工作人员', '1']]), { 'content-type': XLSX }));
    expect(bad.status).toBe(400);
    expect(bad.problems).toEqual([
      { kind: 'unit-unknown', row: 3, unit: '没有的单位' },
      { kind: 'window-other-unit', row: 4, window: '1', unit: '税务局', windowUnit: '综合受理窗口' },
    ]);
    expect(bad.message).toMatch(/row 3: unknown unit "没有的单位"/);
    expect(await setup()).toEqual(before);
    const notAFile = await refusal(await call('POST', '/api/admin/hall/roster/import', new Uint8Array([1, 2, 3]), { 'content-type': XLSX }));
    expect([notAFile.status, notAFile.problems[0]?.kind]).toEqual([400, 'file']);
    const wrongType = await call('POST', '/api/admin/hall/roster/import', 'x', { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(400);

    const rows = [...before.roster.staff.map((s) => [before.roster.units.find((u) => u.id === s.unitId)?.name ?? '', s.name, '工作人员', before.roster.windows.find((w) => w.id === s.windowId)?.number ?? '']), ['税务局', '新人丁', '工作人员', '']];
    // Without its chiefs the file would leave the unit whose window has a finding without its chief: refused, by the same check.
    const noChiefs = await refusal(await call('POST', '/api/admin/hall/roster/import?apply=1', await xlsx(rows), { 'content-type': XLSX }));
    expect([noChiefs.status, noChiefs.problems.map((p) => p.kind)]).toEqual([409, ['chief-removed']]);
    const chiefs = before.roster.chiefs.map((c) => [before.roster.units.find((u) => u.id === c.unitId)?.name ?? '', c.name, '首席代表', '']);
    const preview = (await (await call('POST', '/api/admin/hall/roster/import', await xlsx([...rows, ...chiefs]), { 'content-type': XLSX })).json()) as { changed: boolean; roster: HallSetup['roster']; summary: { staff: number; chiefs: number } };
    expect(preview.summary).toMatchObject({ staff: before.roster.staff.length + 1, chiefs: before.roster.chiefs.length });
    expect(preview.roster.staff.find((s) => s.name === before.roster.staff[0]?.name)?.id).toBe(before.roster.staff[0]?.id);
    expect(await setup()).toEqual(before);
    const applied = await call('POST', '/api/admin/hall/roster/import?apply=1', await xlsx([...rows, ...chiefs]), { 'content-type': XLSX });
    expect(applied.status).toBe(200);
    const after = await setup();
    expect(after.roster.staff.some((s) => s.name === '新人丁' && s.unitId === 'u-shuiwu')).toBe(true);
    expect(after.roster.chiefs).toEqual(before.roster.chiefs);
  });

  it('reads a CSV as Chinese Excel saves it (GB18030), and names what is wrong with a file as data', async () => {
    // "单位,姓名,身份,窗口号 / 没有的单位,新人戊,工作人员," in GB18030, as Excel saves "CSV (逗号分隔)" on a Chinese Windows:
    // read right, its row is checked against the hall and refused by its number, naming the unit as written.
    const gb = Uint8Array.from(Buffer.from('b5a5cebb2cd0d5c3fb2cc9edb7dd2cb4b0bfdabac50ac3bbd3d0b5c4b5a5cebb2cd0c2c8cbceec2cb9a4d7f7c8cbd4b12c0a', 'hex'));
    const read = await refusal(await call('POST', '/api/admin/hall/roster/import', gb, { 'content-type': 'text/csv' }));
    expect(read.problems).toEqual([{ kind: 'unit-unknown', row: 2, unit: '没有的单位' }]);
    const headers = await refusal(await call('POST', '/api/admin/hall/roster/import', 'name,unit\n王五,公安局\n', { 'content-type': 'text/csv' }));
    expect(headers.problems).toEqual([{ kind: 'file', reason: 'headers', missing: ['role'], message: expect.stringMatching(/missing: 身份/) }]);
    const notXlsx = await refusal(await call('POST', '/api/admin/hall/roster/import', new Uint8Array([1, 2, 3]), { 'content-type': XLSX }));
    expect(notXlsx.problems).toEqual([{ kind: 'file', reason: 'not-xlsx', message: expect.any(String) }]);
  });

  it('serves a roster template that reads back as a roster file', async () => {
    const r = await call('GET', '/api/admin/hall/roster/template?format=xlsx');
    expect(r.headers.get('content-type')).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await r.arrayBuffer());
    expect(book.worksheets[0]?.getRow(1).values).toEqual([undefined, '单位', '姓名', '身份', '窗口号']);
    const csv = await (await call('GET', '/api/admin/hall/roster/template?format=csv')).text();
    expect(csv).toContain('单位,姓名,身份,窗口号');
  });

  it('binds a chief to units and windows of the hall only', async () => {
    const made = (await (await call('POST', '/api/admin/accounts', { username: 'chief-new', name: '首席 新', role: 'chief', unitIds: ['u-gongan'], password: 'longenough' })).json()) as { id: string };
    expect((await call('PUT', `/api/admin/accounts/${made.id}/scope`, { unitIds: ['u-nowhere'], windowIds: [] })).status).toBe(400);
    expect((await call('PUT', `/api/admin/accounts/${made.id}/scope`, { unitIds: ['u-gongan'], windowIds: ['w-05'] })).status).toBe(200);
    const list = (await (await call('GET', '/api/admin/accounts')).json()) as { id: string; windowIds: string[] }[];
    expect(list.find((a) => a.id === made.id)?.windowIds).toEqual(['w-05']);
    expect((await call('PUT', '/api/admin/accounts/acc-inspector1/scope', { unitIds: ['u-gongan'], windowIds: [] })).status).toBe(400);
  });

  it('uploads a scheme version with the validator’s errors, schedules it from a month’s first day, and scores by the rule with a what-if first', async () => {
    const kunqu = readFileSync(join(schemesDir, '000-kunqu.yaml'), 'utf8');
    const broken = kunqu.replace(/^version: 1$/m, 'version: 3').replace('rule: { kind: fixed, points: 0.5 }', 'rule: { kind: fixd, points: 0.5 }');
    const bad = await refusal(await call('POST', '/api/admin/schemes?file=kunqu-v2.yaml', broken, { 'content-type': 'text/yaml' }));
    expect(bad.status).toBe(400);
    expect(bad.problems[0]).toMatchObject({ kind: 'scheme', file: 'kunqu-v2.yaml', itemId: 'wander', line: 213, path: 'items.3.rule.kind' });
    expect(bad.message).toMatch(/kunqu-v2.yaml:213, item wander, field items.3.rule.kind: .*\(expected a rule with a known kind/);
    expect((await call('POST', '/api/admin/schemes?file=kunqu-v1.yaml', kunqu, { 'content-type': 'text/yaml' })).status).toBe(409);
    const v2 = kunqu.replace(/^version: 1$/m, 'version: 2').replace('rule: { kind: fixed, points: 0.5 }', 'rule: { kind: fixed, points: 2 }');
    expect((await call('POST', '/api/admin/schemes?file=kunqu-v2.yaml', v2, { 'content-type': 'text/yaml' })).status).toBe(201);
    const held = (await (await call('GET', '/api/admin/schemes')).json()) as { held: { id: string; version: number; source: { kind: string } }[] };
    expect(held.held.filter((h) => h.id === 'kunqu-window-staff').map((h) => [h.version, h.source.kind])).toEqual([[1, 'built-in'], [2, 'uploaded']]);
    // The whole setup's answer summarises the same versions, for the screens that assign them to levels.
    const whole = (await (await call('GET', '/api/admin/hall')).json()) as { schemes: { id: string; version: number; subjects: string[] }[] };
    expect(whole.schemes.filter((h) => h.id === 'kunqu-window-staff')).toEqual([
      { id: 'kunqu-window-staff', version: 1, title: expect.any(String), period: 'month', subjects: ['staff', 'unit'] },
      { id: 'kunqu-window-staff', version: 2, title: expect.any(String), period: 'month', subjects: ['staff', 'unit'] },
    ]);

    // Findings of March under v1: what if v2 had scored March?
    expect((await inspector.push([recorded(inspector, { staffId: 's-005', at: '2026-03-12T10:00:00+08:00', observedAt: '2026-03-12T10:00:00+08:00' })])).results[0]?.status).toBe('accepted');
    const whatIf = (await (await call('GET', '/api/admin/schemes/what-if?scheme=kunqu-window-staff&version=2&period=2026-03&asOf=2026-06-01T00:00:00Z')).json()) as {
      real: { version: number };
      subjects: { subjectId: string; delta: number; moved: { itemId: string; real: number; whatIf: number }[] }[];
    };
    expect(whatIf.real.version).toBe(1);
    const s005 = whatIf.subjects.find((s) => s.subjectId === 's-005');
    expect(s005?.moved).toEqual([{ itemId: 'wander', itemName: '串岗', real: -0.5, whatIf: -2 }]);
    expect(s005?.delta).toBe(-1.5);

    const schedule = (await setup()).schemes.filter((a) => a.id !== 'kunqu-window-staff');
    const midMonth = await refusal(await call('PUT', '/api/admin/schemes/schedule', { schemes: [...schedule, { id: 'kunqu-window-staff', version: 1, subject: 'staff' }, { id: 'kunqu-window-staff', version: 2, subject: 'staff', from: '2026-04-15' }] }));
    expect(midMonth.problems).toEqual([{ kind: 'from-not-period-start', id: 'kunqu-window-staff', version: 2, from: '2026-04-15', period: 'month' }]);
    expect((await call('PUT', '/api/admin/schemes/schedule', { schemes: [...schedule, { id: 'kunqu-window-staff', version: 1, subject: 'staff' }, { id: 'kunqu-window-staff', version: 2, subject: 'staff', from: '2026-04-01' }] })).status).toBe(200);
    const results = async (period: string): Promise<{ versions: { scoredBy: number; rule: string } }> =>
      (await (await call('GET', `/api/results?scheme=kunqu-window-staff&period=${period}&asOf=2026-06-01T00:00:00Z`)).json()) as { versions: { scoredBy: number; rule: string } };
    expect((await results('2026-03')).versions).toMatchObject({ scoredBy: 1, rule: 'in-force-on-first-day' });
    expect((await results('2026-04')).versions).toMatchObject({ scoredBy: 2, rule: 'in-force-on-first-day' });

    // A recording is taken only under the version in force on its hall-local day, with a message that says which is.
    const april = (schemeVersion: number): FindingRecorded => recorded(inspector, { staffId: 's-005', schemeVersion, at: '2026-04-01T08:40:00+08:00', observedAt: '2026-04-01T08:40:00+08:00' });
    const [stale] = (await inspector.push([april(1)])).results;
    expect(stale).toMatchObject({ status: 'rejected', retryable: false });
    expect(stale?.status === 'rejected' && stale.reason).toMatch(/scheme kunqu-window-staff v1 is not in force in this hall on 2026-04-01 \(the finding's day, hall time\); v2 is, record under it/);
    const early = recorded(inspector, { staffId: 's-005', schemeVersion: 2, at: '2026-03-31T17:00:00+08:00', observedAt: '2026-03-31T17:00:00+08:00' });
    expect((await inspector.push([early])).results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/v2 is not in force in this hall on 2026-03-31 .*; v1 is/) });
    const fresh = april(2);
    expect((await inspector.push([fresh])).results[0]?.status).toBe('accepted');
    const aprilResults = (await (await call('GET', '/api/results?scheme=kunqu-window-staff&period=2026-04&asOf=2026-06-01T00:00:00Z')).json()) as { versions: { recordedUnder: { version: number; findings: number }[] } };
    expect(aprilResults.versions.recordedUnder).toEqual([{ version: 2, findings: 1 }]);
  });
});
