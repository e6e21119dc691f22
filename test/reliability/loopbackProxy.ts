import { connect, createServer } from 'node:net';
import type { Socket } from 'node:net';

/**
 * A TCP relay on a free loopback port between the tablets and the server. The tablets' pages live at its origin, so
 * the server can be killed and started again on another free port without the tablets' origin (and IndexedDB)
 * changing; and the relay can cut every connection at once, as a dropped hall Wi-Fi does, mid-request.
 */
export interface LoopbackProxy {
  /** http://127.0.0.1:PORT, the origin the tablets use. */
  url: string;
  /** Where connections go from now on; null refuses them (a server that is down). */
  setUpstream(port: number | null): void;
  /** End every open connection now (both sides), wherever the requests are. Returns how many were cut. */
  cutAll(): number;
  /** Connections currently open. */
  open(): number;
  close(): Promise<void>;
}

/** Start the relay, forwarding to `upstream` (a port on 127.0.0.1). */
export async function startLoopbackProxy(upstream: number | null): Promise<LoopbackProxy> {
  let target = upstream;
  const pairs = new Set<{ client: Socket; server: Socket | null }>();
  const proxy = createServer((client) => {
    if (target === null) {
      client.destroy();
      return;
    }
    const pair: { client: Socket; server: Socket | null } = { client, server: null };
    pairs.add(pair);
    const server = connect({ host: '127.0.0.1', port: target });
    pair.server = server;
    const end = (): void => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('error', end).on('close', end);
    server.on('error', end).on('close', end);
    client.pipe(server);
    server.pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');
  const cutAll = (): number => {
    const n = pairs.size;
    for (const p of [...pairs]) {
      p.client.destroy();
      p.server?.destroy();
    }
    pairs.clear();
    return n;
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    setUpstream(port) {
      target = port;
    },
    cutAll,
    open: () => pairs.size,
    close: () =>
      new Promise<void>((resolve) => {
        cutAll();
        proxy.close(() => resolve());
      }),
  };
}
