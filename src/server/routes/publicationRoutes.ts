import { Hono } from 'hono';
import { z } from 'zod';
import { resultChanges, resultsDiffer } from '../../core/publish/resultChanges';
import { parsePeriod, periodKey, periodRange } from '../../core/time/period';
import type { PeriodRef } from '../../core/time/period';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import type { HallConfig } from '../hall/hallState';
import { schemeOnlyElsewhere } from '../hall/heldSchemes';
import { describeIssues, errorResponse, readJson } from '../httpError';
import { periodSnapshot, restingSet } from '../publish/periodSnapshot';
import type { SchemeChoice } from '../publish/periodSnapshot';
import type { Queryable } from '../storage/db';
import { scopeChanges, scopeResults } from '../publish/scopeResults';
import { insertPublication, publicationOf, publicationsOf, publishedPeriods } from '../storage/publicationRepo';
import type { PublicationSummary } from '../storage/publicationRepo';
import { hasControlCharacter } from '../../core/events/controlCharacters';

const periodQuery = z.object({
  scheme: z.string().min(1, 'name a scheme id').max(100),
  period: z.string().min(1, 'name a period: YYYY-MM, YYYY-Qn or YYYY').max(10),
});

const publishBody = z
  .object({
    scheme: z.string().min(1, 'name a scheme id').max(100),
    period: z.string().min(1, 'name a period: YYYY-MM, YYYY-Qn or YYYY').max(10),
    /** Revising: the revision the committee member saw (the latest), so two revisions at once cannot both land. */
    revises: z.number().int().positive().optional(),
    /** Revising: why the published results change (the committee's own words). */
    reason: z
      .string()
      .max(1000, 'at most 1000 characters')
      .refine((s) => s.trim().length >= 2, 'say why the published results change (at least 2 characters)')
      .refine((s) => !hasControlCharacter(s, { text: true }), 'contains a control character')
      .optional(),
  })
  .strict();

const revisionParam = z.coerce.number().int().positive().max(1_000_000);

type Resolved =
  | { ok: true; schemeId: string; choice: SchemeChoice; period: PeriodRef; key: string }
  | { ok: false; message: string; code: 'bad-request' | 'not-found' | 'forbidden' };

/**
 * The hall's scheme (its schedule and held versions: the version rule picks the one that scores) and the period a
 * request names, or what is wrong with them: a scheme only another hall holds is refused (403), an unknown one 404.
 */
export async function resolvePeriod(q: Queryable, hallId: string, config: HallConfig, schemeId: string, periodText: string): Promise<Resolved> {
  const period = parsePeriod(periodText);
  if (!period) return { ok: false, code: 'bad-request', message: `period "${periodText}": expected YYYY-MM, YYYY-Qn or YYYY` };
  const held = [...config.schemes.values()];
  if (!held.some((s) => s.id === schemeId)) {
    if (await schemeOnlyElsewhere(q, hallId, schemeId)) return { ok: false, code: 'forbidden', message: `scheme "${schemeId}" is another hall's; this sign-in is for hall ${hallId}` };
    return { ok: false, code: 'not-found', message: `no scheme "${schemeId}" (known: ${[...new Set(held.map((s) => s.id))].join(', ')})` };
  }
  return { ok: true, schemeId, choice: { schemeId, assignments: config.setup.schemes, held }, period, key: periodKey(period) };
}

const noVersion = (schemeId: string, key: string): string => `no version of scheme "${schemeId}" to score ${key} with`;

/**
 * Published periods (docs/results.md): the committee closes a period by publishing its final results, frozen with the
 * scheme version, the roster, and the SHA-256 digest of the events they rest on. A published revision is never changed;
 * a later decision that moves the results is published as a new revision with a reason and the list of what changed.
 *
 * GET  /?scheme=&period=                     the revisions of a period and what the results now would change
 * GET  /periods?scheme=                      every published period of a scheme (latest revision each, no changes)
 * GET  /:scheme/:period/:revision            one revision with its frozen results
 * GET  /:scheme/:period/:revision/verify     recompute the digest (and the results) from the stored events
 * POST /                                     publish a period (committee), or a revision with `revises` and `reason`
 * A chief sees the subjects (and changes) of their own scope only; the digest covers the whole period.
 */
export function publicationRoutes({ db, hall, log }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));

  app.get('/', async (c) => {
    const q = periodQuery.safeParse(c.req.query());
    if (!q.success) return errorResponse(c, 'bad-request', `publications: ${describeIssues(q.error.issues)}`);
    const { actor, hallId } = c.get('auth');
    const config = await hall.current(db, hallId);
    const r = await resolvePeriod(db, hallId, config, q.data.scheme, q.data.period);
    if (!r.ok) return errorResponse(c, r.code, r.message);
    const roster = config.setup.roster;
    const revisions = await publicationsOf(db, hallId, r.schemeId, r.key);
    const latest = await publicationOf(db, hallId, r.schemeId, r.key);
    let pending: { changes: ReturnType<typeof resultChanges>; laterEvents: number; digest: string } | null = null;
    if (latest) {
      const now = await periodSnapshot(db, hallId, r.choice, roster, r.period, new Date().toISOString(), { since: latest.lastSeq });
      if (!now) return errorResponse(c, 'not-found', noVersion(r.schemeId, r.key));
      pending = { changes: scopeChanges(actor, roster, resultChanges(latest.results, now.results)), laterEvents: now.laterEvents, digest: now.digest };
    }
    return c.json({
      schemeId: r.schemeId,
      periodKey: r.key,
      revisions: revisions.map((p) => scopeSummary(p, (ch) => scopeChanges(actor, roster, ch))),
      /** Null when unpublished; otherwise what publishing a revision now would change (empty: nothing). */
      pending,
    });
  });

  app.get('/periods', async (c) => {
    const q = z.object({ scheme: z.string().min(1).max(100) }).safeParse(c.req.query());
    if (!q.success) return errorResponse(c, 'bad-request', `published periods: ${describeIssues(q.error.issues)}`);
    const { hallId } = c.get('auth');
    const config = await hall.current(db, hallId);
    if (![...config.schemes.values()].some((s) => s.id === q.data.scheme)) {
      if (await schemeOnlyElsewhere(db, hallId, q.data.scheme)) return errorResponse(c, 'forbidden', `scheme "${q.data.scheme}" is another hall's; this sign-in is for hall ${hallId}`);
      return errorResponse(c, 'not-found', `no scheme "${q.data.scheme}"`);
    }
    const list = await publishedPeriods(db, hallId, q.data.scheme);
    // No subject data here (the changes are in each period's own list), so a chief sees every published period.
    return c.json({ schemeId: q.data.scheme, periods: list.map(({ changes: _changes, ...p }) => p) });
  });

  app.get('/:scheme/:period/:revision', async (c) => {
    const found = await findRevision(c.get('auth').hallId, c.req.param('scheme'), c.req.param('period'), c.req.param('revision'));
    if (!found.ok) return errorResponse(c, found.code, found.message);
    const { actor } = c.get('auth');
    const p = found.publication;
    return c.json({ ...p, results: scopeResults(actor, p.roster, p.results), roster: undefined, changes: scopeChanges(actor, p.roster, p.changes) });
  });

  app.get('/:scheme/:period/:revision/verify', async (c) => {
    const { hallId } = c.get('auth');
    const found = await findRevision(hallId, c.req.param('scheme'), c.req.param('period'), c.req.param('revision'));
    if (!found.ok) return errorResponse(c, found.code, found.message);
    const p = found.publication;
    const period = parsePeriod(p.periodKey);
    if (!period) return errorResponse(c, 'server', `the stored period "${p.periodKey}" cannot be read`);
    // The same events (seq ≤ lastSeq), the same scheme version, roster and instant as at publication (null: that
    // version is no longer held).
    const again = await periodSnapshot(db, hallId, { ...found.choice, version: p.schemeVersion }, p.roster, period, p.asOf, { upTo: p.lastSeq });
    const recomputed = again?.digest ?? (await restingSet(db, hallId, p.schemeId, p.roster.hall.timeZone, period, { upTo: p.lastSeq })).digest;
    return c.json({
      schemeId: p.schemeId,
      periodKey: p.periodKey,
      revision: p.revision,
      digest: p.digest,
      recomputed,
      matches: recomputed === p.digest,
      eventCount: p.eventCount,
      eventCountNow: again?.eventCount ?? null,
      /** The frozen results equal a fresh computation from those events (null: the scheme version is no longer stored). */
      resultsMatch: again ? !resultsDiffer(p.results, again.results) : null,
    });
  });

  app.post('/', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const b = publishBody.safeParse(body.value);
    if (!b.success) return errorResponse(c, 'bad-request', `publish: ${describeIssues(b.error.issues)}`);
    const { account, hallId } = c.get('auth');
    const config = await hall.current(db, hallId);
    const r = await resolvePeriod(db, hallId, config, b.data.scheme, b.data.period);
    if (!r.ok) return errorResponse(c, r.code, r.message);
    const roster = config.setup.roster;
    const nowIso = new Date().toISOString();
    const range = periodRange(r.period, roster.hall.timeZone);
    if (Date.parse(nowIso) < range.endMs) {
      return errorResponse(c, 'conflict', `${r.key} is not over yet (it ends ${new Date(range.endMs).toISOString()}, ${roster.hall.timeZone} midnight): a period is published once it has ended`);
    }
    const outcome = await db.transaction(async (tx) => {
      const latest = await publicationOf(tx, hallId, r.schemeId, r.key);
      if (!latest && (b.data.revises !== undefined || b.data.reason !== undefined)) {
        return { refused: 'bad-request' as const, message: `${r.key} of ${r.schemeId} is not published yet: there is nothing to revise (publish it without revises and reason)` };
      }
      if (latest && b.data.revises === undefined) {
        return { refused: 'conflict' as const, message: `${r.key} of ${r.schemeId} is already published (revision ${latest.revision}, ${latest.publishedAt}); a published period is not edited: publish a revision with revises: ${latest.revision} and a reason` };
      }
      if (latest && b.data.revises !== latest.revision) {
        return { refused: 'conflict' as const, message: `revision ${latest.revision} is the latest of ${r.key}, not ${b.data.revises}: look at it before revising` };
      }
      if (latest && b.data.reason === undefined) return { refused: 'bad-request' as const, message: 'a revision needs a reason: say why the published results change' };
      const snap = await periodSnapshot(tx, hallId, r.choice, roster, r.period, nowIso);
      if (!snap) return { refused: 'not-found' as const, message: noVersion(r.schemeId, r.key) };
      const changes = latest ? resultChanges(latest.results, snap.results) : [];
      if (latest && !resultsDiffer(latest.results, snap.results)) {
        return { refused: 'conflict' as const, message: `nothing changed since revision ${latest.revision} of ${r.key}: the results now are the published ones` };
      }
      const revision = (latest?.revision ?? 0) + 1;
      const stored = await insertPublication(tx, hallId, {
        schemeId: r.schemeId,
        periodKey: r.key,
        revision,
        periodKind: r.period.kind,
        schemeVersion: snap.scheme.version,
        publishedBy: account.id,
        reason: latest ? (b.data.reason ?? null) : null,
        asOf: nowIso,
        lastSeq: snap.lastSeq,
        eventCount: snap.eventCount,
        findingCount: snap.findingCount,
        digest: snap.digest,
        results: snap.results,
        roster,
        changes,
      });
      if (!stored) return { refused: 'conflict' as const, message: `revision ${revision} of ${r.key} was published meanwhile by someone else: look at it first` };
      return { refused: null, revision, digest: snap.digest, changes: changes.length };
    });
    if (outcome.refused) return errorResponse(c, outcome.refused, outcome.message);
    log({ kind: 'admin', action: 'results.publish', by: account.id, target: `${hallId} ${r.schemeId} ${r.key} revision ${outcome.revision} ${outcome.digest}` });
    const published = await publicationOf(db, hallId, r.schemeId, r.key, outcome.revision);
    return c.json({ ...published, roster: undefined }, 201);
  });

  async function findRevision(hallId: string, schemeId: string, periodText: string, revisionText: string) {
    const revision = revisionParam.safeParse(revisionText);
    if (!revision.success) return { ok: false as const, code: 'bad-request' as const, message: `revision "${revisionText.slice(0, 20)}": expected a whole number from 1` };
    const config = await hall.current(db, hallId);
    const r = await resolvePeriod(db, hallId, config, schemeId, periodText);
    if (!r.ok) return r;
    const publication = await publicationOf(db, hallId, r.schemeId, r.key, revision.data);
    if (!publication) return { ok: false as const, code: 'not-found' as const, message: `${r.schemeId} ${r.key} has no published revision ${revision.data}` };
    return { ok: true as const, publication, choice: r.choice };
  }

  return app;
}

/** A revision's summary with its changes narrowed to the caller's scope. */
function scopeSummary(p: PublicationSummary, scope: (changes: PublicationSummary['changes']) => PublicationSummary['changes']): PublicationSummary {
  return { ...p, changes: scope(p.changes) };
}
