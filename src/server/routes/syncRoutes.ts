import { Hono } from 'hono';
import { pullRequestSchema, pushRequestSchema } from '../../core/protocol/messages';
import { PROTOCOL_VERSION } from '../../core/protocol/version';
import type { PushResult } from '../../core/protocol/messages';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { describeIssues, errorResponse, readJson } from '../httpError';
import { pullChanges } from '../sync/pullChanges';
import { pushEvents } from '../sync/pushEvents';

/** POST /push and /pull (docs/sync.md). Every role syncs; what each may write or see is checked per event and scope. */
export function syncRoutes({ db, hall, pulls, log }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));

  app.post(
    '/push',
    async (c) => {
      const body = await readJson(c, { perItem: true });
      if (!body.ok) return body.response;
      const req = pushRequestSchema.safeParse(body.value);
      if (!req.success) return errorResponse(c, 'bad-request', `push: ${describeIssues(req.error.issues)}`);
      if (req.data.protocol !== PROTOCOL_VERSION) return errorResponse(c, 'protocol', `protocol ${req.data.protocol} is not spoken here (expected ${PROTOCOL_VERSION})`);
      const auth = c.get('auth');
      if (req.data.deviceId !== auth.deviceId) {
        return errorResponse(c, 'forbidden', `device "${req.data.deviceId}" is not the device this sign-in belongs to ("${auth.deviceId}")`);
      }
      const results = await pushEvents(db, hall, auth, req.data.events, req.data.deviceTime);
      for (const r of results) if (r.status === 'rejected') log({ kind: 'refused-event', event: r.id.slice(0, 40), account: auth.account.id, device: auth.deviceId, retryable: r.retryable, reason: r.reason.slice(0, 300) });
      const answer: PushResult = { type: 'push.result', protocol: PROTOCOL_VERSION, results, serverTime: new Date().toISOString() };
      return c.json(answer);
    },
  );

  app.post('/pull', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const req = pullRequestSchema.safeParse(body.value);
    if (!req.success) return errorResponse(c, 'bad-request', `pull: ${describeIssues(req.error.issues)}`);
    if (req.data.protocol !== PROTOCOL_VERSION) return errorResponse(c, 'protocol', `protocol ${req.data.protocol} is not spoken here (expected ${PROTOCOL_VERSION})`);
    const text = await pullChanges(db, pulls, c.get('auth'), req.data.cursor, req.data.limit);
    return c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  return app;
}
