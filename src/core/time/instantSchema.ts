import { z } from 'zod';
import { parseInstant } from './parseInstant';

/**
 * An ISO 8601 instant with a Z or ±HH:MM offset, as events, findings and queries carry them, and on the calendar
 * (parseInstant: no February 30, month 13, hour 24, second 60, offset beyond ±14:00).
 */
export const instantSchema = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO 8601 instant with offset, e.g. 2026-03-05T09:10:00+08:00')
  .refine((s) => !Number.isNaN(parseInstant(s)), 'not an instant on the calendar (check the day of the month, month 1-12, hour 0-23, second 0-59, offset within ±14:00)');
