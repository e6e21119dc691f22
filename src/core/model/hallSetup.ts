import { z } from 'zod';
import { subjectKindSchema } from '../scheme/schemeSchema';
import { rosterSchema } from './roster';

const rect = {
  x: z.number().finite(),
  y: z.number().finite(),
  w: z.number().finite().positive(),
  h: z.number().finite().positive(),
};
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day HH:MM');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD');

/**
 * How the hall floor is drawn: windows placed on a grid (in metres), zones and the entrance. The floor map renders
 * it as SVG; coordinates are the top-left corner of each shape.
 */
export const hallLayoutSchema = z.object({
  /** Floor size in layout units (metres). */
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
  /** Named areas (a unit's counters, 等候区). */
  zones: z.array(z.object({ id: z.string().min(1), name: z.string(), ...rect })),
  /** One tile per window of the roster. */
  tiles: z.array(z.object({ windowId: z.string().min(1), ...rect })),
  entrance: z.object(rect),
});
export type HallLayout = z.infer<typeof hallLayoutSchema>;

/**
 * A hall as shipped to a device: roster, layout, the schemes in force and which level each applies to, opening
 * hours. One definition for the type and for validation (sync, an admin upload, an IndexedDB read).
 */
export const hallSetupSchema = z
  .object({
    roster: rosterSchema,
    layout: hallLayoutSchema,
    /**
     * The scheme schedule: which scheme is assigned to each level of the hall (the tablet offers its patrol items) and
     * which version is in force from which hall-local day (`from`; absent: from the beginning) until the next version's
     * day. src/core/versions/schemeSchedule.ts reads and checks it; docs/scheme-versions.md.
     */
    schemes: z.array(z.object({ id: z.string().min(1), version: z.number().int().positive(), subject: subjectKindSchema, from: day.optional() })),
    /** Opening hours, HH:MM in the hall's time zone. */
    opening: z.object({ morning: z.tuple([clock, clock]), afternoon: z.tuple([clock, clock]) }),
    /** Days the hall is closed: weekdays (1 Monday … 7 Sunday) and dates (holidays); absent: open every day. */
    closed: z.object({ weekdays: z.array(z.number().int().min(1).max(7)), dates: z.array(day) }).optional(),
  })
  .superRefine((s, ctx) => {
    const windows = new Set(s.roster.windows.map((w) => w.id));
    s.layout.tiles.forEach((t, i) => {
      if (!windows.has(t.windowId)) ctx.addIssue({ code: 'custom', path: ['layout', 'tiles', i, 'windowId'], message: `tile for unknown window "${t.windowId}"` });
    });
  });
export type HallSetup = z.infer<typeof hallSetupSchema>;
