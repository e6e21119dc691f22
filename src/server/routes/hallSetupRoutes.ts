import { Hono } from 'hono';
import type { Context } from 'hono';
import { ulid } from 'ulid';
import { z } from 'zod';
import { hallLayoutSchema } from '../../core/model/hallSetup';
import type { HallSetup } from '../../core/model/hallSetup';
import { importRoster } from '../../core/model/rosterImport';
import { hallDay } from '../../core/time/hallDay';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { saveSetup } from '../hall/saveSetup';
import type { SaveResult } from '../hall/saveSetup';
import { errorResponse, problemsResponse, readJson } from '../httpError';
import { readRosterFile, RosterFileError, rosterTemplate, XLSX_TYPE } from '../roster/readRosterFile';
import { rosterUsage } from '../storage/eventRepo';
import { listed, rosterImportText } from '../words/hallProblemText';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day HH:MM');
const settings = z
  .object({
    name: z.string().trim().min(1).max(100),
    timeZone: z.string().min(1).max(64),
    opening: z.object({ morning: z.tuple([clock, clock]), afternoon: z.tuple([clock, clock]) }).strict(),
    closed: z.object({ weekdays: z.array(z.number().int().min(1).max(7)).max(7), dates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD')).max(400) }).strict(),
  })
  .strict();
const text = z.string().min(1).max(100);
const floor = z
  .object({
    layout: hallLayoutSchema,
    windows: z.array(z.object({ id: text, number: text, name: z.string().max(100).optional(), unitId: text }).strict()).max(2000),
  })
  .strict();
const roster = z
  .object({
    units: z.array(z.object({ id: text, name: text }).strict()).max(500),
    staff: z.array(z.object({ id: text, name: text, unitId: text, windowId: text.optional(), left: z.string().optional() }).strict()).max(5000),
    chiefs: z.array(z.object({ id: text, name: text, unitId: text }).strict()).max(500),
  })
  .strict();

/**
 * The hall admin's setup (docs/admin-api.md): the whole setup (GET / with the held scheme versions, PUT /), and in parts, each a GET and a PUT of
 * its own slice (settings, floor, roster), and the roster file import with its template. Every PUT goes through saveSetup: checked as a whole (shape, hall problems, schedule, no
 * finding orphaned), all or nothing. Mounted at /api/admin/hall.
 */
export function hallSetupRoutes({ db, hall, log }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));
  const current = async (c: Context<AppEnv>): Promise<HallSetup> => (await hall.current(db, c.get('auth').hallId)).setup;
  /** Answer a save: its refusal (nothing changed) or what changed and what it does to recorded findings. */
  const answer = (c: Context<AppEnv>, saved: SaveResult, action: string, extra: Record<string, unknown> = {}): Response => {
    if (!saved.ok) return saved.refusal.code === 'forbidden' ? errorResponse(c, 'forbidden', saved.refusal.message) : problemsResponse(c, saved.refusal.code, saved.refusal.message, saved.refusal.problems);
    if (saved.changed) log({ kind: 'admin', action, by: c.get('auth').account.id, hall: c.get('auth').hallId, target: action });
    return c.json({ changed: saved.changed, effects: saved.effects, ...extra });
  };
  const body = async <T>(c: Context<AppEnv>, schema: z.ZodType<T>, what: string): Promise<{ ok: true; value: T } | { ok: false; response: Response }> => {
    const raw = await readJson(c);
    if (!raw.ok) return raw;
    const r = schema.safeParse(raw.value);
    if (!r.success) return { ok: false, response: errorResponse(c, 'bad-request', `${what}: ${r.error.issues.map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`).join('; ')}`) };
    return { ok: true, value: r.data };
  };

  // The whole setup, and a summary of every scheme version the hall holds (the admin screens assign them to levels).
  app.get('/', async (c) => {
    const config = await hall.current(db, c.get('auth').hallId);
    const schemes = [...config.schemes.values()]
      .map((s) => ({ id: s.id, version: s.version, title: s.title, period: s.period, subjects: [...new Set(s.tables.map((t) => t.subject))] }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
    return c.json({ revision: config.revision, setup: config.setup, schemes });
  });

  // The whole setup at once (the screens use the parts: docs/admin-api.md); checked by saveSetup, all or nothing.
  app.put('/', async (c) => {
    const raw = await readJson(c);
    if (!raw.ok) return raw.response;
    return answer(c, await saveSetup(db, hall, c.get('auth').hallId, raw.value), 'hall.replace');
  });

  app.get('/settings', async (c) => {
    const s = await current(c);
    return c.json({ name: s.roster.hall.name, timeZone: s.roster.hall.timeZone, opening: s.opening, closed: s.closed ?? { weekdays: [], dates: [] } });
  });

  // Name, time zone (one that exists: checked by the roster's schema), opening hours, closed weekdays and dates.
  app.put('/settings', async (c) => {
    const req = await body(c, settings, 'hall settings');
    if (!req.ok) return req.response;
    const s = await current(c);
    const next: HallSetup = { ...s, roster: { ...s.roster, hall: { ...s.roster.hall, name: req.value.name, timeZone: req.value.timeZone } }, opening: req.value.opening, closed: req.value.closed };
    return answer(c, await saveSetup(db, hall, c.get('auth').hallId, next), 'hall.settings');
  });

  app.get('/floor', async (c) => {
    const s = await current(c);
    return c.json({ layout: s.layout, windows: s.roster.windows, units: s.roster.units });
  });

  // The floor map editor's save: windows (number, name, unit) and where each tile and named area lies.
  app.put('/floor', async (c) => {
    const req = await body(c, floor, 'floor map');
    if (!req.ok) return req.response;
    const s = await current(c);
    const next: HallSetup = { ...s, layout: req.value.layout, roster: { ...s.roster, windows: req.value.windows } };
    return answer(c, await saveSetup(db, hall, c.get('auth').hallId, next), 'hall.floor');
  });

  app.get('/roster', async (c) => {
    const s = await current(c);
    return c.json({ units: s.roster.units, staff: s.roster.staff, chiefs: s.roster.chiefs, windows: s.roster.windows });
  });

  app.put('/roster', async (c) => {
    const req = await body(c, roster, 'roster');
    if (!req.ok) return req.response;
    const s = await current(c);
    const next: HallSetup = { ...s, roster: { ...s.roster, ...req.value } };
    return answer(c, await saveSetup(db, hall, c.get('auth').hallId, next), 'hall.roster');
  });

  app.get('/roster/template', async (c) => {
    const format = c.req.query('format') ?? 'xlsx';
    if (format !== 'xlsx' && format !== 'csv') return errorResponse(c, 'bad-request', `format "${format.slice(0, 20)}": expected xlsx or csv`);
    const s = await current(c);
    const bytes = await rosterTemplate(
      s.roster.units.map((u) => u.name),
      (name) => {
        const unit = s.roster.units.find((u) => u.name === name);
        return s.roster.windows.find((w) => w.unitId === unit?.id)?.number;
      },
      format,
    );
    return c.body(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 200, {
      'content-type': format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="roster-template.${format}"`,
    });
  });

  /**
   * A roster file (.xlsx or CSV, by its content type) replaces the staff and chiefs: checked row by row (core
   * importRoster), all or nothing. `?apply=1` saves it; without, a preview of what it would do.
   */
  app.post('/roster/import', async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const format = type === XLSX_TYPE ? 'xlsx' : type === 'text/csv' ? 'csv' : null;
    if (!format) return errorResponse(c, 'bad-request', `content type "${type.slice(0, 80)}": send the roster as ${XLSX_TYPE} (.xlsx) or text/csv`);
    const apply = c.req.query('apply') ?? '0';
    if (apply !== '0' && apply !== '1') return errorResponse(c, 'bad-request', 'apply: 0 (preview) or 1 (save)');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    let rows;
    try {
      rows = await readRosterFile(bytes, format);
    } catch (e) {
      if (e instanceof RosterFileError) return problemsResponse(c, 'bad-request', `roster file: ${e.message}`, [{ ...e.problem, message: e.message }]);
      throw e;
    }
    const { hallId } = c.get('auth');
    const s = await current(c);
    const usage = await rosterUsage(db, hallId);
    const made = importRoster(s.roster, rows, {
      newId: (kind) => `${kind === 'staff' ? 's' : 'c'}-${ulid().toLowerCase()}`,
      used: new Set(usage.staff.keys()),
      today: hallDay(Date.now(), s.roster.hall.timeZone),
    });
    if (made.problems.length) return problemsResponse(c, 'bad-request', listed('roster file', made.problems, rosterImportText), made.problems);
    const next: HallSetup = { ...s, roster: made.roster };
    const saved = await saveSetup(db, hall, hallId, next, apply === '0');
    const summary = { rows: rows.length, staff: made.roster.staff.filter((p) => !p.left).length, chiefs: made.roster.chiefs.length, left: made.roster.staff.filter((p) => p.left && !s.roster.staff.find((o) => o.id === p.id)?.left).map((p) => p.id) };
    return answer(c, saved, apply === '1' ? 'hall.roster.import' : 'hall.roster.preview', { applied: apply === '1', summary, roster: apply === '0' ? made.roster : undefined });
  });

  return app;
}
