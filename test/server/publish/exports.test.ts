import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingRecorded } from '../../../src/core/events/events';
import { itemPoints } from '../../../src/core/scoring/itemPoints';
import { checkSchemeData } from '../../../src/core/scheme/parseScheme';
import type { Scheme } from '../../../src/core/scheme/parseScheme';
import type { PeriodResults, PeriodScores, SubjectResult } from '../../../src/core/scoring/results';
import type { RunningServer } from '../../../src/server/startServer';
import { demoHall } from '../../../src/core/model/demoHall';
import { quarterScenario } from '../scenario';
import { recorded, signIn, testServer } from '../testServer';
import type { Device } from '../testServer';

const HEADER_ROW = 6;

/** Every row of a sheet as plain values (rich text and formulas flattened), 1-based like Excel. */
function rowsOf(ws: ExcelJS.Worksheet): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values: (string | number | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      values[c - 1] = typeof v === 'number' || typeof v === 'string' ? v : v === null || v === undefined ? null : String(v);
    });
    out[n - 1] = values;
  });
  return out;
}

describe('exports in the halls’ layouts', () => {
  let server: RunningServer;
  /** A second hall server whose units are scored by seed 004 (one scheme per level: the demo's units use 003). */
  let genheServer: RunningServer;
  let committee: Device;
  let genheCommittee: Device;
  let chief: Device;
  const urlOf = (device: Device): string => (device === genheCommittee ? genheServer.url : server.url);
  const get = (device: Device, path: string): Promise<Response> => fetch(`${urlOf(device)}${path}`, { headers: { authorization: `Bearer ${device.token}` } });
  const json = async <T>(device: Device, path: string): Promise<T> => (await (await get(device, path)).json()) as T;
  const workbook = async (device: Device, query: string): Promise<ExcelJS.Workbook> => {
    const res = await get(device, `/api/exports/results.xlsx?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    return wb;
  };
  const schemeOf = async (id: string, device: Device = committee): Promise<Scheme> => {
    const pulled = await device.pullAll();
    const parsed = checkSchemeData(pulled.pages[0]?.schemes.find((s) => s.id === id)?.data, id);
    if (!parsed.ok) throw new Error(id);
    return parsed.scheme;
  };

  beforeAll(async () => {
    [server, genheServer] = await Promise.all([testServer(), testServer()]);
    let inspector: Device;
    [inspector, chief, committee] = await Promise.all([
      signIn(server.url, 'inspector1', 'tablet-a'),
      signIn(server.url, 'chief-zonghe', 'phone-chief'),
      signIn(server.url, 'committee1', 'pc-committee'),
    ]);
    const s = quarterScenario(inspector, chief, committee);
    // Seed 004 (根河), in the second hall, whose admin put it in force for units (a recording is taken only under a
    // scheme version in force): departments scored by item — a missed 领导带班, a month's 网办件 count, an 信息报送 level.
    const [genheAdmin, genheInspector] = await Promise.all([signIn(genheServer.url, 'admin', 'pc-admin'), signIn(genheServer.url, 'inspector1', 'tablet-b')]);
    genheCommittee = await signIn(genheServer.url, 'committee1', 'pc-committee');
    const schedule = await fetch(`${genheServer.url}/api/admin/schemes/schedule`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${genheAdmin.token}` },
      body: JSON.stringify({ schemes: [...demoHall().schemes.filter((a) => a.subject !== 'unit'), { id: 'genhe-department', version: 1, subject: 'unit' }] }),
    });
    expect(schedule.status, await schedule.text()).toBe(200);
    const genhe = (over: Partial<FindingRecorded>): FindingRecorded =>
      recorded(genheInspector, { schemeId: 'genhe-department', schemeVersion: 1, staffId: undefined, at: '2026-03-05T10:00:00+08:00', observedAt: '2026-03-05T10:00:00+08:00', ...over });
    const g = [
      genhe({ itemId: 'leader-absent', unitId: 'u-shuiwu' }),
      genhe({ itemId: 'leader-absent', unitId: 'u-shuiwu', at: '2026-03-12T10:00:00+08:00', observedAt: '2026-03-12T10:00:00+08:00' }),
      genhe({ itemId: 'online-count', unitId: 'u-shuiwu', inputs: { quantity: 7 } }),
      genhe({ itemId: 'online-count', unitId: 'u-gongan', inputs: { quantity: 12 } }),
    ];
    for (const [device, events] of [[inspector, s.inspector], [chief, s.chief], [committee, s.committee], [genheInspector, g]] as const) {
      const res = await device.push(events);
      expect(res.results.filter((r) => r.status !== 'accepted')).toEqual([]);
    }
    const pub = await committee.post('/api/publications', { scheme: 'kunqu-window-staff', period: '2026-01' });
    expect(pub.status).toBe(201);
  });
  afterAll(() => Promise.all([server?.close(), genheServer?.close()]));

  it('writes the 000 staff table with Chinese headers, the engine’s totals and ranks, and the contractor’s average under it', async () => {
    const published = await json<{ results: PeriodResults; digest: string; revision: number }>(committee, '/api/publications/kunqu-window-staff/2026-01/1');
    const wb = await workbook(committee, 'scheme=kunqu-window-staff&period=2026-01');
    const ws = wb.getWorksheet('工作人员');
    if (!ws) throw new Error(`no staff sheet: ${wb.worksheets.map((w) => w.name).join(', ')}`);
    const rows = rowsOf(ws);
    expect(rows[0]?.[0]).toBe('示范政务服务大厅2026年1月综窗人员月度考核考核结果');
    expect(String(rows[2]?.[0])).toContain(published.digest);
    const header = rows[HEADER_ROW - 1] ?? [];
    expect(header.slice(0, 4)).toEqual(['排名', '姓名', '所属单位', '工作纪律（20分）']);
    for (const h of ['服务规范（30分）', '业务技能（30分）', '投诉评价（20分）', '加分', '总分', '等次', '申诉待定', '处理', '等次说明']) expect(header).toContain(h);
    const col = (name: string): number => header.indexOf(name);
    const staff = published.results.subjects.filter((s) => s.subject === 'staff');
    const body = rows.slice(HEADER_ROW, HEADER_ROW + staff.length);
    expect(body.map((r) => r[col('姓名')])).toEqual(staff.map((s) => s.name));
    expect(body.map((r) => r[col('总分')])).toEqual(staff.map((s) => s.total));
    expect(body.map((r) => r[col('排名')])).toEqual(staff.map((s) => s.rank));
    expect(body.map((r) => r[col('工作纪律（20分）')])).toEqual(staff.map((s) => s.categories.find((c) => c.id === 'discipline')?.score));
    expect(body.map((r) => r[col('等次')])).toEqual(staff.map((s) => s.gradeName));
    const unit = published.results.subjects.find((s) => s.subject === 'unit');
    const footer = rows[HEADER_ROW + staff.length] ?? [];
    expect(footer[col('姓名')]).toBe(`${unit?.name}（工作人员平均）`);
    expect(footer[col('总分')]).toBe(unit?.total);
    expect(footer[col('排名')]).toBe(null);
  });

  it('writes the 004 任务分解表 with each department’s points per item, subtotals, total and rank', async () => {
    const results = await json<PeriodScores>(genheCommittee, '/api/results?scheme=genhe-department&period=2026-03');
    const scheme = await schemeOf('genhe-department', genheCommittee);
    const wb = await workbook(genheCommittee, 'scheme=genhe-department&period=2026-03');
    const ws = wb.getWorksheet('单位分项得分');
    if (!ws) throw new Error(`no item sheet: ${wb.worksheets.map((w) => w.name).join(', ')}`);
    const rows = rowsOf(ws);
    expect(String(rows[2]?.[0])).toBe('尚未发布：按当前记录计算的结果，可能变动');
    const header = rows[HEADER_ROW - 1] ?? [];
    expect(header.slice(0, 5)).toEqual(['一级指标', '二级指标', '分值', '具体考核内容', '责任科室']);
    const units = results.subjects.filter((s) => s.subject === 'unit');
    expect(header.slice(5)).toEqual(units.map((u) => u.name));
    const shuiwu = units.find((u) => u.subjectId === 'u-shuiwu');
    const gongan = units.find((u) => u.subjectId === 'u-gongan');
    if (!shuiwu || !gongan) throw new Error('units missing');
    const colOf = (id: string): number => 5 + units.findIndex((u) => u.subjectId === id);
    const leader = rows.find((r) => r[3] === scheme.items.find((i) => i.id === 'leader-absent')?.text) ?? [];
    expect(leader.slice(0, 3)).toEqual(['领导重视', '领导带班', 3]);
    expect(leader[4]).toBe('大厅运行室');
    expect(leader[colOf('u-shuiwu')]).toBe(1); // 3 − 2 missed 带班
    expect(leader[colOf('u-gongan')]).toBe(3);
    const count = rows.find((r) => r[3] === scheme.items.find((i) => i.id === 'online-count')?.text) ?? [];
    expect(count[colOf('u-shuiwu')]).toBe(1.5); // 7 件: 6-10件
    expect(count[colOf('u-gongan')]).toBe(2); // 12 件: 11件及以上
    // Every item cell is the engine's own number for that department and item.
    for (const u of units) {
      // The results route carries no lines: the unit's own, from the explanation route, give its points per item.
      const full = await json<SubjectResult>(genheCommittee, `/api/results/explanation?scheme=genhe-department&period=2026-03&subject=unit&subjectId=${u.subjectId}`);
      const points = itemPoints(scheme, full);
      for (const item of scheme.items) {
        const row = rows.find((r) => r[3] === item.text && r[0] !== undefined && r[4] === item.office && scheme.items.filter((i) => i.text === item.text).length === 1);
        if (row) expect(row[colOf(u.subjectId)]).toBe(points.get(item.id));
      }
    }
    const subtotal = rows.find((r) => r[0] === '领导重视·领导带班小计') ?? [];
    expect(subtotal[colOf('u-shuiwu')]).toBe(shuiwu.categories.find((c) => c.id === 'leader-duty')?.score);
    const total = rows.find((r) => r[0] === '总分') ?? [];
    expect(units.map((u) => total[colOf(u.subjectId)])).toEqual(units.map((u) => u.total));
    const rank = rows.find((r) => r[0] === '排名') ?? [];
    expect(units.map((u) => rank[colOf(u.subjectId)])).toEqual(units.map((u) => u.rank));
    expect(gongan.total).toBeGreaterThan(shuiwu.total);
  });

  it('writes the 003 monthly unit table ranked with grades', async () => {
    const results = await json<PeriodScores>(committee, '/api/results?scheme=anshan-stationed-unit&period=2026-03');
    const wb = await workbook(committee, 'scheme=anshan-stationed-unit&period=2026-03');
    const ws = wb.getWorksheet('单位');
    if (!ws) throw new Error('no unit sheet');
    const rows = rowsOf(ws);
    const header = rows[HEADER_ROW - 1] ?? [];
    expect(header[0]).toBe('排名');
    expect(header[1]).toBe('单位');
    expect(header).toContain('等次');
    const units = results.subjects.filter((s) => s.subject === 'unit');
    expect(rows.slice(HEADER_ROW, HEADER_ROW + units.length).map((r) => [r[1], r[header.indexOf('总分')], r[header.indexOf('等次')]])).toEqual(units.map((u) => [u.name, u.total, u.gradeName]));
  });

  it('writes CSV with a byte-order mark and the same numbers, English on request, and a chief’s file with only their own', async () => {
    const published = await json<{ results: PeriodResults }>(committee, '/api/publications/kunqu-window-staff/2026-01/1');
    const res = await get(committee, '/api/exports/results.csv?scheme=kunqu-window-staff&period=2026-01&subject=staff');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // fetch's text() drops the byte-order mark, as a spreadsheet does.
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('排名,姓名,所属单位,工作纪律（20分）')).toBe(true);
    const staff = published.results.subjects.filter((s) => s.subject === 'staff');
    expect(lines.length).toBe(1 + staff.length + published.results.subjects.filter((s) => s.subject === 'unit').length);
    const totalCol = (lines[0] ?? '').split(',').indexOf('总分');
    expect(lines.slice(1, 1 + staff.length).map((l) => Number(l.split(',')[totalCol]))).toEqual(staff.map((s) => s.total));
    const en = await (await get(committee, '/api/exports/results.csv?scheme=kunqu-window-staff&period=2026-01&lang=en')).text();
    expect(en.startsWith('Rank,Name,Unit,工作纪律 (20)')).toBe(true);
    const mine = await (await get(chief, '/api/exports/results.csv?scheme=kunqu-window-staff&period=2026-01&subject=staff')).text();
    const mineLines = mine.trimEnd().split('\r\n');
    expect(mineLines.length).toBeLessThan(lines.length);
    expect(mineLines.slice(1).every((l) => l.includes('综合受理窗口'))).toBe(true);
  });

  it('names what is wrong with a request and refuses an inspector', async () => {
    const bad = await get(committee, '/api/exports/results.xlsx?scheme=kunqu-window-staff&period=2026-1');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/period "2026-1"/);
    const missing = await get(committee, '/api/exports/results.xlsx?scheme=kunqu-window-staff&period=2026-01&revision=7');
    expect(missing.status).toBe(404);
    const lang = await get(committee, '/api/exports/results.csv?scheme=kunqu-window-staff&period=2026-01&lang=fr');
    expect(lang.status).toBe(400);
    const inspector = await signIn(server.url, 'inspector2', 'tablet-b');
    expect((await get(inspector, '/api/exports/results.xlsx?scheme=kunqu-window-staff&period=2026-01')).status).toBe(403);
  });
});
