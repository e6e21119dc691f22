import type { z } from 'zod';

/** Problems of a file's value against a schema as "what path: message" lines, or the typed value. */
export function validate<T>(schema: z.ZodType<T>, raw: unknown, what: string): { ok: true; value: T } | { ok: false; errors: string[] } {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${what}${i.path.length ? ' ' + i.path.join('.') : ''}: ${i.message}`) };
}
