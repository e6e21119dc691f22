import { z } from 'zod';

/** An ISO 8601 instant with a Z or ±HH:MM offset, as events, findings and queries carry them. */
export const instantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO 8601 instant with offset, e.g. 2026-03-05T09:10:00+08:00');
