import { Hono } from 'hono';
import { z } from 'zod';
import { instantSchema } from '../../core/time/instantSchema';
import { auditTrail } from '../../core/events/auditTrail';
import { buildNotice } from '../../core/events/buildNotice';
import { reviewStatus } from '../../core/events/reviewStatus';
import { inScope } from '../../core/access/actor';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { describeIssues, errorResponse } from '../httpError';
import { withArrival } from '../review/withArrival';
import { hallAccounts } from '../storage/accountRepo';
import { findingsElsewhere } from '../storage/eventRepo';
import { arrivedEventsOf, eventsOfNotice, noticeElsewhere } from '../storage/reviewRepo';

const asOfQuery = z.object({ asOf: instantSchema.optional() });

/**
 * GET /findings/:id/history: a finding's review status and audit trail (who did what, when, on which device, when it
 * arrived; ignored events with the reason). GET /notices/:noticeId: the violation notice (003 附件2) as data for the
 * printable page. Every role may ask; a chief only about findings charged to their units/windows. Both are the token's
 * hall's: naming another hall's finding or notice answers 403.
 */
export function findingRoutes({ db, hall }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Per route, not use('*'): this app is mounted at /api beside the others, and must not guard their paths.
  const auth = requireAuth(db);

  app.get('/findings/:id/history', auth, async (c) => {
    const q = asOfQuery.safeParse(c.req.query());
    if (!q.success) return errorResponse(c, 'bad-request', `history: ${describeIssues(q.error.issues)}`);
    const findingId = c.req.param('id');
    const { actor, hallId } = c.get('auth');
    const arrived = await arrivedEventsOf(db, hallId, findingId);
    const charged = arrived.find((a) => a.event.type === 'finding.recorded');
    if (!charged) {
      if ((await findingsElsewhere(db, hallId, [findingId])).size) return errorResponse(c, 'forbidden', `finding ${findingId} belongs to another hall; this sign-in is for hall ${hallId}`);
      return errorResponse(c, 'not-found', `no finding ${findingId} on the server`);
    }
    if (!inScope(actor, { unitId: charged.unitId ?? undefined, windowId: charged.windowId ?? undefined })) {
      return errorResponse(c, 'forbidden', `finding ${findingId} is charged to unit ${charged.unitId ?? '-'}, outside the scope of ${actor.accountId}`);
    }
    const config = await hall.current(db, hallId);
    const events = arrived.map((a) => a.event);
    const asOf = q.data.asOf ?? new Date().toISOString();
    return c.json({
      findingId,
      unitId: charged.unitId,
      windowId: charged.windowId,
      asOf,
      status: reviewStatus(events, config.review, config.setup.roster.hall.timeZone, asOf),
      trail: withArrival(auditTrail(events), arrived, config.review.clockToleranceMinutes),
    });
  });

  app.get('/notices/:noticeId', auth, async (c) => {
    const noticeId = c.req.param('noticeId');
    const { actor, hallId } = c.get('auth');
    const arrived = await eventsOfNotice(db, hallId, noticeId);
    if (arrived.length === 0 && (await noticeElsewhere(db, hallId, noticeId))) return errorResponse(c, 'forbidden', `notice ${noticeId} is another hall's; this sign-in is for hall ${hallId}`);
    const outside = arrived.find((a) => a.event.type === 'finding.recorded' && !inScope(actor, { unitId: a.unitId ?? undefined, windowId: a.windowId ?? undefined }));
    if (outside) return errorResponse(c, 'forbidden', `notice ${noticeId} covers finding ${outside.event.findingId}, outside the scope of ${actor.accountId}`);
    const config = await hall.current(db, hallId);
    const accounts = (await hallAccounts(db, hallId)).map((a) => ({ id: a.id, name: a.name }));
    const notice = buildNotice(noticeId, arrived.map((a) => a.event), config.setup.roster, [...config.schemes.values()], accounts);
    return notice ? c.json(notice) : errorResponse(c, 'not-found', `no notice ${noticeId} on the server`);
  });

  return app;
}
