import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { parseScheme } from '../../core/scheme/parseScheme';
import type { SchemeError } from '../../core/scheme/schemeError';
import { formatSchemeError } from '../../core/scheme/schemeError';
import { subjectKindSchema } from '../../core/scheme/schemeSchema';
import { hallDay } from '../../core/time/hallDay';
import { parsePeriod } from '../../core/time/period';
import { scoreWithVersions } from '../../core/versions/scoreWithVersions';
import { compareResults } from '../../core/versions/whatIf';
import { instantSchema } from '../../core/time/instantSchema';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { schemeKey } from '../hall/hallState';
import { schemeOnlyElsewhere } from '../hall/heldSchemes';
import { saveSetup } from '../hall/saveSetup';
import { describeIssues, errorResponse, problemsResponse, readJson } from '../httpError';
import { readableTextErrors } from '../schemes/readableText';
import { putConfig } from '../storage/configRepo';
import { eventsOfScheme } from '../storage/eventRepo';

const FILE = /^[\w.\-\u4e00-\u9fff]{1,100}\.(ya?ml|json)$/;
const schedule = z
  .object({
    schemes: z.array(z.object({ id: z.string().min(1).max(100), version: z.number().int().positive(), subject: subjectKindSchema, from: z.string().max(10).optional() }).strict()).max(50),
  })
  .strict();
const whatIfQuery = z
  .object({
    scheme: z.string().min(1, 'name a scheme id').max(100),
    version: z.string().regex(/^[1-9]\d{0,5}$/, 'a version number'),
    /** Default: last month in the hall's time zone. */
    period: z.string().max(20).optional(),
    asOf: instantSchema.optional(),
  })
  .strict();

/** A scheme file's errors as the API gives them: where (file, line, item, field), what is wrong, what is expected. */
const errorData = (e: SchemeError): { kind: 'scheme'; file: string; line: number | null; itemId: string | null; path: string; message: string; expected: string } => ({
  kind: 'scheme',
  file: e.file,
  line: e.line ?? null,
  itemId: e.itemId ?? null,
  path: e.path,
  message: e.message,
  expected: e.expected,
});

/**
 * The hall's schemes (docs/admin-api.md, docs/scheme-versions.md), mounted at /api/admin/schemes: GET / the versions
 * held (built-in or uploaded) and the schedule in force; GET /<id@version> one version; POST / upload a scheme file
 * (YAML or JSON, checked by the same validator as the build: every error with file, line, item and what is expected;
 * a version is never replaced); PUT /schedule which version applies to which level from which day; GET /what-if a
 * version's results for a period (default last month) beside the real ones, subject by subject, with the items that
 * moved. Another hall's scheme answers 403.
 */
export function schemeRoutes({ db, hall, log }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));
  const foreignOrMissing = async (c: Context<AppEnv>, id: string, what: string): Promise<Response> =>
    (await schemeOnlyElsewhere(db, c.get('auth').hallId, id))
      ? errorResponse(c, 'forbidden', `scheme "${id.slice(0, 100)}" is another hall's; this sign-in is for hall ${c.get('auth').hallId}`)
      : errorResponse(c, 'not-found', `no ${what} in this hall`);

  app.get('/', async (c) => {
    const { hallId } = c.get('auth');
    const config = await hall.current(db, hallId);
    const uploads = await db.query<{ key: string; file: string; uploaded_by: string; uploaded_at: Date }>('select key, file, uploaded_by, uploaded_at from scheme_uploads where hall_id = $1', [hallId]);
    const held = [...config.schemes.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version))
      .map((s) => {
        const up = uploads.find((u) => u.key === schemeKey(s.id, s.version));
        return {
          id: s.id,
          version: s.version,
          title: s.title,
          period: s.period,
          subjects: [...new Set(s.tables.map((t) => t.subject))],
          items: s.items.length,
          source: up ? { kind: 'uploaded', file: up.file, by: up.uploaded_by, at: new Date(up.uploaded_at).toISOString() } : { kind: 'built-in' },
        };
      });
    return c.json({ held, schedule: config.setup.schemes });
  });

  app.post('/', async (c) => {
    const file = c.req.query('file') ?? 'upload.yaml';
    if (!FILE.test(file)) return errorResponse(c, 'bad-request', `file "${file.slice(0, 100)}": a file name ending in .yaml, .yml or .json`);
    const text = await c.req.text();
    if (!text.trim()) return errorResponse(c, 'bad-request', `${file}: the file is empty`);
    const parsed = parseScheme(text, file);
    const errors = parsed.ok ? readableTextErrors(parsed.scheme, file) : parsed.errors;
    if (!parsed.ok || errors.length) {
      return problemsResponse(c, 'bad-request', `${file}: ${errors.slice(0, 10).map(formatSchemeError).join('; ')}${errors.length > 10 ? `; and ${errors.length - 10} more` : ''}`, errors.map(errorData));
    }
    const s = parsed.scheme;
    const { hallId, account } = c.get('auth');
    const key = schemeKey(s.id, s.version);
    const stored = await db.transaction(async (tx) => {
      const taken = await tx.query<{ key: string }>("select key from config where hall_id = $1 and kind = 'scheme' and key = $2", [hallId, key]);
      if (taken.length) return false;
      await putConfig(tx, hallId, 'scheme', key, JSON.stringify(s));
      await tx.query('insert into scheme_uploads (hall_id, key, file, uploaded_by) values ($1, $2, $3, $4)', [hallId, key, file, account.id]);
      return true;
    });
    if (!stored) return errorResponse(c, 'conflict', `${file}: scheme ${s.id} version ${s.version} is held already and is never replaced (findings were recorded under it); upload it as a new version`);
    log({ kind: 'admin', action: 'scheme.upload', by: account.id, hall: hallId, target: `${key} (${file})` });
    return c.json({ id: s.id, version: s.version, title: s.title, items: s.items.length }, 201);
  });

  app.put('/schedule', async (c) => {
    const raw = await readJson(c);
    if (!raw.ok) return raw.response;
    const req = schedule.safeParse(raw.value);
    if (!req.success) return errorResponse(c, 'bad-request', `schedule: ${describeIssues(req.error.issues)}`);
    const { hallId } = c.get('auth');
    const config = await hall.current(db, hallId);
    for (const id of new Set(req.data.schemes.map((a) => a.id))) {
      if (![...config.schemes.values()].some((s) => s.id === id) && (await schemeOnlyElsewhere(db, hallId, id))) return foreignOrMissing(c, id, `scheme "${id}"`);
    }
    const saved = await saveSetup(db, hall, hallId, { ...config.setup, schemes: req.data.schemes });
    if (!saved.ok) return saved.refusal.code === 'forbidden' ? errorResponse(c, 'forbidden', saved.refusal.message) : problemsResponse(c, saved.refusal.code, saved.refusal.message, saved.refusal.problems);
    if (saved.changed) log({ kind: 'admin', action: 'scheme.schedule', by: c.get('auth').account.id, hall: hallId, target: req.data.schemes.map((a) => `${a.id}@${a.version}${a.from ? ` from ${a.from}` : ''}`).join(', ') });
    return c.json({ changed: saved.changed, schedule: req.data.schemes });
  });

  app.get('/what-if', async (c) => {
    const q = whatIfQuery.safeParse(c.req.query());
    if (!q.success) return errorResponse(c, 'bad-request', `what-if: ${describeIssues(q.error.issues)}`);
    const { hallId } = c.get('auth');
    const config = await hall.current(db, hallId);
    const held = [...config.schemes.values()];
    const version = Number(q.data.version);
    if (!held.some((s) => s.id === q.data.scheme)) return foreignOrMissing(c, q.data.scheme, `scheme "${q.data.scheme}"`);
    if (!config.schemes.has(schemeKey(q.data.scheme, version))) return errorResponse(c, 'not-found', `scheme ${q.data.scheme} has no version ${version} in this hall (upload it first)`);
    const asOf = q.data.asOf ?? new Date().toISOString();
    const periodText = q.data.period ?? lastMonth(hallDay(asOf, config.setup.roster.hall.timeZone));
    const period = parsePeriod(periodText);
    if (!period) return errorResponse(c, 'bad-request', `period "${periodText}": expected YYYY-MM, YYYY-Qn or YYYY`);
    const events = await eventsOfScheme(db, hallId, q.data.scheme);
    const input = { schemeId: q.data.scheme, assignments: config.setup.schemes, held, roster: config.setup.roster, events, period, options: { countPending: false, asOf } };
    const real = scoreWithVersions(input);
    const whatIf = scoreWithVersions({ ...input, version });
    if ('error' in real || 'error' in whatIf) return errorResponse(c, 'not-found', `no version of scheme "${q.data.scheme}" scores ${periodText}`);
    return c.json({
      scheme: q.data.scheme,
      period: real.period,
      real: { version: real.versions.scoredBy, rule: real.versions.rule },
      whatIf: { version, notScored: whatIf.versions.otherVersions.filter((o) => o.outcome === 'not-scored') },
      subjects: compareResults(real, whatIf),
    });
  });

  app.get('/:key', async (c) => {
    const key = c.req.param('key');
    const { hallId } = c.get('auth');
    const s = (await hall.current(db, hallId)).schemes.get(key);
    if (s) return c.json(s);
    return foreignOrMissing(c, key.split('@')[0] ?? key, `scheme version "${key.slice(0, 100)}"`);
  });

  return app;
}

/** The month before a day's month: 2026-03-15 → 2026-02. */
function lastMonth(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
