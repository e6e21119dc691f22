import { z } from 'zod';
import type { Finding, Roster } from './finding';

/** Validation at the edge (CLI file, server request, IndexedDB upgrade) for the engine's inputs. */
export const rosterSchema = z
  .object({
    hall: z.object({ id: z.string().min(1), name: z.string().min(1), timeZone: z.string().min(1) }),
    units: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) })),
    windows: z.array(z.object({ id: z.string().min(1), number: z.string().min(1), name: z.string().optional(), unitId: z.string().min(1) })),
    staff: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), unitId: z.string().min(1), windowId: z.string().optional() })),
    chiefs: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), unitId: z.string().min(1) })),
  })
  .superRefine((r, ctx) => {
    const units = new Set(r.units.map((u) => u.id));
    const windows = new Set(r.windows.map((w) => w.id));
    r.windows.forEach((w, i) => {
      if (!units.has(w.unitId)) ctx.addIssue({ code: 'custom', path: ['windows', i, 'unitId'], message: `window ${w.id}: unknown unit "${w.unitId}"` });
    });
    r.staff.forEach((s, i) => {
      if (!units.has(s.unitId)) ctx.addIssue({ code: 'custom', path: ['staff', i, 'unitId'], message: `staff ${s.id}: unknown unit "${s.unitId}"` });
      if (s.windowId && !windows.has(s.windowId)) ctx.addIssue({ code: 'custom', path: ['staff', i, 'windowId'], message: `staff ${s.id}: unknown window "${s.windowId}"` });
    });
    r.chiefs.forEach((c, i) => {
      if (!units.has(c.unitId)) ctx.addIssue({ code: 'custom', path: ['chiefs', i, 'unitId'], message: `chief ${c.id}: unknown unit "${c.unitId}"` });
    });
  });

const inputsSchema = z
  .object({
    amount: z.number().finite().optional(),
    level: z.string().optional(),
    quantity: z.number().finite().optional(),
    errors: z.number().finite().nonnegative().optional(),
    total: z.number().finite().nonnegative().optional(),
  })
  .strict();

const instant = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s), 'an ISO 8601 instant with offset, e.g. 2026-03-05T09:10:00+08:00');

export const findingSchema = z
  .object({
    id: z.string().min(1),
    itemId: z.string().min(1),
    at: instant,
    staffId: z.string().optional(),
    windowId: z.string().optional(),
    unitId: z.string().optional(),
    inputs: inputsSchema.optional(),
    state: z.enum(['recorded', 'acknowledged', 'contested', 'upheld', 'amended', 'overturned', 'voided']),
    amended: z.object({ itemId: z.string().optional(), inputs: inputsSchema.optional() }).strict().optional(),
    rectifiedAt: instant.optional(),
  })
  .strict();

export const findingsSchema = z.array(findingSchema);

/** Problems of an unknown value as "path: message" lines, or the typed value. */
export function validate<T>(schema: z.ZodType<T>, raw: unknown, what: string): { ok: true; value: T } | { ok: false; errors: string[] } {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${what}${i.path.length ? ' ' + i.path.join('.') : ''}: ${i.message}`) };
}

// Compile-time checks that the schemas produce the engine's types: a drift fails the typecheck.
type Assert<T extends true> = T;
export type RosterSchemaMatches = Assert<z.infer<typeof rosterSchema> extends Roster ? true : false>;
export type FindingSchemaMatches = Assert<z.infer<typeof findingSchema> extends Finding ? true : false>;
