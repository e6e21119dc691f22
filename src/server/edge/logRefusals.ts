import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../appEnv';
import type { Logger } from '../log';

/** One log line per refused API request (4xx): status, code, the message the caller got, and who asked. */
export function logRefusals(log: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const status = c.res.status;
    // A client that hung up was refused nothing (the error handler logs it as gone).
    if (status < 400 || status >= 500 || c.req.raw.signal.aborted) return;
    let code: string | null = null;
    let message: string | null = null;
    try {
      const body = (await c.res.clone().json()) as { code?: unknown; message?: unknown };
      code = typeof body.code === 'string' ? body.code : null;
      message = typeof body.message === 'string' ? body.message.slice(0, 300) : null;
    } catch {
      // Not a JSON error message: status alone.
    }
    const auth = c.get('auth') as AppEnv['Variables']['auth'] | undefined;
    log({ kind: 'refused', status, code, message, method: c.req.method, path: c.req.path.slice(0, 200), account: auth?.account.id ?? null, device: auth?.deviceId ?? null });
  });
}
