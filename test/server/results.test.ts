import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreEvents } from '../../src/core/events/scoreEvents';
import { checkSchemeData } from '../../src/core/scheme/parseScheme';
import { parsePeriod } from '../../src/core/time/period';
import type { PeriodResults } from '../../src/core/scoring/results';
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

  const get = async (device: Device, query: string): Promise<PeriodResults> => {
    const r = await fetch(`${server.url}/api/results?${query}`, { headers: { authorization: `Bearer ${device.token}` } });
    if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
    return (await r.json()) as PeriodResults;
  };

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
    const final = await get(committee, `scheme=kunqu-window-staff&period=${key}&asOf=${encodeURIComponent(asOf)}`);
    expect(final).toEqual(JSON.parse(JSON.stringify(tablet)));
    expect(final.subjects.some((s) => s.explanation.length > 0)).toBe(true);
  });

  it('shows a chief only their own unit, and names bad queries', async () => {
    const mine = await get(chief, 'scheme=kunqu-window-staff&period=2026-Q1');
    expect(mine.subjects.length).toBeGreaterThan(0);
    expect(mine.subjects.every((s) => s.unitId === 'u-zonghe')).toBe(true);
    const bad = await fetch(`${server.url}/api/results?scheme=nope&period=2026-13`, { headers: { authorization: `Bearer ${chief.token}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/period "2026-13"/);
  });
});
