import '../sync/zodWithoutEval';
import { z } from 'zod';
import { rosterSchema } from '../../core/model/roster';
import type { RosterChangeEffect } from '../../core/model/rosterChange';
import { adminTransport } from './adminTransport';
import type { AdminApiOptions } from './adminTransport';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const effectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff-left'), staffId: z.string(), name: z.string(), on: z.string(), findings: z.number() }),
  z.object({ kind: z.literal('staff-returned'), staffId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('chief-replaced'), unitId: z.string(), from: z.object({ id: z.string(), name: z.string() }), to: z.object({ id: z.string(), name: z.string() }), findings: z.number() }),
  z.object({ kind: z.literal('window-renumbered'), windowId: z.string(), from: z.string(), to: z.string(), findings: z.number() }),
  z.object({ kind: z.literal('removed-unused'), list: z.enum(['units', 'windows', 'staff', 'chiefs']), id: z.string(), name: z.string() }),
]) satisfies z.ZodType<RosterChangeEffect>;

const importSchema = z.object({
  changed: z.boolean(),
  /** What the import does to recorded findings: people marked as left, a chief replaced, unused people removed. */
  effects: z.array(effectSchema),
  summary: z.object({ rows: z.number(), staff: z.number(), chiefs: z.number(), left: z.array(z.string()) }),
  /** The roster the file makes (a preview only). */
  roster: rosterSchema.optional(),
});
/** What the server makes of a roster file: a preview (with the roster) or the saved import. */
export type RosterImportAnswer = z.infer<typeof importSchema>;

/** The kind of roster file by its name, as the server takes it; null for any other file. */
export function rosterFileType(name: string): string | null {
  const lower = name.toLowerCase();
  return lower.endsWith('.xlsx') ? XLSX_TYPE : lower.endsWith('.csv') ? 'text/csv' : null;
}

/**
 * The roster file through the server (docs/admin-api.md): the template of the hall's units to download, and a file
 * read and checked there (exceljs; every row by the core's importRoster, against the findings recorded so far, so a
 * person with findings who is missing from the file is marked as left), first as a preview, then saved.
 */
export function rosterFileCalls(o: AdminApiOptions) {
  const { send, checked } = adminTransport(o);
  return {
    async rosterTemplate(format: 'xlsx' | 'csv'): Promise<Blob> {
      return (await send('GET', `/api/admin/hall/roster/template?format=${format}`)).blob();
    },
    /** Send a roster file (its type from rosterFileType) for a preview (`apply` false) or to replace the roster. */
    async importRoster(file: Blob, type: string, apply: boolean): Promise<RosterImportAnswer> {
      // The bytes, not the Blob: the same body whichever Blob implementation the file came from.
      const res = await send('POST', `/api/admin/hall/roster/import?apply=${apply ? 1 : 0}`, { type, data: await file.arrayBuffer() });
      return checked(importSchema, await res.json().catch(() => null), 'roster import');
    },
  };
}
