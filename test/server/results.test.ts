import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreEvents } from '../../src/core/events/scoreEvents';
import { checkSchemeData } from '../../src/core/scheme/parseScheme';
import { parsePeriod } from '../../src/core/time/period';
import type { PeriodScores, SubjectResult } from '../../src/core/scoring/results';
import type { RunningServer } from '../../src/server/startServer';
import { quarterScenario } from './scenario';
import { signIn, testServer } from './testServer';
import type { Device } from './testServer';

describe('final results', () => {
  let server: RunningServer;
  let inspector: Device;
  let chief: Device;
  let committee: Device;
  beforeAll(async () => {
    server = await testServer();
    [inspector, chief, committee] = await Promise.all([
      signIn(server.url, 'inspector1', 'tablet-a'),
      signIn(server.url, 'chief-zonghe', 'phone-chief'),
      signIn(server.url, 'committee1', 'pc-committee'),
    ]);
    const s = quarterScenario(inspector, chief, committee);
    for (const [device, events] of [[inspector, s.inspector], [chief, s.chief], [committee, s.committee]] as const) {
      const res = await device.push(events);
      const bad = res.results.filter((r) => r.status !== 'accepted');
      expect(bad).toEqual([]);
    }
  });
  afterAll(() => server.close());

  const fetchAs = async <T>(device: Device, path: string): Promise<T> => {
    const r = await fetch(`${server.url}/api/results${path}`, { headers: { authorization: `Bearer ${device.token}` } });
    if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  const get = (device: Device, query: string): Promise<PeriodScores> => fetchAs<PeriodScores>(device, `?${query}`);

  it.each(['2026-01', '2026-02', '2026-03', '2026-Q1', '2026'])('are identical to the tablet provisional results for %s', async (key) => {
    // The tablet's path: pull everything, check the pulled scheme, fold and score with the shared engine.
    const reader = await signIn(server.url, 'inspector2', 'tablet-reader');
    const pulled = await reader.pullAll();
    const first = pulled.pages[0];
    const doc = first?.schemes.find((s) => s.id === 'kunqu-window-staff');
    const scheme = checkSchemeData(doc?.data, 'pulled');
    if (!scheme.ok || !first?.setup) throw new Error('the pull did not carry the scheme and hall');
    const period = parsePeriod(key);
    if (!period) throw new Error(key);
    const asOf = '2026-12-31T00:00:00Z';
    const tablet = scoreEvents(scheme.scheme, first.setup.roster, pulled.events, period, { countPending: false, asOf });
    const query = `scheme=kunqu-window-staff&period=${key}&asOf=${encodeURIComponent(asOf)}`;
    const { versions, ...final } = (await get(committee, query)) as PeriodScores & { versions: { scoredBy: number; rule: string; otherVersions: unknown[] } };
    expect(final).toEqual(JSON.parse(JSON.stringify(tablet.results)));
    // One version held and in force from the beginning: it scored everything (docs/scheme-versions.md).
    expect(versions).toMatchObject({ scoredBy: 1, rule: 'in-force-on-first-day', otherVersions: [] });
    // The results carry no lines; each subject's are built when asked, the same on the server as on the tablet.
    expect(final.subjects.some((s) => 'explanation' in s)).toBe(false);
    const charged = final.subjects.filter((s) => s.findingCount > 0).slice(0, 3);
    expect(charged.length).toBeGreaterThan(0);
    for (const s of charged) {
      const explained = await fetchAs<SubjectResult>(committee, `/explanation?${query}&subject=${s.subject}&subjectId=${s.subjectId}`);
      expect(explained).toEqual(JSON.parse(JSON.stringify(tablet.explain(s.subject, s.subjectId))));
      expect(explained.explanation.some((l) => l.kind === 'finding' || l.kind === 'period')).toBe(true);
    }
  });

  it('shows a chief only their own unit, and names bad queries', async () => {
    const mine = await get(chief, 'scheme=kunqu-window-staff&period=2026-Q1');
    expect(mine.subjects.length).toBeGreaterThan(0);
    expect(mine.subjects.every((s) => s.unitId === 'u-zonghe')).toBe(true);
    const bad = await fetch(`${server.url}/api/results?scheme=nope&period=2026-13`, { headers: { authorization: `Bearer ${chief.token}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/period "2026-13"/);
    const explain = (device: Device, query: string): Promise<Response> =>
      fetch(`${server.url}/api/results/explanation?scheme=kunqu-window-staff&period=2026-Q1&${query}`, { headers: { authorization: `Bearer ${device.token}` } });
    const own = mine.subjects.find((s) => s.subject === 'staff');
    expect((await explain(chief, `subject=staff&subjectId=${own?.subjectId ?? ''}`)).status).toBe(200);
    expect((await explain(chief, 'subject=staff&subjectId=s-040')).status).toBe(403);
    const unknown = await explain(committee, 'subject=staff&subjectId=s-none');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/no staff "s-none"/);
    const badKind = await explain(committee, 'subject=room&subjectId=s-001');
    expect(badKind.status).toBe(400);
  });
});
