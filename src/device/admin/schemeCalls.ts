import '../sync/zodWithoutEval';
import { z } from 'zod';
import { subjectKindSchema } from '../../core/scheme/schemeSchema';
import { adminTransport } from './adminTransport';
import type { AdminApiOptions } from './adminTransport';

const uploadedSchema = z.object({ id: z.string(), version: z.number(), title: z.string(), items: z.number() });
/** A scheme version the server took from an uploaded file. */
export type UploadedScheme = z.infer<typeof uploadedSchema>;

const sideSchema = z.object({ total: z.number(), gradeName: z.string().nullable(), rank: z.number() }).nullable();
const whatIfSchema = z.object({
  scheme: z.string(),
  period: z.object({ kind: z.string(), key: z.string(), start: z.string(), end: z.string() }),
  /** The version that really scores the period, and by which rule (docs/scheme-versions.md). */
  real: z.object({ version: z.number(), rule: z.string() }),
  /** The candidate version, and the period's findings it would leave out (with the reason). */
  whatIf: z.object({
    version: z.number(),
    notScored: z.array(z.object({ findingId: z.string(), recordedUnder: z.number(), itemId: z.string(), reason: z.string().optional() }).loose()),
  }),
  subjects: z.array(
    z.object({
      subject: subjectKindSchema,
      subjectId: z.string(),
      name: z.string(),
      real: sideSchema,
      whatIf: sideSchema,
      delta: z.number(),
      moved: z.array(z.object({ itemId: z.string(), itemName: z.string(), real: z.number(), whatIf: z.number() })),
    }),
  ),
});
/** A period's real results beside the results under a candidate version, subject by subject (the core's compareResults). */
export type WhatIfAnswer = z.infer<typeof whatIfSchema>;

/**
 * The hall's scheme files through the server (docs/admin-api.md, “Schemes and versions”): upload a file, checked by
 * the build's validator there (a refusal carries every error with file, line, item and what is expected), and the
 * what-if of a version before it takes effect.
 */
export function schemeCalls(o: AdminApiOptions) {
  const { send, call, checked } = adminTransport(o);
  const enc = encodeURIComponent;
  return {
    /** Upload a scheme file (YAML or JSON); the server keeps it as a new version or refuses it whole. */
    async uploadScheme(file: Blob, name: string): Promise<UploadedScheme> {
      const type = name.toLowerCase().endsWith('.json') ? 'application/json' : 'application/yaml';
      const res = await send('POST', `/api/admin/schemes?file=${enc(name)}`, { type, data: await file.text() });
      return checked(uploadedSchema, await res.json().catch(() => null), 'scheme upload');
    },
    /** Last month's (or `period`'s) real results beside those under `version` of scheme `id`. */
    async whatIf(id: string, version: number, period?: string): Promise<WhatIfAnswer> {
      const q = `scheme=${enc(id)}&version=${version}${period ? `&period=${enc(period)}` : ''}`;
      return checked(whatIfSchema, await call('GET', `/api/admin/schemes/what-if?${q}`), 'what-if');
    },
  };
}
