import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { instantSchema } from '../../core/time/instantSchema';
import type { ScoredPeriod } from '../../core/scoring/scoreOnDemand';
import { subjectKindSchema } from '../../core/scheme/schemeSchema';
import { parsePeriod } from '../../core/time/period';
import { subjectInScope } from '../../core/access/subjectInScope';
import { inScope } from '../../core/access/actor';
import { place } from '../../core/model/placement';
import { scoreVersionsOnDemand } from '../../core/versions/scoreWithVersions';
import type { VersionsReport } from '../../core/versions/scoreWithVersions';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { schemeOnlyElsewhere } from '../hall/heldSchemes';
import { describeIssues, errorResponse } from '../httpError';
import { eventsOfScheme } from '../storage/eventRepo';

const query = z.object({
  scheme: z.string().min(1, 'name a scheme id').max(100),
  period: z.string().min(1, 'name a period: YYYY-MM, YYYY-Qn or YYYY').max(20),
  /** final (the default) never counts points pending a contest; provisional counts them if the hall's settings say so. */
  view: z.enum(['final', 'provisional']).optional(),
  /** The older spelling of view=provisional. */
  pending: z.enum(['0', '1']).default('0'),
  asOf: instantSchema.optional(),
});

/** The explanation route's query: the results' query and the one subject to explain. */
const explainQuery = query.extend({ subject: subjectKindSchema, subjectId: z.string().min(1, 'name the subject id').max(200) });

/** A scored period of the caller's hall, what the caller may see of it. */
interface Scored {
  scored: ScoredPeriod;
  versions: VersionsReport;
  inScope: (s: Parameters<typeof subjectInScope>[1]) => boolean;
}

/**
 * GET /?scheme=&period=[&view=final|provisional] : the hall's period results (month, quarter, year) per staff, window,
 * chief and unit, without explanation lines, computed from the stored events with the shared engine under the
 * scheme-version rule (scoreVersionsOnDemand, docs/scheme-versions.md): `versions` says which version scored the
 * period and what became of findings recorded under another.
 * GET /explanation?…&subject=&subjectId= : one subject's result with every explanation line, built for that request.
 * A chief sees the subjects of their own units and bound windows only (subjectInScope, as on the tablet).
 */
export function resultsRoutes({ db, hall }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));

  /** Score the query's scheme and period in the caller's hall, or answer why not. */
  const score = async (c: Context<AppEnv>, q: z.infer<typeof query>): Promise<Scored | Response> => {
    const period = parsePeriod(q.period);
    if (!period) return errorResponse(c, 'bad-request', `period "${q.period}": expected YYYY-MM, YYYY-Qn or YYYY`);
    const { actor, hallId } = c.get('auth');
    const config = await hall.current(db, hallId);
    const held = [...config.schemes.values()];
    if (!held.some((s) => s.id === q.scheme)) {
      if (await schemeOnlyElsewhere(db, hallId, q.scheme)) return errorResponse(c, 'forbidden', `scheme "${q.scheme}" is another hall's; this sign-in is for hall ${hallId}`);
      return errorResponse(c, 'not-found', `no scheme "${q.scheme}" (known: ${[...new Set(held.map((s) => s.id))].join(', ')})`);
    }
    const events = await eventsOfScheme(db, hallId, q.scheme);
    const provisional = q.view ? q.view === 'provisional' : q.pending === '1';
    const countPending = provisional && config.review.countPendingInProvisional;
    c.header('x-count-pending', countPending ? '1' : '0');
    const got = scoreVersionsOnDemand({
      schemeId: q.scheme,
      assignments: config.setup.schemes,
      held,
      roster: config.setup.roster,
      events,
      period,
      options: { countPending, asOf: q.asOf ?? new Date().toISOString() },
    });
    if ('error' in got) return errorResponse(c, 'not-found', `no version of scheme "${q.scheme}" to score ${q.period} with`);
    if (actor.role !== 'chief') return { ...got, inScope: () => true };
    const windowOf = new Map(config.setup.roster.staff.map((s) => [s.id, s.windowId]));
    // Findings of other units are not named to a chief, in the version report either.
    const where = new Map(events.flatMap((e) => (e.type === 'finding.recorded' ? [[e.findingId, place(e, config.index)] as const] : [])));
    const otherVersions = got.versions.otherVersions.filter((o) => {
      const p = where.get(o.findingId);
      return p !== undefined && inScope(actor, p);
    });
    return { scored: got.scored, versions: { ...got.versions, otherVersions }, inScope: (s) => subjectInScope(actor, s, (id) => windowOf.get(id)) };
  };

  app.get('/', async (c) => {
    const q = query.safeParse(c.req.query());
    if (!q.success) return errorResponse(c, 'bad-request', `results: ${describeIssues(q.error.issues)}`);
    const got = await score(c, q.data);
    if (got instanceof Response) return got;
    const results = got.scored.results;
    return c.json({ ...results, subjects: results.subjects.filter(got.inScope), versions: got.versions });
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
