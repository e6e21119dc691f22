import { z } from 'zod';

const ref = z.string().min(1);

/** Whether the runtime knows this IANA time zone (every date of the hall is read in it). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The hall's people and places, as the engine and the checks need them. One definition: the type is inferred from
 * this schema, which also validates a roster at the edge (CLI file, server request, a pull, an IndexedDB upgrade).
 */
export const rosterSchema = z
  .object({
    /** The hall: its id, its name as printed, and the IANA time zone its days and periods are counted in. */
    hall: z.object({ id: ref, name: ref, timeZone: ref.refine(isTimeZone, 'an IANA time zone the runtime knows, such as Asia/Shanghai') }),
    /** 进驻部门 / 派驻单位. */
    units: z.array(z.object({ id: ref, name: ref })),
    /** Counters on the floor: the number painted on it, an optional name, and the unit it serves. */
    windows: z.array(z.object({ id: ref, number: ref, name: z.string().optional(), unitId: ref })),
    /**
     * 窗口工作人员, each of a unit, seated at a window of that unit (or none). `left`: the hall-local day they left the
     * hall; a person with recorded findings is marked so, never deleted (their findings and results stay theirs).
     */
    staff: z.array(z.object({ id: ref, name: ref, unitId: ref, windowId: z.string().optional(), left: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD').optional() })),
    /** 首席代表: one per unit. */
    chiefs: z.array(z.object({ id: ref, name: ref, unitId: ref })),
  })
  .superRefine((r, ctx) => {
    const units = new Set(r.units.map((u) => u.id));
    const windows = new Map(r.windows.map((w) => [w.id, w]));
    r.windows.forEach((w, i) => {
      if (!units.has(w.unitId)) ctx.addIssue({ code: 'custom', path: ['windows', i, 'unitId'], message: `window ${w.id}: unknown unit "${w.unitId}"` });
    });
    r.staff.forEach((s, i) => {
      if (!units.has(s.unitId)) ctx.addIssue({ code: 'custom', path: ['staff', i, 'unitId'], message: `staff ${s.id}: unknown unit "${s.unitId}"` });
      const seat = s.windowId ? windows.get(s.windowId) : undefined;
      if (s.windowId && !seat) ctx.addIssue({ code: 'custom', path: ['staff', i, 'windowId'], message: `staff ${s.id}: unknown window "${s.windowId}"` });
      // A person sits at a window of their own unit: placement derives the unit from either and they must agree.
      if (seat && seat.unitId !== s.unitId) {
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'windowId'], message: `staff ${s.id} of unit "${s.unitId}" sits at window ${seat.id} of unit "${seat.unitId}"` });
      }
    });
    r.chiefs.forEach((c, i) => {
      if (!units.has(c.unitId)) ctx.addIssue({ code: 'custom', path: ['chiefs', i, 'unitId'], message: `chief ${c.id}: unknown unit "${c.unitId}"` });
    });
  });

export type Roster = z.infer<typeof rosterSchema>;
export type RosterWindow = Roster['windows'][number];
export type RosterStaff = Roster['staff'][number];
export type RosterUnit = Roster['units'][number];
export type RosterChief = Roster['chiefs'][number];
