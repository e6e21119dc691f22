import { z } from 'zod';
import { rosterSchema } from './inputSchemas';
import type { HallSetup } from './hallSetup';

const rect = { x: z.number().finite(), y: z.number().finite(), w: z.number().finite().positive(), h: z.number().finite().positive() };
const clock = z.string().regex(/^\d{2}:\d{2}$/, 'a time of day HH:MM');

/** Edge validation of a hall setup (roster, layout, schemes in force, opening hours) from sync or an admin upload. */
export const hallSetupSchema = z
  .object({
    roster: rosterSchema,
    layout: z.object({
      width: z.number().finite().positive(),
      height: z.number().finite().positive(),
      zones: z.array(z.object({ id: z.string().min(1), name: z.string(), ...rect })),
      tiles: z.array(z.object({ windowId: z.string().min(1), ...rect })),
      entrance: z.object(rect),
    }),
    schemes: z.array(z.object({ id: z.string().min(1), version: z.number().int().positive(), subject: z.string().min(1) })),
    opening: z.object({ morning: z.tuple([clock, clock]), afternoon: z.tuple([clock, clock]) }),
  })
  .superRefine((s, ctx) => {
    const windows = new Set(s.roster.windows.map((w) => w.id));
    s.layout.tiles.forEach((t, i) => {
      if (!windows.has(t.windowId)) ctx.addIssue({ code: 'custom', path: ['layout', 'tiles', i, 'windowId'], message: `tile for unknown window "${t.windowId}"` });
    });
  });

type Assert<T extends true> = T;
export type HallSetupSchemaMatches = Assert<z.infer<typeof hallSetupSchema> extends HallSetup ? true : false>;
