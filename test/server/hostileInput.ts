import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingAcknowledged } from '../../src/core/events/events';
import { demoHall } from '../../src/core/model/demoHall';
import type { EventOutcome } from '../../src/core/protocol/messages';
import type { RunningServer } from '../../src/server/startServer';
import { about, recorded, signIn } from './testServer';
import type { Device } from './testServer';

const outcome = (r: { results: EventOutcome[] }, i = 0): string => {
  const o = r.results[i];
  if (!o) return 'none';
  return o.status === 'rejected' ? `rejected${o.retryable ? ' (retryable)' : ''}: ${o.reason}` : o.status;
};

/** Hostile or broken input is refused with a clear reason and never breaks the server for anyone (issue 9). */
export function runHostileInput(name: string, start: () => Promise<{ server: RunningServer; stop: () => Promise<void> }>): void {
  describe(`hostile input: ${name}`, { timeout: 90_000 }, () => {
    let server: RunningServer;
    let stop: () => Promise<void>;
    let inspector: Device;
    let chief: Device;
    let admin: Device;
    const get = (d: Device, path: string): Promise<Response> => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${d.token}` } });

    beforeAll(async () => {
      ({ server, stop } = await start());
      [inspector, chief, admin] = await Promise.all([signIn(server.url, 'inspector1', 'tablet-h'), signIn(server.url, 'chief-zonghe', 'phone-h'), signIn(server.url, 'admin', 'pc-h')]);
    });
    afterAll(() => stop());

    it('instants not on the calendar are refused per event with the reason; the rest of the batch is stored', async () => {
      const good = recorded(inspector);
      const bad = ['2026-02-30T10:00:00+08:00', '2026-13-01T10:00:00+08:00', '2026-03-10T10:00:00+20:00', '2026-03-10T24:00:00+08:00', '2026-03-10T10:00:60+08:00'].map((at) => recorded(inspector, { at, observedAt: at }));
      const r = await inspector.push([...bad, good]);
      for (let i = 0; i < bad.length; i++) expect(outcome(r, i)).toMatch(/^rejected: .*at: not an instant on the calendar/);
      expect(outcome(r, bad.length)).toBe('accepted');
      // The outbox is not blocked: the same batch again answers the same, and the good event as a duplicate.
      const again = await inspector.push([...bad, good]);
      expect(outcome(again, bad.length)).toBe('duplicate');
    });

    it('NUL and other control characters are refused per event, naming the field; notices keep working', async () => {
      const rec = recorded(inspector);
      await inspector.push([rec]);
      const sign = (signerName: string, noticeId = 'N-nul'): FindingAcknowledged =>
        about<FindingAcknowledged>(inspector, rec.findingId, { type: 'finding.acknowledged', noticeId, signerName, signature: 'd'.repeat(64) });
      expect(outcome(await inspector.push([sign('王\u0000丽')]))).toMatch(/signerName: contains a control character/);
      expect(outcome(await inspector.push([sign('王丽', 'N-\u0001')]))).toMatch(/noticeId: contains a control character/);
      expect(outcome(await inspector.push([{ ...recorded(inspector), note: 'a\u0000b' }]))).toMatch(/note: contains a control character/);
      expect(outcome(await inspector.push([sign('王丽\n(代签)')]))).toBe('accepted');
      expect((await get(chief, '/api/notices/N-nul')).status).toBe(200);
      expect((await get(chief, '/api/notices/N-none')).status).toBe(404);
    });

    it('the admin cannot set a time zone that does not exist, and results keep answering', async () => {
      const hall = demoHall();
      const res = await fetch(`${server.url}/api/admin/hall`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
        body: JSON.stringify({ ...hall, roster: { ...hall.roster, hall: { ...hall.roster.hall, timeZone: 'Mars/Olympus_Mons' } } }),
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/roster.hall.timeZone: an IANA time zone/);
      expect((await get(chief, '/api/results?scheme=kunqu-window-staff&period=2026-03')).status).toBe(200);
    });

    it('query instants not on the calendar are a 400, not a 500', async () => {
      const r = await get(chief, '/api/results?scheme=kunqu-window-staff&period=2026-03&asOf=2026-02-30T00:00:00Z');
      expect(r.status).toBe(400);
      expect(await r.text()).toMatch(/asOf: not an instant on the calendar/);
    });
  });
}
