import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/server/log';
import type { RunningServer } from '../../src/server/startServer';
import { signIn, testServer } from './testServer';
import type { Device } from './testServer';

/**
 * A tablet whose Wi-Fi drops while it sends a photo chunk hangs up mid-body. That is the client going away, not a
 * server failure: found by the chaos run, where every cut upload was logged as a server error ("Error: aborted").
 */
describe('a client that hangs up mid-request', () => {
  let server: RunningServer;
  let tablet: Device;
  const logged: LogEntry[] = [];
  beforeAll(async () => {
    server = await testServer({ log: (e) => logged.push(e) });
    tablet = await signIn(server.url, 'inspector1', 'tablet-gone');
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Send the head and part of the body of a request, then cut the connection, and wait until the server saw it. */
  async function hangUp(head: string, part: Buffer): Promise<void> {
    const before = logged.length;
    const socket = connect({ host: '127.0.0.1', port: server.port });
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(head);
    socket.write(part);
    await new Promise((r) => setTimeout(r, 300));
    socket.destroy();
    const until = Date.now() + 10_000;
    while (logged.length === before && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  }

  it('is logged as the client gone, not as a server error, for a photo chunk and a push', async () => {
    const hash = 'ab'.repeat(32);
    const chunk = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    await hangUp(
      `PATCH /api/photos/${hash} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tablet.token}\r\nContent-Type: image/jpeg\r\nUpload-Offset: 0\r\nUpload-Length: 600000\r\nContent-Length: 262144\r\n\r\n`,
      chunk,
    );
    await hangUp(`POST /api/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tablet.token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`, Buffer.from('{"type":"push","protocol":1,"events":[{"type":"finding.rec'));
    // One line each, as the client gone: no server error, no refusal (no one was refused anything).
    expect(logged.map((e) => `${e.kind} ${String(e.method)} ${String(e.path)}`)).toEqual([`client-gone PATCH /api/photos/${hash}`, 'client-gone POST /api/sync/push']);
    // Nothing of the cut chunk was kept: the upload starts from 0 again.
    const status = await fetch(`${server.url}/api/photos/${hash}/status`, { headers: { authorization: `Bearer ${tablet.token}` } });
    expect(await status.json()).toMatchObject({ received: 0, complete: false });
  });
});
