import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { describeIssues, errorResponse } from '../httpError';
import { buildCsv } from '../exports/buildCsv';
import { buildWorkbook } from '../exports/buildWorkbook';
import type { ExportSource } from '../exports/exportSource';
import { EXPORT_LANGUAGES, exportWords } from '../exports/exportWords';
import { periodSnapshot } from '../publish/periodSnapshot';
import { scopeResults } from '../publish/scopeResults';
import { publicationOf } from '../storage/publicationRepo';
import { resolvePeriod } from './publicationRoutes';
import { subjectKindSchema } from '../../core/scheme/schemeSchema';

const exportQuery = z.object({
  scheme: z.string().min(1, 'name a scheme id').max(100),
  period: z.string().min(1, 'name a period: YYYY-MM, YYYY-Qn or YYYY').max(10),
  /** A published revision; default: the latest revision when the period is published, else the results as they are now. */
  revision: z.coerce.number().int().positive().max(1_000_000).optional(),
  /** CSV: which table (default: the scheme's first table with results). */
  subject: subjectKindSchema.optional(),
  lang: z.enum(EXPORT_LANGUAGES).default('zh-CN'),
});

type Query = z.infer<typeof exportQuery>;

/**
 * GET /results.xlsx and /results.csv: a period's results in the halls' layouts (docs/results.md, "Exports"), from the
 * published revision (frozen results, with its digest) or, for a period not published, from the stored events now.
 * A chief's file holds their own subjects only.
 */
export function exportRoutes({ db, hall }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));

  async function source(c: Context<AppEnv>): Promise<{ ok: true; src: ExportSource; q: Query } | { ok: false; response: Response }> {
    const parsed = exportQuery.safeParse(c.req.query());
    if (!parsed.success) return { ok: false, response: errorResponse(c, 'bad-request', `export: ${describeIssues(parsed.error.issues)}`) };
    const q = parsed.data;
    const { actor, hallId } = c.get('auth');
    const config = await hall.current(db, hallId);
    const r = await resolvePeriod(db, hallId, config, q.scheme, q.period);
    if (!r.ok) return { ok: false, response: errorResponse(c, r.code, r.message) };
    const generatedAt = new Date().toISOString();
    const published = await publicationOf(db, hallId, r.schemeId, r.key, q.revision);
    if (q.revision !== undefined && !published) return { ok: false, response: errorResponse(c, 'not-found', `${r.schemeId} ${r.key} has no published revision ${q.revision}`) };
    if (published) {
      const { results, roster, ...summary } = published;
      // The tables and items of the version that scored the revision (the newest held, if that one is gone).
      const versions = r.choice.held.filter((s) => s.id === published.schemeId).sort((a, b) => b.version - a.version);
      const scheme = versions.find((s) => s.version === published.schemeVersion) ?? versions[0];
      if (!scheme) return { ok: false, response: errorResponse(c, 'not-found', `no version of scheme "${published.schemeId}" is held`) };
      return { ok: true, q, src: { hallName: roster.hall.name, scheme, roster, results: scopeResults(actor, roster, results), publication: summary, generatedAt } };
    }
    const roster = config.setup.roster;
    const snap = await periodSnapshot(db, hallId, r.choice, roster, r.period, generatedAt);
    if (!snap) return { ok: false, response: errorResponse(c, 'not-found', `no version of scheme "${r.schemeId}" to score ${r.key} with`) };
    return { ok: true, q, src: { hallName: roster.hall.name, scheme: snap.scheme, roster, results: scopeResults(actor, roster, snap.results), publication: null, generatedAt } };
  }

  const fileName = (src: ExportSource, ext: string): string =>
    `${src.results.schemeId}-${src.results.period.key}${src.publication ? `-r${src.publication.revision}` : '-unpublished'}.${ext}`;

  app.get('/results.xlsx', async (c) => {
    const s = await source(c);
    if (!s.ok) return s.response;
    const wb = buildWorkbook(s.src, exportWords(s.q.lang));
    const buffer = await wb.xlsx.writeBuffer();
    return c.body(new Uint8Array(buffer as ArrayBuffer), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${fileName(s.src, 'xlsx')}"`,
      'cache-control': 'no-store',
    });
  });

  app.get('/results.csv', async (c) => {
    const s = await source(c);
    if (!s.ok) return s.response;
    const { scheme, results } = s.src;
    const table = s.q.subject
      ? scheme.tables.find((t) => t.subject === s.q.subject)
      : scheme.tables.find((t) => results.subjects.some((x) => x.subject === t.subject));
    if (!table) return errorResponse(c, 'not-found', `${scheme.id} has no ${s.q.subject ?? ''} table with results in ${results.period.key}`);
    return c.body(buildCsv(s.src, table, exportWords(s.q.lang)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName(s.src, `${table.subject}.csv`)}"`,
      'cache-control': 'no-store',
    });
  });

  return app;
}
