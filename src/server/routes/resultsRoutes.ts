import { Hono } from 'hono';
import { z } from 'zod';
import { instantSchema } from '../../core/time/instantSchema';
import { scoreEvents } from '../../core/events/scoreEvents';
import { parsePeriod } from '../../core/time/period';
import { subjectInScope } from '../../core/access/subjectInScope';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { describeIssues, errorResponse } from '../httpError';
import { eventsOfScheme } from '../storage/eventRepo';

const query = z.object({
  scheme: z.string().min(1, 'name a scheme id'),
  period: z.string().min(1, 'name a period: YYYY-MM, YYYY-Qn or YYYY'),
  /** final (the default) never counts points pending a contest; provisional counts them if the hall's settings say so. */
  view: z.enum(['final', 'provisional']).optional(),
  /** The older spelling of view=provisional. */
  pending: z.enum(['0', '1']).default('0'),
  asOf: instantSchema.optional(),
});

/**
 * GET /?scheme=&period=[&view=final|provisional] : period results (month, quarter, year) per staff, window, chief and unit, computed from
 * the stored events with the shared engine (scoreEvents), exactly as the tablet computes its provisional view.
 * A chief sees the subjects of their own units and bound windows only (subjectInScope, as on the tablet).
 */
export function resultsRoutes({ db, hall }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));
  app.get('/', async (c) => {
    const q = query.safeParse(c.req.query());
    if (!q.success) return errorResponse(c, 'bad-request', `results: ${describeIssues(q.error.issues)}`);
    const period = parsePeriod(q.data.period);
    if (!period) return errorResponse(c, 'bad-request', `period "${q.data.period}": expected YYYY-MM, YYYY-Qn or YYYY`);
    const config = await hall.current(db);
    const scheme = config.latest(q.data.scheme);
    if (!scheme) return errorResponse(c, 'not-found', `no scheme "${q.data.scheme}" (known: ${[...new Set([...config.schemes.values()].map((s) => s.id))].join(', ')})`);
    const events = await eventsOfScheme(db, scheme.id);
    const provisional = q.data.view ? q.data.view === 'provisional' : q.data.pending === '1';
    const countPending = provisional && config.review.countPendingInProvisional;
    c.header('x-count-pending', countPending ? '1' : '0');
    const results = scoreEvents(scheme, config.setup.roster, events, period, {
      countPending,
      asOf: q.data.asOf ?? new Date().toISOString(),
    });
    const { actor } = c.get('auth');
    if (actor.role === 'chief') {
      const windowOf = new Map(config.setup.roster.staff.map((s) => [s.id, s.windowId]));
      results.subjects = results.subjects.filter((s) => subjectInScope(actor, s, (id) => windowOf.get(id)));
    }
    return c.json(results);
  });
  return app;
}
