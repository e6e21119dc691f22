import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../src/server/startServer';
import { schemesDir, signIn } from '../testServer';

/** `npm start` seeds the demo hall on an empty database only: a database that holds a hall is never seeded again. */
describe('the demo hall is seeded once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hp-seed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const start = () => startServer({ port: 0, hostname: '127.0.0.1', dataDir: join(dir, 'pglite'), schemesDir, distDir: undefined, log: () => undefined });

  it('seeds an empty database, then never again, whatever the admin changed', async () => {
    let server = await start();
    const counts = async (): Promise<string> =>
      JSON.stringify(await server.db.query("select (select count(*)::int from halls) as halls, (select count(*)::int from accounts) as accounts, (select count(*)::int from centre_halls) as managed"));
    // The demo hall's seven accounts (admin, two inspectors, two chiefs, the committee, the office) and the centre administrator.
    expect(await counts()).toBe(JSON.stringify([{ halls: 1, accounts: 8, managed: 1 }]));
    const admin = await signIn(server.url, 'admin', 'seed-pc');
    const settings = (await (await fetch(`${server.url}/api/admin/hall/settings`, { headers: { authorization: `Bearer ${admin.token}` } })).json()) as Record<string, unknown>;
    const renamed = await fetch(`${server.url}/api/admin/hall/settings`, { method: 'PUT', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ ...settings, name: '城区政务服务中心' }) });
    expect(renamed.status).toBe(200);
    const disabled = await fetch(`${server.url}/api/admin/accounts/acc-inspector2/disable`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` } });
    expect(disabled.status).toBe(200);
    await server.close();

    server = await start();
    try {
      expect(await counts()).toBe(JSON.stringify([{ halls: 1, accounts: 8, managed: 1 }]));
      const again = await signIn(server.url, 'admin', 'seed-pc-2');
      const now = (await (await fetch(`${server.url}/api/admin/hall/settings`, { headers: { authorization: `Bearer ${again.token}` } })).json()) as { name: string };
      expect(now.name).toBe('城区政务服务中心');
      await expect(signIn(server.url, 'inspector2', 'seed-tablet')).rejects.toThrow(/401/);
    } finally {
      await server.close();
    }
  });
});
