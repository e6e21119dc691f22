import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { instantSchema } from '../../core/time/instantSchema';
import { scoreEvents } from '../../core/events/scoreEvents';
import type { ScoredPeriod } from '../../core/scoring/scoreOnDemand';
import { subjectKindSchema } from '../../core/scheme/schemeSchema';
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

/** The explanation route's query: the results' query and the one subject to explain. */
const explainQuery = query.extend({ subject: subjectKindSchema, subjectId: z.string().min(1, 'name the subject id').max(200) });

/**
 * GET /?scheme=&period=[&view=final|provisional] : period results (month, quarter, year) per staff, window, chief and
 * unit, without explanation lines, computed from the stored events with the shared engine (scoreEvents), exactly as
 * the tablet computes its provisional view.
 * GET /explanation?…&subject=&subjectId= : one subject's result with every explanation line, built for that request.
 * A chief sees the subjects of their own units and bound windows only (subjectInScope, as on the tablet).
 */
export function resultsRoutes({ db, hall }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));

  /** Score the query's scheme and period, or answer why not. */
  const score = async (c: Context<AppEnv>, q: z.infer<typeof query>): Promise<{ scored: ScoredPeriod; inScope: (s: Parameters<typeof subjectInScope>[1]) => boolean } | Response> => {
    const period = parsePeriod(q.period);
    if (!period) return errorResponse(c, 'bad-request', `period "${q.period}": expected YYYY-MM, YYYY-Qn or YYYY`);
    const config = await hall.current(db);
    const scheme = config.latest(q.scheme);
    if (!scheme) return errorResponse(c, 'not-found', `no scheme "${q.scheme}" (known: ${[...new Set([...config.schemes.values()].map((s) => s.id))].join(', ')})`);
    const events = await eventsOfScheme(db, scheme.id);
    const provisional = q.view ? q.view === 'provisional' : q.pending === '1';
    const countPending = provisional && config.review.countPendingInProvisional;
    c.header('x-count-pending', countPending ? '1' : '0');
    const scored = scoreEvents(scheme, config.setup.roster, events, period, { countPending, asOf: q.asOf ?? new Date().toISOString() });
    const { actor } = c.get('auth');
    const windowOf = new Map(config.setup.roster.staff.map((s) => [s.id, s.windowId]));
    return { scored, inScope: (s) => actor.role !== 'chief' || subjectInScope(actor, s, (id) => windowOf.get(id)) };
  };

  app.get('/', async (c) => {
    const q = query.safeParse(c.req.query());
    if (!q.success) return errorResponse(c, 'bad-request', `results: ${describeIssues(q.error.issues)}`);
    const got = await score(c, q.data);
    if (got instanceof Response) return got;
    const results = got.scored.results;
    return c.json({ ...results, subjects: results.subjects.filter(got.inScope) });
  });

  app.get('/explanation', async (c) => {
    const q = explainQuery.safeParse(c.req.query());
    if (!q.success) return errorResponse(c, 'bad-request', `explanation: ${describeIssues(q.error.issues)}`);
    const got = await score(c, q.data);
    if (got instanceof Response) return got;
    const { subject, subjectId } = q.data;
    const result = got.scored.results.subjects.find((s) => s.subject === subject && s.subjectId === subjectId);
    if (!result) return errorResponse(c, 'not-found', `no ${subject} "${subjectId}" in the results of ${q.data.scheme} for ${q.data.period}`);
    if (!got.inScope(result)) return errorResponse(c, 'forbidden', `${subject} "${subjectId}" is not one of yours`);
    return c.json(got.scored.explain(subject, subjectId));
  });
  return app;
}
