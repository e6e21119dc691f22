import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, StartError } from '../../src/server/startServer';
import type { RunningServer } from '../../src/server/startServer';
import { schemesDir } from './testServer';

describe('server start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hp-start-'));
  let server: RunningServer;
  beforeAll(async () => {
    const dist = join(dir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>大厅巡查</title>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    server = await startServer({ port: 0, hostname: '127.0.0.1', dataDir: undefined, schemesDir, distDir: dist });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the built app and the API on one port, with client routes falling back to index.html', async () => {
    const index = await fetch(`${server.url}/`);
    expect(await index.text()).toContain('大厅巡查');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await (await fetch(`${server.url}/review/123`)).text()).toContain('大厅巡查');
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ ok: true, storage: 'pglite' });
    const missing = await fetch(`${server.url}/api/nothing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toBe('no API route GET /api/nothing');
  });

  it('refuses to start when a scheme file is malformed, naming the file, line and field', async () => {
    const bad = join(dir, 'schemes');
    mkdirSync(bad);
    copyFileSync(join(schemesDir, '000-kunqu.yaml'), join(bad, '000-kunqu.yaml'));
    writeFileSync(join(bad, '009-broken.yaml'), 'format: hall-patrol/scheme@1\nid: Broken Id\nversion: 1\n');
    const start = startServer({ port: 0, hostname: '127.0.0.1', dataDir: undefined, schemesDir: bad, distDir: undefined });
    await expect(start).rejects.toBeInstanceOf(StartError);
    await expect(start).rejects.toThrow(/refusing to start: the scheme files have errors\n009-broken.yaml:2, field id: a lower-case id/);
  });
});
