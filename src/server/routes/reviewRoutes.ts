import { Hono } from 'hono';
import { z } from 'zod';
import { instantSchema } from '../../core/time/instantSchema';
import { auditTrail } from '../../core/events/auditTrail';
import type { FindingEvent, FindingRecorded } from '../../core/events/events';
import { compareForQueue, reviewStatus } from '../../core/events/reviewStatus';
import type { ReviewStatus } from '../../core/events/reviewStatus';
import { reviewSettingsSchema } from '../../core/events/reviewSettings';
import { displayText } from '../../core/scheme/displayText';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { schemeKey } from '../hall/hallState';
import { describeIssues, errorResponse, readJson } from '../httpError';
import { putConfig } from '../storage/configRepo';
import { eventsOfContestedFindings } from '../storage/reviewRepo';
import type { ArrivedEvent } from '../storage/reviewRepo';
import { withArrival } from '../review/withArrival';

const queueQuery = z.object({
  /** 1: decided contests too (after the open ones); default: only contests waiting for a decision. */
  all: z.enum(['0', '1']).default('0'),
  /** The instant deadlines are judged at (default: now). */
  asOf: instantSchema.optional(),
});

/**
 * The hall's review rules and the committee's queue (docs/review.md):
 * GET /settings (every role: the deadlines are public rules), PUT /settings (admin, validated; devices get the change
 * at their next pull), GET /queue (committee and admin: contests with the finding, evidence, reason, status and full
 * history, overdue first).
 */
export function reviewRoutes({ db, hall, log }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/settings', requireAuth(db), async (c) => c.json((await hall.current(db, c.get('auth').hallId)).review));

  app.put('/settings', requireAuth(db), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const settings = reviewSettingsSchema.safeParse(body.value);
    if (!settings.success) return errorResponse(c, 'bad-request', `review settings: ${describeIssues(settings.error.issues)}`);
    const changed = await db.transaction((tx) => putConfig(tx, c.get('auth').hallId, 'review', 'hall', JSON.stringify(settings.data)));
    if (changed) log({ kind: 'admin', action: 'review.settings', by: c.get('auth').account.id, hall: c.get('auth').hallId, target: JSON.stringify(settings.data) });
    return c.json({ changed, settings: settings.data });
  });

  app.get('/queue', requireAuth(db), async (c) => {
    const q = queueQuery.safeParse(c.req.query());
    if (!q.success) return errorResponse(c, 'bad-request', `queue: ${describeIssues(q.error.issues)}`);
    const { hallId } = c.get('auth');
    const config = await hall.current(db, hallId);
    const now = q.data.asOf ?? new Date().toISOString();
    const byFinding = new Map<string, ArrivedEvent[]>();
    for (const a of await eventsOfContestedFindings(db, hallId)) {
      const list = byFinding.get(a.event.findingId);
      if (list) list.push(a);
      else byFinding.set(a.event.findingId, [a]);
    }
    const entries: { status: ReviewStatus; events: FindingEvent[]; arrived: ArrivedEvent[] }[] = [];
    for (const arrived of byFinding.values()) {
      const events = arrived.map((a) => a.event);
      const status = reviewStatus(events, config.review, config.setup.roster.hall.timeZone, now);
      if (!status?.contested || (q.data.all === '0' && !status.pending)) continue;
      entries.push({ status, events, arrived });
    }
    entries.sort((a, b) => compareForQueue(a.status, b.status));
    const items = entries.map(({ status, events, arrived }) => {
      const recorded = events.find((e): e is FindingRecorded => e.type === 'finding.recorded');
      const item = recorded && config.schemes.get(schemeKey(recorded.schemeId, recorded.schemeVersion))?.items.find((i) => i.id === recorded.itemId);
      const charged = arrived.find((a) => a.event.type === 'finding.recorded');
      return {
        findingId: status.findingId,
        status,
        recorded,
        item: item ? { id: item.id, name: item.name, text: displayText(item), verbatim: item.text, clause: item.clause, rule: item.rule } : null,
        unitId: charged?.unitId ?? null,
        windowId: charged?.windowId ?? null,
        trail: withArrival(auditTrail(events), arrived, config.review.clockToleranceMinutes),
      };
    });
    return c.json({ asOf: now, settings: config.review, items });
  });

  return app;
}
