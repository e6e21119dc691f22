import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/startServer';
import { recorded, signIn, testServer } from './testServer';
import type { Device } from './testServer';

describe('accounts by the admin', () => {
  let server: RunningServer;
  let admin: Device;
  beforeAll(async () => {
    server = await testServer();
    admin = await signIn(server.url, 'admin', 'pc-admin');
  });
  afterAll(() => server.close());

  const login = (username: string, password: string): Promise<Response> =>
    fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'login', protocol: 1, username, password, deviceId: `d-${username}`, deviceName: 'd' }),
    });

  it('creates a chief bound to a unit, who then signs in and sees that scope', async () => {
    const res = await admin.post('/api/admin/accounts', { username: 'chief-gongan', name: '首席代表 (公安局)', role: 'chief', unitIds: ['u-gongan'], password: 'police-2026' });
    expect(res.status).toBe(201);
    const me = await login('chief-gongan', 'police-2026');
    expect(((await me.json()) as { account: { role: string; unitIds: string[] } }).account).toMatchObject({ role: 'chief', unitIds: ['u-gongan'] });
    const again = await admin.post('/api/admin/accounts', { username: 'chief-gongan', name: 'x', role: 'chief', unitIds: ['u-gongan'], password: 'police-2026' });
    expect(again.status).toBe(409);
    const pulled = await (await signIn(server.url, 'inspector1', 'reader')).pullAll();
    expect(pulled.pages[0]?.accounts?.some((a) => a.name === '首席代表 (公安局)')).toBe(true);
  });

  it('names what is wrong with a new account', async () => {
    const bad = await admin.post('/api/admin/accounts', { username: 'x1', name: 'X', role: 'chief', unitIds: ['u-nowhere'], password: 'longenough' });
    expect(((await bad.json()) as { message: string }).message).toBe('account: unit "u-nowhere" not in the roster');
    const short = await admin.post('/api/admin/accounts', { username: 'x2', name: 'X', role: 'inspector', password: 'short' });
    expect(((await short.json()) as { message: string }).message).toMatch(/password: at least 8 characters/);
  });

  it('a new password ends the sign-ins made with the old one', async () => {
    const tablet = await signIn(server.url, 'inspector2', 'tablet-pw');
    expect((await tablet.push([recorded(tablet)])).results[0]?.status).toBe('accepted');
    expect((await admin.post('/api/admin/accounts/acc-inspector2/password', { password: 'new-secret-1' })).status).toBe(200);
    expect((await tablet.post('/api/sync/pull', { type: 'pull', protocol: 1, cursor: null })).status).toBe(401);
    expect((await login('inspector2', 'demo1234')).status).toBe(401);
    expect((await login('inspector2', 'new-secret-1')).status).toBe(200);
  });

  it('is for the admin only', async () => {
    const inspector = await signIn(server.url, 'inspector1', 'tablet-x');
    const res = await inspector.post('/api/admin/accounts', { username: 'evil', name: 'E', role: 'admin', password: 'whatever1' });
    expect(res.status).toBe(403);
  });
});
